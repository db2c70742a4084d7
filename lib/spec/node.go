package spec

import (
	"log/slog"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kdbg/kdbg/lib/session"
)

// managedBy labels the pods kdbg creates, as kubectl labels its own "kubectl-debug".
const managedBy = "kdbg"

// node builds the session that runs a debug pod on the node, in namespace ns. Host
// namespaces and the /host mount are left to kdbg-profile.
func (o *Options) node(n *corev1.Node, ns string, log *slog.Logger) *session.DebugSession {
	container := "debugger"
	if o.Container != "" {
		container = o.Container
	}
	name := o.nodePodName(n.Name)
	log.Info("debugging node with a new pod", "pod", name, "container", container, "node", n.Name)

	pod := corev1.Pod{
		TypeMeta: podType,
		ObjectMeta: metav1.ObjectMeta{
			Name:      name,
			Namespace: ns,
			Labels:    map[string]string{"app.kubernetes.io/managed-by": managedBy},
		},
		Spec: corev1.PodSpec{
			Containers:    []corev1.Container{o.newContainer(container)},
			NodeName:      n.Name,
			RestartPolicy: corev1.RestartPolicyNever,
			Tolerations:   []corev1.Toleration{{Operator: corev1.TolerationOpExists}},
		},
	}

	s := session.New(session.ModeNode)
	s.Spec.Target = session.Target{
		Kind: session.TargetNode, Name: n.Name, UID: n.UID, ResourceVersion: n.ResourceVersion,
	}
	s.Spec.Container = container
	s.Spec.Pod = pod
	s.Spec.Attach = o.attach()
	return s
}
