package main

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kdbg/kdbg/lib/session"
)

// result is what one run of the command produced.
type result struct {
	code           int
	stdout, stderr string
}

func runWith(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(stdin), &stdout, &stderr)
	return result{code, stdout.String(), stderr.String()}
}

// decodeLines decodes stdout, which must be one session per line and nothing else.
func decodeLines(t *testing.T, stdout string) []*session.DebugSession {
	t.Helper()
	var all []*session.DebugSession
	sc := bufio.NewScanner(strings.NewReader(stdout))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		s, err := session.Unmarshal(sc.Bytes())
		if err != nil {
			t.Fatalf("stdout line %d: %v\n%s", len(all)+1, err, sc.Text())
		}
		all = append(all, s)
	}
	return all
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestRunSessions(t *testing.T) {
	tests := []struct {
		name        string
		args        []string
		wantProfile session.Profile
		wantStderr  []string // substrings; none means stderr is empty
	}{
		{"default", nil, session.Profile{Name: "general"},
			[]string{"warning: the debug container runs as a non-root user"}},
		{"sysadmin", []string{"--profile=sysadmin"}, session.Profile{Name: "sysadmin"},
			[]string{"warning: the debug container runs as a non-root user",
				"securityContext.runAsUser: 0"}},
		{"quiet", []string{"--profile=sysadmin", "-q"}, session.Profile{Name: "sysadmin"}, nil},
		{"legacy", []string{"--profile", "legacy"}, session.Profile{Name: "legacy"},
			[]string{"deprecated and will be removed", "use --profile=general instead"}},
		{"verbose", []string{"--profile=baseline", "-v"}, session.Profile{Name: "baseline"},
			[]string{"debug: applied profile profile=baseline mode=copy"}},
		{"custom", []string{"--custom", filepath.Join("testdata", "custom-env.yaml")},
			session.Profile{Name: "general", Custom: true},
			[]string{"warning: the debug container runs as a non-root user"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runWith(t, readFile(t, "sessions.yaml"), tt.args...)
			if r.code != 0 {
				t.Fatalf("exit code = %d, want 0; stderr:\n%s", r.code, r.stderr)
			}
			got := decodeLines(t, r.stdout)
			if len(got) != 2 {
				t.Fatalf("got %d sessions on stdout, want 2", len(got))
			}
			for _, s := range got {
				if diff := cmp.Diff(&tt.wantProfile, s.Spec.Profile); diff != "" {
					t.Errorf("spec.profile (-want +got):\n%s", diff)
				}
			}
			checkStderr(t, r.stderr, tt.wantStderr)
		})
	}
}

func checkStderr(t *testing.T, stderr string, want []string) {
	t.Helper()
	if len(want) == 0 && stderr != "" {
		t.Errorf("stderr = %q, want nothing", stderr)
	}
	for _, w := range want {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr = %q, want it to contain %q", stderr, w)
		}
	}
}

func TestRunSysadminNonRoot(t *testing.T) {
	r := runWith(t, readFile(t, "sessions.yaml"), "--profile=sysadmin")
	s := decodeLines(t, r.stdout)[0]
	if sc := s.DebugContainer().SecurityContext; sc == nil || sc.Privileged == nil ||
		!*sc.Privileged {
		t.Errorf("securityContext = %+v, want privileged", sc)
	}
	if n := strings.Count(r.stderr, "non-root"); n != 1 {
		t.Errorf("stderr has %d non-root warnings, want 1 (for the copy only):\n%s",
			n, r.stderr)
	}
}

func TestRunErrors(t *testing.T) {
	valid := readFile(t, "sessions.yaml")
	profiled := runWith(t, valid).stdout
	tests := []struct {
		name       string
		stdin      string
		args       []string
		wantStderr string
	}{
		{"unknown profile", valid, []string{"--profile=admin"}, `unknown --profile "admin"`},
		{"argument", valid, []string{"web"}, `unexpected argument "web"`},
		{"unknown flag", valid, []string{"--copy-to=x"}, "unknown flag: --copy-to"},
		{"quiet and verbose", valid, []string{"-q", "-v"}, "-q and -v"},
		{"custom image", valid, []string{"--custom=testdata/custom-image.yaml"},
			`field "image" cannot be changed`},
		{"custom invalid", valid, []string{"--custom=testdata/custom-invalid.yaml"},
			"not valid JSON or YAML"},
		{"custom missing", valid, []string{"--custom=testdata/missing.yaml"}, "missing.yaml"},
		{"already profiled", profiled, []string{"--profile=baseline"},
			`session 1: session already has profile "general"`},
		{"unknown field", strings.Replace(valid, "  container: debugger",
			"  container: debugger\n  namespace: shop", 1), nil, `unknown field "spec.namespace"`},
		{"unknown pod field", strings.Replace(valid, "restartPolicy: Never",
			"restartPolicy: Never\n      hostPIDs: true", 1), nil,
			`unknown field "spec.pod.spec.hostPIDs"`},
		{"apiVersion", strings.Replace(valid, "kdbg/v1alpha1", "kdbg/v1", 1), nil,
			`unknown apiVersion "kdbg/v1"`},
		{"kind", strings.Replace(valid, "kind: DebugSession", "kind: Pod", 1), nil,
			`unknown kind "Pod"`},
		{"not yaml", "{]", nil, "reading session 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runWith(t, tt.stdin, tt.args...)
			if r.code != 2 {
				t.Errorf("exit code = %d, want 2", r.code)
			}
			if !strings.HasPrefix(r.stderr, "kdbg-profile: ") ||
				!strings.Contains(r.stderr, tt.wantStderr) {
				t.Errorf("stderr = %q, want \"kdbg-profile: ...%s...\"", r.stderr, tt.wantStderr)
			}
			if r.stdout != "" {
				t.Errorf("stdout = %q, want nothing", r.stdout)
			}
		})
	}
}

func TestRunHelp(t *testing.T) {
	r := runWith(t, "", "--help")
	if r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, "--keep-init-containers") {
		t.Errorf("--help = %+v, want exit 0, usage on stderr only", r)
	}
}

func TestRunEmptyInput(t *testing.T) {
	if r := runWith(t, ""); r != (result{}) {
		t.Errorf("empty stdin = %+v, want exit 0 and no output", r)
	}
}
