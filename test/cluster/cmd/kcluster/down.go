package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// down stops every process kcluster started and removes every mount, link,
// cgroup and file it made, keeping only bin/. It is safe to run when nothing
// is up and after an up that failed half way; it goes on past errors and
// reports them all at the end.
func down(l layout, log *slog.Logger) error {
	var errs []error
	stop(l, log, "kubelet", 15*time.Second)
	if _, ok := running(l, "containerd"); ok {
		if err := removePods(context.Background(), l, log); err != nil {
			errs = append(errs, fmt.Errorf("removing pods: %w", err))
		}
	}
	stop(l, log, "containerd", 10*time.Second)
	killShims(l, log)
	killPodProcesses(log)
	for _, name := range daemonNames[1:] {
		stop(l, log, name, 10*time.Second)
	}

	errs = append(errs, unmountAll(l, log))
	for _, link := range []string{podBridge, nodeBridge} {
		errs = append(errs, deleteLink(link))
	}
	errs = append(errs, removeCgroups(log), restoreSysctls(l), removeStrayFiles(l))
	errs = append(errs, removeBase(l))
	if err := errors.Join(errs...); err != nil {
		return err
	}
	log.Info("cluster down", "kept", l.bin)
	return nil
}

// killShims ends containerd-shim processes that serve the cluster's
// containerd (they name its socket on their command line) and outlived it.
func killShims(l layout, log *slog.Logger) {
	for _, pid := range pids() {
		cmdline, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
		if err != nil {
			continue
		}
		args := strings.Split(string(cmdline), "\x00")
		ours := strings.Contains(args[0], "containerd-shim") && contains(args, l.ctrdSocket)
		if ours && alive(pid) {
			log.Info("stopping shim", "pid", pid)
			kill(pid, 5*time.Second)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func pids() []int {
	ents, _ := os.ReadDir("/proc")
	var out []int
	for _, e := range ents {
		var pid int
		if _, err := fmt.Sscanf(e.Name(), "%d", &pid); err == nil && pid > 1 {
			out = append(out, pid)
		}
	}
	return out
}

// unmountAll unmounts everything mounted under the base directory (container
// root filesystems, shm, network namespaces, kubelet volumes and the kubelet's
// bind mount of its root), deepest first.
func unmountAll(l layout, log *slog.Logger) error {
	for pass := 0; pass < 5; pass++ {
		mounts := mountsUnder(l.base)
		if len(mounts) == 0 {
			return nil
		}
		for _, m := range mounts {
			log.Debug("unmounting", "path", m)
			unmount(m)
		}
	}
	if left := mountsUnder(l.base); len(left) > 0 {
		return fmt.Errorf("still mounted: %s", strings.Join(left, ", "))
	}
	return nil
}

// removeStrayFiles removes what the kubelet and CNI write outside the base
// directory: log links in /var/log/containers, the device-plugin socket the
// kubelet always puts under /var/lib/kubelet, and the CNI result cache.
func removeStrayFiles(l layout) error {
	os.Remove("/var/lib/kubelet/device-plugins/kubelet.sock")
	links, _ := filepath.Glob("/var/log/containers/*.log")
	for _, link := range links {
		target, err := os.Readlink(link)
		if err == nil && strings.HasPrefix(target, l.podLogs+"/") {
			os.Remove(link)
		}
	}
	for _, f := range cniCache(l) {
		os.Remove(f)
	}
	// Only empty directories go: another runtime on this machine keeps its own.
	for _, d := range []string{"/var/log/containers", "/var/lib/cni/results", "/var/lib/cni",
		"/var/lib/kubelet/device-plugins", "/var/lib/kubelet",
		"/run/containerd/s", "/run/containerd"} {
		os.Remove(d)
	}
	return nil
}

// cniCache lists the CNI result files of the cluster's network and of the
// loopback network of each of its pod sandboxes.
func cniCache(l layout) []string {
	const dir = "/var/lib/cni/results/"
	files, _ := filepath.Glob(dir + cniNetwork + "-*")
	for _, root := range []string{l.ctrdRoot, l.ctrdState} {
		criDir := filepath.Join(root, "io.containerd.grpc.v1.cri")
		sandboxes, _ := filepath.Glob(filepath.Join(criDir, "sandboxes", "*"))
		for _, sb := range sandboxes {
			more, _ := filepath.Glob(dir + "cni-loopback-" + filepath.Base(sb) + "-*")
			files = append(files, more...)
		}
	}
	return files
}

// removeBase removes everything under the base directory except bin/ and
// the lock file.
func removeBase(l layout) error {
	ents, err := os.ReadDir(l.base)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var errs []error
	for _, e := range ents {
		p := filepath.Join(l.base, e.Name())
		if p != l.bin && p != l.lockFile {
			errs = append(errs, os.RemoveAll(p))
		}
	}
	return errors.Join(errs...)
}
