package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/spf13/pflag"

	"github.com/kdbg/kdbg/lib/attach"
	"github.com/kdbg/kdbg/lib/chain"
	"github.com/kdbg/kdbg/lib/cli"
	"github.com/kdbg/kdbg/lib/kube"
)

const usage = "usage: %s (POD | pod/NAME | node/NAME | -f FILE) [flags] " +
	"[-- COMMAND [args...]]\n"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, commandName(os.Args[0]), os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// commandName is "kubectl kdbg" when kubectl runs kdbg as its plugin kubectl-kdbg.
func commandName(arg0 string) string {
	if filepath.Base(arg0) == "kubectl-kdbg" {
		return "kubectl kdbg"
	}
	return "kdbg"
}

// run is kdbg with its streams and arguments given, for tests.
func run(ctx context.Context, name string, args []string, stdin io.Reader,
	stdout, stderr io.Writer) int {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprintf(stderr, usage+"%s", name, fs.FlagUsages()) }
	o := chain.NewOptions()
	o.AddFlags(fs)
	kf := kube.NewFlags()
	kf.AddFlags(fs)
	quiet := fs.BoolP("quiet", "q", false, "suppress informational messages")
	verbose := fs.BoolP("verbose", "v", false, "print debug details on stderr")

	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return cli.ExitOK
		}
		return cli.Report(stderr, name, cli.Usagef("%w; see %s --help", err, name))
	}
	if err := o.Complete(fs, fs.Args()); err != nil {
		return cli.Report(stderr, name, err)
	}
	if err := o.Validate(); err != nil {
		return cli.Report(stderr, name, err)
	}
	log := cli.NewLogger(stderr, *quiet, *verbose)
	streams := attach.Streams{In: stdin, Out: stdout, ErrOut: stderr}
	code, err := chain.Run(ctx, o, kf, streams, log)
	if err != nil {
		return cli.Report(stderr, name, err)
	}
	return code
}
