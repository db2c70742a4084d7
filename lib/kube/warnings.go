package kube

import "log/slog"

// warningLogger passes the API server's warnings, such as PodSecurity's in warn mode, to
// the command's stderr logger, where -q silences them, instead of klog.
type warningLogger struct{ log *slog.Logger }

func (w warningLogger) HandleWarningHeader(code int, _, text string) {
	if code == 299 && text != "" {
		w.log.Warn(text)
	}
}
