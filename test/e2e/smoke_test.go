//go:build e2e

package e2e

import (
	"bufio"
	"context"
	"io"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestSmoke proves the local cluster with the reference tool, kubectl: a pod
// runs, `kubectl debug` works against it in each of its forms, and the
// harness's promises (Pod Security namespaces, the limited user, no registry,
// the audit log) hold. kdbg's own tests are measured against the same.
func TestSmoke(t *testing.T) {
	kc := adminKubeconfig(t)
	pod := uniqueName("smoke")
	applyAs(t, kc, demoPod("default", pod, ""))
	waitPodRunning(t, kc, "default", pod)

	t.Run("PodLogs", func(t *testing.T) {
		waitFor(t, "a log line", 30*time.Second, func() (bool, string) {
			out, _, _ := runKubectl(kc, "", "logs", pod, "-c", "app")
			return strings.Contains(out, "demo-app: started"), out
		})
	})
	t.Run("DebugTarget", func(t *testing.T) {
		mark := auditMark(t)
		kubectl(t, "debug", pod, "--image="+busyboxImage, "--target=app", "-c", "dbg-ps",
			"--profile=general", "--", "ps")
		logs := waitEphemeralDone(t, kc, "default", pod, "dbg-ps")
		if !strings.Contains(logs, "/demo-app") {
			t.Errorf("ps in a debug container targeting app = %q, want the /demo-app process", logs)
		}
		es := onObject(auditEvents(t, mark, "kubectl"), pod)
		if n := countEvents(es, "patch", "pods", "ephemeralcontainers"); n != 1 {
			t.Errorf("audit log: %d patches of pods/ephemeralcontainers by kubectl, want 1", n)
		}
	})
	t.Run("DebugTargetAttach", func(t *testing.T) { testAttach(t, kc, pod) })
	t.Run("NodeDebug", func(t *testing.T) { testNodeDebug(t, kc) })
	t.Run("Copy", func(t *testing.T) { testCopy(t, kc, pod) })
}

// countEvents counts the successful requests in es with this verb, resource
// and subresource.
func countEvents(es []auditEvent, verb, resource, subresource string) int {
	n := 0
	for _, e := range es {
		if e.Verb == verb && e.ObjectRef.Resource == resource &&
			e.ObjectRef.Subresource == subresource && e.ResponseStatus.Code < 300 {
			n++
		}
	}
	return n
}

// testAttach runs an interactive shell in a debug container and keeps its
// stdin open until the output arrives: containerd ends an attach when the
// client's stdin reaches EOF.
func testAttach(t *testing.T, kc, pod string) {
	ctx, cancel := context.WithTimeout(context.Background(), commandTimout)
	defer cancel()
	cmd := exec.CommandContext(ctx, kubectlBinary(), "--kubeconfig", kc, "debug", "-i", pod,
		"--image="+busyboxImage, "--target=app", "-c", "dbg-sh", "--profile=general", "--", "sh")
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatalf("kubectl debug -i: %v", err)
	}
	defer cmd.Wait()
	defer stdin.Close()

	io.WriteString(stdin, "ps\n")
	found := make(chan string, 1)
	go func() {
		var seen strings.Builder
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			seen.WriteString(sc.Text() + "\n")
			if strings.Contains(sc.Text(), "/demo-app") {
				found <- seen.String()
				return
			}
		}
		found <- seen.String()
	}()
	select {
	case out := <-found:
		if !strings.Contains(out, "/demo-app") {
			t.Fatalf("attached shell's ps = %q, want the /demo-app process", out)
		}
	case <-ctx.Done():
		t.Fatalf("no ps output through the attach in %v", commandTimout)
	}
	io.WriteString(stdin, "exit\n")
}

var nodeDebugPod = regexp.MustCompile(`node-debugger-` + nodeName + `-[a-z0-9]+`)

// testNodeDebug runs a node debug pod and looks for the harness's own files
// through /host: the pod sees this machine's root filesystem.
func testNodeDebug(t *testing.T, kc string) {
	out, errOut, err := runKubectl(kc, "", "debug", "node/"+nodeName, "--image="+busyboxImage,
		"--profile=general", "--", "ls", "/host"+clusterDir())
	if err != nil {
		t.Fatalf("kubectl debug node: %v\n%s%s", err, out, errOut)
	}
	name := nodeDebugPod.FindString(out + errOut)
	if name == "" {
		t.Fatalf("kubectl debug node named no pod: %q", out+errOut)
	}
	deleteLater(t, kc, "default", name)
	waitPodPhase(t, kc, "default", name, "Succeeded")
	logs := kubectl(t, "logs", name)
	if !strings.Contains(logs, "kubeconfig") {
		t.Errorf("ls /host%s in a node debug pod = %q, want the harness's kubeconfig",
			clusterDir(), logs)
	}
}

// testCopy makes a copy of the pod with a debug container added; the copy
// has no node name and so proves the scheduler places it.
func testCopy(t *testing.T, kc, pod string) {
	cp := pod + "-copy"
	deleteLater(t, kc, "default", cp)
	kubectl(t, "debug", pod, "--copy-to="+cp, "--image="+busyboxImage, "-c", "dbg",
		"--share-processes", "--", "sleep", "3600")
	waitPodRunning(t, kc, "default", cp)
	node, err := podField(kc, "default", cp, "{.spec.nodeName}")
	if err != nil || node != nodeName {
		t.Errorf("copy's node = %q (%v), want %q", node, err, nodeName)
	}
}
