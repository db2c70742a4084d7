package main

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// The kubelet (cgroupfs driver) puts every pod under a "kubepods" cgroup at
// the top of each cgroup v1 hierarchy. The machine's own cgroups and their
// mounts are never touched.
func kubepodsDirs() []string {
	dirs, _ := filepath.Glob("/sys/fs/cgroup/*/kubepods")
	if _, err := os.Stat("/sys/fs/cgroup/kubepods"); err == nil {
		dirs = append(dirs, "/sys/fs/cgroup/kubepods") // cgroup v2
	}
	return dirs
}

// killPodProcesses SIGKILLs whatever still runs in a pod cgroup once the
// kubelet and containerd are gone: container processes that lost their shim.
func killPodProcesses(log *slog.Logger) {
	for round := 0; round < 20; round++ {
		left := 0
		for _, dir := range kubepodsDirs() {
			for _, pid := range cgroupPids(dir) {
				if alive(pid) {
					left++
					syscall.Kill(pid, syscall.SIGKILL)
				}
			}
		}
		if left == 0 {
			return
		}
		log.Info("killed leftover pod processes", "count", left)
		time.Sleep(200 * time.Millisecond)
	}
}

func cgroupPids(dir string) []int {
	var out []int
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		b, _ := os.ReadFile(filepath.Join(p, "cgroup.procs"))
		for _, f := range strings.Fields(string(b)) {
			if pid, err := strconv.Atoi(f); err == nil {
				out = append(out, pid)
			}
		}
		return nil
	})
	return out
}

// removeCgroups removes the kubepods trees, children before parents.
func removeCgroups(log *slog.Logger) error {
	var errs []error
	for _, dir := range kubepodsDirs() {
		var all []string
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				all = append(all, p)
			}
			return nil
		})
		for i := len(all) - 1; i >= 0; i-- {
			if err := rmdirRetry(all[i]); err != nil {
				errs = append(errs, fmt.Errorf("removing cgroup %s: %w", all[i], err))
			}
		}
		log.Debug("removed cgroups", "root", dir, "count", len(all))
	}
	return errors.Join(errs...)
}

// rmdirRetry retries while the kernel finishes releasing exited tasks.
func rmdirRetry(p string) error {
	var err error
	for i := 0; i < 25; i++ {
		if err = syscall.Rmdir(p); err == nil || errors.Is(err, syscall.ENOENT) {
			return nil
		}
		time.Sleep(200 * time.Millisecond)
	}
	return err
}
