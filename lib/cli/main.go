package cli

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// Main runs a command with a context that Ctrl-C and SIGTERM cancel, so that it can clean
// up (delete a --rm pod) and report "interrupted", then exits with the code run returns.
func Main(run func(ctx context.Context) int) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx)
	stop()
	os.Exit(code)
}
