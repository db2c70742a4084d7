// Package profile applies kubectl debug's debugging profiles to DebugSessions: it sets
// the debug container's securityContext, the pod's namespaces and host mounts, strips what
// a copy of a pod should not inherit, and merges a user's partial container on top. It
// works on spec.pod only and never contacts a cluster.
package profile

import (
	"log/slog"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/kdbg/kdbg/lib/cli"
)

// Options are the profile flags, with kubectl debug's names and defaults.
type Options struct {
	// Name is the profile: legacy, general, baseline, restricted, netadmin or sysadmin.
	Name string
	// CustomFile is a JSON or YAML partial container merged into the debug container.
	CustomFile string

	// The Keep fields keep what a copy of a pod otherwise loses; they matter in copy
	// mode only.
	KeepLabels         bool
	KeepAnnotations    bool
	KeepLiveness       bool
	KeepReadiness      bool
	KeepStartup        bool
	KeepInitContainers bool
}

// NewOptions returns the defaults: the general profile, init containers kept.
func NewOptions() *Options {
	return &Options{Name: General, KeepInitContainers: true}
}

// AddFlags registers --profile, --custom and the --keep-* flags on fs.
func (o *Options) AddFlags(fs *pflag.FlagSet) {
	fs.StringVar(&o.Name, "profile", o.Name,
		"debugging profile: "+strings.Join(names(), ", "))
	fs.StringVar(&o.CustomFile, "custom", o.CustomFile,
		"JSON or YAML file with a partial container spec, merged into the debug container "+
			"after the profile")
	fs.BoolVar(&o.KeepLabels, "keep-labels", o.KeepLabels,
		"keep the pod's labels (copy mode only)")
	fs.BoolVar(&o.KeepAnnotations, "keep-annotations", o.KeepAnnotations,
		"keep the pod's annotations (copy mode only)")
	fs.BoolVar(&o.KeepLiveness, "keep-liveness", o.KeepLiveness,
		"keep the containers' liveness probes (copy mode only)")
	fs.BoolVar(&o.KeepReadiness, "keep-readiness", o.KeepReadiness,
		"keep the containers' readiness probes (copy mode only)")
	fs.BoolVar(&o.KeepStartup, "keep-startup", o.KeepStartup,
		"keep the containers' startup probes (copy mode only)")
	fs.BoolVar(&o.KeepInitContainers, "keep-init-containers", o.KeepInitContainers,
		"keep the pod's init containers (copy mode only)")
}

// Validate checks the flags without reading any file.
func (o *Options) Validate() error {
	if !slices.Contains(names(), o.Name) {
		return cli.Usagef("unknown --profile %q: want one of %s",
			o.Name, strings.Join(names(), ", "))
	}
	return nil
}

// NewApplier checks the options, reads and checks the custom file once, and returns an
// Applier for any number of sessions. It warns on log, which may be nil, when the profile
// is deprecated.
func (o *Options) NewApplier(log *slog.Logger) (*Applier, error) {
	if err := o.Validate(); err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	a := &Applier{opts: *o, changes: profiles[o.Name], log: log}
	if o.CustomFile != "" {
		c, err := readCustom(o.CustomFile)
		if err != nil {
			return nil, err
		}
		a.custom = c
	}
	warnDeprecated(log, o.Name)
	return a, nil
}
