package attach

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/fields"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/kubernetes"
)

// podWatch follows one pod from a resourceVersion on, without listing pods.
type podWatch struct {
	client    kubernetes.Interface
	namespace string
	name      string
	rv        string
	// initial asks the server to send the pod as it is first (sendInitialEvents), so a
	// pod that no longer changes is still seen. It is turned off for servers without it.
	initial bool
	log     *slog.Logger
}

// until calls check with each version of the pod until check returns true or an error.
func (w *podWatch) until(ctx context.Context, check func(*corev1.Pod) (bool, error)) (
	*corev1.Pod, error) {
	for {
		wi, err := w.start(ctx)
		if err != nil {
			return nil, err
		}
		pod, done, err := w.drain(ctx, wi, check)
		wi.Stop()
		if done || err != nil {
			return pod, err
		}
		w.log.Debug("watch closed, watching again", "resourceVersion", w.rv)
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(rewatchPause):
		}
	}
}

// rewatchPause keeps a server that ends every watch at once from being asked in a loop.
const rewatchPause = 200 * time.Millisecond

func (w *podWatch) start(ctx context.Context) (watch.Interface, error) {
	pods := w.client.CoreV1().Pods(w.namespace)
	opts := metav1.ListOptions{
		FieldSelector:       fields.OneTermEqualSelector("metadata.name", w.name).String(),
		ResourceVersion:     w.rv,
		AllowWatchBookmarks: true,
	}
	if w.initial {
		yes := true
		opts.SendInitialEvents = &yes
		opts.ResourceVersionMatch = metav1.ResourceVersionMatchNotOlderThan
	}
	wi, err := pods.Watch(ctx, opts)
	if w.initial && (apierrors.IsBadRequest(err) || apierrors.IsInvalid(err)) {
		w.log.Debug("the server cannot send initial events; reading the pod once", "err", err)
		return w.startWithGet(ctx)
	}
	if err != nil {
		return nil, fmt.Errorf("watching pod %q in namespace %q: %w", w.name, w.namespace, err)
	}
	return wi, nil
}

// startWithGet reads the pod and watches from its version, for servers that cannot send
// initial events. The pod read is delivered first, as the initial event would be.
func (w *podWatch) startWithGet(ctx context.Context) (watch.Interface, error) {
	w.initial = false
	pod, err := w.client.CoreV1().Pods(w.namespace).Get(ctx, w.name, metav1.GetOptions{})
	if err != nil {
		return nil, fmt.Errorf("reading pod %q in namespace %q: %w", w.name, w.namespace, err)
	}
	w.rv = pod.ResourceVersion
	wi, err := w.start(ctx)
	if err != nil {
		return nil, err
	}
	return withFirst(wi, pod), nil
}

// drain handles the events of one watch until it closes, check is done, or fails.
func (w *podWatch) drain(ctx context.Context, wi watch.Interface,
	check func(*corev1.Pod) (bool, error)) (*corev1.Pod, bool, error) {
	for {
		var ev watch.Event
		var open bool
		select {
		case <-ctx.Done():
			return nil, false, ctx.Err()
		case ev, open = <-wi.ResultChan():
		}
		if !open {
			return nil, false, nil
		}
		switch ev.Type {
		case watch.Error:
			return nil, false, w.watchError(ev)
		case watch.Deleted:
			return nil, false, fmt.Errorf("pod %q in namespace %q was deleted", w.name, w.namespace)
		}
		if m, err := meta.Accessor(ev.Object); err == nil {
			w.rv = m.GetResourceVersion()
		}
		pod, ok := ev.Object.(*corev1.Pod)
		if ev.Type == watch.Bookmark || !ok {
			continue
		}
		done, err := check(pod)
		if done || err != nil {
			return pod, done, err
		}
	}
}

// watchError returns the error an Error event carries, except for an expired
// resourceVersion: then the next watch starts from the pod as it is now.
func (w *podWatch) watchError(ev watch.Event) error {
	err := apierrors.FromObject(ev.Object)
	if status, ok := err.(apierrors.APIStatus); ok && status.Status().Code == http.StatusGone {
		w.rv, w.initial = "", true
		return nil
	}
	return fmt.Errorf("watching pod %q in namespace %q: %w", w.name, w.namespace, err)
}
