package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// registryHosts are sent to a dead loopback port, so a pull of any image that
// was not imported fails at once and never leaves the machine. containerd
// consults _default for every host without a directory of its own.
var registryHosts = []string{"_default", "docker.io", "registry.k8s.io", "gcr.io",
	"ghcr.io", "quay.io", "mcr.microsoft.com", "public.ecr.aws", "kdbg.local"}

// writeConfigs writes the configuration of containerd, CNI, the kubelet and
// the apiserver's audit policy. It overwrites them on every up: they are
// derived from the layout alone.
func writeConfigs(l layout) error {
	files := map[string]string{
		l.ctrdConfig:    containerdConfig(l),
		l.kubeletConfig: kubeletConfig(l),
		l.auditPolicy:   auditPolicy,
		filepath.Join(l.cniConf, "10-kdbg.conflist"): cniConfig(l),
	}
	for _, h := range registryHosts {
		files[filepath.Join(l.registryDir, h, "hosts.toml")] = hostsTOML()
	}
	for path, text := range files {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", path, err)
		}
	}
	return nil
}

// hostsTOML sends a registry host to the dead port. The server, tried when
// the [host] entries fail, is the same port: there is no fallback to the
// registry's real address. containerd 1.6 refuses a file without [host].
func hostsTOML() string {
	return fmt.Sprintf("server = %[1]q\n\n[host.%[1]q]\n  capabilities = [\"pull\", \"resolve\"]\n",
		deadMirror)
}

// containerdConfig is a containerd 1.6 (config version 2) setup whose root,
// state, socket and runc root are all under the base directory.
func containerdConfig(l layout) string {
	return fmt.Sprintf(`version = 2
root = %q
state = %q
# The "opt" plugin would create /opt/containerd; the others are unused here.
disabled_plugins = ["io.containerd.internal.v1.opt", "io.containerd.snapshotter.v1.btrfs",
  "io.containerd.snapshotter.v1.zfs", "io.containerd.snapshotter.v1.devmapper",
  "io.containerd.snapshotter.v1.aufs", "io.containerd.tracing.processor.v1.otlp"]

[grpc]
  address = %q

[ttrpc]
  address = %q

[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "kdbg.local/pause:1"
  # This machine withholds CAP_SYS_RESOURCE: without this runc cannot set the
  # pause container's oom_score_adj and every sandbox fails.
  restrict_oom_score_adj = true
  disable_apparmor = true
  enable_selinux = false
  netns_mounts_under_state_dir = true
  stream_server_address = "127.0.0.1"
  stream_server_port = "0"

  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    default_runtime_name = "runc"

    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"

      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        SystemdCgroup = false
        Root = %q

  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = %q
    max_conf_num = 1

  [plugins."io.containerd.grpc.v1.cri".registry]
    config_path = %q
`, l.ctrdRoot, l.ctrdState, l.ctrdSocket, l.ctrdSocket+".ttrpc", l.runcRoot,
		l.cniConf, l.registryDir)
}

// cniConfig is a bridge network with no masquerade and a route for the pod
// subnet alone: pods reach each other and the node, nothing beyond.
func cniConfig(l layout) string {
	return fmt.Sprintf(`{
  "cniVersion": "1.0.0",
  "name": %q,
  "plugins": [
    {
      "type": "bridge",
      "bridge": %q,
      "isGateway": true,
      "ipMasq": false,
      "hairpinMode": true,
      "ipam": {
        "type": "host-local",
        "dataDir": %q,
        "ranges": [[{"subnet": %q, "gateway": %q}]],
        "routes": [{"dst": %q}]
      }
    }
  ]
}
`, cniNetwork, podBridge, l.cniIPAM, podSubnet, podGateway, podSubnet)
}

func kubeletConfig(l layout) string {
	return fmt.Sprintf(`apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
# This machine runs cgroup v1, which the kubelet refuses by default since 1.35.
failCgroupV1: false
cgroupDriver: cgroupfs
failSwapOn: false
address: %s
port: 10250
readOnlyPort: 0
healthzBindAddress: 127.0.0.1
healthzPort: 10248
authentication:
  anonymous:
    enabled: false
  webhook:
    enabled: false
  x509:
    clientCAFile: %s
authorization:
  mode: AlwaysAllow
tlsCertFile: %s
tlsPrivateKeyFile: %s
containerRuntimeEndpoint: unix://%s
podLogsDir: %s
volumePluginDir: %s
clusterDomain: cluster.local
# Local images cannot be pulled again: never collect them.
imageGCHighThresholdPercent: 100
imageGCLowThresholdPercent: 99
evictionHard:
  memory.available: 50Mi
  nodefs.available: "1%%"
  nodefs.inodesFree: "1%%"
  imagefs.available: "1%%"
syncFrequency: 10s
fileCheckFrequency: 10s
nodeStatusReportFrequency: 1m
serializeImagePulls: false
# No KUBE-FIREWALL or canary chains in the machine's iptables: there is no
# kube-proxy here for them to serve, and down would have to undo them.
makeIPTablesUtilChains: false
`, nodeIP, filepath.Join(l.pki, "ca.crt"), filepath.Join(l.pki, "kubelet-serving.crt"),
		filepath.Join(l.pki, "kubelet-serving.key"), l.ctrdSocket, l.podLogs, l.pluginDir)
}

// auditPolicy records every request at Metadata level (verb, resource,
// subresource, user, user agent, response code) once, when it completes.
// Node leases are renewed every few seconds and would only be noise.
const auditPolicy = `apiVersion: audit.k8s.io/v1
kind: Policy
omitStages: ["RequestReceived"]
rules:
- level: None
  resources:
  - group: coordination.k8s.io
    resources: ["leases"]
- level: Metadata
`
