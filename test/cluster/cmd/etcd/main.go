// Command etcd runs a single-member etcd, embedded from go.etcd.io/etcd/server,
// on loopback for kdbg's local test cluster. It stops cleanly on SIGTERM or SIGINT.
package main

import (
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/signal"
	"syscall"
	"time"

	"go.etcd.io/etcd/server/v3/embed"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "etcd: %v\n", err)
		os.Exit(1)
	}
}

func run() error {
	dataDir := flag.String("data-dir", "", "directory for etcd's data (required)")
	client := flag.String("client-url", "http://127.0.0.1:2379", "URL to serve clients on")
	peer := flag.String("peer-url", "http://127.0.0.1:2380", "URL to serve peers on")
	flag.Parse()
	if *dataDir == "" {
		return fmt.Errorf("--data-dir is required")
	}

	cfg, err := config(*dataDir, *client, *peer)
	if err != nil {
		return err
	}
	e, err := embed.StartEtcd(cfg)
	if err != nil {
		return fmt.Errorf("starting etcd: %w", err)
	}
	defer e.Close()

	select {
	case <-e.Server.ReadyNotify():
	case <-time.After(time.Minute):
		return fmt.Errorf("etcd not ready after a minute")
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGINT)
	select {
	case <-sig:
		return nil
	case err := <-e.Err():
		return fmt.Errorf("serving: %w", err)
	}
}

func config(dataDir, client, peer string) (*embed.Config, error) {
	cu, err := url.Parse(client)
	if err != nil {
		return nil, fmt.Errorf("parsing --client-url: %w", err)
	}
	pu, err := url.Parse(peer)
	if err != nil {
		return nil, fmt.Errorf("parsing --peer-url: %w", err)
	}

	cfg := embed.NewConfig()
	cfg.Name = "kdbg"
	cfg.Dir = dataDir
	cfg.ListenClientUrls = []url.URL{*cu}
	cfg.AdvertiseClientUrls = []url.URL{*cu}
	cfg.ListenPeerUrls = []url.URL{*pu}
	cfg.AdvertisePeerUrls = []url.URL{*pu}
	cfg.InitialCluster = cfg.InitialClusterFromName(cfg.Name)
	cfg.LogLevel = "warn"
	// A throwaway test cluster: losing the last writes on a crash costs nothing,
	// and fsync on a shared disk slows every request.
	cfg.UnsafeNoFsync = true
	return cfg, nil
}
