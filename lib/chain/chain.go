// Package chain runs the whole kdbg pipeline in one process, as the kdbg command does:
// build the sessions, apply the profile, submit them, then attach or print them. Each
// step is the same library code that kdbg-spec, kdbg-profile, kdbg-submit and kdbg-attach
// run, so one command and the four piped ones cannot drift apart.
package chain

import (
	"context"
	"fmt"
	"log/slog"
	"slices"

	"github.com/spf13/pflag"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"

	"github.com/kdbg/kdbg/lib/attach"
	"github.com/kdbg/kdbg/lib/cli"
	"github.com/kdbg/kdbg/lib/kube"
	"github.com/kdbg/kdbg/lib/profile"
	"github.com/kdbg/kdbg/lib/session"
	"github.com/kdbg/kdbg/lib/spec"
	"github.com/kdbg/kdbg/lib/submit"
)

// UserAgent identifies kdbg's requests in the apiserver's audit log.
const UserAgent = "kdbg"

// Options are the flags of every step, plus the output format.
type Options struct {
	Spec    *spec.Options
	Profile *profile.Options
	Submit  *submit.Options
	Attach  *attach.Options
	// Output is "", json or yaml: print the sessions instead of attaching.
	Output string
}

// NewOptions returns every step's defaults.
func NewOptions() *Options {
	return &Options{
		Spec:    spec.NewOptions(),
		Profile: profile.NewOptions(),
		Submit:  submit.NewOptions(),
		Attach:  attach.NewOptions(),
	}
}

// AddFlags registers the flags of every step and -o/--output on fs.
func (o *Options) AddFlags(fs *pflag.FlagSet) {
	o.Spec.AddFlags(fs)
	o.Profile.AddFlags(fs)
	o.Submit.AddFlags(fs)
	o.Attach.AddFlags(fs)
	fs.StringVarP(&o.Output, "output", "o", "",
		"print the sessions as json or yaml instead of attaching")
}

// Complete reads the positional arguments, as kdbg-spec does.
func (o *Options) Complete(fs *pflag.FlagSet, args []string) error {
	return o.Spec.Complete(fs, args)
}

// Validate checks every step's options and how they combine, without side effects.
func (o *Options) Validate() error {
	for _, validate := range []func() error{o.Spec.Validate, o.Profile.Validate,
		o.Submit.Validate, o.Attach.Validate} {
		if err := validate(); err != nil {
			return asUsage(err)
		}
	}
	switch o.Output {
	case "", "json", "yaml":
	default:
		return cli.Usagef("--output %q is not supported: use json or yaml", o.Output)
	}
	if o.Spec.Interactive && slices.Contains(o.Spec.Filenames, "-") {
		return cli.Usagef("-f - reads the pod from stdin, which -i needs for the " +
			"container: give the pod in a file")
	}
	if o.Output != "" && o.Attach.Wait {
		return cli.Usagef("--output and --wait both print the sessions: give one of them")
	}
	if o.Output != "" && o.Attach.Remove {
		return cli.Usagef("--rm deletes the pod when an attached session ends, " +
			"but --output does not attach: give one of them")
	}
	return nil
}

func asUsage(err error) error {
	if cli.Code(err) == cli.ExitUsage {
		return err
	}
	return &cli.UsageError{Err: err}
}

// printing says whether the sessions are printed rather than attached to: a dry run
// creates nothing to attach to.
func (o *Options) printing() bool {
	return o.Output != "" || o.Submit.DryRun != submit.DryRunNone
}

// Run builds, profiles and submits the sessions, then prints them or attaches to each
// in turn. It returns the exit code of the last debug container attached to.
func Run(ctx context.Context, o *Options, kf *kube.Flags, streams attach.Streams,
	log *slog.Logger) (int, error) {
	profiles, err := o.Profile.NewApplier(log) // reads --custom before any request
	if err != nil {
		return cli.Code(err), err
	}
	client, cfg, err := newClient(o, kf)
	if err != nil {
		return cli.ExitFailure, err
	}
	sessions, err := spec.RunWithClient(ctx, o.Spec, kf, client, streams.In, log)
	if err != nil {
		return cli.Code(err), err
	}
	for _, s := range sessions {
		if err := profiles.Apply(s); err != nil {
			return cli.Code(err), err
		}
	}
	o.Submit.Namespace = kf.NamespaceOverride()
	for _, s := range sessions {
		if err := submit.Submit(ctx, client, s, o.Submit, log); err != nil {
			return cli.Code(err), err
		}
	}
	if o.printing() {
		err := print(streams.Out, o.Output, sessions)
		return cli.Code(err), err
	}
	return attachAll(ctx, client, cfg, o.Attach, sessions, streams, log)
}

// newClient makes one client for every step, and none for a client-side dry run from
// -f, which must work offline.
func newClient(o *Options, kf *kube.Flags) (kubernetes.Interface, *rest.Config, error) {
	if o.Submit.DryRun == submit.DryRunClient && len(o.Spec.Filenames) > 0 {
		return nil, nil, nil
	}
	return kf.Client(UserAgent)
}

func attachAll(ctx context.Context, client kubernetes.Interface, cfg *rest.Config,
	o *attach.Options, sessions []*session.DebugSession, streams attach.Streams,
	log *slog.Logger) (int, error) {
	code := cli.ExitOK
	for _, s := range sessions {
		ss := streams
		if !s.Spec.Attach.Stdin {
			ss.In = nil
		}
		var err error
		if code, err = attach.Run(ctx, client, cfg, s, o, ss, log); err != nil {
			return code, fmt.Errorf("%s/%s: %w", s.Status.Namespace, s.Status.Name, err)
		}
	}
	return code, nil
}
