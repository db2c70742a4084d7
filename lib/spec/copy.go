package spec

import (
	"fmt"
	"log/slog"
	"maps"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kdbg/kdbg/lib/cli"
	"github.com/kdbg/kdbg/lib/session"
)

// copy builds the session that creates a changed copy of the pod named --copy-to.
func (o *Options) copy(pod *corev1.Pod, log *slog.Logger) (*session.DebugSession, error) {
	p := o.copyPod(pod)
	if err := o.setImages(p); err != nil {
		return nil, fmt.Errorf("copying pod %q: %w", pod.Name, err)
	}
	// Names of the dropped ephemeral containers stay taken, so that the copy's debug
	// container is not mistaken for one of them in events and logs.
	name, err := o.copyContainer(p, containerNames(pod), log)
	if err != nil {
		return nil, fmt.Errorf("copying pod %q: %w", pod.Name, err)
	}

	s := session.New(session.ModeCopy)
	s.Spec.Target = podTarget(pod)
	s.Spec.Container = name
	s.Spec.Pod = *p
	s.Spec.Attach = o.attach()
	s.Spec.Replace = o.Replace
	return s, nil
}

// copyPod returns a new pod with the target's spec, labels and annotations: no identity,
// owners, status or ephemeral containers, which the apiserver refuses on create.
func (o *Options) copyPod(pod *corev1.Pod) *corev1.Pod {
	p := &corev1.Pod{
		TypeMeta: podType,
		ObjectMeta: metav1.ObjectMeta{
			Name:        o.CopyTo,
			Namespace:   pod.Namespace,
			Labels:      maps.Clone(pod.Labels),
			Annotations: maps.Clone(pod.Annotations),
		},
		Spec: *pod.Spec.DeepCopy(),
	}
	p.Spec.EphemeralContainers = nil
	if o.shareProcsSet {
		share := o.ShareProcesses
		p.Spec.ShareProcessNamespace = &share
	}
	if !o.SameNode {
		p.Spec.NodeName = ""
	}
	return p
}

// setImages applies --set-image: a named container takes its image, every other one the
// image given for "*", if any.
func (o *Options) setImages(p *corev1.Pod) error {
	for name := range o.SetImages {
		if name != "*" && findContainer(p.Spec.Containers, name) == nil {
			return cli.Usagef("--set-image names %q, which is not a container: "+
				"choose one of %s, or *", name, listNames(p.Spec.Containers))
		}
	}
	for i := range p.Spec.Containers {
		c := &p.Spec.Containers[i]
		image, ok := o.SetImages[c.Name]
		if !ok {
			image = o.SetImages["*"]
		}
		if image != "" {
			c.Image = image
		}
	}
	return nil
}

// copyContainer changes the container -c names, or appends a new debug container, and
// returns its name. With only --set-image it changes nothing and returns the container
// an attach would pick.
func (o *Options) copyContainer(p *corev1.Pod, taken map[string]bool, log *slog.Logger) (
	string, error) {
	if o.Container == "" {
		return o.newCopyContainer(p, taken, log)
	}
	if findContainer(p.Spec.InitContainers, o.Container) != nil {
		return "", cli.Usagef("-c %q is an init container: choose a container (%s) "+
			"or a new name", o.Container, listNames(p.Spec.Containers))
	}
	if c := findContainer(p.Spec.Containers, o.Container); c != nil {
		o.configure(c)
		return c.Name, nil
	}
	if o.Image == "" {
		return "", cli.Usagef("-c %q is not a container: choose one of %s, "+
			"or give --image to add it", o.Container, listNames(p.Spec.Containers))
	}
	p.Spec.Containers = append(p.Spec.Containers, o.newContainer(o.Container))
	return o.Container, nil
}

// newCopyContainer appends a debug container with a generated name, or with only
// --set-image picks the container to attach to.
func (o *Options) newCopyContainer(p *corev1.Pod, taken map[string]bool, log *slog.Logger) (
	string, error) {
	if o.Image == "" {
		return o.setImageOnly(p, log)
	}
	name, err := o.containerName(taken, p.Name)
	if err != nil {
		return "", err
	}
	log.Info("defaulting debug container name", "container", name)
	p.Spec.Containers = append(p.Spec.Containers, o.newContainer(name))
	return name, nil
}

// setImageOnly picks the container for a copy that only changes images: the default
// container, else the first. It sets stdin and tty only when -i asks for them.
func (o *Options) setImageOnly(p *corev1.Pod, log *slog.Logger) (string, error) {
	name := defaultContainer(p)
	if name == "" && len(p.Spec.Containers) > 0 {
		name = p.Spec.Containers[0].Name
	}
	c := findContainer(p.Spec.Containers, name)
	if c == nil {
		return "", cli.Usagef("no containers to change with --set-image")
	}
	if o.Interactive {
		c.Stdin, c.TTY = o.Interactive, o.TTY
	}
	log.Debug("session container is the copy's default container", "container", name)
	return name, nil
}
