// Kdbg-spec describes a debugging session: it reads the pod or node to debug and writes
// a DebugSession, the first step of a kdbg pipeline. It takes kubectl debug's flags with
// kubectl's meanings, creates nothing, and changes nothing in the cluster.
//
// Usage:
//
//	kdbg-spec (POD | pod/NAME | node/NAME) [flags] [-- COMMAND [args...]]
//	kdbg-spec -f FILE [flags] [-- COMMAND [args...]]
//
// There are three journeys, as with kubectl debug:
//
//   - ephemeral (the default): a debug container added to the running pod. Without
//     --target, the pod's only container, or the one its
//     kubectl.kubernetes.io/default-container annotation names, is targeted, and a note
//     says so; an empty --target (--target="") opts out. --target must name a
//     container of the pod.
//   - copy (--copy-to NAME): a copy of the pod, without its ephemeral containers, owners
//     and status, changed by --image, --set-image, -c, --env and the command. -c naming
//     an existing container changes that container; otherwise a container is added.
//   - node (node/NAME): a pod on the node tolerating every taint, with restartPolicy
//     Never. Host namespaces and the /host mount are added by kdbg-profile.
//
// Debug containers are named debugger-xxxxx, unique in the pod; node pods
// node-debugger-NODE-xxxxx, cut to 63 characters with the node's dots as dashes.
//
// Flags: --image, -c/--container, --target, --env NAME=VALUE (repeatable, split on the
// first '='), --image-pull-policy, -i/--stdin, -t/--tty, --arguments-only, --copy-to,
// --replace, --same-node, --share-processes, --set-image NAME=IMAGE or '*=IMAGE',
// -f/--filename, -q/--quiet, -v/--verbose, and the kubeconfig flags (--kubeconfig,
// --context, -n/--namespace, ...). Run kdbg-spec --help for the full list.
//
// Reads: with a target name, the pod or node with one GET, using the kubeconfig. With -f,
// the file (or stdin for -) holding a Pod, a Node or a List of them, such as
// kubectl get pods -o json prints, in JSON or YAML; one session per object. -f needs no
// cluster and no kubeconfig: a pod keeps its own namespace, else -n, else "default".
//
// Writes: one DebugSession per line on stdout (see docs/contract.md), its spec.profile
// empty for kdbg-profile to fill. Notes go to stderr; -q silences them.
//
// Exit status: 0 on success; 2 for bad flags or input, such as conflicting flags or a
// file holding another kind; 1 for other failures, such as a target not found.
//
// Examples:
//
//	kdbg-spec app --image=busybox -it
//	kdbg-spec app --copy-to=app-debug --set-image='*=ubuntu'
//	kdbg-spec app --copy-to=app-debug -c app --env LOG=debug -- sh
//	kdbg-spec node/worker-1 --image=busybox -it -- chroot /host
//	kubectl get pod app -o json | kdbg-spec -f - --image=busybox | kdbg-profile ...
package main
