//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
)

// kdbgOnce builds the all-in-one kdbg command once for every test of the run.
var kdbgOnce = sync.OnceValues(func() (string, error) {
	_, file, _, _ := runtime.Caller(0)
	dir, err := os.MkdirTemp("", "kdbg-e2e-")
	if err != nil {
		return "", err
	}
	cmd := exec.Command("go", "build", "-o", dir+"/", "./cmd/kdbg")
	cmd.Dir = filepath.Join(filepath.Dir(file), "..", "..")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./cmd/kdbg: %v\n%s", err, out)
	}
	return dir, nil
})

func kdbgDir(t *testing.T) string {
	t.Helper()
	dir, err := kdbgOnce()
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestKdbgTargetsDistrolessApp is the KEP's case in one command: a debug container that
// targets a shell-less app sees its process, in a terminal and without one.
func TestKdbgTargetsDistrolessApp(t *testing.T) {
	t.Parallel()
	kc := adminKubeconfig(t)
	bin := kdbgDir(t)
	pod := runningDemoPod(t, kc, "default", "")

	r := pipeline(t, bin, kc, "", "kdbg -q "+pod+" --image="+busyboxImage+" --target=app -- ps")
	if r.code != 0 || !strings.Contains(r.stdout, "/demo-app") {
		t.Errorf("kdbg -- ps: exit %d, stdout %q; want exit 0 and the /demo-app process",
			r.code, r.stdout)
	}

	ctx, cancel := context.WithTimeout(context.Background(), commandTimout)
	defer cancel()
	cmd := shell(ctx, bin, kc, "kdbg "+pod+" -it --image="+busyboxImage+" -c dbg-tty")
	term, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 30, Cols: 100})
	if err != nil {
		t.Fatal(err)
	}
	defer term.Close()
	out := newCollector(term)
	if !out.waitFor("try pressing enter", podTimeout) {
		t.Fatalf("no attach hint:\n%s", out.String())
	}
	io.WriteString(term, "ps\r")
	if !out.waitFor("/demo-app", 30*time.Second) {
		t.Fatalf("ps in kdbg's terminal shows no /demo-app (default target):\n%s", out.String())
	}
	io.WriteString(term, "exit 5\r")
	err = cmd.Wait()
	if got := exitCodeOf(err); got != 5 {
		t.Errorf("kdbg -it after exit 5: exit code %d (%v), want 5\n%s", got, err, out.String())
	}
}

func exitCodeOf(err error) int {
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}

// TestKdbgExitCode: a script gets the debug container's exit code.
func TestKdbgExitCode(t *testing.T) {
	t.Parallel()
	kc := adminKubeconfig(t)
	pod := runningDemoPod(t, kc, "default", "")
	r := pipeline(t, kdbgDir(t), kc, "", "kdbg -q "+pod+" --image="+busyboxImage+
		" -- sh -c 'exit 3'")
	if r.code != 3 {
		t.Errorf("kdbg -- sh -c 'exit 3' exited %d, want 3", r.code)
	}
}

// TestKdbgCopyRemove: a copy with its image changed and processes shared runs, and --rm
// deletes it afterwards.
func TestKdbgCopyRemove(t *testing.T) {
	t.Parallel()
	kc := adminKubeconfig(t)
	pod := runningDemoPod(t, kc, "default", "")
	cp := pod + "-copy"
	deleteLater(t, kc, "default", cp)
	r := pipeline(t, kdbgDir(t), kc, "", "kdbg -q "+pod+" --copy-to="+cp+" --image="+
		busyboxImage+" --share-processes --rm -- ps")
	if r.code != 0 || !strings.Contains(r.stdout, "/demo-app") {
		t.Errorf("kdbg --copy-to --share-processes -- ps: exit %d, stdout %q; want 0 and "+
			"the copied app's process", r.code, r.stdout)
	}
	waitFor(t, "the copy deleted by --rm", podTimeout, func() (bool, string) {
		return podGone(kc, "default", cp)
	})
}

