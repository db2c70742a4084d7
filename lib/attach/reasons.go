package attach

import (
	"strings"

	corev1 "k8s.io/api/core/v1"
)

// fatalReasons are the waiting reasons that end the wait at once, with what to do about
// each. ErrImagePull and ImagePullBackOff are retried by the kubelet, but a debug session
// is started by a person who waits: an image that could not be pulled once is reported at
// once rather than after the timeout, and the session can be run again with another
// image.
var fatalReasons = map[string]string{
	"InvalidImageName":           "fix the image name (--image)",
	"ErrImageNeverPull":          "the image is not on the node and imagePullPolicy is Never",
	"ErrImagePull":               "use an image the node has or can pull (--image)",
	"ImagePullBackOff":           "use an image the node has or can pull (--image)",
	"CreateContainerConfigError": "fix the container's configuration",
}

// fatal returns the hint for a waiting state that cannot resolve itself, and false for
// one worth waiting out.
func fatal(w *corev1.ContainerStateWaiting) (string, bool) {
	hint, ok := fatalReasons[w.Reason]
	if !ok {
		return "", false
	}
	if strings.Contains(w.Message, "runAsNonRoot") {
		hint = "the image runs as root but the pod requires runAsNonRoot: give a non-root user " +
			"with --custom (securityContext: {runAsUser: 1000}) or use an image that has one"
	}
	return hint, true
}

// describeWaiting is the status line for a container that has not started.
func describeWaiting(w *corev1.ContainerStateWaiting) string {
	if w.Message == "" {
		return w.Reason
	}
	return w.Reason + ": " + w.Message
}

// describePending explains a container without a status yet from its pod: usually a pod
// that the scheduler has not placed, or a kubelet that has not reported the container.
func describePending(pod *corev1.Pod) string {
	for _, c := range pod.Status.Conditions {
		if c.Type == corev1.PodScheduled && c.Status == corev1.ConditionFalse {
			return c.Reason + ": " + c.Message
		}
	}
	if pod.Status.Phase == "" || pod.Status.Phase == corev1.PodPending {
		return "pod pending"
	}
	return "not reported by the kubelet yet"
}
