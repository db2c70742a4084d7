package main

import (
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// daemon is a long-running process kcluster starts and records by pid.
type daemon struct {
	name string
	path string
	args []string
}

// start runs d in its own session with output to its log file and records its
// pid, unless the recorded process is still alive; then it does nothing.
func start(l layout, log *slog.Logger, d daemon) error {
	if pid, ok := running(l, d.name); ok {
		log.Debug("already running", "daemon", d.name, "pid", pid)
		return nil
	}
	out, err := os.OpenFile(l.logFile(d.name), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	defer out.Close()

	cmd := exec.Command(d.path, d.args...)
	cmd.Stdout, cmd.Stderr = out, out
	cmd.Dir = l.base
	// Its own session: the daemon outlives kcluster and the shell that ran it.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("starting %s: %w", d.name, err)
	}
	pid := cmd.Process.Pid
	cmd.Process.Release()
	log.Info("started", "daemon", d.name, "pid", pid)
	return os.WriteFile(l.pidFile(d.name), []byte(strconv.Itoa(pid)+"\n"), 0o644)
}

// running reports the recorded pid of a daemon and whether that process is
// still the daemon kcluster started: alive, not a zombie, and running a
// binary from the same place (a recycled pid is someone else's).
func running(l layout, name string) (int, bool) {
	b, err := os.ReadFile(l.pidFile(name))
	if err != nil {
		return 0, false
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid <= 1 {
		return 0, false
	}
	return pid, alive(pid) && sameProgram(pid, name)
}

func sameProgram(pid int, name string) bool {
	exe, err := os.Readlink(fmt.Sprintf("/proc/%d/exe", pid))
	if err != nil {
		return false
	}
	return filepath.Base(strings.TrimSuffix(exe, " (deleted)")) == name
}

// alive reports whether pid exists and is not a zombie. PID 1 here reaps
// orphans late, so kill -0 alone would count a dead daemon as running.
func alive(pid int) bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 || i+2 >= len(s) {
		return false
	}
	state := s[i+2]
	return state != 'Z' && state != 'X'
}

// stop ends a daemon by its recorded pid: SIGTERM, then SIGKILL after grace.
func stop(l layout, log *slog.Logger, name string, grace time.Duration) {
	pid, ok := running(l, name)
	if ok {
		log.Info("stopping", "daemon", name, "pid", pid)
		kill(pid, grace)
	}
	os.Remove(l.pidFile(name))
}

// kill sends SIGTERM, waits up to grace, then SIGKILL and waits again.
func kill(pid int, grace time.Duration) {
	syscall.Kill(pid, syscall.SIGTERM)
	if waitGone(pid, grace) {
		return
	}
	syscall.Kill(pid, syscall.SIGKILL)
	waitGone(pid, 5*time.Second)
}

func waitGone(pid int, d time.Duration) bool {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		if !alive(pid) {
			return true
		}
		time.Sleep(50 * time.Millisecond)
	}
	return !alive(pid)
}

// tail returns the last n lines of a daemon's log, for error messages.
func tail(l layout, name string, n int) string {
	b, err := os.ReadFile(l.logFile(name))
	if err != nil {
		return ""
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
