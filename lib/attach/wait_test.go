package attach

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/kubernetes/fake"
	k8stesting "k8s.io/client-go/testing"

	"github.com/kdbg/kdbg/lib/session"
)

func submitted() *session.DebugSession {
	s := session.New(session.ModeEphemeral)
	s.Status = &session.Status{Namespace: "x", Name: "web", UID: "u1", Container: "debugger",
		ResourceVersion: "41"}
	return s
}

func podWith(rv string, state corev1.ContainerState) *corev1.Pod {
	return &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Name: "web", Namespace: "x", ResourceVersion: rv},
		Status: corev1.PodStatus{Phase: corev1.PodRunning,
			EphemeralContainerStatuses: []corev1.ContainerStatus{{Name: "debugger", State: state}}},
	}
}

// fakeWatch returns a client whose pod watch sends events and records its options.
func fakeWatch(events []watch.Event, opts *metav1.ListOptions,
	objects ...runtime.Object) *fake.Clientset {
	client := fake.NewClientset(objects...)
	client.PrependWatchReactor("pods", func(a k8stesting.Action) (bool, watch.Interface, error) {
		*opts = a.(k8stesting.WatchActionImpl).GetListOptions()
		w := watch.NewFakeWithChanSize(len(events), false)
		for _, e := range events {
			w.Action(e.Type, e.Object)
		}
		return true, w, nil
	})
	return client
}

func TestWaitStarted(t *testing.T) {
	var opts metav1.ListOptions
	client := fakeWatch([]watch.Event{
		{Type: watch.Added, Object: podWith("41", waiting("ContainerCreating"))},
		{Type: watch.Modified, Object: podWith("42", running)},
	}, &opts)
	var logs bytes.Buffer
	pod, err := waitStarted(context.Background(), client, submitted(), time.Minute,
		slog.New(slog.NewTextHandler(&logs, nil)))
	if err != nil || pod.ResourceVersion != "42" {
		t.Fatalf("waitStarted() = %v, %v, want the pod at version 42", pod, err)
	}
	if !strings.Contains(logs.String(), "ContainerCreating") {
		t.Errorf("logs = %q, want the waiting reason", logs.String())
	}
}

func TestWaitStartedFatal(t *testing.T) {
	var opts metav1.ListOptions
	event := &corev1.Event{
		ObjectMeta: metav1.ObjectMeta{Name: "e1", Namespace: "x"},
		InvolvedObject: corev1.ObjectReference{
			Name: "web", FieldPath: "spec.ephemeralContainers{debugger}",
		},
		Type: "Warning", Reason: "Failed", Message: "Failed to pull image",
	}
	pulling := corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{
		Reason: "ErrImagePull", Message: "not found"}}
	client := fakeWatch([]watch.Event{{Type: watch.Added, Object: podWith("41", pulling)}},
		&opts, event)
	_, err := waitStarted(context.Background(), client, submitted(), time.Minute,
		slog.New(slog.DiscardHandler))
	want := `container "debugger" cannot start: ErrImagePull: not found: use an image the ` +
		"node has or can pull (--image)\nrecent events:\n  Warning Failed: " +
		"Failed to pull image"
	if err == nil || err.Error() != want {
		t.Errorf("waitStarted() = %v, want %s", err, want)
	}
	if opts.FieldSelector != "metadata.name=web" || opts.ResourceVersion != "41" ||
		opts.SendInitialEvents == nil || !*opts.SendInitialEvents {
		t.Errorf("watch options = %+v, want metadata.name=web from 41 with initial events", opts)
	}
}

func TestWaitStartedDeleted(t *testing.T) {
	var opts metav1.ListOptions
	client := fakeWatch([]watch.Event{{Type: watch.Deleted, Object: podWith("43", running)}},
		&opts)
	_, err := waitStarted(context.Background(), client, submitted(), time.Minute,
		slog.New(slog.DiscardHandler))
	if err == nil || !strings.HasPrefix(err.Error(), `pod "web" in namespace "x" was deleted`) {
		t.Errorf("waitStarted() = %v, want the pod deleted", err)
	}
}

func TestWaitStartedTimeout(t *testing.T) {
	client := fake.NewClientset()
	client.PrependWatchReactor("pods", func(a k8stesting.Action) (bool, watch.Interface, error) {
		w := watch.NewFakeWithChanSize(1, false)
		w.Action(watch.Added, podWith("41", waiting("ContainerCreating")))
		return true, w, nil
	})
	_, err := waitStarted(context.Background(), client, submitted(), 50*time.Millisecond,
		slog.New(slog.DiscardHandler))
	want := `container "debugger" did not start within 50ms; last state: ContainerCreating`
	if err == nil || err.Error() != want {
		t.Errorf("waitStarted() = %v, want %s", err, want)
	}
}
