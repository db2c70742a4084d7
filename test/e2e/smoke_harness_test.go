//go:build e2e

package e2e

import (
	"strings"
	"testing"
	"time"
)

// TestPodSecurity checks that each pss-* namespace enforces its level, and
// that the demo app runs as a non-root user under "restricted".
func TestPodSecurity(t *testing.T) {
	kc := adminKubeconfig(t)
	privileged := "    securityContext:\n      privileged: true\n"
	tests := []struct {
		ns, securityContext string
		allowed             bool
	}{
		{"pss-privileged", privileged, true},
		{"pss-baseline", privileged, false},
		{"pss-baseline", "", true},
		{"pss-restricted", "", false},
		{"pss-restricted", restrictedContext, true},
	}
	for _, tt := range tests {
		manifest := demoPod(tt.ns, uniqueName("pss"), tt.securityContext)
		_, errOut, err := runKubectl(kc, manifest, "create", "--dry-run=server", "-f", "-")
		if got := err == nil; got != tt.allowed {
			t.Errorf("create in %s with %q: allowed = %v, want %v (%s)",
				tt.ns, tt.securityContext, got, tt.allowed, errOut)
		}
	}

	pod := uniqueName("restricted")
	applyAs(t, kc, demoPod("pss-restricted", pod, restrictedContext))
	waitPodRunning(t, kc, "pss-restricted", pod)
}

// TestLimitedUser checks the limited user's rights: debugging pods in
// namespace "limited" works, and nothing outside it does.
func TestLimitedUser(t *testing.T) {
	kc := limitedKubeconfig(t)
	checks := []struct {
		args []string
		want string
	}{
		{[]string{"create", "pods"}, "yes"},
		{[]string{"patch", "pods", "--subresource=ephemeralcontainers"}, "yes"},
		{[]string{"create", "pods", "--subresource=attach"}, "yes"},
		{[]string{"get", "pods", "--subresource=log"}, "yes"},
		{[]string{"list", "pods", "-n", "default"}, "no"},
		{[]string{"get", "nodes"}, "no"},
		{[]string{"get", "nodes", "--subresource=proxy"}, "no"},
		{[]string{"update", "pods"}, "no"},
	}
	for _, c := range checks {
		out, _, _ := runKubectl(kc, "", append([]string{"auth", "can-i"}, c.args...)...)
		if got := strings.TrimSpace(out); got != c.want {
			t.Errorf("kdbg-limited: can-i %s = %q, want %q", strings.Join(c.args, " "), got, c.want)
		}
	}

	pod := uniqueName("limited")
	applyAs(t, kc, demoPod(limitedNS, pod, ""))
	waitPodRunning(t, kc, limitedNS, pod)
	kubectlAs(t, kc, "debug", pod, "--image="+busyboxImage, "--target=app", "-c", "dbg",
		"--profile=general", "--", "ps")
	logs := waitEphemeralDone(t, kc, limitedNS, pod, "dbg")
	if !strings.Contains(logs, "/demo-app") {
		t.Errorf("limited user's debug container ps = %q, want the /demo-app process", logs)
	}
}

// TestNoRegistry checks that a missing image fails at once, on loopback, for
// a well-known registry and for a host the harness never named.
func TestNoRegistry(t *testing.T) {
	kc := adminKubeconfig(t)
	for _, img := range []string{"docker.io/library/alpine:3.20", "unlisted.invalid/nothing:1"} {
		pod := uniqueName("noimage")
		applyAs(t, kc, `apiVersion: v1
kind: Pod
metadata:
  name: `+pod+`
  namespace: default
spec:
  containers:
  - name: c
    image: `+img+`
`)
		waitFor(t, "the pull of "+img+" to fail", 30*time.Second, func() (bool, string) {
			msg, err := podField(kc, "default", pod,
				"{.status.containerStatuses[0].state.waiting.message}")
			if err != nil {
				return false, err.Error()
			}
			return strings.Contains(msg, "127.0.0.1:1"), msg
		})
	}
}
