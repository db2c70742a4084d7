package attach

import (
	"testing"

	corev1 "k8s.io/api/core/v1"
)

func TestFatal(t *testing.T) {
	tests := []struct {
		reason, message string
		fatal           bool
		hint            string
	}{
		{"ContainerCreating", "", false, ""},
		{"PodInitializing", "", false, ""},
		{"CreateContainerError", "context deadline exceeded", false, ""},
		{"InvalidImageName", `couldn't parse image name "a b"`, true,
			"fix the image name (--image)"},
		{"ErrImageNeverPull", "", true,
			"the image is not on the node and imagePullPolicy is Never"},
		{"ErrImagePull", "failed to pull", true,
			"use an image the node has or can pull (--image)"},
		{"ImagePullBackOff", "Back-off pulling image", true,
			"use an image the node has or can pull (--image)"},
		{"CreateContainerConfigError", `configmap "x" not found`, true,
			"fix the container's configuration"},
		{"CreateContainerConfigError",
			"container has runAsNonRoot and image will run as root (pod: ...)", true,
			"the image runs as root but the pod requires runAsNonRoot: give a non-root user " +
				"with --custom (securityContext: {runAsUser: 1000}) or use an image that has one"},
	}
	for _, tt := range tests {
		hint, ok := fatal(&corev1.ContainerStateWaiting{Reason: tt.reason, Message: tt.message})
		if ok != tt.fatal || hint != tt.hint {
			t.Errorf("fatal(%s, %q) = %q, %v, want %q, %v",
				tt.reason, tt.message, hint, ok, tt.hint, tt.fatal)
		}
	}
}

func TestDescribePending(t *testing.T) {
	pod := &corev1.Pod{Status: corev1.PodStatus{Phase: corev1.PodPending,
		Conditions: []corev1.PodCondition{{
			Type: corev1.PodScheduled, Status: corev1.ConditionFalse,
			Reason: "Unschedulable", Message: "0/1 nodes are available",
		}}}}
	if got, want := describePending(pod), "Unschedulable: 0/1 nodes are available"; got != want {
		t.Errorf("describePending() = %q, want %q", got, want)
	}
	if got, want := describePending(&corev1.Pod{}), "pod pending"; got != want {
		t.Errorf("describePending(empty) = %q, want %q", got, want)
	}
	running := &corev1.Pod{Status: corev1.PodStatus{Phase: corev1.PodRunning}}
	if got, want := describePending(running), "not reported by the kubelet yet"; got != want {
		t.Errorf("describePending(running pod) = %q, want %q", got, want)
	}
}
