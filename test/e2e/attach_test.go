//go:build e2e

package e2e

import (
	"bufio"
	"context"
	"io"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
)

// TestAttachTTY runs the whole pipeline in a terminal: a shell in an ephemeral container
// that targets the app sees the app's process, and exit ends kdbg-attach with 0.
func TestAttachTTY(t *testing.T) {
	t.Parallel()
	kc := adminKubeconfig(t)
	bin := kdbgBin(t)
	pod := runningDemoPod(t, kc, "default", "")

	mark := auditMark(t)
	ctx, cancel := context.WithTimeout(context.Background(), commandTimout)
	defer cancel()
	cmd := shell(ctx, bin, kc, "kdbg-spec "+pod+" --image="+busyboxImage+
		" --target=app -c dbg-tty -it -- sh | kdbg-profile --profile=general | kdbg-submit | "+
		"kdbg-attach")
	term, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: 120})
	if err != nil {
		t.Fatalf("starting the pipeline in a terminal: %v", err)
	}
	defer term.Close()
	out := newCollector(term)

	if !out.waitFor("try pressing enter", podTimeout) {
		t.Fatalf("no attach hint in the terminal:\n%s", out.String())
	}
	io.WriteString(term, "ps; stty size\r")
	if !out.waitFor("/demo-app", 30*time.Second) {
		t.Fatalf("ps in the attached terminal shows no /demo-app:\n%s", out.String())
	}
	if !out.waitFor("40 120", 10*time.Second) {
		t.Errorf("stty size in the container does not show the terminal's 40 120:\n%s",
			out.String())
	}
	io.WriteString(term, "exit 0\r")
	if err := cmd.Wait(); err != nil {
		t.Errorf("pipeline after exit: %v\n%s", err, out.String())
	}
	out.waitFor("\x00", time.Second) // the rest of the output
	t.Logf("terminal:\n%s", out.String())
	// A WebSocket attach opens with a GET; SPDY, the fallback, with a POST (create).
	if n := countEvents(eventsOn(auditEvents(t, mark, "kdbg-attach"), pod), "get", "pods",
		"attach"); n == 0 {
		t.Errorf("audit log: no WebSocket attach (get pods/attach) by kdbg-attach")
	}
	if !strings.Contains(out.String(), "kubectl attach "+pod+" -c dbg-tty") &&
		!strings.Contains(ephemeralState(t, kc, pod, "dbg-tty"), "terminated") {
		t.Errorf("the session neither ended nor told how to reattach:\n%s", out.String())
	}
}

// TestAttachPipedStdin feeds a shell in an ephemeral container from a pipe, keeping the
// pipe open until the output arrives, and gets the shell's exit code.
func TestAttachPipedStdin(t *testing.T) {
	t.Parallel()
	kc := adminKubeconfig(t)
	bin := kdbgBin(t)
	pod := runningDemoPod(t, kc, "default", "")
	file := filepath.Join(t.TempDir(), "session.json")
	mustPipeline(t, bin, kc, "", "kdbg-spec -q "+pod+" --image="+busyboxImage+
		" --target=app -c dbg-pipe -i -- sh | kdbg-profile -q --profile=general | "+
		"kdbg-submit > "+file)

	ctx, cancel := context.WithTimeout(context.Background(), commandTimout)
	defer cancel()
	cmd := shell(ctx, bin, kc, "kdbg-attach -f "+file)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	out := newCollector(stdout)
	io.WriteString(stdin, "ps\n")
	if !out.waitFor("/demo-app", podTimeout) {
		stdin.Close()
		cmd.Wait()
		t.Fatalf("ps through a piped attach shows no /demo-app:\n%s\nstderr:\n%s",
			out.String(), stderr.String())
	}
	io.WriteString(stdin, "exit 5\n")
	err := cmd.Wait()
	if code := exitCode(t, err); code != 5 {
		t.Errorf("kdbg-attach after 'exit 5' = exit %d, want 5\nstderr:\n%s", code, stderr.String())
	}
}

