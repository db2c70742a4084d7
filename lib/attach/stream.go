package attach

import (
	"context"
	"io"
	"net/url"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/kubernetes/scheme"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/remotecommand"
	"k8s.io/streaming/pkg/httpstream"

	"github.com/kdbg/kdbg/lib/session"
)

// attachStream connects streams to the running container until the session ends: the
// container exits, its stdin closes, or ctx ends.
func attachStream(ctx context.Context, client kubernetes.Interface, cfg *rest.Config,
	st *session.Status, tty bool, streams Streams) error {
	req := client.CoreV1().RESTClient().Post().
		Resource("pods").Namespace(st.Namespace).Name(st.Name).SubResource("attach").
		VersionedParams(&corev1.PodAttachOptions{
			Container: st.Container,
			Stdin:     streams.In != nil,
			Stdout:    true,
			Stderr:    !tty, // a TTY merges stderr into stdout
			TTY:       tty,
		}, scheme.ParameterCodec)
	exec, err := newExecutor(cfg, req.URL())
	if err != nil {
		return err
	}

	opts := remotecommand.StreamOptions{Stdout: streams.Out, Tty: tty}
	if !tty {
		opts.Stderr = streams.ErrOut
	}
	t, err := terminalFor(streams.In, tty)
	if err != nil {
		return err
	}
	defer t.restore()
	switch {
	case t != nil:
		sctx, cancel := context.WithCancel(ctx)
		defer cancel()
		opts.Stdin, opts.TerminalSizeQueue = streams.In, t.sizes(sctx)
	case streams.In != nil:
		opts.Stdin = lingerReader{ctx, streams.In} // piped: hold its end back
	}
	return exec.StreamWithContext(ctx, opts)
}

// terminalFor puts in in raw mode for a TTY session when it is a terminal; else nil.
func terminalFor(in io.Reader, tty bool) (*terminal, error) {
	if !tty || in == nil {
		return nil, nil
	}
	return rawTerminal(in)
}

// newExecutor speaks WebSocket and falls back to SPDY when the server or a proxy on the
// way cannot upgrade to WebSocket, as kubectl does.
func newExecutor(cfg *rest.Config, u *url.URL) (remotecommand.Executor, error) {
	spdy, err := remotecommand.NewSPDYExecutor(cfg, "POST", u)
	if err != nil {
		return nil, err
	}
	// RFC 6455 opens a WebSocket with a GET.
	ws, err := remotecommand.NewWebSocketExecutor(cfg, "GET", u.String())
	if err != nil {
		return nil, err
	}
	return remotecommand.NewFallbackExecutor(ws, spdy, func(err error) bool {
		return httpstream.IsUpgradeFailure(err) || httpstream.IsHTTPSProxyError(err)
	})
}
