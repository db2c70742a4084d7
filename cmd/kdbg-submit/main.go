package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"

	"k8s.io/client-go/kubernetes"

	"github.com/kdbg/kdbg/lib/cli"
	"github.com/kdbg/kdbg/lib/kube"
	"github.com/kdbg/kdbg/lib/session"
	"github.com/kdbg/kdbg/lib/submit"
)

var command = cli.Command{
	Name:  "kdbg-submit",
	Usage: "[--dry-run=none|client|server] [flags] < sessions",
	Summary: "Creates the debug container or pod of each session on stdin, or checks it with\n" +
		"--dry-run, and writes the sessions on with their status filled.",
	Manual: "github.com/kdbg/kdbg/cmd/kdbg-submit",
}

func main() {
	cli.Main(func(ctx context.Context) int {
		return run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	})
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := command.NewFlags(stderr)
	kf := kube.NewFlags()
	kf.AddFlags(fs.FlagSet)
	o := submit.NewOptions()
	o.AddFlags(fs.FlagSet)
	if err := fs.Parse(args); err != nil {
		return fs.Exit(err)
	}
	if fs.NArg() > 0 {
		return fs.Exit(cli.Usagef("no arguments expected: sessions come on stdin"))
	}
	if err := o.Validate(); err != nil {
		return fs.Exit(&cli.UsageError{Err: err})
	}
	o.Namespace = kf.NamespaceOverride()
	kf.Log = fs.Logger()
	return fs.Exit(submitAll(ctx, kf, o, stdin, stdout, kf.Log))
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
		if client, _, err = kf.Client(command.Name); err != nil {
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
