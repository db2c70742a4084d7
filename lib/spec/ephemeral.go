package spec

import (
	"log/slog"

	corev1 "k8s.io/api/core/v1"

	"github.com/kdbg/kdbg/lib/cli"
	"github.com/kdbg/kdbg/lib/session"
)

// defaultContainerAnnotation names the container kubectl picks when none is given.
const defaultContainerAnnotation = "kubectl.kubernetes.io/default-container"

// ephemeral builds the session that adds a debug container to the running pod.
func (o *Options) ephemeral(pod *corev1.Pod, log *slog.Logger) (*session.DebugSession, error) {
	name, err := o.ephemeralName(pod, log)
	if err != nil {
		return nil, err
	}
	target, err := o.targetContainer(pod, log)
	if err != nil {
		return nil, err
	}

	c := o.newContainer(name)
	p := pod.DeepCopy()
	p.TypeMeta = podType
	p.Status = corev1.PodStatus{}
	p.ManagedFields = nil
	p.Spec.EphemeralContainers = append(p.Spec.EphemeralContainers, corev1.EphemeralContainer{
		EphemeralContainerCommon: corev1.EphemeralContainerCommon(c),
		TargetContainerName:      target,
	})

	s := session.New(session.ModeEphemeral)
	s.Spec.Target = podTarget(pod)
	s.Spec.Container = name
	s.Spec.Pod = *p
	s.Spec.Attach = o.attach()
	return s, nil
}

// ephemeralName returns -c, which must be new in the pod, or a generated name.
func (o *Options) ephemeralName(pod *corev1.Pod, log *slog.Logger) (string, error) {
	if o.Container == "" {
		name, err := o.containerName(containerNames(pod), pod.Name)
		if err == nil {
			log.Info("defaulting debug container name", "container", name)
		}
		return name, err
	}
	if containerNames(pod)[o.Container] {
		return "", cli.Usagef("pod %q already has a container %q: "+
			"choose another -c, or leave -c out for a generated name", pod.Name, o.Container)
	}
	return o.Container, nil
}

// targetContainer returns the container whose processes the debug container sees: the
// one --target names, which must be a container or init container of the pod, or else
// the pod's default container, unless an empty --target opted out.
func (o *Options) targetContainer(pod *corev1.Pod, log *slog.Logger) (string, error) {
	if o.targetSet && o.Target == "" {
		return "", nil
	}
	if o.targetSet {
		if !isTargetable(pod, o.Target) {
			return "", cli.Usagef("--target %q is not a container of pod %q: choose one of %s",
				o.Target, pod.Name, listNames(pod.Spec.Containers, pod.Spec.InitContainers))
		}
		log.Info("targeting container; if its processes do not show, "+
			"the container runtime may not support process targeting", "container", o.Target)
		return o.Target, nil
	}
	name := defaultContainer(pod)
	if name != "" {
		log.Info("targeting the pod's default container; --target='' opts out",
			"container", name)
	}
	return name, nil
}

func isTargetable(pod *corev1.Pod, name string) bool {
	return findContainer(pod.Spec.Containers, name) != nil ||
		findContainer(pod.Spec.InitContainers, name) != nil
}

// defaultContainer returns the container named by the default-container annotation if
// the pod has it, else the only container, else "".
func defaultContainer(pod *corev1.Pod) string {
	if name := pod.Annotations[defaultContainerAnnotation]; name != "" &&
		findContainer(pod.Spec.Containers, name) != nil {
		return name
	}
	if len(pod.Spec.Containers) == 1 {
		return pod.Spec.Containers[0].Name
	}
	return ""
}
