package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	cri "k8s.io/cri-api/pkg/apis/runtime/v1"
)

// removePods stops and removes every pod sandbox through containerd's CRI
// API, as the kubelet would: that runs the CNI DEL for each pod, freeing its
// address and deleting its veth and network namespace.
func removePods(ctx context.Context, l layout, log *slog.Logger) error {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	conn, err := grpc.NewClient("unix://"+l.ctrdSocket,
		grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return err
	}
	defer conn.Close()
	rt := cri.NewRuntimeServiceClient(conn)

	resp, err := rt.ListPodSandbox(ctx, &cri.ListPodSandboxRequest{})
	if err != nil {
		return fmt.Errorf("listing pod sandboxes: %w", err)
	}
	for _, sb := range resp.Items {
		name := sb.GetMetadata().GetNamespace() + "/" + sb.GetMetadata().GetName()
		log.Debug("removing pod", "pod", name, "sandbox", sb.Id)
		stop := &cri.StopPodSandboxRequest{PodSandboxId: sb.Id}
		if _, err := rt.StopPodSandbox(ctx, stop); err != nil {
			log.Warn("stopping pod sandbox", "pod", name, "err", err)
		}
		rm := &cri.RemovePodSandboxRequest{PodSandboxId: sb.Id}
		if _, err := rt.RemovePodSandbox(ctx, rm); err != nil {
			log.Warn("removing pod sandbox", "pod", name, "err", err)
		}
	}
	log.Info("removed pods", "count", len(resp.Items))
	return nil
}
