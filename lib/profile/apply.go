package profile

import (
	"log/slog"

	"github.com/kdbg/kdbg/lib/cli"
	"github.com/kdbg/kdbg/lib/session"
)

// Applier applies one profile, then the custom partial container if any, to sessions.
// Make one with Options.NewApplier.
type Applier struct {
	opts    Options
	changes map[session.Mode][]change
	custom  *custom
	log     *slog.Logger
}

// Apply changes s.Spec.Pod as the profile says for s's mode and records the profile in
// s.Spec.Profile. It refuses a session that already has a profile, since profiles do not
// stack: general's capabilities would survive baseline, for one. On error s is unchanged.
func (a *Applier) Apply(s *session.DebugSession) error {
	if s.Spec.Profile != nil {
		return cli.Usagef("session already has profile %q: apply a profile once, to "+
			"kdbg-spec's output", s.Spec.Profile.Name)
	}
	if err := s.Validate(); err != nil {
		return cli.Usagef("invalid session: %w", err)
	}
	out := *s
	out.Spec.Pod = *s.Spec.Pod.DeepCopy()
	c := out.DebugContainer()

	e := &edit{pod: &out.Spec.Pod, c: c, opts: &a.opts}
	for _, change := range a.changes[s.Spec.Mode] {
		change(e)
	}
	if a.custom != nil {
		if err := a.custom.apply(s.Spec.Mode, c); err != nil {
			return err
		}
	}

	warnNonRoot(a.log, &out.Spec.Pod, c)
	out.Spec.Profile = &session.Profile{Name: a.opts.Name, Custom: a.custom != nil}
	*s = out
	a.log.Debug("applied profile", "profile", a.opts.Name, "mode", s.Spec.Mode,
		"pod", s.Spec.Pod.Name, "container", s.Spec.Container)
	return nil
}
