// Package stream reads a stream of JSON or YAML objects, as every kdbg input may be: one
// object, several concatenated or one per line, or YAML documents separated by "---".
// It hands out each object as JSON, so that callers decode all input the same strict way.
package stream

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
)

// Reader yields the objects of a stream one at a time.
type Reader struct {
	dec   *utilyaml.YAMLOrJSONDecoder
	guard *nulGuard
	index int
}

// NewReader returns a Reader of r.
func NewReader(r io.Reader) *Reader {
	g := &nulGuard{r: r}
	return &Reader{dec: utilyaml.NewYAMLOrJSONDecoder(bufio.NewReader(g), 4096), guard: g}
}

// Index is the 1-based position of the last object returned, for messages.
func (r *Reader) Index() int { return r.index }

// Next returns the next object as JSON, or io.EOF after the last. Empty YAML documents
// are skipped. Anything that is not an object, such as a bare string, is an error.
func (r *Reader) Next() (json.RawMessage, error) {
	for {
		var raw json.RawMessage
		err := r.dec.Decode(&raw)
		if r.guard.err != nil {
			r.index++
			return nil, r.guard.err // the decoders may take it for the end of the stream
		}
		if errors.Is(err, io.EOF) {
			return nil, io.EOF
		}
		r.index++
		if err != nil {
			return nil, err
		}
		raw = bytes.TrimSpace(raw)
		if len(raw) == 0 || string(raw) == "null" {
			r.index-- // an empty YAML document ("---" at the end) is not an object
			continue
		}
		if raw[0] != '{' {
			return nil, fmt.Errorf("found %s, want an object with apiVersion and kind",
				describe(raw))
		}
		return raw, nil
	}
}

// describe names the JSON type of a value that is not an object.
func describe(raw json.RawMessage) string {
	switch raw[0] {
	case '[':
		return "a list"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	default:
		return "a number"
	}
}

// errNUL reports binary input. The YAML decoder would take a run of NUL bytes for an
// empty document and end the stream without a word.
var errNUL = errors.New("input holds a NUL byte: want JSON or YAML text")

// nulGuard stops reading at the first NUL byte and remembers that it did.
type nulGuard struct {
	r   io.Reader
	err error
}

func (g *nulGuard) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	n, err := g.r.Read(p)
	if i := bytes.IndexByte(p[:n], 0); i >= 0 {
		g.err = errNUL
		return i, errNUL
	}
	return n, err
}
