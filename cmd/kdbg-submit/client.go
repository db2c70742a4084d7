package main

import (
	"log/slog"

	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"

	"github.com/kdbg/kdbg/lib/kube"
)

// newClient returns the client, with the API server's warnings sent to log.
func newClient(kf *kube.Flags, log *slog.Logger) (kubernetes.Interface, error) {
	rest.SetDefaultWarningHandler(warnings{log})
	client, _, err := kf.Client(command.Name)
	return client, err
}

// warnings passes the API server's warnings, such as PodSecurity's in warn mode, to the
// logger instead of klog.
type warnings struct{ log *slog.Logger }

func (w warnings) HandleWarningHeader(code int, agent, text string) {
	if code == 299 && text != "" {
		w.log.Warn(text)
	}
}
