package spec

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/kdbg/kdbg/lib/internal/golden"
	"github.com/kdbg/kdbg/lib/session"
)

// TestGolden runs each journey from a file and compares the sessions, indented, and the
// stderr notes with testdata/golden/NAME.json and NAME.stderr.
func TestGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"ephemeral", []string{"-f", "testdata/pod.json", "--image=busybox:1.37", "-it",
			"--env", "A=1", "--image-pull-policy=IfNotPresent", "--", "sh", "-l"}},
		{"ephemeral-default-target", []string{"-f", "testdata/pod-annotated.json",
			"--image=busybox"}},
		{"copy", []string{"-f", "testdata/pod.json", "--copy-to=app-debug", "--image=busybox",
			"-i", "--env", "X=y", "--", "sleep", "1d"}},
		{"copy-change-container", []string{"-f", "testdata/pod-two.json", "--copy-to=web-debug",
			"-c", "app", "--set-image", "sidecar=envoy:debug", "--env", "PORT=8080",
			"--share-processes=false", "--same-node", "--replace", "--", "sh"}},
		{"copy-set-image", []string{"-f", "testdata/pod-two.json", "--copy-to=web-debug",
			"--set-image=*=ubuntu"}},
		{"node", []string{"-f", "testdata/node.json", "--image=busybox", "-it", "-n", "ops",
			"--", "chroot", "/host"}},
		{"node-long", []string{"-f", "testdata/node-long.json", "--image=busybox", "-c", "dbg",
			"--arguments-only", "--", "-c", "uptime"}},
		{"list", []string{"-f", "testdata/list.json", "--image=busybox"}},
		{"podlist-yaml", []string{"-f", "testdata/podlist.yaml", "--image=busybox",
			"--target="}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runOffline(t, "", tt.args...)
			if r.err != nil {
				t.Fatalf("Run(%q) = %v, want no error", tt.args, r.err)
			}
			compareGolden(t, tt.name+".json", encode(t, r.sessions))
			compareGolden(t, tt.name+".stderr", []byte(r.notes))
		})
	}
}

func encode(t *testing.T, sessions []*session.DebugSession) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := session.NewEncoder(&b, true)
	for _, s := range sessions {
		if err := enc.Encode(s); err != nil {
			t.Fatalf("encoding session: %v", err)
		}
	}
	return b.Bytes()
}

func compareGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Compare(t, filepath.Join("testdata", "golden", name), got)
}
