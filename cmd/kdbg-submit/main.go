package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/pflag"
	"k8s.io/client-go/kubernetes"

	"github.com/kdbg/kdbg/lib/cli"
	"github.com/kdbg/kdbg/lib/kube"
	"github.com/kdbg/kdbg/lib/session"
	"github.com/kdbg/kdbg/lib/submit"
)

const (
	name  = "kdbg-submit"
	usage = "usage: %s [--dry-run=none|client|server] [flags] < sessions\n\n%s"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprintf(stderr, usage, name, fs.FlagUsages()) }
	kf := kube.NewFlags()
	kf.AddFlags(fs)
	o := submit.NewOptions()
	o.AddFlags(fs)
	quiet := fs.BoolP("quiet", "q", false, "print only errors on stderr")
	verbose := fs.BoolP("verbose", "v", false, "print debugging details on stderr")
	if err := fs.Parse(args); errors.Is(err, pflag.ErrHelp) {
		return cli.ExitOK
	} else if err != nil {
		return cli.Report(stderr, name, cli.Usagef("%v", err))
	}
	if fs.NArg() > 0 {
		return cli.Report(stderr, name, cli.Usagef("no arguments expected: sessions come on stdin"))
	}
	if err := o.Validate(); err != nil {
		return cli.Report(stderr, name, &cli.UsageError{Err: err})
	}
	o.Namespace = kf.NamespaceOverride()
	log := cli.NewLogger(stderr, *quiet, *verbose)
	return cli.Report(stderr, name, submitAll(ctx, kf, o, stdin, stdout, log))
}

// submitAll reads and checks every session before it submits any, so that bad input
// leaves nothing half-made in the cluster; it writes each session on once submitted.
func submitAll(ctx context.Context, kf *kube.Flags, o *submit.Options, stdin io.Reader,
	stdout io.Writer, log *slog.Logger) error {
	sessions, err := session.ReadAll(stdin)
	if err != nil || len(sessions) == 0 {
		return err
	}
	var client kubernetes.Interface
	if o.DryRun != submit.DryRunClient {
		if client, err = newClient(kf, log); err != nil {
			return err
		}
	}
	enc := session.NewEncoder(stdout, false)
	var done []string
	for _, s := range sessions {
		if err := submit.Submit(ctx, client, s, o, log); err != nil {
			return keptNote(err, done, log)
		}
		done = append(done, s.Status.Namespace+"/"+s.Status.Name)
		if err := enc.Encode(s); err != nil {
			return keptNote(fmt.Errorf("writing session: %w", err), done, log)
		}
	}
	return nil
}

// keptNote says which sessions of this run were submitted before err, and are kept.
func keptNote(err error, done []string, log *slog.Logger) error {
	if len(done) > 0 {
		log.Warn("the sessions before this one were submitted, are kept, and were written "+
			"to stdout", "pods", done)
	}
	return err
}
