package main

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// apiClient calls the apiserver as the admin user.
type apiClient struct {
	http *http.Client
	base string
}

func newAPIClient(l layout) (*apiClient, error) {
	pki := func(f string) string { return filepath.Join(l.pki, f) }
	pair, err := tls.LoadX509KeyPair(pki("admin.crt"), pki("admin.key"))
	if err != nil {
		return nil, fmt.Errorf("loading the admin certificate: %w", err)
	}
	ca, err := os.ReadFile(pki("ca.crt"))
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(ca)
	tr := &http.Transport{TLSClientConfig: &tls.Config{
		RootCAs: pool, Certificates: []tls.Certificate{pair},
	}}
	return &apiClient{
		http: &http.Client{Transport: tr, Timeout: 5 * time.Second},
		base: "https://127.0.0.1:" + apiPort,
	}, nil
}

// get fetches path and decodes a JSON answer into v, if v is not nil.
func (c *apiClient) get(ctx context.Context, path string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+path, nil)
	if err != nil {
		return err
	}
	req.Header.Set("User-Agent", "kcluster")
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", path, resp.Status)
	}
	if v == nil {
		return nil
	}
	return json.Unmarshal(body, v)
}

// nodeReady reports whether the node has registered and is Ready.
func (c *apiClient) nodeReady(ctx context.Context) error {
	var node struct {
		Status struct {
			Conditions []struct{ Type, Status, Message string }
		}
	}
	if err := c.get(ctx, "/api/v1/nodes/"+nodeName, &node); err != nil {
		return err
	}
	for _, cond := range node.Status.Conditions {
		if cond.Type == "Ready" && cond.Status == "True" {
			return nil
		}
		if cond.Type == "Ready" {
			return fmt.Errorf("node %s not ready: %s", nodeName, cond.Message)
		}
	}
	return fmt.Errorf("node %s has no Ready condition yet", nodeName)
}

// poll calls f until it returns nil, the context ends or timeout passes.
func poll(ctx context.Context, what string, timeout time.Duration, f readyFunc) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	for {
		err := f(ctx)
		if err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("waiting for %s: %w (last: %v)", what, ctx.Err(), err)
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// readyFunc reports, with a nil error, that something is ready.
type readyFunc func(context.Context) error

// httpOK is a poll function that wants 200 from a plain-HTTP URL on loopback.
func httpOK(url string) readyFunc {
	return func(ctx context.Context) error {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return err
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("GET %s: %s", url, resp.Status)
		}
		return nil
	}
}

// apply sends manifests to `kubectl apply` as the admin user.
func apply(ctx context.Context, l layout, manifests string) error {
	cmd := exec.CommandContext(ctx, "kubectl", "--kubeconfig", l.kubeconfig,
		"--cache-dir", filepath.Join(l.base, "kubectl-cache"), "apply", "-f", "-")
	cmd.Stdin = strings.NewReader(manifests)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("kubectl apply: %v: %s", err, strings.TrimSpace(string(out)))
	}
	return nil
}
