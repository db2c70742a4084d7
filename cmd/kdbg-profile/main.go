package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/spf13/pflag"

	"github.com/kdbg/kdbg/lib/cli"
	"github.com/kdbg/kdbg/lib/profile"
	"github.com/kdbg/kdbg/lib/session"
)

const command = "kdbg-profile"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the whole command, with its streams passed in so tests can drive it.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	opts := profile.NewOptions()
	fs := pflag.NewFlagSet(command, pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: %s [flags] < sessions\n\n%s", command, fs.FlagUsages())
	}
	opts.AddFlags(fs)
	quiet := fs.BoolP("quiet", "q", false, "print no notes or warnings on stderr")
	verbose := fs.BoolP("verbose", "v", false, "print debug details on stderr")

	err := fs.Parse(args)
	switch {
	case errors.Is(err, pflag.ErrHelp):
		return cli.ExitOK
	case err != nil:
		err = cli.Usagef("%w", err)
	case fs.NArg() > 0:
		err = cli.Usagef("unexpected argument %q: sessions are read from stdin", fs.Arg(0))
	case *quiet && *verbose:
		err = cli.Usagef("-q and -v cannot be used together")
	default:
		err = opts.Validate()
	}
	if err == nil {
		err = apply(opts, cli.NewLogger(stderr, *quiet, *verbose), stdin, stdout)
	}
	return cli.Report(stderr, command, err)
}

// apply applies the profile to every session on r, then writes them to w: nothing is
// written unless every session is good, so that a later step never acts on half a batch.
func apply(opts *profile.Options, log *slog.Logger, r io.Reader, w io.Writer) error {
	a, err := opts.NewApplier(log)
	if err != nil {
		return err
	}
	sessions, err := session.ReadAll(r)
	if err != nil {
		return err
	}
	for i, s := range sessions {
		if err := a.Apply(s); err != nil {
			return fmt.Errorf("applying profile to session %d: %w", i+1, err)
		}
	}
	enc := session.NewEncoder(w, false)
	for i, s := range sessions {
		if err := enc.Encode(s); err != nil {
			return fmt.Errorf("writing session %d: %w", i+1, err)
		}
	}
	return nil
}
