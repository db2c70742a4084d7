package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"time"
)

// up brings the cluster to a Ready node whose namespaces can take pods. Each
// step leaves alone what an earlier up already did, so up is idempotent.
func up(ctx context.Context, l layout, log *slog.Logger) error {
	t0 := time.Now()
	if err := cleanStale(l, log); err != nil {
		return err
	}
	if err := prepare(l); err != nil {
		return err
	}
	api, err := newAPIClient(l)
	if err != nil {
		return err
	}

	// containerd and etcd start together; the kubelet starts as soon as the
	// apiserver and containerd answer, and images import while it registers.
	if err := start(l, log, containerdDaemon(l)); err != nil {
		return err
	}
	if err := startWait(ctx, l, log, etcdDaemon(l), httpOK(etcdClient+"/health")); err != nil {
		return err
	}
	if err := startWait(ctx, l, log, apiserverDaemon(l), func(ctx context.Context) error {
		return api.get(ctx, "/readyz", nil)
	}); err != nil {
		return err
	}
	for _, d := range []daemon{controllerManagerDaemon(l), schedulerDaemon(l)} {
		if err := start(l, log, d); err != nil {
			return err
		}
	}
	if err := wait(ctx, l, "containerd", 30*time.Second, containerdUp(l)); err != nil {
		return err
	}
	if err := start(l, log, kubeletDaemon(l)); err != nil {
		return err
	}
	if err := apply(ctx, l, manifests()); err != nil {
		return err
	}
	if err := importImages(ctx, l, log); err != nil {
		return err
	}
	if err := wait(ctx, l, "kubelet", 2*time.Minute, api.nodeReady); err != nil {
		return err
	}
	if err := waitServiceAccounts(ctx, l, api); err != nil {
		return err
	}
	log.Info("cluster up", "took", time.Since(t0).Round(time.Millisecond), "node", nodeName)
	return nil
}

// cleanStale runs down first when none of the cluster's daemons runs: a
// killed session or a crashed machine may have left mounts, links, cgroups
// and state behind, and a fresh start on top of them is not reliable.
func cleanStale(l layout, log *slog.Logger) error {
	for _, name := range append([]string{"containerd"}, daemonNames...) {
		if _, ok := running(l, name); ok {
			return nil
		}
	}
	log.Info("no daemon running: removing what an earlier cluster left first")
	if err := down(l, log); err != nil {
		return fmt.Errorf("cleaning up an earlier cluster: %w", err)
	}
	return nil
}

// prepare makes the directories, certificates, configuration and node address.
func prepare(l layout) error {
	dirs := []string{l.run, l.logs, l.podLogs, l.pluginDir, l.kubeletRoot, l.containerd, l.cniIPAM}
	for _, d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	for _, b := range []string{"etcd", "kube-apiserver", "kube-controller-manager",
		"kube-scheduler", "kubelet", "pause", "demo-app"} {
		if _, err := os.Stat(l.binary(b)); err != nil {
			return fmt.Errorf("%s missing: run `make cluster-build` first", l.binary(b))
		}
	}
	if err := ensurePKI(l); err != nil {
		return err
	}
	if err := writeConfigs(l); err != nil {
		return err
	}
	if err := saveSysctls(l); err != nil {
		return err
	}
	return ensureNodeBridge()
}

// startWait starts d and waits until ready returns nil.
func startWait(ctx context.Context, l layout, log *slog.Logger, d daemon, ready readyFunc) error {
	if err := start(l, log, d); err != nil {
		return err
	}
	return wait(ctx, l, d.name, time.Minute, ready)
}

// wait polls ready and, when it gives up, adds the tail of the daemon's log.
func wait(ctx context.Context, l layout, name string, timeout time.Duration,
	ready readyFunc) error {
	err := poll(ctx, name, timeout, func(ctx context.Context) error {
		if _, ok := running(l, name); !ok {
			return fmt.Errorf("%s is not running", name)
		}
		return ready(ctx)
	})
	if err != nil {
		return fmt.Errorf("%w\n--- last lines of %s ---\n%s", err, l.logFile(name),
			tail(l, name, 20))
	}
	return nil
}

func containerdUp(l layout) readyFunc {
	return func(ctx context.Context) error {
		_, err := os.Stat(l.ctrdSocket)
		return err
	}
}

// waitServiceAccounts waits for the controller manager to create each test
// namespace's default ServiceAccount: until then pods there are refused.
func waitServiceAccounts(ctx context.Context, l layout, api *apiClient) error {
	for _, ns := range namespaces {
		path := "/api/v1/namespaces/" + ns + "/serviceaccounts/default"
		cm := "kube-controller-manager"
		err := wait(ctx, l, cm, time.Minute, func(ctx context.Context) error {
			return api.get(ctx, path, nil)
		})
		if err != nil {
			return err
		}
	}
	return nil
}
