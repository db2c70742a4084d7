package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kdbg/kdbg/lib/session"
)

// offline makes the environment of a machine with no cluster: no kubeconfig anywhere,
// not in-cluster, and a proxy that refuses every connection.
func offline(t *testing.T) {
	t.Setenv("KUBECONFIG", "/nonexistent")
	t.Setenv("HOME", t.TempDir())
	t.Setenv("KUBERNETES_SERVICE_HOST", "")
	t.Setenv("KUBERNETES_SERVICE_PORT", "")
	t.Setenv("HTTPS_PROXY", "http://127.0.0.1:1")
	t.Setenv("HTTP_PROXY", "http://127.0.0.1:1")
}

func runCmd(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestOfflineFile(t *testing.T) {
	offline(t)
	pod := filepath.Join("..", "..", "lib", "spec", "testdata", "pod.json")
	data, err := os.ReadFile(pod)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		stdin string
		args  []string
	}{
		{"file", "", []string{"-f", pod, "--image=busybox"}},
		{"stdin", string(data), []string{"-f", "-", "--image=busybox"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, tt.stdin, tt.args...)
			if code != 0 {
				t.Fatalf("kdbg-spec %q = exit %d, stderr %q; want 0", tt.args, code, stderr)
			}
			lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
			if len(lines) != 1 {
				t.Fatalf("kdbg-spec %q printed %d lines, want 1 session", tt.args, len(lines))
			}
			s, err := session.Unmarshal([]byte(lines[0]))
			if err != nil {
				t.Fatalf("kdbg-spec %q printed an invalid session: %v", tt.args, err)
			}
			if s.Spec.Mode != session.ModeEphemeral || s.Spec.Target.Name != "app" {
				t.Errorf("session mode %q target %q, want ephemeral app", s.Spec.Mode,
					s.Spec.Target.Name)
			}
			if !strings.Contains(stderr, "defaulting debug container name") {
				t.Errorf("stderr = %q, want the naming note", stderr)
			}
		})
	}
}

func TestQuiet(t *testing.T) {
	offline(t)
	pod := filepath.Join("..", "..", "lib", "spec", "testdata", "pod.json")
	code, stdout, stderr := runCmd(t, "", "-q", "-f", pod, "--image=busybox")
	if code != 0 || stderr != "" || stdout == "" {
		t.Errorf("kdbg-spec -q = exit %d, stdout %d bytes, stderr %q; want 0, a session, "+
			"nothing", code, len(stdout), stderr)
	}
}

func TestErrors(t *testing.T) {
	offline(t)
	tests := []struct {
		stdin string
		args  []string
		code  int
		want  string
	}{
		{"", []string{"--bogus"}, 2, "kdbg-spec: unknown flag: --bogus"},
		{"", []string{"app", "-t", "--image=b"}, 2, "kdbg-spec: -t/--tty needs -i/--stdin"},
		{`{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"}}`,
			[]string{"-f", "-", "--image=b"}, 2, `kind "Secret" cannot be debugged`},
		{"", []string{"app", "--image=b"}, 1, "give the object with -f"},
	}
	for _, tt := range tests {
		code, stdout, stderr := runCmd(t, tt.stdin, tt.args...)
		if code != tt.code || stdout != "" || !strings.Contains(stderr, tt.want) ||
			strings.Count(stderr, "\n") != 1 {
			t.Errorf("kdbg-spec %q = exit %d, stdout %q, stderr %q; want exit %d, no output, "+
				"one line containing %q", tt.args, code, stdout, stderr, tt.code, tt.want)
		}
	}
}

func TestHelp(t *testing.T) {
	code, stdout, stderr := runCmd(t, "", "--help")
	if code != 0 || stdout != "" || !strings.Contains(stderr, "--copy-to") {
		t.Errorf("kdbg-spec --help = exit %d, stdout %q; want 0, usage on stderr only",
			code, stdout)
	}
}
