package spec

import (
	"context"
	"fmt"
	"io"
	"log/slog"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/client-go/kubernetes"

	"github.com/kdbg/kdbg/lib/cli"
	"github.com/kdbg/kdbg/lib/kube"
	"github.com/kdbg/kdbg/lib/session"
)

// UserAgent identifies kdbg-spec's requests in the apiserver's audit log.
const UserAgent = "kdbg-spec"

// Run does what kdbg-spec does short of printing: it reads the targets, from -f without
// any cluster or kubeconfig, else with one GET, and returns one session for each. o must
// have passed Complete and Validate. Notes go to log.
func Run(ctx context.Context, o *Options, kf *kube.Flags, stdin io.Reader, log *slog.Logger) (
	[]*session.DebugSession, error) {
	var client kubernetes.Interface
	if len(o.Filenames) == 0 {
		var err error
		if client, _, err = kf.Client(UserAgent); err != nil {
			return nil, err
		}
	}
	return RunWithClient(ctx, o, kf, client, stdin, log)
}

// RunWithClient is Run for a caller that already has a client, such as kdbg, which
// makes one for all its steps. The client is used only when o has no -f, and may be nil
// then.
func RunWithClient(ctx context.Context, o *Options, kf *kube.Flags, client kubernetes.Interface,
	stdin io.Reader, log *slog.Logger) ([]*session.DebugSession, error) {
	if len(o.Filenames) > 0 {
		return o.runFiles(stdin, kf.NamespaceOverride(), log)
	}
	ns, err := kf.Namespace()
	if err != nil {
		return nil, err
	}
	return o.runOnline(ctx, client, ns, log)
}

func (o *Options) runOnline(ctx context.Context, client kubernetes.Interface, ns string,
	log *slog.Logger) ([]*session.DebugSession, error) {
	obj, err := get(ctx, client, o.Resource, ns, o.Name)
	if err != nil {
		return nil, err
	}
	s, err := o.build(obj, ns, log)
	if err != nil {
		return nil, err
	}
	return []*session.DebugSession{s}, nil
}

// runFiles builds sessions from -f. A pod keeps its own namespace, which must agree with
// -n if both are given, as kubectl insists; without either it is "default".
func (o *Options) runFiles(stdin io.Reader, nsFlag string, log *slog.Logger) (
	[]*session.DebugSession, error) {
	objs, err := readFiles(o.Filenames, stdin)
	if err != nil {
		return nil, err
	}
	if err := o.checkCopies(objs); err != nil {
		return nil, err
	}
	var all []*session.DebugSession
	for _, obj := range objs {
		ns, err := namespaceOf(obj, nsFlag)
		if err != nil {
			return nil, err
		}
		s, err := o.build(obj, ns, log)
		if err != nil {
			return nil, err
		}
		all = append(all, s)
	}
	return all, nil
}

// checkCopies refuses --copy-to for more than one pod: every copy would have its name.
func (o *Options) checkCopies(objs []object) error {
	if o.CopyTo != "" && len(objs) > 1 {
		return cli.Usagef("--copy-to names one copy, but -f holds %d objects: "+
			"debug them one at a time", len(objs))
	}
	return nil
}

func namespaceOf(obj object, nsFlag string) (string, error) {
	ns := nsFlag
	if ns == "" {
		ns = "default"
	}
	if obj.pod == nil || obj.pod.Namespace == "" {
		return ns, nil
	}
	if nsFlag != "" && obj.pod.Namespace != nsFlag {
		return "", cli.Usagef("pod %q is in namespace %q, not %q as -n says: "+
			"drop -n or change it", obj.pod.Name, obj.pod.Namespace, nsFlag)
	}
	return obj.pod.Namespace, nil
}

// build makes the session for one object and checks it against the contract.
func (o *Options) build(obj object, ns string, log *slog.Logger) (*session.DebugSession, error) {
	var s *session.DebugSession
	var err error
	switch {
	case obj.node != nil:
		if err := o.nodeConflict(obj.node.Name); err != nil {
			return nil, err
		}
		s = o.node(obj.node, ns, log)
	case o.CopyTo != "":
		s, err = o.copy(withNamespace(obj, ns), log)
	default:
		s, err = o.ephemeral(withNamespace(obj, ns), log)
	}
	if err != nil {
		return nil, err
	}
	if err := s.Validate(); err != nil {
		return nil, fmt.Errorf("building session for %s %q: %w", s.Spec.Target.Kind,
			s.Spec.Target.Name, err)
	}
	return s, nil
}

// withNamespace returns obj's pod with its namespace filled in, as the apiserver would.
func withNamespace(obj object, ns string) *corev1.Pod {
	if obj.pod.Namespace == "" {
		obj.pod.Namespace = ns
	}
	return obj.pod
}
