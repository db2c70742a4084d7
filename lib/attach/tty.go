package attach

import (
	"context"
	"io"
	"os"
	"os/signal"
	"syscall"

	"golang.org/x/term"
	"k8s.io/client-go/tools/remotecommand"
)

// terminal is the local terminal, put in raw mode while a TTY session is attached so that
// keys such as Ctrl-C reach the container instead of ending kdbg-attach.
type terminal struct {
	fd  int
	old *term.State
}

// rawTerminal puts in in raw mode when it is a terminal, and returns nil when it is not:
// piped input is passed on as it is.
func rawTerminal(in io.Reader) (*terminal, error) {
	f, ok := in.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil, nil
	}
	fd := int(f.Fd())
	old, err := term.MakeRaw(fd)
	if err != nil {
		return nil, err
	}
	return &terminal{fd: fd, old: old}, nil
}

func (t *terminal) restore() {
	if t != nil {
		term.Restore(t.fd, t.old)
	}
}

// sizes passes the terminal's size to the container, first as it is, then on each
// SIGWINCH, until ctx ends.
type sizes struct {
	ch chan remotecommand.TerminalSize
}

func (t *terminal) sizes(ctx context.Context) remotecommand.TerminalSizeQueue {
	q := &sizes{ch: make(chan remotecommand.TerminalSize, 1)}
	winch := make(chan os.Signal, 1)
	signal.Notify(winch, syscall.SIGWINCH)
	go func() {
		defer close(q.ch)
		defer signal.Stop(winch)
		for {
			q.push(t.fd)
			select {
			case <-ctx.Done():
				return
			case <-winch:
			}
		}
	}()
	return q
}

// push queues the current size, replacing one not yet sent: only the latest matters.
func (q *sizes) push(fd int) {
	w, h, err := term.GetSize(fd)
	if err != nil {
		return
	}
	size := remotecommand.TerminalSize{Width: uint16(w), Height: uint16(h)}
	select {
	case <-q.ch:
	default:
	}
	q.ch <- size
}

// Next blocks until the size changes, and returns nil when the session is over.
func (q *sizes) Next() *remotecommand.TerminalSize {
	size, ok := <-q.ch
	if !ok {
		return nil
	}
	return &size
}
