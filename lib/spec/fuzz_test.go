package spec

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/kdbg/kdbg/lib/cli"
)

// FuzzLoad feeds the -f decoder arbitrary input, seeded with the test inputs: it must
// never panic, must fail only with usage errors, and must return only named objects.
func FuzzLoad(f *testing.F) {
	for _, pattern := range []string{"testdata/*.json", "testdata/*.yaml"} {
		paths, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		for _, path := range paths {
			data, err := os.ReadFile(path)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Add([]byte("---\n---\n"))
	f.Add([]byte(`{"apiVersion":"v1","kind":"PodList","items":[{"metadata":{"name":"a"}}]}`))

	f.Fuzz(func(t *testing.T, data []byte) {
		objs, err := load(bytes.NewReader(data), "fuzz")
		if err != nil {
			if cli.Code(err) != cli.ExitUsage {
				t.Fatalf("load = %v, exit code %d, want a usage error", err, cli.Code(err))
			}
			return
		}
		for i, obj := range objs {
			if (obj.pod == nil) == (obj.node == nil) {
				t.Fatalf("object %d: pod %v, node %v, want exactly one", i, obj.pod, obj.node)
			}
			if obj.pod != nil && obj.pod.Name == "" || obj.node != nil && obj.node.Name == "" {
				t.Fatalf("object %d has no name", i)
			}
		}
	})
}

// FuzzBuild runs whole offline runs on arbitrary -f input with each journey's flags:
// whatever the input, Run must not panic, and every session it returns must pass the
// contract's Validate.
func FuzzBuild(f *testing.F) {
	for _, path := range []string{"testdata/pod.json", "testdata/list.json",
		"testdata/podlist.yaml", "testdata/node.json"} {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		for mode := range uint8(3) {
			f.Add(data, mode)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, mode uint8) {
		args := [][]string{
			{"-f", "-", "--image=busybox"},
			{"-f", "-", "--copy-to=copy", "--image=busybox", "--env=A=1"},
			{"-f", "-", "--copy-to=copy", "--set-image=*=ubuntu"},
		}[mode%3]
		r := runOffline(t, string(data), args...)
		for _, s := range r.sessions {
			if err := s.Validate(); err != nil {
				t.Fatalf("Run returned an invalid session: %v", err)
			}
		}
	})
}
