package profile

import (
	corev1 "k8s.io/api/core/v1"
)

// hostRootVolume is the name of the volume that holds the node's root filesystem.
const hostRootVolume = "host-root"

// useHostNamespaces puts the pod in the node's PID, network and IPC namespaces.
func useHostNamespaces(e *edit) {
	e.pod.Spec.HostPID = true
	e.pod.Spec.HostNetwork = true
	e.pod.Spec.HostIPC = true
}

// mountHostRoot mounts the node's / at /host in the debug container.
func mountHostRoot(e *edit) {
	e.pod.Spec.Volumes = append(e.pod.Spec.Volumes, corev1.Volume{
		Name: hostRootVolume,
		VolumeSource: corev1.VolumeSource{
			HostPath: &corev1.HostPathVolumeSource{Path: "/"},
		},
	})
	e.c.VolumeMounts = append(e.c.VolumeMounts, corev1.VolumeMount{
		Name:      hostRootVolume,
		MountPath: "/host",
	})
}

// shareProcesses lets the debug container see the other containers' processes. It
// leaves an explicit choice alone: kdbg-spec sets the field only for --share-processes.
func shareProcesses(e *edit) {
	if e.pod.Spec.ShareProcessNamespace == nil {
		e.pod.Spec.ShareProcessNamespace = new(true)
	}
}
