// Kdbg-profile applies a debugging profile to DebugSessions, as kubectl debug's --profile
// and --custom do. It works offline: it changes the pod each session describes and never
// contacts a cluster.
//
// Usage:
//
//	kdbg-profile [--profile NAME] [--custom FILE] [--keep-*] [-q] [-v] < sessions
//
// # Reads
//
// DebugSessions on stdin, as kdbg-spec writes them: JSON or YAML, one or many (JSON
// objects one after another, or YAML documents separated by "---"). Unknown fields, an
// unknown apiVersion or kind, and a session that already has spec.profile are refused with
// exit code 2: profiles do not stack, so apply one to kdbg-spec's output.
//
// # Writes
//
// The same sessions on stdout, one JSON object per line, with spec.pod changed and
// spec.profile set to {"name": NAME}, plus "custom": true when --custom was given. Nothing
// else goes to stdout, and nothing at all unless every session was read and changed
// without error, so a later step never acts on part of a batch.
//
// Warnings go to stderr: for the deprecated legacy profile, and when a profile grants
// privileges or capabilities to a container that runs as a non-root user, who cannot use
// most of them. -q silences them; -v adds debug details.
//
// # Profiles
//
// --profile is one of (default general):
//
//	profile     node pod                         copy of a pod              ephemeral
//	legacy      host namespaces, / at /host      strip labels               unchanged
//	general     empty securityContext, host      strip, SYS_PTRACE,         SYS_PTRACE
//	            namespaces, / at /host           share processes
//	baseline    empty securityContext            empty securityContext,     empty securityContext
//	                                             strip, share processes
//	restricted  runAsNonRoot, drop ALL, no       the same, strip,           the same
//	            privilege escalation, seccomp    share processes
//	            RuntimeDefault
//	netadmin    NET_ADMIN and NET_RAW, host      NET_ADMIN and NET_RAW,     NET_ADMIN and NET_RAW
//	            namespaces                       strip, share processes
//	sysadmin    privileged, host namespaces,     privileged, strip,         privileged
//	            / at /host                       share processes
//
// Security settings apply to the debug container. "Host namespaces" are hostPID,
// hostNetwork and hostIPC; "/ at /host" is a hostPath volume named host-root. "Strip"
// removes the pod's labels and annotations, every container's liveness, readiness and
// startup probes, and the init containers, each unless its --keep-labels,
// --keep-annotations, --keep-liveness, --keep-readiness, --keep-startup or
// --keep-init-containers flag keeps it; init containers are kept by default. "Share
// processes" sets shareProcessNamespace unless the pod already says, as it does when
// kdbg-spec was given --share-processes. Capabilities are added to those the container
// has, each once. The baseline and restricted results pass the Pod Security Standard of
// their name when the target pod itself does. restricted asks for a non-root user but sets
// none: with an image that runs as root, such as busybox, the container does not start
// unless --custom sets securityContext.runAsUser. Unlike kubectl, legacy honours
// --keep-labels.
// legacy is deprecated and goes when kubectl drops it (planned for v1.39).
//
// # Custom
//
// --custom FILE is a partial container in JSON or YAML, merged into the debug container
// after the profile as a Kubernetes strategic merge patch: env and volumeMounts gain
// entries by name or path, other fields are replaced, and null removes one. It may not
// set name, command, image, lifecycle or volumeDevices, nor fields that the container
// does not have; for an ephemeral container also not ports, resources, resizePolicy,
// restartPolicy, restartPolicyRules or probes. Each is refused with exit code 2.
//
// # Examples
//
// Debug a copy of a pod with NET_ADMIN, keeping its labels:
//
//	kdbg-spec web --copy-to=web-debug --image=busybox -it |
//		kdbg-profile --profile=netadmin --keep-labels | kdbg-submit
//
// Debug a node as root with extra environment:
//
//	cat > root.yaml <<EOF
//	securityContext: {runAsUser: 0}
//	env: [{name: TERM, value: xterm-256color}]
//	EOF
//	kdbg-spec node/node-1 --image=busybox -it |
//		kdbg-profile --profile=sysadmin --custom=root.yaml | kdbg-submit
//
// Exit status is 0 on success, 2 for bad flags, input or custom file, 1 otherwise.
package main
