// Package cli holds what every kdbg command does the same way: exit codes, the one-line
// error message, usage errors and the stderr logger.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"

	"github.com/kdbg/kdbg/lib/session"
)

// Exit codes shared by every command.
const (
	ExitOK      = 0
	ExitFailure = 1
	ExitUsage   = 2   // bad flags, arguments or input
	ExitSignal  = 130 // interrupted by Ctrl-C or SIGTERM, as shells report SIGINT
)

// UsageError marks an error the user can fix by changing the command line or its input.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// Usagef returns a UsageError with a formatted message.
func Usagef(format string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(format, args...)}
}

// Code returns the exit code for err: 0 for nil, 2 for bad usage or bad input, else 1.
func Code(err error) int {
	var usage *UsageError
	var input *session.InputError
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, context.Canceled):
		return ExitSignal
	case errors.As(err, &usage), errors.As(err, &input):
		return ExitUsage
	default:
		return ExitFailure
	}
}

// Report prints err once as "command: message" and returns its exit code. An error that
// only says the context was canceled means the user interrupted the command.
func Report(stderr io.Writer, command string, err error) int {
	if errors.Is(err, context.Canceled) {
		fmt.Fprintf(stderr, "%s: interrupted\n", command)
	} else if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", command, err)
	}
	return Code(err)
}

// NewLogger returns the stderr logger for progress, notes and warnings: silent below
// warnings with quiet, debug details with verbose.
func NewLogger(stderr io.Writer, quiet, verbose bool) *slog.Logger {
	level := slog.LevelInfo
	switch {
	case quiet:
		level = slog.LevelError
	case verbose:
		level = slog.LevelDebug
	}
	return slog.New(newLineHandler(stderr, level))
}
