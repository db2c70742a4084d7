package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// ensureNodeBridge gives the node its address. The kubelet refuses a loopback
// node IP and this kernel has no dummy driver, so the address sits alone on an
// empty bridge: it is local to this machine and nothing sent to it leaves.
func ensureNodeBridge() error {
	if !linkExists(nodeBridge) {
		if err := ipCmd("link", "add", nodeBridge, "type", "bridge"); err != nil {
			return err
		}
	}
	out, err := exec.Command("ip", "-o", "addr", "show", "dev", nodeBridge).Output()
	if err != nil {
		return fmt.Errorf("reading addresses of %s: %w", nodeBridge, err)
	}
	if !strings.Contains(string(out), " "+nodeIP+"/32") {
		if err := ipCmd("addr", "add", nodeIP+"/32", "dev", nodeBridge); err != nil {
			return err
		}
	}
	return ipCmd("link", "set", nodeBridge, "up")
}

func deleteLink(name string) error {
	if !linkExists(name) {
		return nil
	}
	return ipCmd("link", "del", name)
}

func linkExists(name string) bool {
	_, err := os.Stat(filepath.Join("/sys/class/net", name))
	return err == nil
}

func ipCmd(args ...string) error {
	out, err := exec.Command("ip", args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("ip %s: %v: %s", strings.Join(args, " "), err,
			strings.TrimSpace(string(out)))
	}
	return nil
}
