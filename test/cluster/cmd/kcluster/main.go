// Command kcluster starts and stops kdbg's local single-node Kubernetes: an
// embedded etcd, kube-apiserver, kube-controller-manager, kube-scheduler and
// kubelet built from the Go module proxy, and Debian's containerd, runc and CNI
// plugins. Nothing it starts reaches beyond this machine.
//
// Usage:
//
//	kcluster up     start everything (idempotent); print the admin kubeconfig path
//	kcluster down   stop every process it started and remove what it made
//	kcluster images build and import the local images only
//
// Everything lives under one base directory, -dir or $KDBG_CLUSTER_DIR
// (default /var/tmp/kdbg-cluster). The components' binaries are expected in
// its bin/ directory, where `make cluster-build` puts them. Progress goes to
// stderr; stdout carries only the kubeconfig path. kcluster must run as root.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("kcluster", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("dir", defaultDir(), "base directory of the cluster")
	verbose := fs.Bool("v", false, "log debug detail")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: kcluster [-dir DIR] [-v] up|down|images")
		return 2
	}

	level := slog.LevelInfo
	if *verbose {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	err := dispatch(ctx, fs.Arg(0), newLayout(*dir), log, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "kcluster: %v\n", err)
		return 1
	}
	return 0
}

func dispatch(ctx context.Context, verb string, l layout, log *slog.Logger,
	stdout io.Writer) error {
	if os.Geteuid() != 0 {
		return fmt.Errorf("must run as root: it makes bridges, mounts and cgroups")
	}
	unlock, err := lock(l)
	if err != nil {
		return err
	}
	defer unlock()

	switch verb {
	case "up":
		if err := up(ctx, l, log); err != nil {
			return fmt.Errorf("up: %w (logs in %s; `make cluster-down` cleans up)", err, l.logs)
		}
		fmt.Fprintln(stdout, l.kubeconfig)
		return nil
	case "down":
		return down(l, log)
	case "images":
		return importImages(ctx, l, log)
	}
	return fmt.Errorf("unknown verb %q: want up, down or images", verb)
}

// lock serializes kcluster runs on one base directory: an up racing a down
// (two engineers, or a test and a trap) would stop what the other starts.
// The lock file stays, like bin/.
func lock(l layout) (func(), error) {
	if err := os.MkdirAll(l.base, 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(l.lockFile, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, fmt.Errorf("locking %s: %w", l.lockFile, err)
	}
	return func() { f.Close() }, nil
}

func defaultDir() string {
	if d := os.Getenv("KDBG_CLUSTER_DIR"); d != "" {
		return d
	}
	return "/var/tmp/kdbg-cluster"
}
