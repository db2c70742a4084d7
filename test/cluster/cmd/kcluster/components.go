package main

import "path/filepath"

// The daemons of the cluster, in start order. Stop order is the reverse.
func etcdDaemon(l layout) daemon {
	return daemon{name: "etcd", path: l.binary("etcd"), args: []string{
		"--data-dir=" + l.etcdData, "--client-url=" + etcdClient, "--peer-url=" + etcdPeer,
	}}
}

func containerdDaemon(l layout) daemon {
	return daemon{name: "containerd", path: "/usr/bin/containerd", args: []string{
		"--config=" + l.ctrdConfig, "--log-level=warn",
	}}
}

func apiserverDaemon(l layout) daemon {
	pki := func(f string) string { return filepath.Join(l.pki, f) }
	return daemon{name: "kube-apiserver", path: l.binary("kube-apiserver"), args: []string{
		"--etcd-servers=" + etcdClient,
		"--bind-address=127.0.0.1",
		"--secure-port=" + apiPort,
		"--advertise-address=" + nodeIP,
		"--tls-cert-file=" + pki("apiserver.crt"),
		"--tls-private-key-file=" + pki("apiserver.key"),
		"--client-ca-file=" + pki("ca.crt"),
		"--service-account-issuer=https://kubernetes.default.svc.cluster.local",
		"--service-account-key-file=" + pki("sa.pub"),
		"--service-account-signing-key-file=" + pki("sa.key"),
		"--service-cluster-ip-range=" + svcSubnet,
		"--authorization-mode=Node,RBAC",
		"--enable-admission-plugins=NodeRestriction,PodSecurity",
		"--allow-privileged=true",
		"--kubelet-client-certificate=" + pki("apiserver-kubelet-client.crt"),
		"--kubelet-client-key=" + pki("apiserver-kubelet-client.key"),
		"--kubelet-certificate-authority=" + pki("ca.crt"),
		"--kubelet-preferred-address-types=InternalIP",
		"--audit-log-path=" + l.auditLog,
		"--audit-policy-file=" + l.auditPolicy,
		"--audit-log-format=json",
		"--audit-log-maxsize=0",
		"--profiling=false",
	}}
}

func controllerManagerDaemon(l layout) daemon {
	kc := l.kubeconfigFor("controller-manager")
	return daemon{name: "kube-controller-manager", path: l.binary("kube-controller-manager"),
		args: []string{
			"--kubeconfig=" + kc,
			"--authentication-kubeconfig=" + kc,
			"--authorization-kubeconfig=" + kc,
			"--bind-address=127.0.0.1",
			"--leader-elect=false",
			"--root-ca-file=" + filepath.Join(l.pki, "ca.crt"),
			"--service-account-private-key-file=" + filepath.Join(l.pki, "sa.key"),
			"--use-service-account-credentials=true",
			"--cluster-name=kdbg",
			"--profiling=false",
		}}
}

func schedulerDaemon(l layout) daemon {
	kc := l.kubeconfigFor("scheduler")
	return daemon{name: "kube-scheduler", path: l.binary("kube-scheduler"), args: []string{
		"--kubeconfig=" + kc,
		"--authentication-kubeconfig=" + kc,
		"--authorization-kubeconfig=" + kc,
		"--bind-address=127.0.0.1",
		"--leader-elect=false",
		"--profiling=false",
	}}
}

func kubeletDaemon(l layout) daemon {
	return daemon{name: "kubelet", path: l.binary("kubelet"), args: []string{
		"--config=" + l.kubeletConfig,
		"--kubeconfig=" + l.kubeconfigFor("kubelet"),
		"--root-dir=" + l.kubeletRoot,
		"--cert-dir=" + filepath.Join(l.kubeletRoot, "pki"),
		"--node-ip=" + nodeIP,
		"--hostname-override=" + nodeName,
	}}
}

// daemonNames lists every daemon kcluster may have started, in stop order.
var daemonNames = []string{"kubelet", "kube-scheduler", "kube-controller-manager",
	"kube-apiserver", "etcd"}
