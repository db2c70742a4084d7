// Package submit sends DebugSessions to the cluster: it adds an ephemeral container to a
// running pod, creates a pod's copy, or creates a node debug pod, and fills the session's
// status so that kdbg-attach knows where to connect.
package submit

import (
	"fmt"

	"github.com/spf13/pflag"
)

// Dry-run modes, as kubectl's --dry-run.
const (
	DryRunNone   = "none"
	DryRunClient = "client"
	DryRunServer = "server"
)

// Options are the settings of a submission.
type Options struct {
	// DryRun is none, client (no request at all) or server (admission runs, nothing is
	// persisted).
	DryRun string
	// Namespace is used for a spec.pod that names none; empty means "default".
	Namespace string
}

// NewOptions returns Options with the defaults: a real submission.
func NewOptions() *Options {
	return &Options{DryRun: DryRunNone}
}

// AddFlags registers --dry-run on fs.
func (o *Options) AddFlags(fs *pflag.FlagSet) {
	fs.StringVar(&o.DryRun, "dry-run", o.DryRun,
		`"none" submits; "client" sends nothing; "server" lets the API server check the `+
			"session, admission included, without persisting it")
	fs.Lookup("dry-run").NoOptDefVal = DryRunClient
}

// Validate checks the options without side effects.
func (o *Options) Validate() error {
	switch o.DryRun {
	case DryRunNone, DryRunClient, DryRunServer:
		return nil
	}
	return fmt.Errorf("invalid --dry-run %q: want none, client or server", o.DryRun)
}

// serverDryRun returns the DryRun field of the API's write options.
func (o *Options) serverDryRun() []string {
	if o.DryRun == DryRunServer {
		return []string{"All"}
	}
	return nil
}

// note marks a progress message as a dry run's, where nothing was persisted.
func (o *Options) note(msg string) string {
	if o.DryRun == DryRunServer {
		return msg + " (server dry run: nothing was persisted)"
	}
	return msg
}
