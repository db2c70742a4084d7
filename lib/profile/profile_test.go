package profile

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/kdbg/kdbg/lib/cli"
	"github.com/kdbg/kdbg/lib/internal/golden"
	"github.com/kdbg/kdbg/lib/session"
)

// modes are the journeys, each with its fixture testdata/<mode>.json.
var modes = []session.Mode{session.ModeEphemeral, session.ModeCopy, session.ModeNode}

// fixture reads the kdbg-spec output for mode from testdata.
func fixture(t *testing.T, mode session.Mode) *session.DebugSession {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", string(mode)+".json"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := session.Unmarshal(data)
	if err != nil {
		t.Fatalf("fixture %s: %v", mode, err)
	}
	return s
}

// options returns the default options with the profile name set.
func options(name string) *Options {
	o := NewOptions()
	o.Name = name
	return o
}

// apply applies o to s and returns what was logged at info level and above.
func apply(t *testing.T, o *Options, s *session.DebugSession) string {
	t.Helper()
	var stderr bytes.Buffer
	a, err := o.NewApplier(cli.NewLogger(&stderr, false, false))
	if err != nil {
		t.Fatalf("NewApplier() = %v", err)
	}
	if err := a.Apply(s); err != nil {
		t.Fatalf("Apply() = %v", err)
	}
	return stderr.String()
}

// applied returns the fixture for mode with profile name applied.
func applied(t *testing.T, mode session.Mode, name string) *session.DebugSession {
	t.Helper()
	s := fixture(t, mode)
	apply(t, options(name), s)
	return s
}

func TestGolden(t *testing.T) {
	for _, mode := range modes {
		for _, name := range names() {
			t.Run(string(mode)+"/"+name, func(t *testing.T) {
				s := applied(t, mode, name)
				var got bytes.Buffer
				if err := session.NewEncoder(&got, true).Encode(s); err != nil {
					t.Fatal(err)
				}
				path := filepath.Join("testdata", "golden", string(mode)+"-"+name+".json")
				golden.Compare(t, path,
					got.Bytes())
			})
		}
	}
}

func TestNewApplierNilLogger(t *testing.T) {
	a, err := options(Legacy).NewApplier(nil)
	if err != nil {
		t.Fatalf("NewApplier(nil) = %v", err)
	}
	if err := a.Apply(fixture(t, session.ModeNode)); err != nil {
		t.Errorf("Apply() = %v", err)
	}
}