// TestAttachExitCode runs a command without stdin: kdbg-attach follows its log and exits
// with its exit code, for an ephemeral container and a node pod alike.
func TestAttachExitCode(t *testing.T) {
	t.Parallel()
	kc := adminKubeconfig(t)
	bin := kdbgBin(t)
	pod := runningDemoPod(t, kc, "default", "")
	r := pipeline(t, bin, kc, "", "kdbg-spec -q "+pod+" --image="+busyboxImage+
		" -c dbg-exit -- sh -c 'echo bye; exit 3' | kdbg-profile -q --profile=general | "+
		"kdbg-submit | kdbg-attach")
	if r.code != 3 || !strings.Contains(r.stdout, "bye") {
		t.Errorf("ephemeral exit 3: exit %d, stdout %q, want exit 3 and bye", r.code, r.stdout)
	}
}

// TestAttachNode runs a command in a node debug pod that lists the host's files through
// /host; --rm deletes the pod afterwards.
func TestAttachNode(t *testing.T) {
	t.Parallel()
	kc := adminKubeconfig(t)
	bin := kdbgBin(t)
	r := pipeline(t, bin, kc, "", "kdbg-spec -q node/"+nodeName+" --image="+busyboxImage+
		" -- ls /host"+clusterDir()+" | kdbg-profile -q --profile=general | kdbg-submit | "+
		"tee "+filepath.Join(t.TempDir(), "s.json")+" | kdbg-attach --rm")
	if r.code != 0 || !strings.Contains(r.stdout, "kubeconfig") {
		t.Errorf("node pod ls /host: exit %d, stdout %q, want 0 and the harness's kubeconfig",
			r.code, r.stdout)
	}
	name := nodeDebugPod.FindString(r.stderr)
	if name == "" {
		t.Fatalf("no node debug pod named on stderr:\n%s", r.stderr)
	}
	deleteLater(t, kc, "default", name)
	waitFor(t, "the node pod to go", 30*time.Second, func() (bool, string) {
		return podGone(kc, "default", name)
	})
}

