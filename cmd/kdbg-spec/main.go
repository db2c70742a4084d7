package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/spf13/pflag"

	"github.com/kdbg/kdbg/lib/cli"
	"github.com/kdbg/kdbg/lib/kube"
	"github.com/kdbg/kdbg/lib/session"
	"github.com/kdbg/kdbg/lib/spec"
)

var command = cli.Command{
	Name:  "kdbg-spec",
	Usage: "(POD | pod/NAME | node/NAME | -f FILE) [flags] [-- COMMAND [args...]]",
	Summary: "Builds a debug session for a pod or node, read from the cluster or from -f,\n" +
		"with kubectl debug's flags, and writes it to stdout as JSON.",
	Manual: "github.com/kdbg/kdbg/cmd/kdbg-spec",
}

func main() {
	cli.Main(func(ctx context.Context) int {
		return run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	})
}

// run is kdbg-spec with its streams and arguments given, for tests.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := command.NewFlags(stderr)
	o := spec.NewOptions()
	o.AddFlags(fs.FlagSet)
	kf := kube.NewFlags()
	kf.AddFlags(fs.FlagSet)
	if err := fs.Parse(args); err != nil {
		return fs.Exit(err)
	}
	kf.Log = fs.Logger()
	sessions, err := specify(ctx, o, fs.FlagSet, kf, stdin, kf.Log)
	if err != nil {
		return fs.Exit(err)
	}
	enc := session.NewEncoder(stdout, false)
	for _, s := range sessions {
		if err := enc.Encode(s); err != nil {
			return fs.Exit(fmt.Errorf("writing session: %w", err))
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
