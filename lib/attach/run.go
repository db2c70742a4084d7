package attach

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"

	"github.com/kdbg/kdbg/lib/cli"
	"github.com/kdbg/kdbg/lib/session"
)

// How long to wait for the container's final state once its output has ended: following
// a log ends with the container, but its status arrives a moment later; an attach may end
// while the container goes on.
const (
	endAfterLogs   = 30 * time.Second
	endAfterAttach = 10 * time.Second
)

// Run waits for the session's container to start and then, as the session and o say:
// writes the session to streams.Out (--wait), attaches (spec.attach.stdin), or streams
// the log until the container ends. It returns the container's exit code when it ended,
// 0 when it is still running. With o.Remove a copy or node pod is deleted before Run
// returns, whatever happened.
func Run(ctx context.Context, client kubernetes.Interface, cfg *rest.Config,
	s *session.DebugSession, o *Options, streams Streams, log *slog.Logger) (int, error) {
	if s.Status == nil || s.Status.Name == "" || s.Status.Container == "" {
		return cli.ExitUsage, cli.Usagef("the session has no status: pipe it through " +
			"kdbg-submit first")
	}
	if s.Status.DryRun != "" {
		log.Info("a " + s.Status.DryRun + " dry run: nothing to attach to")
		return 0, session.NewEncoder(streams.Out, false).Encode(s)
	}
	if o.Remove {
		defer remove(client, s, log)
	}

	pod, err := waitStarted(ctx, client, s, o.Timeout, log)
	if err != nil {
		return cli.ExitFailure, err
	}
	s.Status.ResourceVersion = pod.ResourceVersion
	if o.Wait {
		return waitOnly(s, pod, streams)
	}
	return connect(ctx, client, cfg, s, pod, streams, log)
}

// waitOnly writes the session once its container runs. A container that has already
// ended has its exit code recorded in the session and returned.
func waitOnly(s *session.DebugSession, pod *corev1.Pod, streams Streams) (int, error) {
	code := 0
	if term := ended(containerStatus(pod, s.Status.Container)); term != nil {
		s.Status.ExitCode = &term.ExitCode
		code = int(term.ExitCode)
	}
	return code, session.NewEncoder(streams.Out, false).Encode(s)
}

// connect streams the session's output: the log of a container that has ended, an attach
// when the session wants stdin, else the log followed to the end.
func connect(ctx context.Context, client kubernetes.Interface, cfg *rest.Config,
	s *session.DebugSession, pod *corev1.Pod, streams Streams, log *slog.Logger) (int, error) {
	st := s.Status
	restarts := restartCount(containerStatus(pod, st.Container))
	if ended(containerStatus(pod, st.Container)) != nil {
		log.Info(fmt.Sprintf("container %q has already ended; its log follows", st.Container))
		if err := streamLogs(ctx, client, st, false, streams.Out); err != nil {
			return cli.ExitFailure, err
		}
		return finish(ctx, client, s, restarts, endAfterLogs, log)
	}
	if !s.Spec.Attach.Stdin {
		if err := streamLogs(ctx, client, st, true, streams.Out); err != nil {
			return cli.ExitFailure, err
		}
		return finish(ctx, client, s, restarts, endAfterLogs, log)
	}
	if err := attachOrLogs(ctx, client, cfg, s, streams, log); err != nil {
		return cli.ExitFailure, err
	}
	code, err := finish(ctx, client, s, restarts, endAfterAttach, log)
	reattachHint(s, log)
	return code, err
}

// attachOrLogs attaches to the container; when that fails, it streams the log instead so
// that no output is lost.
func attachOrLogs(ctx context.Context, client kubernetes.Interface, cfg *rest.Config,
	s *session.DebugSession, streams Streams, log *slog.Logger) error {
	tty := s.Spec.Attach.TTY
	if c := s.DebugContainer(); c != nil {
		tty = c.TTY // the protocol must match how the container was made
	}
	log.Info("If you don't see a command prompt, try pressing enter.")
	err := attachStream(ctx, client, cfg, s.Status, tty, streams)
	if err == nil || ctx.Err() != nil {
		return err
	}
	log.Warn("could not attach, streaming the log instead", "err", err)
	return streamLogs(ctx, client, s.Status, false, streams.Out)
}

// finish waits up to grace for the container to end and returns its exit code, also
// recorded in the session's status, or 0 when it still runs. A container that restarted
// since the session began (more than restarts) has ended once, which counts.
func finish(ctx context.Context, client kubernetes.Interface, s *session.DebugSession,
	restarts int32, grace time.Duration, log *slog.Logger) (int, error) {
	wctx, cancel := context.WithTimeout(ctx, grace)
	defer cancel()
	var term *corev1.ContainerStateTerminated
	_, err := newWatch(client, s, log).until(wctx, func(pod *corev1.Pod) (bool, error) {
		term = endedSince(containerStatus(pod, s.Status.Container), restarts)
		return term != nil, nil
	})
	switch {
	case errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil:
		log.Info(fmt.Sprintf("container %q is still running", s.Status.Container))
		return 0, nil
	case err != nil:
		return cli.ExitFailure, err
	}
	s.Status.ExitCode = &term.ExitCode
	log.Debug("container ended", "exitCode", term.ExitCode, "reason", term.Reason)
	return int(term.ExitCode), nil
}

// reattachHint tells how to come back to an ephemeral container that still runs.
func reattachHint(s *session.DebugSession, log *slog.Logger) {
	st := s.Status
	if s.Spec.Mode != session.ModeEphemeral || st.ExitCode != nil {
		return
	}
	log.Info(fmt.Sprintf("session ended; the ephemeral container still runs and cannot be "+
		"restarted once it ends: reattach with 'kubectl attach %s -c %s -n %s -i -t', or pipe "+
		"this session into kdbg-attach again", st.Name, st.Container, st.Namespace))
}
