package session

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	strictjson "sigs.k8s.io/json"

	"github.com/kdbg/kdbg/lib/stream"
)

// InputError reports input that is not a valid DebugSession. Commands exit 2 on it.
type InputError struct {
	Index int // 1-based position of the object in the stream
	Err   error
}

func (e *InputError) Error() string {
	return fmt.Sprintf("reading session %d: %v", e.Index, e.Err)
}

func (e *InputError) Unwrap() error { return e.Err }

// Decoder reads DebugSessions from a stream of JSON or YAML objects: one object, many
// concatenated or one per line, or YAML documents separated by "---".
type Decoder struct {
	objects *stream.Reader
}

// NewDecoder returns a Decoder reading from r.
func NewDecoder(r io.Reader) *Decoder {
	return &Decoder{objects: stream.NewReader(r)}
}

// Next returns the next session, or io.EOF after the last. Any other error is an
// *InputError naming the object and what was wrong with it.
func (d *Decoder) Next() (*DebugSession, error) {
	raw, err := d.objects.Next()
	if errors.Is(err, io.EOF) {
		return nil, io.EOF
	}
	if err != nil {
		return nil, &InputError{Index: d.objects.Index(), Err: err}
	}
	s, err := Unmarshal(raw)
	if err != nil {
		return nil, &InputError{Index: d.objects.Index(), Err: err}
	}
	return s, nil
}

// Unmarshal decodes one session strictly: unknown or duplicate fields anywhere, including
// inside spec.pod, are errors that name the field, and the result must pass Validate.
func Unmarshal(data []byte) (*DebugSession, error) {
	if err := checkHeader(data); err != nil {
		return nil, err
	}
	var s DebugSession
	strict, err := strictjson.UnmarshalStrict(data, &s)
	if err != nil {
		return nil, err
	}
	if len(strict) > 0 {
		return nil, errors.Join(strict...)
	}
	if err := s.Validate(); err != nil {
		return nil, err
	}
	return &s, nil
}

// checkHeader looks at apiVersion and kind first, so that a Pod or a newer version of the
// contract is reported as such rather than as a list of unknown fields.
func checkHeader(data []byte) error {
	var h struct {
		APIVersion string `json:"apiVersion"`
		Kind       string `json:"kind"`
	}
	if err := json.Unmarshal(data, &h); err != nil {
		return err
	}
	if h.APIVersion != APIVersion {
		return fmt.Errorf("unknown apiVersion %q: want %q", h.APIVersion, APIVersion)
	}
	if h.Kind != Kind {
		return fmt.Errorf("unknown kind %q: want %q", h.Kind, Kind)
	}
	return nil
}

// ReadAll decodes every session in r.
func ReadAll(r io.Reader) ([]*DebugSession, error) {
	d := NewDecoder(r)
	var all []*DebugSession
	for {
		s, err := d.Next()
		if errors.Is(err, io.EOF) {
			return all, nil
		}
		if err != nil {
			return all, err
		}
		all = append(all, s)
	}
}

// Encoder writes sessions as JSON, one object per line, or indented when asked.
type Encoder struct {
	enc *json.Encoder
}

// NewEncoder returns an Encoder writing to w. Indented output is for people; pipes
// and streams want one object per line.
func NewEncoder(w io.Writer, indent bool) *Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	return &Encoder{enc: enc}
}

// Encode writes one session.
func (e *Encoder) Encode(s *DebugSession) error {
	return e.enc.Encode(s)
}
