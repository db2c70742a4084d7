package main

import (
	"context"
	"io"
	"os"

	"github.com/kdbg/kdbg/lib/attach"
	"github.com/kdbg/kdbg/lib/cli"
	"github.com/kdbg/kdbg/lib/kube"
	"github.com/kdbg/kdbg/lib/session"
)

var command = cli.Command{
	Name:  "kdbg-attach",
	Usage: "[--timeout=5m] [--rm] [--wait] [-f FILE] [flags] < sessions",
	Summary: "Waits for each submitted session's container to run, then attaches to it (or\n" +
		"follows its log) and exits with its exit code.",
	Manual: "github.com/kdbg/kdbg/cmd/kdbg-attach",
}

func main() {
	cli.Main(func(ctx context.Context) int {
		return run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	})
}

func run(ctx context.Context, args []string, stdin *os.File, stdout, stderr io.Writer) int {
	fs := command.NewFlags(stderr)
	kf := kube.NewFlags()
	kf.AddFlags(fs.FlagSet)
	o := attach.NewOptions()
	o.AddFlags(fs.FlagSet)
	file := fs.StringP("filename", "f", "",
		"read the sessions from this file; stdin then feeds the container")
	if err := fs.Parse(args); err != nil {
		return fs.Exit(err)
	}
	if fs.NArg() > 0 {
		return fs.Exit(cli.Usagef("no arguments expected: sessions come on stdin or from -f"))
	}
	if err := o.Validate(); err != nil {
		return fs.Exit(&cli.UsageError{Err: err})
	}
	log := fs.Logger()
	kf.Log = log

	in, err := openInput(*file, stdin)
	if err != nil {
		return fs.Exit(err)
	}
	defer in.close()
	sessions, err := session.ReadAll(in.sessions)
	if err != nil {
		return fs.Exit(err)
	}
	code, err := runAll(ctx, kf, o, sessions, in, stdout, stderr, log)
	if err != nil {
		return fs.Exit(err)
	}
	return code
}
