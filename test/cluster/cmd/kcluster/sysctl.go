package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// sysctls are the machine settings the cluster changes: the bridge CNI
// plugin (a gateway) turns on IP forwarding, and the kubelet sets its kernel
// tunables at start. up records them before either runs; down puts them back.
var sysctls = []string{
	"net/ipv4/ip_forward",
	"vm/overcommit_memory",
	"vm/panic_on_oom",
	"kernel/panic",
	"kernel/panic_on_oops",
	"kernel/keys/root_maxkeys",
	"kernel/keys/root_maxbytes",
}

func (l layout) savedSysctls() string { return filepath.Join(l.run, "sysctls") }

// saveSysctls records the current values, unless an earlier up did.
func saveSysctls(l layout) error {
	if _, err := os.Stat(l.savedSysctls()); err == nil {
		return nil
	}
	var b strings.Builder
	for _, key := range sysctls {
		v, err := os.ReadFile(filepath.Join("/proc/sys", key))
		if err != nil {
			continue
		}
		fmt.Fprintf(&b, "%s=%s\n", key, strings.TrimSpace(string(v)))
	}
	return os.WriteFile(l.savedSysctls(), []byte(b.String()), 0o644)
}

// restoreSysctls writes back what saveSysctls recorded.
func restoreSysctls(l layout) error {
	b, err := os.ReadFile(l.savedSysctls())
	if err != nil {
		return nil
	}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		key, val, ok := strings.Cut(line, "=")
		if !ok || !isSysctl(key) {
			continue
		}
		if err := os.WriteFile(filepath.Join("/proc/sys", key), []byte(val), 0o644); err != nil {
			return fmt.Errorf("restoring %s: %w", key, err)
		}
	}
	return nil
}

func isSysctl(key string) bool {
	for _, k := range sysctls {
		if k == key {
			return true
		}
	}
	return false
}
