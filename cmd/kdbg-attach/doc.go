// Command kdbg-attach connects to the debug container of submitted sessions.
//
// Usage:
//
//	kdbg-submit ... | kdbg-attach [--timeout=5m] [--rm] [--wait] [-q] [-v] [kubeconfig flags]
//	kdbg-attach -f session.json [flags] < input
//
// It reads DebugSessions with status filled, as kdbg-submit writes them, from stdin (or
// from the file -f names) and, for each in turn:
//
//  1. Waits for the debug container to run or end, watching the pod from
//     status.resourceVersion (one watch with a field selector, no list). While it waits it
//     prints each new waiting reason on stderr. A reason that cannot resolve itself ends
//     the wait at once: InvalidImageName, ErrImageNeverPull, CreateContainerConfigError
//     (a runAsNonRoot violation among them), and also ErrImagePull and ImagePullBackOff,
//     which the kubelet would retry: a person waiting at a debug prompt learns at the
//     first failed pull that the image is not there, and runs again with another. Else
//     --timeout ends the wait. Either way the error gives the reason and the pod's recent
//     events, and the exit code is 1.
//  2. With --wait, writes the session (status.resourceVersion updated) to stdout and goes
//     on: for scripts that attach later.
//  3. When the container has already ended, writes its whole log to stdout.
//  4. When the session asked for stdin (kdbg-spec -i), attaches as kubectl attach does:
//     WebSocket, else SPDY; with a TTY (-t) the local terminal is put in raw mode and
//     window resizes are passed on. When the attach fails, the whole log is written
//     instead. After an ephemeral session that still runs, a note tells how to reattach.
//  5. Without stdin, follows the log until the container ends (kubectl debug without -i
//     prints nothing; kdbg-attach shows what the container does).
//
// The exit code is the debug container's once it ended (for an ephemeral container, from
// status.ephemeralContainerStatuses), 0 while it still runs, 1 when kdbg-attach fails, 2
// for bad flags or input. With several sessions, the last one's.
//
// In a pipeline stdin carries the sessions, so the container's stdin is the terminal,
// /dev/tty. To feed the container from a pipe instead, give the session with -f and pipe
// the input to stdin. containerd ends an attach when its stdin closes, so kdbg-attach
// holds the end of piped input back for two seconds to let the last output arrive; a
// command still running then goes on, and kdbg-attach says how to reattach.
//
// --rm deletes a copy or node pod when the session ends, also on Ctrl-C and SIGTERM (an
// ephemeral container cannot be removed from its pod). Sessions of a dry run are written
// to stdout as they are, with nothing to attach to.
//
// stdout carries only the session's output (or the session as JSON with --wait); notes go
// to stderr, -q keeps only errors, -v adds details. The kubeconfig flags are kubectl's.
//
// Examples:
//
//	kdbg-spec web --image=busybox -it --target=app | kdbg-profile --profile=general |
//		kdbg-submit | kdbg-attach
//
//	# A node shell that is deleted when it ends.
//	kdbg-spec node/kdbg-node --image=busybox -it | kdbg-profile | kdbg-submit | kdbg-attach --rm
//
//	# Start now, attach later.
//	kdbg-spec web --image=busybox -i -- sh | kdbg-profile | kdbg-submit \
//	  | kdbg-attach --wait > s.json
//	echo ps | kdbg-attach -f s.json
package main
