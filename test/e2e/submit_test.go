//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// TestSubmitConcurrentEphemeral starts 20 sessions on one pod at once: each patch carries
// only its own container, so all 20 land.
func TestSubmitConcurrentEphemeral(t *testing.T) {
	t.Parallel()
	kc := adminKubeconfig(t)
	bin := kdbgBin(t)
	pod := runningDemoPod(t, kc, "default", "")

	const n = 20
	dir := t.TempDir()
	var want []string
	for i := range n {
		name := fmt.Sprintf("dbg-%02d", i)
		want = append(want, name)
		out := mustPipeline(t, bin, kc, "", "kdbg-spec -q "+pod+" --image="+busyboxImage+
			" -c "+name+" -- true | kdbg-profile -q --profile=general")
		os.WriteFile(filepath.Join(dir, name+".json"), []byte(out), 0o644)
	}

	mark := auditMark(t)
	var wg sync.WaitGroup
	results := make([]result, n)
	for i, name := range want {
		wg.Go(func() {
			results[i] = pipeline(t, bin, kc, "", "kdbg-submit < "+filepath.Join(dir, name+".json"))
		})
	}
	wg.Wait()

	for i, r := range results {
		if r.code != 0 {
			t.Errorf("submit %s: exit %d: %s", want[i], r.code, r.stderr)
			continue
		}
		s := decodeSessions(t, r.stdout)[0]
		if s.Status == nil || s.Status.Name != pod || s.Status.Container != want[i] ||
			s.Status.UID == "" || s.Status.ResourceVersion == "" {
			t.Errorf("submit %s: status = %+v, want pod %s, container, uid and version",
				want[i], s.Status, pod)
		}
	}
	got := ephemeralNames(t, kc, "default", pod)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("ephemeral containers after %d concurrent submits = %v, want %v", n, got, want)
	}
	if c := countEvents(eventsOn(auditEvents(t, mark, "kdbg-submit"), pod), "patch", "pods",
		"ephemeralcontainers"); c != n {
		t.Errorf("audit log: %d successful patches by kdbg-submit, want %d", c, n)
	}
}

// TestSubmitCopy creates a copy of a pod, and with --replace deletes the original.
func TestSubmitCopy(t *testing.T) {
	t.Parallel()
	kc := adminKubeconfig(t)
	bin := kdbgBin(t)

	for _, replace := range []bool{false, true} {
		t.Run(fmt.Sprintf("replace=%v", replace), func(t *testing.T) {
			pod := runningDemoPod(t, kc, "default", "")
			cp := pod + "-copy"
			deleteLater(t, kc, "default", cp)
			flags := ""
			if replace {
				flags = " --replace"
			}
			out := mustPipeline(t, bin, kc, "", "kdbg-spec -q "+pod+" --copy-to="+cp+flags+
				" --image="+busyboxImage+" -c dbg -- sleep 3600 | kdbg-profile -q "+
				"--profile=general | kdbg-submit")

			s := decodeSessions(t, out)[0]
			if s.Status.Name != cp || s.Status.Namespace != "default" || s.Status.UID == "" {
				t.Errorf("status = %+v, want pod default/%s with a uid", s.Status, cp)
			}
			waitPodRunning(t, kc, "default", cp)
			gone, _ := podGone(kc, "default", pod)
			if replace {
				waitFor(t, "the original to go", podTimeout, func() (bool, string) {
					return podGone(kc, "default", pod)
				})
			} else if gone {
				t.Errorf("original pod %s is gone without --replace", pod)
			}
		})
	}
}

