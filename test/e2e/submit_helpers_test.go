//go:build e2e

package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/kdbg/kdbg/lib/session"
)

// kdbgCommands are the pipeline's commands that the submit and attach tests run.
var kdbgCommands = []string{"kdbg-spec", "kdbg-profile", "kdbg-submit", "kdbg-attach"}

// kdbgBin builds the kdbg commands into a temporary directory and returns it.
func kdbgBin(t *testing.T) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..")
	dir := t.TempDir()
	args := []string{"build", "-o", dir + "/"}
	for _, c := range kdbgCommands {
		args = append(args, "./cmd/"+c)
	}
	cmd := exec.Command("go", args...)
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return dir
}

// result is what a shell pipeline did.
type result struct {
	stdout, stderr string
	code           int
	took           time.Duration
}

// pipeline runs script with bash -o pipefail, the kdbg commands first on PATH and
// KUBECONFIG set, and returns what it did; it never fails the test.
func pipeline(t *testing.T, bin, kubeconfig, stdin, script string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), commandTimout)
	defer cancel()
	cmd := shell(ctx, bin, kubeconfig, script)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errb.String(), took: time.Since(start)}
	r.code = exitCode(t, err)
	t.Logf("$ %s\n(exit %d after %v)\nstderr:\n%s", script, r.code,
		r.took.Round(time.Millisecond), r.stderr)
	return r
}

func shell(ctx context.Context, bin, kubeconfig, script string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "bash", "-o", "pipefail", "-c", script)
	cmd.Env = append(os.Environ(), "PATH="+bin+":"+os.Getenv("PATH"), "KUBECONFIG="+kubeconfig)
	return cmd
}

func exitCode(t *testing.T, err error) int {
	t.Helper()
	if err == nil {
		return 0
	}
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	t.Fatalf("running the pipeline: %v", err)
	return -1
}

// mustPipeline runs script and fails the test unless it exits 0.
func mustPipeline(t *testing.T, bin, kubeconfig, stdin, script string) string {
	t.Helper()
	r := pipeline(t, bin, kubeconfig, stdin, script)
	if r.code != 0 {
		t.Fatalf("%s: exit %d\nstdout: %s\nstderr: %s", script, r.code, r.stdout, r.stderr)
	}
	return r.stdout
}

// decodeSessions reads the sessions a command wrote.
func decodeSessions(t *testing.T, out string) []*session.DebugSession {
	t.Helper()
	all, err := session.ReadAll(strings.NewReader(out))
	if err != nil {
		t.Fatalf("reading sessions: %v\n%s", err, out)
	}
	return all
}

// runningDemoPod creates a demo-app pod in ns, deleted when the test ends, and waits
// until it runs.
func runningDemoPod(t *testing.T, kubeconfig, ns, securityContext string) string {
	t.Helper()
	pod := uniqueName("demo")
	applyAs(t, kubeconfig, demoPod(ns, pod, securityContext))
	waitPodRunning(t, kubeconfig, ns, pod)
	return pod
}

// ephemeralNames returns the names of a pod's ephemeral containers.
func ephemeralNames(t *testing.T, kubeconfig, ns, pod string) []string {
	t.Helper()
	out := kubectlAs(t, kubeconfig, "-n", ns, "get", "pod", pod, "-o", "json")
	var p struct {
		Spec struct {
			EphemeralContainers []struct {
				Name string `json:"name"`
			} `json:"ephemeralContainers"`
		} `json:"spec"`
	}
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatalf("reading pod %s: %v", pod, err)
	}
	var names []string
	for _, c := range p.Spec.EphemeralContainers {
		names = append(names, c.Name)
	}
	return names
}

// podGone reports whether a pod no longer exists.
func podGone(kubeconfig, ns, pod string) (bool, string) {
	out, errOut, err := runKubectl(kubeconfig, "", "-n", ns, "get", "pod", pod,
		"--ignore-not-found", "-o", "name")
	if err != nil {
		return false, errOut
	}
	return strings.TrimSpace(out) == "", out
}

// eventsOn keeps the audit events about the named object: tests run in parallel.
func eventsOn(es []auditEvent, name string) []auditEvent {
	var out []auditEvent
	for _, e := range es {
		if e.ObjectRef.Name == name {
			out = append(out, e)
		}
	}
	return out
}
