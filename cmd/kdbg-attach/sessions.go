package main

import (
	"context"
	"io"
	"log/slog"

	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"

	"github.com/kdbg/kdbg/lib/attach"
	"github.com/kdbg/kdbg/lib/cli"
	"github.com/kdbg/kdbg/lib/kube"
	"github.com/kdbg/kdbg/lib/session"
)

// runAll runs the sessions one after the other and returns the last one's exit code. The
// client is made for the first session that needs the cluster: a dry run's sessions pass
// through without a kubeconfig.
func runAll(ctx context.Context, kf *kube.Flags, o *attach.Options,
	sessions []*session.DebugSession, in *input, stdout, stderr io.Writer,
	log *slog.Logger) (int, error) {
	if len(sessions) == 0 {
		return cli.ExitUsage, cli.Usagef("no session on input")
	}
	var client kubernetes.Interface
	var cfg *rest.Config
	code := 0
	for _, s := range sessions {
		streams := attach.Streams{Out: stdout, ErrOut: stderr}
		live := s.Status != nil && s.Status.DryRun == ""
		var err error
		if live && client == nil {
			if client, cfg, err = kf.Client(command.Name); err != nil {
				return cli.ExitFailure, err
			}
		}
		if live && s.Spec.Attach.Stdin && !o.Wait {
			if streams.In, err = in.containerInput(); err != nil {
				return cli.ExitUsage, err
			}
		}
		if code, err = attach.Run(ctx, client, cfg, s, o, streams, log); err != nil {
			return code, err
		}
	}
	return code, nil
}