// TestSubmitServerDryRun asks the API server whether PodSecurity in pss-restricted accepts
// a privileged debug container: it does not, the message says why and which profile to
// use, and nothing is created.
func TestSubmitServerDryRun(t *testing.T) {
	t.Parallel()
	kc := adminKubeconfig(t)
	bin := kdbgBin(t)
	pod := runningDemoPod(t, kc, "pss-restricted", restrictedContext)
	spec := "kdbg-spec -q -n pss-restricted " + pod + " --image=" + busyboxImage +
		" --target=app -c dbg"

	r := pipeline(t, bin, kc, "", spec+" | kdbg-profile -q --profile=sysadmin | "+
		"kdbg-submit --dry-run=server")
	for _, want := range []string{
		`namespace "pss-restricted" enforces Pod Security level "restricted:latest"`,
		"privileged", "try --profile=restricted",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("privileged dry run: stderr = %q, want %q", r.stderr, want)
		}
	}
	if r.code != 1 || r.stdout != "" || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
		t.Errorf("privileged dry run: exit %d, stdout %q, want exit 1, one line, no output",
			r.code, r.stdout)
	}

	out := mustPipeline(t, bin, kc, "", spec+" | kdbg-profile -q --profile=restricted | "+
		"kdbg-submit --dry-run=server")
	if s := decodeSessions(t, out)[0]; s.Status.DryRun != "server" || s.Status.UID == "" {
		t.Errorf("restricted dry run: status = %+v, want dryRun server and the pod's uid", s.Status)
	}
	if names := ephemeralNames(t, kc, "pss-restricted", pod); len(names) != 0 {
		t.Errorf("after dry runs, ephemeral containers = %v, want none", names)
	}
}

// TestSubmitClientDryRun sends nothing at all.
func TestSubmitClientDryRun(t *testing.T) {
	t.Parallel()
	kc := adminKubeconfig(t)
	bin := kdbgBin(t)
	pod := runningDemoPod(t, kc, "default", "")
	mark := auditMark(t)
	out := mustPipeline(t, bin, kc, "", "kdbg-spec -q "+pod+" --image="+busyboxImage+
		" -c dbg | kdbg-submit --dry-run=client")
	if s := decodeSessions(t, out)[0]; s.Status.DryRun != "client" || s.Status.Name != pod {
		t.Errorf("client dry run: status = %+v, want dryRun client for pod %s", s.Status, pod)
	}
	if es := eventsOn(auditEvents(t, mark, "kdbg-submit"), pod); len(es) != 0 {
		t.Errorf("client dry run made %d requests, want none: %+v", len(es), es)
	}
}

// TestSubmitForbidden has the limited user patch a pod in a namespace where it has no
// rights: the message names the user, the verb and the subresource.
func TestSubmitForbidden(t *testing.T) {
	t.Parallel()
	kc := adminKubeconfig(t)
	limited := limitedKubeconfig(t)
	bin := kdbgBin(t)
	pod := runningDemoPod(t, kc, "default", "")
	session := mustPipeline(t, bin, kc, "", "kdbg-spec -q "+pod+" --image="+busyboxImage+
		" -c dbg | kdbg-profile -q --profile=general")

	r := pipeline(t, bin, limited, session, "kdbg-submit")
	want := `kdbg-submit: user "kdbg-limited" cannot patch pods/ephemeralcontainers in ` +
		`namespace "default": ask an admin for a Role that grants "patch" on ` +
		`"pods/ephemeralcontainers" in that namespace` + "\n"
	if r.code != 1 || r.stderr != want {
		t.Errorf("limited submit: exit %d, stderr %q, want exit 1, %q", r.code, r.stderr, want)
	}
}

