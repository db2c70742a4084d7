package submit

import (
	"context"
	"log/slog"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/kubernetes"

	"github.com/kdbg/kdbg/lib/session"
)

// createPod creates a copy or node debug pod as spec.pod describes it.
func createPod(ctx context.Context, client kubernetes.Interface, pod *corev1.Pod, ns string,
	o *Options, log *slog.Logger) (*corev1.Pod, error) {
	created, err := client.CoreV1().Pods(ns).Create(ctx, pod,
		metav1.CreateOptions{DryRun: o.serverDryRun()})
	if err != nil {
		return nil, explain(err, request{"create", "pods", "", ns, pod.Name})
	}
	log.Info(o.note("created pod"), "pod", ns+"/"+created.Name)
	return created, nil
}

// createCopy creates the copy and, with spec.replace, then deletes the original. The
// original is read first, to warn about its controller, when that matters: it is to be
// replaced, or the copy kept labels a controller could adopt it by. When the original
// cannot be deleted, the copy is deleted again, so a failure leaves the cluster as it was.
func createCopy(ctx context.Context, client kubernetes.Interface, s *session.DebugSession,
	ns string, o *Options, log *slog.Logger) (*corev1.Pod, error) {
	var orig *corev1.Pod
	var err error
	if s.Spec.Replace || len(s.Spec.Pod.Labels) > 0 {
		orig, err = readOriginal(ctx, client, s, ns)
	}
	switch {
	case orig == nil && err == nil:
	case err != nil && s.Spec.Replace:
		return nil, err
	case err != nil:
		log.Debug("could not read the original pod; its controller is not checked", "err", err)
	default:
		warnController(orig, &s.Spec.Pod, s.Spec.Replace, log)
	}

	created, err := createPod(ctx, client, &s.Spec.Pod, ns, o, log)
	if err != nil || !s.Spec.Replace {
		return created, err
	}
	if err := deleteOriginal(ctx, client, orig, s.Spec.Target.UID, o, log); err != nil {
		undoCreate(client, created, o, log)
		return nil, err
	}
	return created, nil
}

func readOriginal(ctx context.Context, client kubernetes.Interface, s *session.DebugSession,
	ns string) (*corev1.Pod, error) {
	if s.Spec.Target.Namespace != "" {
		ns = s.Spec.Target.Namespace
	}
	name := s.Spec.Target.Name
	orig, err := client.CoreV1().Pods(ns).Get(ctx, name, metav1.GetOptions{})
	if err != nil {
		return nil, explain(err, request{"get", "pods", "", ns, name})
	}
	return orig, nil
}

// deleteOriginal deletes the pod that was copied, but only the one kdbg-spec read (uid,
// else the one read just now): a pod recreated under the same name since is kept.
func deleteOriginal(ctx context.Context, client kubernetes.Interface, orig *corev1.Pod,
	uid types.UID, o *Options, log *slog.Logger) error {
	if uid == "" {
		uid = orig.UID
	}
	err := client.CoreV1().Pods(orig.Namespace).Delete(ctx, orig.Name, metav1.DeleteOptions{
		Preconditions: &metav1.Preconditions{UID: &uid},
		DryRun:        o.serverDryRun(),
	})
	if err != nil {
		return explain(err, request{"delete", "pods", "", orig.Namespace, orig.Name})
	}
	log.Info(o.note("deleted the original pod"), "pod", orig.Namespace+"/"+orig.Name)
	return nil
}

// warnController warns when a controller owns the original. A copy with the original's
// labels matches the controller's selector: the controller adopts it and, having one pod
// too many, may delete it. With --replace the controller also makes a new pod in place
// of the deleted original.
func warnController(orig, cp *corev1.Pod, replace bool, log *slog.Logger) {
	owner := metav1.GetControllerOf(orig)
	if owner == nil {
		return
	}
	controller := owner.Kind + "/" + owner.Name
	if len(orig.Labels) > 0 && hasLabels(cp.Labels, orig.Labels) {
		log.Warn("the copy has the labels of the original, so the original's controller may "+
			"adopt the copy and delete it; to keep the copy, give it other labels "+
			"(kdbg-profile drops them unless --keep-labels)", "controller", controller)
	}
	if replace {
		log.Warn("the original pod is managed by a controller, which will create a new one "+
			"in its place", "pod", orig.Namespace+"/"+orig.Name, "controller", controller)
	}
}

// hasLabels reports whether labels holds every label of want.
func hasLabels(labels, want map[string]string) bool {
	for k, v := range want {
		if got, ok := labels[k]; !ok || got != v {
			return false
		}
	}
	return true
}

// undoCreate deletes a pod this run created, with a fresh context: the run's own may be
// the reason for the failure.
func undoCreate(client kubernetes.Interface, pod *corev1.Pod, o *Options, log *slog.Logger) {
	if o.DryRun == DryRunServer {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := client.CoreV1().Pods(pod.Namespace).Delete(ctx, pod.Name, metav1.DeleteOptions{
		Preconditions: &metav1.Preconditions{UID: &pod.UID},
	})
	if err != nil {
		log.Error("could not delete the copy again: delete it by hand",
			"pod", pod.Namespace+"/"+pod.Name, "err", err)
		return
	}
	log.Info("deleted the copy again", "pod", pod.Namespace+"/"+pod.Name)
}
