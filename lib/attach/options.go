// Package attach connects to the debug container of a submitted DebugSession: it waits
// for the container to start, attaches to it as kubectl attach does (or streams its log),
// and reports the container's exit code.
package attach

import (
	"fmt"
	"io"
	"time"

	"github.com/spf13/pflag"
)

// Options are the settings of an attach.
type Options struct {
	// Timeout bounds the wait for the container to start; 0 waits as long as it takes.
	Timeout time.Duration
	// Remove deletes a copy or node pod when the session ends, interrupted or not.
	Remove bool
	// Wait only waits for the container to run, writes the session to stdout and returns,
	// for scripts that attach later.
	Wait bool
}

// NewOptions returns Options with the defaults: a five-minute wait, then attach.
func NewOptions() *Options {
	return &Options{Timeout: 5 * time.Minute}
}

// AddFlags registers --timeout, --rm and --wait on fs.
func (o *Options) AddFlags(fs *pflag.FlagSet) {
	fs.DurationVar(&o.Timeout, "timeout", o.Timeout,
		"how long to wait for the container to start; 0 waits as long as it takes")
	fs.BoolVar(&o.Remove, "rm", o.Remove,
		"delete the copy or node pod when the session ends, also on Ctrl-C and SIGTERM")
	fs.BoolVar(&o.Wait, "wait", o.Wait,
		"only wait until the container runs, write the session to stdout and exit")
}

// Validate checks the options without side effects.
func (o *Options) Validate() error {
	if o.Timeout < 0 {
		return fmt.Errorf("invalid --timeout %v: want 0 or more", o.Timeout)
	}
	if o.Wait && o.Remove {
		return fmt.Errorf("--wait and --rm cannot be used together: --wait leaves the pod " +
			"running for a later attach")
	}
	return nil
}

// Streams are the session's terminal: In feeds the container's stdin, Out receives its
// output (and, with --wait or a dry run, the session as JSON), ErrOut its stderr.
type Streams struct {
	In          io.Reader
	Out, ErrOut io.Writer
}
