package submit

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/kubernetes"

	"github.com/kdbg/kdbg/lib/session"
)

// addEphemeral adds the debug container to the target pod. The patch carries only the new
// container: spec.ephemeralContainers merges by name, so the API server appends it to the
// pod as it is now, and sessions started at once on one pod never overwrite each other.
func addEphemeral(ctx context.Context, client kubernetes.Interface, s *session.DebugSession,
	ns string, o *Options, log *slog.Logger) (*corev1.Pod, error) {
	patch, err := ephemeralPatch(s)
	if err != nil {
		return nil, err
	}
	name := s.Spec.Pod.Name
	log.Debug("patching pods/ephemeralcontainers", "pod", ns+"/"+name, "patch", string(patch))

	pod, err := client.CoreV1().Pods(ns).Patch(ctx, name, types.StrategicMergePatchType, patch,
		metav1.PatchOptions{DryRun: o.serverDryRun()}, "ephemeralcontainers")
	if err != nil {
		return nil, explain(err, request{"patch", "pods", "ephemeralcontainers", ns, name})
	}
	if err := checkNew(pod, s.Spec.Container); err != nil {
		return nil, err
	}
	log.Info(o.note("added ephemeral container"), "pod", ns+"/"+name,
		"container", s.Spec.Container)
	return pod, nil
}

// ephemeralPatch is the strategic merge patch that adds the session's container and
// nothing else.
func ephemeralPatch(s *session.DebugSession) ([]byte, error) {
	ec := s.EphemeralContainer()
	if ec == nil {
		return nil, fmt.Errorf("spec.container %q is not in spec.pod's spec.ephemeralContainers",
			s.Spec.Container)
	}
	body := map[string]any{
		"spec": map[string]any{"ephemeralContainers": []corev1.EphemeralContainer{*ec}},
	}
	patch, err := json.Marshal(body)
	if err != nil {
		return nil, fmt.Errorf("encoding patch: %w", err)
	}
	return patch, nil
}

// checkNew fails when the pod already ran a container of that name: an identical patch
// merges into it and changes nothing, which would pass for success. A container added
// just now has no status yet; the kubelet reports it after the write.
func checkNew(pod *corev1.Pod, container string) error {
	for _, st := range pod.Status.EphemeralContainerStatuses {
		if st.Name == container {
			return fmt.Errorf("pod %q already has an ephemeral container %q from an earlier "+
				"session: choose another name (-c), or attach to that one",
				pod.Name, container)
		}
	}
	return nil
}