// TestSubmitErrors checks the one-line messages for a pod that is gone, a container that
// is already there, and a failure after earlier sessions of the same run were submitted.
func TestSubmitErrors(t *testing.T) {
	t.Parallel()
	kc := adminKubeconfig(t)
	bin := kdbgBin(t)
	pod := runningDemoPod(t, kc, "default", "")
	spec := func(flags string) string {
		return mustPipeline(t, bin, kc, "", "kdbg-spec -q "+pod+" --image="+busyboxImage+
			" "+flags+" -- true | kdbg-profile -q --profile=general")
	}

	ephemeral := spec("-c dbg-twice")
	first := mustPipeline(t, bin, kc, ephemeral, "kdbg-submit")
	mustPipeline(t, bin, kc, first, "kdbg-attach -q") // the container has a status now
	r := pipeline(t, bin, kc, ephemeral, "kdbg-submit")
	if r.code != 1 || !strings.HasPrefix(r.stderr, `kdbg-submit: pod "`+pod+`" already has `+
		`an ephemeral container "dbg-twice"`) {
		t.Errorf("same session twice: exit %d, stderr %q, want 1 and the name taken",
			r.code, r.stderr)
	}
	changed := strings.Replace(ephemeral, busyboxImage, "kdbg.local/pause:1", 1)
	r = pipeline(t, bin, kc, changed, "kdbg-submit")
	if r.code != 1 || !strings.HasPrefix(r.stderr, `kdbg-submit: pod "`+pod+`" is invalid: `+
		"spec.ephemeralContainers") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("same name, other image: exit %d, stderr %q, want 1 and the invalid field",
			r.code, r.stderr)
	}

	cp := pod + "-c1"
	deleteLater(t, kc, "default", cp)
	copied := spec("--copy-to=" + cp + " -c dbg")
	r = pipeline(t, bin, kc, copied+copied, "kdbg-submit")
	if r.code != 1 || len(decodeSessions(t, r.stdout)) != 1 ||
		!strings.Contains(r.stderr, "are kept") ||
		!strings.Contains(r.stderr, `kdbg-submit: pod "`+cp+`" already exists`) {
		t.Errorf("second copy of the same name: exit %d, stdout %q, stderr %q, want 1, the "+
			"first session, a note that it is kept and the conflict", r.code, r.stdout, r.stderr)
	}

	gone := spec("-c dbg-gone")
	kubectl(t, "delete", "pod", pod, "--wait=true")
	r = pipeline(t, bin, kc, gone, "kdbg-submit")
	if r.code != 1 || !strings.HasPrefix(r.stderr, `kdbg-submit: pod "`+pod+`" is gone`) {
		t.Errorf("deleted pod: exit %d, stderr %q, want 1 and the pod gone", r.code, r.stderr)
	}
}

// TestSubmitReplaceControlled replaces a pod that a ReplicaSet owns: kdbg-submit warns
// that the ReplicaSet may adopt and delete the copy, which keeps the labels, and will
// make a new pod.
func TestSubmitReplaceControlled(t *testing.T) {
	t.Parallel()
	kc := adminKubeconfig(t)
	bin := kdbgBin(t)
	rs := uniqueName("rs")
	applyAs(t, kc, `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: `+rs+`
  namespace: default
spec:
  replicas: 1
  selector:
    matchLabels: {app: `+rs+`}
  template:
    metadata:
      labels: {app: `+rs+`}
    spec:
      terminationGracePeriodSeconds: 1
      containers:
      - name: app
        image: `+demoAppImage+`
`)
	var pod string
	waitFor(t, "the ReplicaSet's pod", podTimeout, func() (bool, string) {
		out, _, _ := runKubectl(kc, "", "get", "pods", "-l", "app="+rs, "-o",
			"jsonpath={.items[0].metadata.name}")
		pod = strings.TrimSpace(out)
		return pod != "", out
	})
	waitPodRunning(t, kc, "default", pod)

	cp := pod + "-copy"
	deleteLater(t, kc, "default", cp)
	r := pipeline(t, bin, kc, "", "kdbg-spec -q "+pod+" --copy-to="+cp+" --replace --image="+
		busyboxImage+" -c dbg -- sleep 3600 | kdbg-profile -q --profile=general --keep-labels | "+
		"kdbg-submit")
	for _, want := range []string{
		"warning: the copy has the labels of the original",
		"warning: the original pod is managed by a controller",
		"controller=ReplicaSet/" + rs,
	} {
		if r.code != 0 || !strings.Contains(r.stderr, want) {
			t.Errorf("replacing a ReplicaSet's pod: exit %d, stderr %q, want 0 and %q",
				r.code, r.stderr, want)
		}
	}
}
