package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

const dryRunJSON = `{"apiVersion":"kdbg/v1alpha1","kind":"DebugSession","spec":{` +
	`"mode":"ephemeral","target":{"kind":"Pod","namespace":"x","name":"web"},` +
	`"container":"dbg","pod":{"metadata":{"name":"web","namespace":"x"},"spec":{` +
	`"containers":[{"name":"app","image":"app","resources":{}}],` +
	`"ephemeralContainers":[{"name":"dbg","image":"busybox","resources":{}}]},"status":{}},` +
	`"attach":{"stdin":true}},"status":{"namespace":"x","name":"web","container":"dbg",` +
	`"dryRun":"client"}}` + "\n"

func runAttach(t *testing.T, sessions string, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv("KUBECONFIG", "/nonexistent/kubeconfig")
	file := filepath.Join(t.TempDir(), "s.json")
	os.WriteFile(file, []byte(sessions), 0o644)
	var out, errOut bytes.Buffer
	code := run(context.Background(), append(args, "-f", file), nil, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestUsageErrors(t *testing.T) {
	noStatus := dryRunJSON[:len(dryRunJSON)-len(`,"status":{"namespace":"x","name":"web",`+
		`"container":"dbg","dryRun":"client"}}`+"\n")] + "}"
	tests := []struct {
		name, sessions string
		args           []string
		want           string
	}{
		{"wait and rm", dryRunJSON, []string{"--wait", "--rm"}, "kdbg-attach: --wait and " +
			"--rm cannot be used together: --wait leaves the pod running for a later attach\n"},
		{"no session", "", nil, "kdbg-attach: no session on input\n"},
		{"not submitted", noStatus, nil,
			"kdbg-attach: the session has no status: pipe it through kdbg-submit first\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runAttach(t, tt.sessions, tt.args...)
			if code != 2 || out != "" || errOut != tt.want {
				t.Errorf("kdbg-attach %v = %d, %q, %q; want 2, no output, %q",
					tt.args, code, out, errOut, tt.want)
			}
		})
	}
}

// TestDryRunPassesThrough needs no cluster: a dry run's session has nothing to attach to.
func TestDryRunPassesThrough(t *testing.T) {
	code, out, errOut := runAttach(t, dryRunJSON, "-q")
	if code != 0 || out != dryRunJSON || errOut != "" {
		t.Errorf("kdbg-attach on a dry run = %d, %q, %q; want 0, the session, nothing",
			code, out, errOut)
	}
}
