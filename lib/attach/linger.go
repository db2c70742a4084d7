package attach

import (
	"context"
	"io"
	"time"
)

// stdinLinger is how long piped stdin stays open after its end. containerd ends an attach
// as soon as the client's stdin closes, so the output of the last commands piped in would
// be lost; holding the end back a moment lets it arrive.
const stdinLinger = 2 * time.Second

// lingerReader delays its reader's io.EOF by stdinLinger, or until ctx ends.
type lingerReader struct {
	ctx context.Context
	r   io.Reader
}

func (l lingerReader) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	if err != io.EOF || n > 0 {
		return n, err
	}
	select {
	case <-l.ctx.Done():
	case <-time.After(stdinLinger):
	}
	return 0, io.EOF
}
