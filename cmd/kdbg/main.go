package main

import (
	"context"
	"io"
	"os"
	"path/filepath"

	"github.com/kdbg/kdbg/lib/attach"
	"github.com/kdbg/kdbg/lib/chain"
	"github.com/kdbg/kdbg/lib/cli"
	"github.com/kdbg/kdbg/lib/kube"
)

func main() {
	cli.Main(func(ctx context.Context) int {
		return run(ctx, commandName(os.Args[0]), os.Args[1:], os.Stdin, os.Stdout,
			os.Stderr)
	})
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
	fs := cli.Command{
		Name:  name,
		Usage: "(POD | pod/NAME | node/NAME | -f FILE) [flags] [-- COMMAND [args...]]",
		Summary: "Debugs a running pod or a node as kubectl debug does: builds the debug\n" +
			"container or pod, applies a profile, submits it, waits and attaches.",
		Manual: "github.com/kdbg/kdbg/cmd/kdbg",
	}.NewFlags(stderr)
	o := chain.NewOptions()
	o.AddFlags(fs.FlagSet)
	kf := kube.NewFlags()
	kf.AddFlags(fs.FlagSet)
	if err := fs.Parse(args); err != nil {
		return fs.Exit(err)
	}
	if err := o.Complete(fs.FlagSet, fs.Args()); err != nil {
		return fs.Exit(err)
	}
	if err := o.Validate(); err != nil {
		return fs.Exit(err)
	}
	streams := attach.Streams{In: stdin, Out: stdout, ErrOut: stderr}
	kf.Log = fs.Logger()
	code, err := chain.Run(ctx, o, kf, streams, kf.Log)
	if err != nil {
		return fs.Exit(err)
	}
	return code
}
