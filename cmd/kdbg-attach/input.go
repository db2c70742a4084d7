package main

import (
	"io"
	"os"

	"github.com/kdbg/kdbg/lib/cli"
)

// input keeps the two inputs apart: where the sessions come from, and what feeds the
// container's stdin. In a pipeline stdin carries the sessions, so the container reads
// the terminal (/dev/tty); with -f the sessions come from a file and stdin is the
// container's.
type input struct {
	sessions io.Reader
	stdin    *os.File
	fromFile bool
	tty      *os.File
}

func openInput(file string, stdin *os.File) (*input, error) {
	if file == "" {
		return &input{sessions: stdin, stdin: stdin}, nil
	}
	if file == "-" {
		return nil, cli.Usagef("-f - is the default: give a file, or no -f to read stdin")
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, cli.Usagef("reading sessions: %v", err)
	}
	return &input{sessions: f, stdin: stdin, fromFile: true}, nil
}

// containerInput returns the reader for the container's stdin.
func (in *input) containerInput() (*os.File, error) {
	if in.fromFile {
		return in.stdin, nil
	}
	if in.tty != nil {
		return in.tty, nil
	}
	tty, err := os.Open("/dev/tty")
	if err != nil {
		return nil, cli.Usagef("the session wants stdin, but stdin carries the sessions and "+
			"there is no terminal (%v): give the session with -f FILE and the input on stdin", err)
	}
	in.tty = tty
	return tty, nil
}

func (in *input) close() {
	if c, ok := in.sessions.(io.Closer); ok && in.fromFile {
		c.Close()
	}
	if in.tty != nil {
		in.tty.Close()
	}
}
