package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/kdbg/kdbg/lib/session"
)

func TestReport(t *testing.T) {
	tests := []struct {
		name     string
		err      error
		code     int
		wantLine string
	}{
		{"ok", nil, ExitOK, ""},
		{"failure", errors.New("patching pod \"app\": boom"), ExitFailure,
			"kdbg: patching pod \"app\": boom\n"},
		{"usage", Usagef("--tty needs --stdin"), ExitUsage, "kdbg: --tty needs --stdin\n"},
		{"input", &session.InputError{Index: 2, Err: errors.New("unknown field \"x\"")},
			ExitUsage, "kdbg: reading session 2: unknown field \"x\"\n"},
		{"interrupted", fmt.Errorf("waiting for container: %w", context.Canceled), ExitSignal,
			"kdbg: interrupted\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			if got := Report(&stderr, "kdbg", tt.err); got != tt.code {
				t.Errorf("Report(%v) = %d, want %d", tt.err, got, tt.code)
			}
			if got := stderr.String(); got != tt.wantLine {
				t.Errorf("Report(%v) printed %q, want %q", tt.err, got, tt.wantLine)
			}
		})
	}
}
