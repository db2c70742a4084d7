package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/kdbg/kdbg/lib/cli"
	"github.com/kdbg/kdbg/lib/profile"
	"github.com/kdbg/kdbg/lib/session"
)

var command = cli.Command{
	Name:  "kdbg-profile",
	Usage: "[flags] < sessions",
	Summary: "Applies a debugging profile, and a custom partial container, to the sessions\n" +
		"on stdin, and writes them to stdout.",
	Manual: "github.com/kdbg/kdbg/cmd/kdbg-profile",
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the whole command, with its streams passed in so tests can drive it.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	opts := profile.NewOptions()
	fs := command.NewFlags(stderr)
	opts.AddFlags(fs.FlagSet)

	err := fs.Parse(args)
	switch {
	case err != nil:
	case fs.NArg() > 0:
		err = cli.Usagef("unexpected argument %q: sessions are read from stdin", fs.Arg(0))
	default:
		err = opts.Validate()
	}
	if err == nil {
		err = apply(opts, fs.Logger(), stdin, stdout)
	}
	return fs.Exit(err)
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
