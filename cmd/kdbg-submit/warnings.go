package main

import "log/slog"

// warnings passes the API server's warnings, such as PodSecurity's in warn mode, to the
// logger instead of klog.
type warnings struct{ log *slog.Logger }

func (w warnings) HandleWarningHeader(code int, agent, text string) {
	if code == 299 && text != "" {
		w.log.Warn(text)
	}
}
