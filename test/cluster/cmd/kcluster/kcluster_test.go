package main

import (
	"archive/tar"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestUnescape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/var/tmp/kdbg-cluster/kubelet", "/var/tmp/kdbg-cluster/kubelet"},
		{`/var/tmp/a\040b`, "/var/tmp/a b"},
		{`/x\134y`, `/x\y`},
	}
	for _, tt := range tests {
		if got := unescape(tt.in); got != tt.want {
			t.Errorf("unescape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestArchive checks that an image archive is an OCI layout naming the image,
// and that building it twice gives the same bytes (so the same digests).
func TestArchive(t *testing.T) {
	dir := t.TempDir()
	img := image{ref: "kdbg.local/test:1", entrypoint: []string{"/app"}}
	es := []entry{{path: "app", mode: 0o755, data: []byte("#!")}, {path: "etc/x", mode: 0o644}}
	a, b := filepath.Join(dir, "a.tar"), filepath.Join(dir, "b.tar")
	for _, p := range []string{a, b} {
		if err := writeArchive(p, img, es); err != nil {
			t.Fatal(err)
		}
	}
	ab, _ := os.ReadFile(a)
	bb, _ := os.ReadFile(b)
	if !bytes.Equal(ab, bb) {
		t.Errorf("two builds of the same image differ")
	}

	files := untar(t, ab)
	var index struct {
		Manifests []struct {
			Digest      string
			Annotations map[string]string
		}
	}
	if err := json.Unmarshal(files["index.json"], &index); err != nil {
		t.Fatalf("index.json: %v", err)
	}
	if len(index.Manifests) != 1 {
		t.Fatalf("index has %d manifests, want 1", len(index.Manifests))
	}
	m := index.Manifests[0]
	if got := m.Annotations["io.containerd.image.name"]; got != img.ref {
		t.Errorf("image name annotation = %q, want %q", got, img.ref)
	}
	blob := "blobs/sha256/" + strings.TrimPrefix(m.Digest, "sha256:")
	if digest(files[blob]) != m.Digest {
		t.Errorf("manifest blob %s missing or wrong", blob)
	}
}

func TestLayerHasParents(t *testing.T) {
	layer, err := layerTar([]entry{{path: "usr/bin/x", link: "/bin/busybox", mode: 0o777}})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for name := range untar(t, layer) {
		names = append(names, name)
	}
	slices.Sort(names)
	got := strings.Join(names, " ")
	if want := "usr/ usr/bin/ usr/bin/x"; got != want {
		t.Errorf("layer entries = %q, want %q", got, want)
	}
}

func untar(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	tr := tar.NewReader(bytes.NewReader(b))
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(tr)
		out[h.Name] = data
	}
}
