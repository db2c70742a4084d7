// Kdbg debugs a running pod or a node in one command, with the flags and habits of
// kubectl debug: it builds the debug container or pod, applies a debugging profile,
// submits it, waits for it to run and attaches to it.
//
// Usage:
//
//	kdbg (POD | pod/NAME | node/NAME | -f FILE) [flags] [-- COMMAND [args...]]
//	kubectl kdbg ...    (installed as the kubectl plugin kubectl-kdbg)
//
// The three journeys are kubectl's: an ephemeral container added to a running pod; with
// --copy-to, a changed copy of a pod; with node/NAME, a pod in the node's host
// namespaces with the node's / at /host (profile general, sysadmin or legacy).
//
// kdbg runs the same library code as the four pipeline commands, in one process:
//
//	kdbg-spec | kdbg-profile | kdbg-submit | kdbg-attach
//
// so every flag means what it means there. Beyond kubectl debug's flags:
//
//	--profile NAME       legacy, general (default), baseline, restricted, netadmin, sysadmin
//	--custom FILE        a partial container (JSON or YAML) merged after the profile
//	--dry-run=MODE       client: build and print, send nothing; server: let the apiserver
//	                     and its admission (Pod Security) check the sessions, create nothing
//	-o, --output FORMAT  json or yaml: print the sessions instead of attaching
//	--timeout DURATION   how long to wait for the container to run (default 5m)
//	--rm                 delete a copy or node pod when the session ends, also on Ctrl-C
//	--wait               wait until the container runs, print the session, do not attach
//
// Reads: the target from the cluster with one GET, or from -f (a Pod, Node or List).
// Writes: the attached session on the terminal; the sessions on stdout with -o, --wait
// or --dry-run; notes and warnings on stderr (-q silences them). Exits with the debug
// container's exit code once it ended, 1 on failure, 2 on bad usage or input.
//
// Examples:
//
//	# A shell next to a distroless process, seeing its processes:
//	kdbg -it --image=busybox --target=app mypod
//
//	# A copy of a crashing pod with its command replaced, deleted afterwards:
//	kdbg mypod -it --copy-to=mypod-debug --container=app --rm -- sh
//
//	# A node, its / at /host:
//	kdbg node/worker-1 -it --image=busybox
//
//	# Would Pod Security admit the restricted profile in namespace prod?
//	kdbg mypod -n prod --image=busybox --profile=restricted --dry-run=server -o yaml
//
//	# A script's exit code:
//	kdbg mypod --image=busybox -- sh -c 'test -e /proc/1/root/ready'
package main