// TestAttachImageMissing uses an image that cannot be had: kdbg-attach says why at once.
func TestAttachImageMissing(t *testing.T) {
	t.Parallel()
	kc := adminKubeconfig(t)
	bin := kdbgBin(t)
	pod := runningDemoPod(t, kc, "default", "")
	r := pipeline(t, bin, kc, "", "kdbg-spec -q "+pod+" --image=kdbg.local/nope:1 -c dbg-nope"+
		" -- true | kdbg-profile -q --profile=general | kdbg-submit | kdbg-attach")
	if r.code != 1 || !strings.Contains(r.stderr, `container "dbg-nope" cannot start: `+
		"ErrImagePull") && !strings.Contains(r.stderr, "ImagePullBackOff") {
		t.Errorf("missing image: exit %d, stderr %q, want 1 and the pull failure", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "recent events:") {
		t.Errorf("missing image: stderr %q, want the pod's recent events", r.stderr)
	}
	if r.took > 30*time.Second {
		t.Errorf("missing image: took %v, want seconds", r.took)
	}
}

// TestAttachRemove deletes a copy pod when the session ends, and when kdbg-attach is
// stopped with SIGTERM while it follows the log.
func TestAttachRemove(t *testing.T) {
	t.Parallel()
	kc := adminKubeconfig(t)
	bin := kdbgBin(t)
	pod := runningDemoPod(t, kc, "default", "")
	mark := auditMark(t)

	cp := pod + "-rm"
	deleteLater(t, kc, "default", cp)
	r := pipeline(t, bin, kc, "", "kdbg-spec -q "+pod+" --copy-to="+cp+" --image="+
		busyboxImage+" -c dbg -- echo copied | kdbg-profile -q --profile=general | "+
		"kdbg-submit | kdbg-attach --rm")
	if r.code != 0 || !strings.Contains(r.stdout, "copied") {
		t.Errorf("copy with --rm: exit %d, stdout %q, want 0 and copied", r.code, r.stdout)
	}
	waitFor(t, "the copy to go", 30*time.Second, func() (bool, string) {
		return podGone(kc, "default", cp)
	})

	cp2 := pod + "-term"
	deleteLater(t, kc, "default", cp2)
	file := filepath.Join(t.TempDir(), "s.json")
	mustPipeline(t, bin, kc, "", "kdbg-spec -q "+pod+" --copy-to="+cp2+" --image="+busyboxImage+
		" -c dbg -- sh -c 'echo started; sleep 3600' | kdbg-profile -q --profile=general | "+
		"kdbg-submit > "+file)
	ctx, cancel := context.WithTimeout(context.Background(), commandTimout)
	defer cancel()
	cmd := shell(ctx, bin, kc, "exec kdbg-attach --rm -f "+file)
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if out := newCollector(stdout); !out.waitFor("started", podTimeout) {
		t.Fatalf("no output from the copy: %q", out.String())
	}
	cmd.Process.Signal(syscall.SIGTERM)
	cmd.Wait()
	waitFor(t, "the copy to go after SIGTERM", 30*time.Second, func() (bool, string) {
		return podGone(kc, "default", cp2)
	})
	for _, e := range auditEvents(t, mark, "kdbg-attach") {
		if e.Verb == "list" && e.ObjectRef.Resource == "pods" {
			t.Errorf("kdbg-attach listed pods: %+v", e)
		}
	}
}

// TestAttachWait waits for the container to run and writes the session on, for a later
// attach.
func TestAttachWait(t *testing.T) {
	t.Parallel()
	kc := adminKubeconfig(t)
	bin := kdbgBin(t)
	pod := runningDemoPod(t, kc, "default", "")
	out := mustPipeline(t, bin, kc, "", "kdbg-spec -q "+pod+" --image="+busyboxImage+
		" -c dbg-wait -i -- sh | kdbg-profile -q --profile=general | kdbg-submit | "+
		"kdbg-attach --wait")
	s := decodeSessions(t, out)[0]
	if s.Status == nil || s.Status.Container != "dbg-wait" {
		t.Fatalf("--wait wrote %+v, want the session", s.Status)
	}
	if st := ephemeralState(t, kc, pod, "dbg-wait"); !strings.Contains(st, "running") {
		t.Errorf("after --wait, container state = %s, want running", st)
	}
}

func ephemeralState(t *testing.T, kc, pod, container string) string {
	got, _ := podField(kc, "default", pod,
		`{.status.ephemeralContainerStatuses[?(@.name=="`+container+`")].state}`)
	return got
}

// collector gathers a reader's output so that a test can wait for a string in it.
type collector struct {
	lines chan string
	seen  strings.Builder
}

func newCollector(r io.Reader) *collector {
	c := &collector{lines: make(chan string, 1024)}
	go func() {
		defer close(c.lines)
		br := bufio.NewReader(r)
		buf := make([]byte, 4096)
		for {
			n, err := br.Read(buf)
			if n > 0 {
				c.lines <- string(buf[:n])
			}
			if err != nil {
				return
			}
		}
	}()
	return c
}

// waitFor reads until want appears, the reader ends, or timeout passes.
func (c *collector) waitFor(want string, timeout time.Duration) bool {
	deadline := time.After(timeout)
	for !strings.Contains(c.seen.String(), want) {
		select {
		case s, ok := <-c.lines:
			if !ok {
				return strings.Contains(c.seen.String(), want)
			}
			c.seen.WriteString(s)
		case <-deadline:
			return false
		}
	}
	return true
}

func (c *collector) String() string { return c.seen.String() }

// TestAttachPipedEOF pipes a command whose stdin ends at once: containerd ends an attach
// when stdin closes, and kdbg-attach must still deliver the output.
func TestAttachPipedEOF(t *testing.T) {
	t.Parallel()
	kc := adminKubeconfig(t)
	bin := kdbgBin(t)
	pod := runningDemoPod(t, kc, "default", "")
	file := filepath.Join(t.TempDir(), "session.json")
	mustPipeline(t, bin, kc, "", "kdbg-spec -q "+pod+" --image="+busyboxImage+
		" -c dbg-eof -i -- sh | kdbg-profile -q --profile=general | kdbg-submit | "+
		"kdbg-attach --wait > "+file)
	r := pipeline(t, bin, kc, "echo piped-hello\n", "kdbg-attach -f "+file)
	if r.code != 0 || !strings.Contains(r.stdout, "piped-hello") {
		t.Errorf("echo through an attach whose stdin ends at once: exit %d, stdout %q, "+
			"want 0 and piped-hello", r.code, r.stdout)
	}
}
