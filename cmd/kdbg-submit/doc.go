// Command kdbg-submit sends debug sessions to the cluster.
//
// Usage:
//
//	kdbg-submit [--dry-run=none|client|server] [-q] [-v] [kubeconfig flags] < sessions
//
// It reads DebugSessions (JSON or YAML, one or many) from stdin, as kdbg-spec and
// kdbg-profile write them, and acts on each by its spec.mode:
//
//   - ephemeral: adds the debug container to the running target pod with a strategic
//     merge patch of the pods/ephemeralcontainers subresource that carries only the new
//     container. The API server merges it by name into the pod as it is, so many sessions
//     started at once on one pod all land.
//   - copy: reads the original, then creates the copy. When a controller owns the
//     original it warns: a copy with the original's labels may be adopted and deleted by
//     that controller, and with spec.replace the controller makes a new pod in place of
//     the original. With spec.replace it then deletes the original (only the pod with the
//     UID kdbg-spec read); when that fails, the copy is deleted again.
//   - node: creates the node debug pod.
//
// It writes each session to stdout, one JSON object per line, as soon as it is submitted,
// with status filled: the pod's namespace, name and uid, the debug container's name, and
// the pod's resourceVersion after the write, from which kdbg-attach watches.
//
// --dry-run=server sends the requests with dryRun=All: the API server validates them and
// runs admission, PodSecurity included, and persists nothing. status.dryRun is "server".
// --dry-run=client (or --dry-run alone) sends nothing: status names the pod from
// spec.pod and status.dryRun is "client". The default, none, submits.
//
// Errors are one line on stderr and the exit code is 1 (2 for bad flags or input). The
// API server's answers are translated: disabled ephemeral containers, a pod that is gone,
// a missing permission (which user, verb and resource), a PodSecurity rejection (which
// level, why, and which kdbg-profile profile meets it), and invalid fields. When one of
// several sessions fails, kdbg-submit stops there; the sessions before it were submitted,
// were written to stdout, and are kept, and a warning names them.
//
// Notes go to stderr; -q keeps only errors, -v adds the requests. The kubeconfig flags
// (--kubeconfig, --context, -n and the rest) are kubectl's; -n applies to sessions whose
// spec.pod has no namespace.
//
// Examples:
//
//	kdbg-spec web --image=busybox -it | kdbg-profile --profile=general | kdbg-submit | kdbg-attach
//
//	# Would PodSecurity in namespace prod accept this session? Nothing is created.
//	kdbg-spec web -n prod --image=busybox | kdbg-profile --profile=baseline \
//	  | kdbg-submit --dry-run=server
package main
