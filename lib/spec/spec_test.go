package spec

import (
	"bytes"
	"context"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/kdbg/kdbg/lib/cli"
	"github.com/kdbg/kdbg/lib/kube"
	"github.com/kdbg/kdbg/lib/session"
)

// TestMain points KUBECONFIG nowhere: runs with -f must not need it, and tests must
// never reach a real cluster.
func TestMain(m *testing.M) {
	os.Setenv("KUBECONFIG", "/nonexistent")
	os.Exit(m.Run())
}

// sequence returns a name source that yields each suffix in turn, then the last forever.
func sequence(suffixes ...string) func(int) string {
	i := 0
	return func(n int) string {
		s := suffixes[min(i, len(suffixes)-1)]
		i++
		if len(s) != n {
			panic("sequence: suffix " + s + " is not of the asked length")
		}
		return s
	}
}

// parse runs the command line through AddFlags, Complete and Validate, as kdbg-spec does.
func parse(t *testing.T, args ...string) (*Options, *kube.Flags, error) {
	t.Helper()
	fs := pflag.NewFlagSet("test", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	o := NewOptions()
	o.NameSuffix = sequence("abcde", "fghij", "klmno")
	o.AddFlags(fs)
	kf := kube.NewFlags()
	kf.AddFlags(fs)
	if err := fs.Parse(args); err != nil {
		return nil, nil, err
	}
	if err := o.Complete(fs, fs.Args()); err != nil {
		return o, kf, err
	}
	return o, kf, o.Validate()
}

// result is what one offline run produced.
type result struct {
	sessions []*session.DebugSession
	notes    string
	err      error
}

// runOffline runs kdbg-spec's library with args, which should include -f, and stdin.
func runOffline(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	o, kf, err := parse(t, args...)
	if err != nil {
		return result{err: err}
	}
	var notes bytes.Buffer
	log := cli.NewLogger(&notes, false, false)
	got, err := Run(context.Background(), o, kf, strings.NewReader(stdin), log)
	return result{sessions: got, notes: notes.String(), err: err}
}

// mustRun is runOffline for runs that must succeed with one session.
func mustRun(t *testing.T, args ...string) (*session.DebugSession, string) {
	t.Helper()
	r := runOffline(t, "", args...)
	if r.err != nil {
		t.Fatalf("Run(%q) = %v, want no error", args, r.err)
	}
	if len(r.sessions) != 1 {
		t.Fatalf("Run(%q) = %d sessions, want 1", args, len(r.sessions))
	}
	return r.sessions[0], r.notes
}

func TestSequence(t *testing.T) {
	next := sequence("abcde", "fghij")
	got := []string{next(5), next(5), next(5)}
	want := []string{"abcde", "fghij", "fghij"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("sequence = %q, want %q", got, want)
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

var discard = cli.NewLogger(io.Discard, false, false)
