package attach

import (
	corev1 "k8s.io/api/core/v1"
)

// containerStatus returns the status of the named container, ephemeral or not, or nil
// while the kubelet has reported none.
func containerStatus(pod *corev1.Pod, name string) *corev1.ContainerStatus {
	lists := [][]corev1.ContainerStatus{
		pod.Status.EphemeralContainerStatuses,
		pod.Status.ContainerStatuses,
		pod.Status.InitContainerStatuses,
	}
	for _, list := range lists {
		for i := range list {
			if list[i].Name == name {
				return &list[i]
			}
		}
	}
	return nil
}

// ended returns how the container ended, or nil while it has not. A container that the
// kubelet restarts (a copy with restartPolicy Always) counts as ended once it crashed and
// waits to restart.
func ended(st *corev1.ContainerStatus) *corev1.ContainerStateTerminated {
	switch {
	case st == nil:
		return nil
	case st.State.Terminated != nil:
		return st.State.Terminated
	case st.State.Waiting != nil && st.State.Waiting.Reason == "CrashLoopBackOff":
		return st.LastTerminationState.Terminated
	}
	return nil
}

// started reports whether the container runs or has run.
func started(st *corev1.ContainerStatus) bool {
	return st != nil && (st.State.Running != nil || ended(st) != nil)
}

// endedSince is ended, or the last end of a container restarted more than restarts times.
func endedSince(st *corev1.ContainerStatus, restarts int32) *corev1.ContainerStateTerminated {
	if e := ended(st); e != nil {
		return e
	}
	if st != nil && st.RestartCount > restarts {
		return st.LastTerminationState.Terminated
	}
	return nil
}

func restartCount(st *corev1.ContainerStatus) int32 {
	if st == nil {
		return 0
	}
	return st.RestartCount
}
