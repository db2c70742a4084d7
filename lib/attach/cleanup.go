package attach

import (
	"context"
	"log/slog"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"

	"github.com/kdbg/kdbg/lib/session"
)

// removeTimeout bounds the delete of --rm, which runs after the session's own context
// may have been cancelled by Ctrl-C or SIGTERM.
const removeTimeout = 15 * time.Second

// removeGrace is the delete's grace period: a debug pod has nothing to shut down slowly,
// and a shell as PID 1 ignores SIGTERM.
const removeGrace = int64(1)

// remove deletes the session's copy or node pod, with a fresh context. Ephemeral
// containers cannot be removed from their pod; that is only noted.
func remove(client kubernetes.Interface, s *session.DebugSession, log *slog.Logger) {
	st := s.Status
	if s.Spec.Mode == session.ModeEphemeral {
		log.Info("--rm: an ephemeral container cannot be removed; it stays in pod " +
			st.Namespace + "/" + st.Name + " until the pod is deleted")
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), removeTimeout)
	defer cancel()
	grace := removeGrace
	opts := metav1.DeleteOptions{GracePeriodSeconds: &grace}
	if st.UID != "" {
		opts.Preconditions = &metav1.Preconditions{UID: &st.UID}
	}
	err := client.CoreV1().Pods(st.Namespace).Delete(ctx, st.Name, opts)
	switch {
	case apierrors.IsNotFound(err):
		log.Debug("pod already gone", "pod", st.Namespace+"/"+st.Name)
	case err != nil:
		log.Error("could not delete the pod: delete it with kubectl delete pod -n "+
			st.Namespace+" "+st.Name, "err", err)
	default:
		log.Info("deleted pod " + st.Namespace + "/" + st.Name)
	}
}
