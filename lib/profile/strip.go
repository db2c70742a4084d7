package profile

import corev1 "k8s.io/api/core/v1"

// strip removes from a copy of a pod what would make it act like the original: labels
// that put it behind Services and controllers, annotations, probes that would restart
// it while it is being debugged, and init containers; each unless its --keep-* flag
// says otherwise.
func strip(e *edit) {
	stripLabels(e)
	if !e.opts.KeepAnnotations {
		e.pod.Annotations = nil
	}
	stripProbes(e)
	if !e.opts.KeepInitContainers {
		e.pod.Spec.InitContainers = nil
	}
}

// stripLabels removes the pod's labels unless --keep-labels.
func stripLabels(e *edit) {
	if !e.opts.KeepLabels {
		e.pod.Labels = nil
	}
}

// stripProbes removes probes from every container, init (sidecar) containers included.
func stripProbes(e *edit) {
	spec := &e.pod.Spec
	for _, cs := range [][]corev1.Container{spec.InitContainers, spec.Containers} {
		for i := range cs {
			if !e.opts.KeepLiveness {
				cs[i].LivenessProbe = nil
			}
			if !e.opts.KeepReadiness {
				cs[i].ReadinessProbe = nil
			}
			if !e.opts.KeepStartup {
				cs[i].StartupProbe = nil
			}
		}
	}
}
