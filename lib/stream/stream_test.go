package stream

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func readAll(in io.Reader) ([]string, error) {
	r := NewReader(in)
	var got []string
	for {
		raw, err := r.Next()
		if errors.Is(err, io.EOF) {
			return got, nil
		}
		if err != nil {
			return got, err
		}
		got = append(got, string(raw))
	}
}

func TestNext(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []string
	}{
		{"one per line", "{\"a\":1}\n{\"a\":2}\n", []string{`{"a":1}`, `{"a":2}`}},
		{"concatenated", `{"a":1}{"a":2}`, []string{`{"a":1}`, `{"a":2}`}},
		{"yaml documents", "---\na: 1\n---\n---\na: 2\n---\n", []string{`{"a":1}`, `{"a":2}`}},
		{"empty", "", nil},
		{"blank", " \n\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readAll(strings.NewReader(tt.input))
			if err != nil {
				t.Fatalf("Next: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("objects (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNextRejects(t *testing.T) {
	tests := []struct {
		name  string
		input []byte
		want  string
	}{
		{"string", []byte("hello\n"), "found a string, want an object with apiVersion and kind"},
		{"list", []byte("[1]"), "found a list, want an object with apiVersion and kind"},
		{"number", []byte("3"), "found a number, want an object with apiVersion and kind"},
		{"NUL page", make([]byte, 4096), "input holds a NUL byte: want JSON or YAML text"},
		{"NUL after object", append([]byte("{\"a\":1}\n"), make([]byte, 8192)...),
			"input holds a NUL byte: want JSON or YAML text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readAll(bytes.NewReader(tt.input))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("reading %q: error %v, want one containing %q",
					tt.input[:min(20, len(tt.input))], err, tt.want)
			}
		})
	}
}
