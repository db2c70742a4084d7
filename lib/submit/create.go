package submit

import (
	"context"
	"log/slog"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
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

// createCopy creates the copy and, with spec.replace, then deletes the original. When the
// original cannot be deleted the copy is deleted again, so a failure leaves the cluster
// as it was.
func createCopy(ctx context.Context, client kubernetes.Interface, s *session.DebugSession,
	ns string, o *Options, log *slog.Logger) (*corev1.Pod, error) {
	created, err := createPod(ctx, client, &s.Spec.Pod, ns, o, log)
	if err != nil || !s.Spec.Replace {
		return created, err
	}

	origNS := s.Spec.Target.Namespace
	if origNS == "" {
		origNS = ns
	}
	err = deleteOriginal(ctx, client, origNS, s.Spec.Target, o, log)
	if err != nil {
		undoCreate(client, created, o, log)
		return nil, err
	}
	return created, nil
}

// deleteOriginal deletes the pod that was copied, but only the one that was read: a pod
// recreated under the same name since has another UID and is kept.
func deleteOriginal(ctx context.Context, client kubernetes.Interface, ns string,
	target session.Target, o *Options, log *slog.Logger) error {
	pods := client.CoreV1().Pods(ns)
	orig, err := pods.Get(ctx, target.Name, metav1.GetOptions{})
	if err != nil {
		return explain(err, request{"get", "pods", "", ns, target.Name})
	}
	warnController(orig, log)

	uid := orig.UID
	if target.UID != "" {
		uid = target.UID
	}
	err = pods.Delete(ctx, target.Name, metav1.DeleteOptions{
		Preconditions: &metav1.Preconditions{UID: &uid},
		DryRun:        o.serverDryRun(),
	})
	if err != nil {
		return explain(err, request{"delete", "pods", "", ns, target.Name})
	}
	log.Info(o.note("deleted the original pod"), "pod", ns+"/"+target.Name)
	return nil
}

// warnController warns when a controller owns the original: it will replace the deleted
// pod with a new one, next to the copy.
func warnController(pod *corev1.Pod, log *slog.Logger) {
	owner := metav1.GetControllerOf(pod)
	if owner == nil {
		return
	}
	log.Warn("the original pod is managed by a controller, which will create a new one "+
		"in its place; the copy is not managed by it",
		"pod", pod.Namespace+"/"+pod.Name, "controller", owner.Kind+"/"+owner.Name)
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
