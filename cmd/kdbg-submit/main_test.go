package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/kdbg/kdbg/lib/session"
)

const ephemeralJSON = `{"apiVersion":"kdbg/v1alpha1","kind":"DebugSession","spec":{` +
	`"mode":"ephemeral","target":{"kind":"Pod","namespace":"x","name":"web"},` +
	`"container":"dbg","pod":{"metadata":{"name":"web","namespace":"x"},"spec":{` +
	`"containers":[{"name":"app","image":"app"}],` +
	`"ephemeralContainers":[{"name":"dbg","image":"busybox"}]}},"attach":{}}}`

func runSubmit(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv("KUBECONFIG", "/nonexistent/kubeconfig")
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name, stdin string
		args        []string
		want        string
	}{
		{"bad dry run", "", []string{"--dry-run=always"},
			"kdbg-submit: invalid --dry-run \"always\": want none, client or server\n"},
		{"argument", "", []string{"web"},
			"kdbg-submit: no arguments expected: sessions come on stdin\n"},
		{"not a session", `{"apiVersion":"v1","kind":"Pod"}`, nil,
			"kdbg-submit: reading session 1: unknown apiVersion \"v1\": want \"kdbg/v1alpha1\"\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runSubmit(t, tt.stdin, tt.args...)
			if code != 2 || out != "" || errOut != tt.want {
				t.Errorf("kdbg-submit %v = %d, %q, %q; want 2, no output, %q",
					tt.args, code, out, errOut, tt.want)
			}
		})
	}
}

// TestClientDryRun needs no kubeconfig: nothing is sent.
func TestClientDryRun(t *testing.T) {
	code, out, errOut := runSubmit(t, ephemeralJSON+ephemeralJSON, "--dry-run=client")
	if code != 0 {
		t.Fatalf("kdbg-submit --dry-run=client = %d, %s", code, errOut)
	}
	all, err := session.ReadAll(strings.NewReader(out))
	if err != nil || len(all) != 2 {
		t.Fatalf("output = %q (%v), want 2 sessions", out, err)
	}
	if st := all[0].Status; st.DryRun != "client" || st.Name != "web" || st.Namespace != "x" {
		t.Errorf("status = %+v, want a client dry run of x/web", st)
	}
}
