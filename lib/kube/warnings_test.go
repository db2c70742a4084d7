package kube

import (
	"bytes"
	"log/slog"
	"testing"
)

func TestWarningLogger(t *testing.T) {
	var buf bytes.Buffer
	w := warningLogger{slog.New(slog.NewTextHandler(&buf, nil))}
	w.HandleWarningHeader(299, "", `would violate PodSecurity "restricted:latest"`)
	w.HandleWarningHeader(199, "", "not an API warning")
	w.HandleWarningHeader(299, "", "")
	if got, want := bytes.Count(buf.Bytes(), []byte("\n")), 1; got != want {
		t.Fatalf("logged %d lines, want %d:\n%s", got, want, buf.String())
	}
	if !bytes.Contains(buf.Bytes(), []byte("would violate PodSecurity")) {
		t.Errorf("log = %q, want the warning's text", buf.String())
	}
}
