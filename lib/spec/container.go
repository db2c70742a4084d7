package spec

import (
	"slices"
	"strings"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kdbg/kdbg/lib/session"
)

// newContainer returns a debug container named name with everything the flags set.
func (o *Options) newContainer(name string) corev1.Container {
	c := corev1.Container{Name: name, TerminationMessagePolicy: corev1.TerminationMessageReadFile}
	o.configure(&c)
	return c
}

// configure sets on c what the flags ask for: the command, env merged by name, image,
// pull policy, stdin and tty.
func (o *Options) configure(c *corev1.Container) {
	o.setCommand(c)
	c.Env = mergeEnv(c.Env, o.env)
	if o.Image != "" {
		c.Image = o.Image
	}
	if o.PullPolicy != "" {
		c.ImagePullPolicy = corev1.PullPolicy(o.PullPolicy)
	}
	c.Stdin, c.TTY = o.Interactive, o.TTY
}

// setCommand puts the words after "--" in c's command, which clears its args, or in its
// args with --arguments-only. Without words c keeps both.
func (o *Options) setCommand(c *corev1.Container) {
	if len(o.Args) == 0 {
		return
	}
	if o.ArgsOnly {
		c.Args = slices.Clone(o.Args)
		return
	}
	c.Command, c.Args = slices.Clone(o.Args), nil
}

func (o *Options) attach() session.Attach {
	return session.Attach{Stdin: o.Interactive, TTY: o.TTY}
}

func podTarget(pod *corev1.Pod) session.Target {
	return session.Target{
		Kind: session.TargetPod, Namespace: pod.Namespace, Name: pod.Name,
		UID: pod.UID, ResourceVersion: pod.ResourceVersion,
	}
}

// podType is the apiVersion and kind every pod in a session carries, whether it was read
// from a file (which has them) or through the typed client (which drops them).
var podType = metav1.TypeMeta{APIVersion: "v1", Kind: "Pod"}

func findContainer(cs []corev1.Container, name string) *corev1.Container {
	for i := range cs {
		if cs[i].Name == name {
			return &cs[i]
		}
	}
	return nil
}

// listNames returns the containers' names for a message: "app, sidecar".
func listNames(lists ...[]corev1.Container) string {
	var names []string
	for _, cs := range lists {
		for _, c := range cs {
			names = append(names, c.Name)
		}
	}
	if len(names) == 0 {
		return "(none)"
	}
	return strings.Join(names, ", ")
}
