package main

import "path/filepath"

// Fixed names and addresses of the cluster. The node and pod addresses live
// only on bridges kcluster creates; nothing routes them off the machine.
const (
	nodeName    = "kdbg-node"
	nodeIP      = "10.243.0.1"
	nodeBridge  = "kdbg-node0"
	podBridge   = "kdbg-cni0"
	podSubnet   = "10.244.0.0/24"
	podGateway  = "10.244.0.1"
	svcSubnet   = "10.96.0.0/16"
	svcIP       = "10.96.0.1"
	apiPort     = "6443"
	etcdClient  = "http://127.0.0.1:12379"
	etcdPeer    = "http://127.0.0.1:12380"
	cniNetwork  = "kdbg"
	deadMirror  = "http://127.0.0.1:1"
	limitedUser = "kdbg-limited"
	limitedNS   = "limited"
)

// layout holds every path kcluster uses, all under one base directory.
type layout struct {
	base, bin, run, logs, pki, lockFile string

	kubeconfig, limitedKubeconfig string
	auditLog, auditPolicy         string

	containerd, ctrdConfig, ctrdSocket, ctrdRoot, ctrdState, runcRoot, registryDir string

	cniConf, cniIPAM string

	kubeletRoot, kubeletConfig, podLogs, pluginDir string

	etcdData, images string
}

func newLayout(base string) layout {
	base = filepath.Clean(base)
	j := func(p ...string) string { return filepath.Join(append([]string{base}, p...)...) }
	return layout{
		base: base, bin: j("bin"), run: j("run"), logs: j("logs"), pki: j("pki"),
		lockFile: j("kcluster.lock"),

		kubeconfig:        j("kubeconfig"),
		limitedKubeconfig: j("kubeconfig-limited"),
		auditLog:          j("audit.log"),
		auditPolicy:       j("config", "audit-policy.yaml"),

		containerd:  j("containerd"),
		ctrdConfig:  j("config", "containerd.toml"),
		ctrdSocket:  j("containerd", "containerd.sock"),
		ctrdRoot:    j("containerd", "root"),
		ctrdState:   j("containerd", "state"),
		runcRoot:    j("containerd", "runc"),
		registryDir: j("config", "registries"),

		cniConf: j("config", "cni"),
		cniIPAM: j("cni-ipam"),

		kubeletRoot:   j("kubelet"),
		kubeletConfig: j("config", "kubelet.yaml"),
		podLogs:       j("pod-logs"),
		pluginDir:     j("kubelet-plugins"),

		etcdData: j("etcd"),
		images:   j("images"),
	}
}

// binary returns the path of a program cluster-build put in bin/.
func (l layout) binary(name string) string { return filepath.Join(l.bin, name) }

// pidFile is where the pid of a started daemon is recorded.
func (l layout) pidFile(name string) string { return filepath.Join(l.run, name+".pid") }

// logFile is where a started daemon's stdout and stderr go.
func (l layout) logFile(name string) string { return filepath.Join(l.logs, name+".log") }

func (l layout) kubeconfigFor(name string) string {
	return filepath.Join(l.pki, name+".kubeconfig")
}
