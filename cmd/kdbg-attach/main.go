package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/pflag"

	"github.com/kdbg/kdbg/lib/attach"
	"github.com/kdbg/kdbg/lib/cli"
	"github.com/kdbg/kdbg/lib/kube"
	"github.com/kdbg/kdbg/lib/session"
)

const (
	name  = "kdbg-attach"
	usage = "usage: %s [--timeout=5m] [--rm] [--wait] [-f FILE] [flags] < sessions\n\n%s"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdin *os.File, stdout, stderr io.Writer) int {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprintf(stderr, usage, name, fs.FlagUsages()) }
	kf := kube.NewFlags()
	kf.AddFlags(fs)
	o := attach.NewOptions()
	o.AddFlags(fs)
	file := fs.StringP("filename", "f", "",
		"read the sessions from this file; stdin then feeds the container")
	quiet := fs.BoolP("quiet", "q", false, "print only errors on stderr")
	verbose := fs.BoolP("verbose", "v", false, "print debugging details on stderr")
	if err := fs.Parse(args); errors.Is(err, pflag.ErrHelp) {
		return cli.ExitOK
	} else if err != nil {
		return cli.Report(stderr, name, cli.Usagef("%v", err))
	}
	if fs.NArg() > 0 {
		return cli.Report(stderr, name, cli.Usagef("no arguments expected: sessions come on "+
			"stdin or from -f"))
	}
	if err := o.Validate(); err != nil {
		return cli.Report(stderr, name, &cli.UsageError{Err: err})
	}
	log := cli.NewLogger(stderr, *quiet, *verbose)

	in, err := openInput(*file, stdin)
	if err != nil {
		return cli.Report(stderr, name, err)
	}
	defer in.close()
	sessions, err := session.ReadAll(in.sessions)
	if err != nil {
		return cli.Report(stderr, name, err)
	}
	code, err := runAll(ctx, kf, o, sessions, in, stdout, stderr, log)
	if err != nil {
		return cli.Report(stderr, name, err)
	}
	return code
}
