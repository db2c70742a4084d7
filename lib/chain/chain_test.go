package chain

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/kdbg/kdbg/lib/attach"
	"github.com/kdbg/kdbg/lib/cli"
	"github.com/kdbg/kdbg/lib/kube"
	"github.com/kdbg/kdbg/lib/session"
)

const podJSON = `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"app","namespace":"shop",
"uid":"u1","resourceVersion":"7","labels":{"app":"web"}},
"spec":{"containers":[{"name":"app","image":"kdbg.local/demo-app:1"}]}}`

// parse binds the flags as the kdbg command does and completes and validates them.
func parse(t *testing.T, args ...string) (*Options, *kube.Flags, error) {
	t.Helper()
	fs := pflag.NewFlagSet("kdbg", pflag.ContinueOnError)
	o := NewOptions()
	o.AddFlags(fs)
	kf := kube.NewFlags()
	kf.AddFlags(fs)
	if err := fs.Parse(args); err != nil {
		t.Fatalf("Parse(%q): %v", args, err)
	}
	if err := o.Complete(fs, fs.Args()); err != nil {
		return nil, nil, err
	}
	return o, kf, o.Validate()
}

func TestValidate(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"app", "--image=busybox", "-o", "xml"},
			`--output "xml" is not supported: use json or yaml`},
		{[]string{"app", "--image=busybox", "-o", "json", "--wait"},
			"--output and --wait both print the sessions: give one of them"},
		{[]string{"app", "--image=busybox", "-o", "json", "--rm"},
			"--rm deletes the pod when an attached session ends, but --output does not " +
				"attach: give one of them"},
		{[]string{"-f", "-", "--image=busybox", "-i"},
			"-f - reads the pod from stdin, which -i needs for the container: " +
				"give the pod in a file"},
		{[]string{"app", "--image=busybox", "--profile=nosuch"}, "nosuch"},
		{[]string{"app", "--image=busybox", "--dry-run=maybe"}, "maybe"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, _, err := parse(t, tt.args...)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Validate() = %v, want an error containing %q", err, tt.want)
			}
			if got := cli.Code(err); got != cli.ExitUsage {
				t.Errorf("exit code = %d, want %d", got, cli.ExitUsage)
			}
		})
	}
}

// TestRunOffline runs every step but the cluster's: a client dry run needs no kubeconfig.
func TestRunOffline(t *testing.T) {
	t.Setenv("KUBECONFIG", filepath.Join(t.TempDir(), "missing"))
	file := filepath.Join(t.TempDir(), "pod.json")
	if err := os.WriteFile(file, []byte(podJSON), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args      []string
		mode      session.Mode
		podName   string
		container string
	}{
		{[]string{"--profile=restricted"}, session.ModeEphemeral, "app", "debugger-"},
		{[]string{"--copy-to=app-debug", "--profile=general"}, session.ModeCopy, "app-debug",
			"debugger-"},
	}
	for _, tt := range tests {
		t.Run(string(tt.mode), func(t *testing.T) {
			args := append([]string{"-f", file, "--image=busybox:1.36", "--dry-run=client",
				"-o", "json"}, tt.args...)
			o, kf, err := parse(t, args...)
			if err != nil {
				t.Fatal(err)
			}
			var out, errOut bytes.Buffer
			code, err := Run(context.Background(), o, kf,
				attach.Streams{Out: &out, ErrOut: &errOut}, cli.NewLogger(&errOut, true, false))
			if err != nil || code != 0 {
				t.Fatalf("Run() = %d, %v, want 0, nil", code, err)
			}
			s, err := session.Unmarshal(out.Bytes())
			if err != nil {
				t.Fatalf("output is not one session: %v\n%s", err, out.String())
			}
			got := []string{string(s.Spec.Mode), s.Status.Name, s.Status.DryRun,
				s.Status.Namespace, s.Spec.Profile.Name}
			want := []string{string(tt.mode), tt.podName, "client", "shop",
				strings.TrimPrefix(tt.args[len(tt.args)-1], "--profile=")}
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("mode, pod, dryRun, namespace, profile = %q, want %q", got, want)
			}
			if !strings.HasPrefix(s.Spec.Container, tt.container) {
				t.Errorf("container = %q, want prefix %q", s.Spec.Container, tt.container)
			}
		})
	}
}
