package main

import (
	"archive/tar"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"
)

// image is a one-layer image made from files on this machine.
type image struct {
	ref        string
	entrypoint []string
	cmd        []string
	files      func(l layout) ([]entry, error)
}

// entry is one file, directory or symlink of a layer.
type entry struct {
	path, link, src string // link for a symlink; src for a file copied in
	mode            int64
	data            []byte // contents of a file without src
}

var images = []image{
	{ref: "kdbg.local/busybox:1.35", cmd: []string{"sh"}, files: busyboxFiles},
	{ref: "kdbg.local/pause:1", entrypoint: []string{"/pause"}, files: single("pause")},
	{ref: "kdbg.local/demo-app:1", entrypoint: []string{"/demo-app"}, files: single("demo-app")},
}

// single is an image of one static program from bin/ and nothing else.
func single(name string) func(layout) ([]entry, error) {
	return func(l layout) ([]entry, error) {
		return []entry{{path: name, src: l.binary(name), mode: 0o755}}, nil
	}
}

// busyboxFiles is Debian's static busybox with a link for every applet.
func busyboxFiles(layout) ([]entry, error) {
	const bb = "/bin/busybox"
	out, err := exec.Command(bb, "--list-full").Output()
	if err != nil {
		return nil, fmt.Errorf("listing busybox applets (is busybox-static installed?): %w", err)
	}
	es := []entry{
		{path: "bin/busybox", src: bb, mode: 0o755},
		{path: "tmp/", mode: 0o1777},
		{path: "etc/passwd", mode: 0o644, data: []byte("root:x:0:0:root:/root:/bin/sh\n" +
			"nobody:x:65534:65534:nobody:/nonexistent:/bin/false\n")},
		{path: "etc/group", mode: 0o644, data: []byte("root:x:0:\nnogroup:x:65534:\n")},
	}
	for _, applet := range strings.Fields(string(out)) {
		if applet != "bin/busybox" {
			es = append(es, entry{path: applet, link: bb, mode: 0o777})
		}
	}
	return es, nil
}

// importImages builds each image as an OCI archive and imports it into the
// cluster's containerd, in the namespace the CRI plugin uses.
func importImages(ctx context.Context, l layout, log *slog.Logger) error {
	if err := os.MkdirAll(l.images, 0o755); err != nil {
		return err
	}
	for _, img := range images {
		es, err := img.files(l)
		if err != nil {
			return fmt.Errorf("image %s: %w", img.ref, err)
		}
		file := strings.NewReplacer("/", "_", ":", "_").Replace(img.ref) + ".tar"
		archive := filepath.Join(l.images, file)
		if err := writeArchive(archive, img, es); err != nil {
			return fmt.Errorf("image %s: %w", img.ref, err)
		}
		out, err := exec.CommandContext(ctx, "ctr", "--address", l.ctrdSocket, "-n", "k8s.io",
			"images", "import", archive).CombinedOutput()
		if err != nil {
			return fmt.Errorf("importing %s: %v: %s", img.ref, err, strings.TrimSpace(string(out)))
		}
		log.Info("imported", "image", img.ref)
	}
	return nil
}

// writeArchive writes an OCI image layout as a tar that ctr can import; the
// index carries the image name. Times and owners are fixed, so the same
// inputs always give the same digests.
func writeArchive(path string, img image, es []entry) error {
	layer, err := layerTar(es)
	if err != nil {
		return err
	}
	config := mustJSON(map[string]any{
		"architecture": runtime.GOARCH,
		"os":           "linux",
		"config": map[string]any{
			"Entrypoint": img.entrypoint,
			"Cmd":        img.cmd,
			"Env": []string{
				"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"},
			"WorkingDir": "/",
		},
		"rootfs": map[string]any{"type": "layers", "diff_ids": []string{digest(layer)}},
	})
	manifest := mustJSON(map[string]any{
		"schemaVersion": 2,
		"mediaType":     "application/vnd.oci.image.manifest.v1+json",
		"config":        descriptor("application/vnd.oci.image.config.v1+json", config),
		"layers":        []any{descriptor("application/vnd.oci.image.layer.v1.tar", layer)},
	})
	md := descriptor("application/vnd.oci.image.manifest.v1+json", manifest)
	md["annotations"] = map[string]string{
		"io.containerd.image.name":          img.ref,
		"org.opencontainers.image.ref.name": img.ref[strings.LastIndex(img.ref, ":")+1:],
	}
	md["platform"] = map[string]string{"architecture": runtime.GOARCH, "os": "linux"}
	index := mustJSON(map[string]any{
		"schemaVersion": 2,
		"mediaType":     "application/vnd.oci.image.index.v1+json",
		"manifests":     []any{md},
	})

	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	files := []struct {
		name string
		data []byte
	}{
		{"oci-layout", []byte(`{"imageLayoutVersion":"1.0.0"}`)},
		{"index.json", index},
		{blobPath(config), config},
		{blobPath(manifest), manifest},
		{blobPath(layer), layer},
	}
	for _, f := range files {
		if err := writeTarFile(tw, f.name, 0o644, f.data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

func layerTar(es []entry) ([]byte, error) {
	sort.Slice(es, func(i, j int) bool { return es[i].path < es[j].path })
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	dirs := map[string]bool{}
	for _, e := range es {
		if err := writeParents(tw, dirs, e.path); err != nil {
			return nil, err
		}
		if err := writeEntry(tw, dirs, e); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func writeEntry(tw *tar.Writer, dirs map[string]bool, e entry) error {
	switch {
	case strings.HasSuffix(e.path, "/"):
		dirs[strings.TrimSuffix(e.path, "/")] = true
		return tw.WriteHeader(header(e.path, tar.TypeDir, e.mode, 0))
	case e.link != "":
		h := header(e.path, tar.TypeSymlink, e.mode, 0)
		h.Linkname = e.link
		return tw.WriteHeader(h)
	}
	data := e.data
	if e.src != "" {
		var err error
		if data, err = os.ReadFile(e.src); err != nil {
			return err
		}
	}
	return writeTarFile(tw, e.path, e.mode, data)
}

// writeParents adds a directory entry for each parent of path not yet written.
func writeParents(tw *tar.Writer, dirs map[string]bool, path string) error {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	for i := 1; i < len(parts); i++ {
		dir := strings.Join(parts[:i], "/")
		if dirs[dir] {
			continue
		}
		dirs[dir] = true
		if err := tw.WriteHeader(header(dir+"/", tar.TypeDir, 0o755, 0)); err != nil {
			return err
		}
	}
	return nil
}

func writeTarFile(tw *tar.Writer, name string, mode int64, data []byte) error {
	if err := tw.WriteHeader(header(name, tar.TypeReg, mode, int64(len(data)))); err != nil {
		return err
	}
	_, err := tw.Write(data)
	return err
}

func header(name string, kind byte, mode, size int64) *tar.Header {
	return &tar.Header{
		Name: name, Typeflag: kind, Mode: mode, Size: size,
		ModTime: time.Unix(0, 0), Format: tar.FormatPAX,
	}
}

func descriptor(mediaType string, blob []byte) map[string]any {
	return map[string]any{"mediaType": mediaType, "digest": digest(blob), "size": len(blob)}
}

func digest(b []byte) string { return fmt.Sprintf("sha256:%x", sha256.Sum256(b)) }

func blobPath(b []byte) string { return fmt.Sprintf("blobs/sha256/%x", sha256.Sum256(b)) }

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}