// TestKdbgNode: a node debug pod sees the node's root at /host and is removed.
func TestKdbgNode(t *testing.T) {
	t.Parallel()
	kc := adminKubeconfig(t)
	r := pipeline(t, kdbgDir(t), kc, "", "kdbg -q node/"+nodeName+" --image="+busyboxImage+
		" --rm -- ls /host/var/tmp")
	if r.code != 0 || !strings.Contains(r.stdout, "kdbg-cluster") {
		t.Errorf("kdbg node/%s -- ls /host/var/tmp: exit %d, stdout %q; want 0 and "+
			"kdbg-cluster", nodeName, r.code, r.stdout)
	}
}

// TestKdbgImageMissing: an image that cannot be had fails within seconds, with the reason.
func TestKdbgImageMissing(t *testing.T) {
	t.Parallel()
	kc := adminKubeconfig(t)
	pod := runningDemoPod(t, kc, "default", "")
	r := pipeline(t, kdbgDir(t), kc, "", "kdbg -q "+pod+" --image=kdbg.local/nope:1 -- true")
	if r.code == 0 || r.took > 45*time.Second || !strings.Contains(r.stderr, "ErrImage") {
		t.Errorf("kdbg --image=kdbg.local/nope:1: exit %d after %v, stderr %q; want non-zero "+
			"within 45s naming the image pull error", r.code, r.took, r.stderr)
	}
}

// TestKdbgLimitedUser: a user without the right gets one line naming what is missing.
func TestKdbgLimitedUser(t *testing.T) {
	t.Parallel()
	kc := adminKubeconfig(t)
	pod := runningDemoPod(t, kc, "default", "")
	r := pipeline(t, kdbgDir(t), limitedKubeconfig(t), "", "kdbg -q -n default "+pod+
		" --image="+busyboxImage+" -- true")
	if r.code != 1 || !strings.Contains(r.stderr, "forbidden") &&
		!strings.Contains(r.stderr, "cannot") {
		t.Errorf("limited user: exit %d, stderr %q; want 1 and a message saying what the "+
			"user cannot do", r.code, r.stderr)
	}
	if n := strings.Count(strings.TrimSpace(r.stderr), "\n"); n != 0 {
		t.Errorf("limited user: stderr has %d lines, want one:\n%s", n+1, r.stderr)
	}
}

// TestKdbgPodSecurity asks the apiserver, with a server dry run, whether each profile's
// ephemeral container passes each namespace's Pod Security level.
func TestKdbgPodSecurity(t *testing.T) {
	t.Parallel()
	kc := adminKubeconfig(t)
	bin := kdbgDir(t)
	admitted := map[string][]string{
		"pss-privileged": {"legacy", "general", "baseline", "restricted", "netadmin", "sysadmin"},
		"pss-baseline":   {"legacy", "baseline", "restricted"},
		"pss-restricted": {"restricted"},
	}
	for _, ns := range []string{"pss-privileged", "pss-baseline", "pss-restricted"} {
		pod := runningDemoPod(t, kc, ns, restrictedContext)
		for _, profile := range []string{"legacy", "general", "baseline", "restricted",
			"netadmin", "sysadmin"} {
			t.Run(ns+"/"+profile, func(t *testing.T) {
				r := pipeline(t, bin, kc, "", "kdbg -q -n "+ns+" "+pod+" --image="+
					busyboxImage+" --profile="+profile+" --dry-run=server -o json")
				want := slices.Contains(admitted[ns], profile)
				if got := r.code == 0; got != want {
					t.Fatalf("admitted = %v (exit %d, stderr %q), want %v", got, r.code,
						r.stderr, want)
				}
				if !want && !strings.Contains(r.stderr, "enforces Pod Security level \""+ns[4:]) {
					t.Errorf("rejection does not name the Pod Security level: %q", r.stderr)
				}
			})
		}
	}
}
