//go:build e2e

// Package e2e runs kdbg and kubectl against the real local cluster that
// `make cluster-up` starts (test/cluster). The tests build only with -tags e2e,
// so a plain `go test ./...` stays hermetic. They read the cluster from
// $KUBECONFIG, else from $KDBG_CLUSTER_DIR/kubeconfig.
package e2e

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Names the cluster harness guarantees; see test/cluster.
const (
	nodeName      = "kdbg-node"
	busyboxImage  = "kdbg.local/busybox:1.35"
	demoAppImage  = "kdbg.local/demo-app:1"
	limitedNS     = "limited"
	podTimeout    = 90 * time.Second
	commandTimout = 2 * time.Minute
)

// clusterDir is the harness's base directory.
func clusterDir() string {
	if d := os.Getenv("KDBG_CLUSTER_DIR"); d != "" {
		return d
	}
	return "/var/tmp/kdbg-cluster"
}

// adminKubeconfig is $KUBECONFIG, else the harness's admin kubeconfig. The
// test is skipped when neither exists: no cluster is up.
func adminKubeconfig(t testing.TB) string {
	t.Helper()
	kc := os.Getenv("KUBECONFIG")
	if kc == "" {
		kc = filepath.Join(clusterDir(), "kubeconfig")
	}
	if _, err := os.Stat(kc); err != nil {
		noCluster(t, "no cluster: %v (run `make cluster-up`)", err)
	}
	return kc
}

// noCluster skips the test, or fails it under `make e2e`, which sets
// KDBG_E2E_REQUIRE=1 so that a missing cluster cannot pass as skipped tests.
func noCluster(t testing.TB, format string, args ...any) {
	t.Helper()
	if os.Getenv("KDBG_E2E_REQUIRE") == "1" {
		t.Fatalf(format, args...)
	}
	t.Skipf(format, args...)
}

// limitedKubeconfig is the kubeconfig of user kdbg-limited, who may only
// work with pods in namespace "limited".
func limitedKubeconfig(t testing.TB) string {
	t.Helper()
	kc := filepath.Join(clusterDir(), "kubeconfig-limited")
	if _, err := os.Stat(kc); err != nil {
		noCluster(t, "no limited kubeconfig: %v", err)
	}
	return kc
}

// kubectlBinary is $KUBECTL or the kubectl on PATH (/usr/bin/kubectl here).
func kubectlBinary() string {
	if k := os.Getenv("KUBECTL"); k != "" {
		return k
	}
	return "kubectl"
}

// runKubectl runs kubectl with kubeconfig and stdin and returns its stdout
// and stderr; it never fails the test.
func runKubectl(kubeconfig, stdin string, args ...string) (string, string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), commandTimout)
	defer cancel()
	args = append([]string{"--kubeconfig", kubeconfig}, args...)
	cmd := exec.CommandContext(ctx, kubectlBinary(), args...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	return out.String(), errb.String(), err
}

// kubectl runs kubectl as the admin and fails the test if it fails.
func kubectl(t testing.TB, args ...string) string {
	t.Helper()
	return kubectlAs(t, adminKubeconfig(t), args...)
}

// kubectlAs runs kubectl with the given kubeconfig and fails the test if it fails.
func kubectlAs(t testing.TB, kubeconfig string, args ...string) string {
	t.Helper()
	out, errOut, err := runKubectl(kubeconfig, "", args...)
	if err != nil {
		t.Fatalf("kubectl %s: %v\nstdout: %s\nstderr: %s", strings.Join(args, " "), err, out,
			errOut)
	}
	return out
}

// applyAs sends a manifest to kubectl apply and deletes what it made when the
// test ends.
func applyAs(t testing.TB, kubeconfig, manifest string) {
	t.Helper()
	out, errOut, err := runKubectl(kubeconfig, manifest, "apply", "-f", "-")
	if err != nil {
		t.Fatalf("kubectl apply: %v\nstdout: %s\nstderr: %s\nmanifest:\n%s", err, out, errOut,
			manifest)
	}
	t.Cleanup(func() {
		runKubectl(kubeconfig, manifest, "delete", "--wait=false", "--ignore-not-found", "-f", "-")
	})
}

