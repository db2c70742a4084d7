package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"

	"github.com/spf13/pflag"

	"github.com/kdbg/kdbg/lib/cli"
	"github.com/kdbg/kdbg/lib/kube"
	"github.com/kdbg/kdbg/lib/session"
	"github.com/kdbg/kdbg/lib/spec"
)

const command = "kdbg-spec"

const usage = "usage: kdbg-spec (POD | pod/NAME | node/NAME | -f FILE) [flags] " +
	"[-- COMMAND [args...]]\n"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is kdbg-spec with its streams and arguments given, for tests.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := pflag.NewFlagSet(command, pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage, fs.FlagUsages())
	}
	o := spec.NewOptions()
	o.AddFlags(fs)
	kf := kube.NewFlags()
	kf.AddFlags(fs)
	quiet := fs.BoolP("quiet", "q", false, "suppress informational messages")
	verbose := fs.BoolP("verbose", "v", false, "print debug details on stderr")

	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return cli.ExitOK
		}
		return cli.Report(stderr, command, cli.Usagef("%w; see kdbg-spec --help", err))
	}
	log := cli.NewLogger(stderr, *quiet, *verbose)
	sessions, err := specify(ctx, o, fs, kf, stdin, log)
	if err != nil {
		return cli.Report(stderr, command, err)
	}
	enc := session.NewEncoder(stdout, false)
	for _, s := range sessions {
		if err := enc.Encode(s); err != nil {
			return cli.Report(stderr, command, fmt.Errorf("writing session: %w", err))
		}
	}
	return cli.ExitOK
}

func specify(ctx context.Context, o *spec.Options, fs *pflag.FlagSet, kf *kube.Flags,
	stdin io.Reader, log *slog.Logger) ([]*session.DebugSession, error) {
	if err := o.Complete(fs, fs.Args()); err != nil {
		return nil, err
	}
	if err := o.Validate(); err != nil {
		return nil, err
	}
	return spec.Run(ctx, o, kf, stdin, log)
}
