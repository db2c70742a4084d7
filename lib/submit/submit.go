package submit

import (
	"context"
	"fmt"
	"log/slog"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/client-go/kubernetes"

	"github.com/kdbg/kdbg/lib/session"
)

// Submit sends s to the cluster as o says and fills s.Status: the pod that runs the debug
// container, the container's name and the resourceVersion of the write. Errors are one
// line that says what went wrong and, where known, what to do; a failed submission leaves
// nothing behind.
func Submit(ctx context.Context, client kubernetes.Interface, s *session.DebugSession,
	o *Options, log *slog.Logger) error {
	if err := s.Validate(); err != nil {
		return fmt.Errorf("invalid session: %w", err)
	}
	if s.Spec.Profile == nil {
		log.Warn("the session has no profile, so it has no host namespaces, /host or " +
			"capabilities: put kdbg-profile before kdbg-submit")
	}
	ns := namespaceOf(s, o)
	if o.DryRun == DryRunClient {
		s.Status = statusOf(s, &s.Spec.Pod, ns)
		s.Status.DryRun = DryRunClient
		log.Debug("client dry run: nothing sent", "pod", ns+"/"+s.Spec.Pod.Name)
		return nil
	}

	pod, err := write(ctx, client, s, ns, o, log)
	if err != nil {
		return err
	}

	s.Status = statusOf(s, pod, ns)
	if o.DryRun == DryRunServer {
		s.Status.DryRun = DryRunServer
	}
	return nil
}

func write(ctx context.Context, client kubernetes.Interface, s *session.DebugSession,
	ns string, o *Options, log *slog.Logger) (*corev1.Pod, error) {
	switch s.Spec.Mode {
	case session.ModeEphemeral:
		return addEphemeral(ctx, client, s, ns, o, log)
	case session.ModeCopy:
		return createCopy(ctx, client, s, ns, o, log)
	default:
		return createPod(ctx, client, &s.Spec.Pod, ns, o, log)
	}
}

// namespaceOf is spec.pod's namespace, else the target's, else the options'.
func namespaceOf(s *session.DebugSession, o *Options) string {
	for _, ns := range []string{s.Spec.Pod.Namespace, s.Spec.Target.Namespace, o.Namespace} {
		if ns != "" {
			return ns
		}
	}
	return "default"
}

func statusOf(s *session.DebugSession, pod *corev1.Pod, ns string) *session.Status {
	if pod.Namespace != "" {
		ns = pod.Namespace
	}
	return &session.Status{
		Namespace:       ns,
		Name:            pod.Name,
		UID:             pod.UID,
		Container:       s.Spec.Container,
		ResourceVersion: pod.ResourceVersion,
	}
}
