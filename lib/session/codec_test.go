package session

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestRoundTrip(t *testing.T) {
	in := readFixture(t, "ephemeral.json")
	s, err := Unmarshal(in)
	if err != nil {
		t.Fatalf("Unmarshal: %v", err)
	}
	var out bytes.Buffer
	if err := NewEncoder(&out, false).Encode(s); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(in), out.String()); diff != "" {
		t.Errorf("round trip changed the session (-want +got):\n%s", diff)
	}
}

func TestDecoderStreams(t *testing.T) {
	one := strings.TrimSpace(string(readFixture(t, "ephemeral.json")))
	yamlDoc := `apiVersion: kdbg/v1alpha1
kind: DebugSession
spec:
  mode: node
  target: {kind: Node, name: kdbg-node}
  container: debugger
  pod:
    metadata: {name: node-debugger-kdbg-node-abcde}
    spec:
      containers: [{name: debugger, image: busybox}]
  attach: {}
`
	tests := []struct {
		name  string
		input string
		want  int
	}{
		{"one per line", one + "\n" + one + "\n", 2},
		{"concatenated", one + one, 2},
		{"indented", "{\n  \"apiVersion\": \"kdbg/v1alpha1\"," +
			one[len(`{"apiVersion":"kdbg/v1alpha1",`):], 1},
		{"yaml documents", "---\n" + yamlDoc + "---\n" + yamlDoc + "---\n", 2},
		{"empty", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadAll(strings.NewReader(tt.input))
			if err != nil {
				t.Fatalf("ReadAll: %v", err)
			}
			if len(got) != tt.want {
				t.Errorf("ReadAll read %d sessions, want %d", len(got), tt.want)
			}
		})
	}
}

func TestDecoderRejects(t *testing.T) {
	good := string(readFixture(t, "ephemeral.json"))
	tests := []struct {
		name  string
		input string
		want  string
	}{
		{"unknown top field", strings.Replace(good, `"kind"`, `"colour":1,"kind"`, 1),
			`reading session 1: unknown field "colour"`},
		{"unknown pod field",
			strings.Replace(good, `"containers"`, `"containerz":[],"containers"`, 1),
			`reading session 1: unknown field "spec.pod.spec.containerz"`},
		{"apiVersion", strings.Replace(good, "kdbg/v1alpha1", "kdbg/v2", 1),
			`reading session 1: unknown apiVersion "kdbg/v2": want "kdbg/v1alpha1"`},
		{"kind", strings.Replace(good, "DebugSession", "Pod", 1),
			`reading session 1: unknown kind "Pod": want "DebugSession"`},
		{"mode", strings.Replace(good, `"mode":"ephemeral"`, `"mode":"sideways"`, 1),
			`reading session 1: unknown spec.mode "sideways": want ephemeral, copy or node`},
		{"container missing",
			strings.Replace(good, `"container":"debugger-x7k2p"`, `"container":"gone"`, 1),
			`reading session 1: spec.container "gone" is not in spec.pod's ` +
				`spec.ephemeralContainers`},
		{"second object", good + `{"apiVersion":"v1","kind":"Pod"}`,
			`reading session 2: unknown apiVersion "v1": want "kdbg/v1alpha1"`},
		{"not json", "{nope",
			"reading session 1: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadAll(strings.NewReader(tt.input))
			var input *InputError
			if !errors.As(err, &input) {
				t.Fatalf("ReadAll error = %v, want an *InputError", err)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("ReadAll error = %q, want it to start with %q", err, tt.want)
			}
		})
	}
}

func TestDebugContainerPointsIntoPod(t *testing.T) {
	s, err := Unmarshal(readFixture(t, "ephemeral.json"))
	if err != nil {
		t.Fatal(err)
	}
	s.DebugContainer().Image = "changed"
	if got := s.Spec.Pod.Spec.EphemeralContainers[0].Image; got != "changed" {
		t.Errorf("ephemeral container image = %q after change through DebugContainer, want %q",
			got, "changed")
	}
}

func FuzzDecoder(f *testing.F) {
	f.Add(readFixture(f, "ephemeral.json"))
	f.Add([]byte("apiVersion: kdbg/v1alpha1\nkind: DebugSession\n---\n"))
	f.Add([]byte(`{"apiVersion":"kdbg/v1alpha1","kind":"DebugSession","spec":{"pod":null}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		sessions, err := ReadAll(bytes.NewReader(data))
		for _, s := range sessions {
			if verr := s.Validate(); verr != nil {
				t.Fatalf("decoded session fails Validate: %v", verr)
			}
		}
		if err != nil {
			var input *InputError
			if !errors.As(err, &input) {
				t.Fatalf("ReadAll error %v (%T) is not an *InputError", err, err)
			}
		}
	})
}
