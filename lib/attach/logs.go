package attach

import (
	"context"
	"fmt"
	"io"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/client-go/kubernetes"

	"github.com/kdbg/kdbg/lib/session"
)

// streamLogs copies the container's whole log to out; with follow, until it ends.
func streamLogs(ctx context.Context, client kubernetes.Interface, st *session.Status,
	follow bool, out io.Writer) error {
	req := client.CoreV1().Pods(st.Namespace).GetLogs(st.Name,
		&corev1.PodLogOptions{Container: st.Container, Follow: follow})
	rc, err := req.Stream(ctx)
	if err != nil {
		return fmt.Errorf("reading the log of container %q: %w", st.Container, err)
	}
	defer rc.Close()
	if _, err := io.Copy(out, rc); err != nil && ctx.Err() == nil {
		return fmt.Errorf("reading the log of container %q: %w", st.Container, err)
	}
	return nil
}
