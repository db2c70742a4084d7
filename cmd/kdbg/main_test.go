package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestRunErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"kdbg", []string{"app", "--image=busybox", "-t"}, 2, "kdbg: "},
		{"kubectl kdbg", []string{"--nosuch"}, 2,
			"kubectl kdbg: unknown flag: --nosuch; see kubectl kdbg --help\n"},
		{"kdbg", []string{"app", "-q", "-v", "--image=busybox"}, 2,
			"kdbg: -q and -v cannot be used together\n"},
		{"kdbg", []string{"--help"}, 0, "usage: kdbg (POD | pod/NAME | node/NAME | -f FILE)"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), tt.name, tt.args, nil, &stdout, &stderr)
			if code != tt.code || !strings.HasPrefix(stderr.String(), tt.want) {
				t.Errorf("%s %q = exit %d, stderr %q; want exit %d, stderr starting %q",
					tt.name, tt.args, code, stderr.String(), tt.code, tt.want)
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout = %q, want nothing", stdout.String())
			}
		})
	}
}

func TestCommandName(t *testing.T) {
	for arg0, want := range map[string]string{
		"/usr/local/bin/kubectl-kdbg": "kubectl kdbg",
		"./bin/kdbg":                  "kdbg",
	} {
		if got := commandName(arg0); got != want {
			t.Errorf("commandName(%q) = %q, want %q", arg0, got, want)
		}
	}
}
