package attach

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/client-go/kubernetes"

	"github.com/kdbg/kdbg/lib/session"
)

// waitStarted waits until the session's container runs or has ended. While it waits it
// logs each new reason the container gives; a reason that cannot resolve itself, the
// timeout, and a deleted pod end the wait with an error that carries the pod's recent
// events.
func waitStarted(ctx context.Context, client kubernetes.Interface, s *session.DebugSession,
	timeout time.Duration, log *slog.Logger) (*corev1.Pod, error) {
	st := s.Status
	log.Info(fmt.Sprintf("waiting for container %q in pod %s/%s to start",
		st.Container, st.Namespace, st.Name))
	wctx, cancel := withOptionalTimeout(ctx, timeout)
	defer cancel()

	w := &waiter{container: st.Container, log: log}
	pod, err := newWatch(client, s, log).until(wctx, w.check)
	if err == nil {
		return pod, nil
	}
	if errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
		err = fmt.Errorf("container %q did not start within %v; last state: %s",
			st.Container, timeout, w.last)
	}
	if ctx.Err() != nil {
		return nil, fmt.Errorf("waiting for container %q: %w", st.Container, ctx.Err())
	}
	return nil, withEvents(ctx, client, s, err)
}

func newWatch(client kubernetes.Interface, s *session.DebugSession, log *slog.Logger) *podWatch {
	return &podWatch{
		client: client, namespace: s.Status.Namespace, name: s.Status.Name,
		rv: s.Status.ResourceVersion, initial: true, log: log,
	}
}

func withOptionalTimeout(ctx context.Context, d time.Duration) (context.Context,
	context.CancelFunc) {
	if d == 0 {
		return context.WithCancel(ctx)
	}
	return context.WithTimeout(ctx, d)
}

// waiter judges each version of the pod while the container starts.
type waiter struct {
	container string
	last      string // the last state reported
	log       *slog.Logger
}

func (w *waiter) check(pod *corev1.Pod) (bool, error) {
	st := containerStatus(pod, w.container)
	if started(st) {
		return true, nil
	}
	if pod.Status.Phase == corev1.PodSucceeded || pod.Status.Phase == corev1.PodFailed {
		return false, fmt.Errorf("pod %q ended (%s) before container %q started",
			pod.Name, pod.Status.Phase, w.container)
	}
	if st == nil || st.State.Waiting == nil {
		w.report(describePending(pod))
		return false, nil
	}
	w.report(describeWaiting(st.State.Waiting))
	if hint, ok := fatal(st.State.Waiting); ok {
		return false, fmt.Errorf("container %q cannot start: %s: %s",
			w.container, describeWaiting(st.State.Waiting), hint)
	}
	return false, nil
}

// report logs a state when it differs from the last one, so the wait is never silent and
// never repetitive.
func (w *waiter) report(state string) {
	if state == w.last {
		return
	}
	w.last = state
	w.log.Info(fmt.Sprintf("container %q: %s", w.container, state))
}