// deleteLater deletes a pod the test made some other way when the test ends.
func deleteLater(t testing.TB, kubeconfig, ns, pod string) {
	t.Cleanup(func() {
		runKubectl(kubeconfig, "", "-n", ns, "delete", "pod", pod, "--wait=false",
			"--ignore-not-found")
	})
}

// uniqueName returns prefix with a random suffix, a valid pod name.
func uniqueName(prefix string) string {
	b := make([]byte, 3)
	rand.Read(b)
	return prefix + "-" + hex.EncodeToString(b)
}

// podField reads one JSONPath field of a pod.
func podField(kubeconfig, ns, pod, jsonpath string) (string, error) {
	out, errOut, err := runKubectl(kubeconfig, "", "-n", ns, "get", "pod", pod,
		"-o", "jsonpath="+jsonpath)
	if err != nil {
		return "", &kubectlError{err, errOut}
	}
	return out, nil
}

type kubectlError struct {
	err    error
	stderr string
}

func (e *kubectlError) Error() string { return e.err.Error() + ": " + strings.TrimSpace(e.stderr) }

// waitFor polls cond every 250ms until it reports done, or fails the test
// after timeout with the last detail cond gave.
func waitFor(t testing.TB, what string, timeout time.Duration, cond func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	var detail string
	for time.Now().Before(deadline) {
		var done bool
		if done, detail = cond(); done {
			return
		}
		time.Sleep(250 * time.Millisecond)
	}
	t.Fatalf("waiting for %s: timed out after %v; last: %s", what, timeout, detail)
}

// waitPodPhase waits until a pod reaches phase (Running, Succeeded, ...).
func waitPodPhase(t testing.TB, kubeconfig, ns, pod, phase string) {
	t.Helper()
	waitFor(t, "pod "+ns+"/"+pod+" "+phase, podTimeout, func() (bool, string) {
		got, err := podField(kubeconfig, ns, pod,
			"{.status.phase} {.status.containerStatuses[*].state}")
		if err != nil {
			return false, err.Error()
		}
		return strings.HasPrefix(got, phase+" "), got
	})
}

// waitPodRunning waits until a pod is Running.
func waitPodRunning(t testing.TB, kubeconfig, ns, pod string) {
	t.Helper()
	waitPodPhase(t, kubeconfig, ns, pod, "Running")
}

// waitEphemeralDone waits until an ephemeral container has terminated and
// returns its logs.
func waitEphemeralDone(t testing.TB, kubeconfig, ns, pod, container string) string {
	t.Helper()
	path := `{.status.ephemeralContainerStatuses[?(@.name=="` + container + `")].state}`
	waitFor(t, "ephemeral container "+container+" to finish", podTimeout, func() (bool, string) {
		got, err := podField(kubeconfig, ns, pod, path)
		if err != nil {
			return false, err.Error()
		}
		return strings.Contains(got, `"terminated"`), got
	})
	return kubectlAs(t, kubeconfig, "-n", ns, "logs", pod, "-c", container)
}

// demoPod is a pod of the distroless demo app, whose container is "app".
func demoPod(ns, name, securityContext string) string {
	return `apiVersion: v1
kind: Pod
metadata:
  name: ` + name + `
  namespace: ` + ns + `
spec:
  terminationGracePeriodSeconds: 1
  containers:
  - name: app
    image: ` + demoAppImage + `
    args: ["-every=1s"]
` + securityContext
}

// restrictedContext meets the "restricted" Pod Security level: the demo app
// runs as a non-root user with no privileges.
const restrictedContext = `    securityContext:
      runAsNonRoot: true
      runAsUser: 65532
      allowPrivilegeEscalation: false
      capabilities:
        drop: ["ALL"]
      seccompProfile:
        type: RuntimeDefault
`
