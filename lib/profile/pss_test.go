package profile

import (
	"testing"

	"k8s.io/pod-security-admission/api"
	"k8s.io/pod-security-admission/policy"

	"github.com/kdbg/kdbg/lib/session"
)

// forbidden returns the Pod Security Standards checks of level that s's pod fails.
func forbidden(t *testing.T, s *session.DebugSession, level api.Level) []policy.CheckResult {
	t.Helper()
	eval, err := policy.NewEvaluator(policy.DefaultChecks(), nil)
	if err != nil {
		t.Fatal(err)
	}
	lv := api.LevelVersion{Level: level, Version: api.LatestVersion()}
	var failed []policy.CheckResult
	for _, r := range eval.EvaluatePod(lv, &s.Spec.Pod.ObjectMeta, &s.Spec.Pod.Spec) {
		if !r.Allowed {
			failed = append(failed, r)
		}
	}
	return failed
}

func TestPodSecurity(t *testing.T) {
	tests := []struct {
		profile string
		level   api.Level
		keep    bool // --keep-init-containers, which also keeps their securityContext
	}{
		{Baseline, api.LevelBaseline, false},
		{Baseline, api.LevelBaseline, true},
		{Restricted, api.LevelRestricted, false},
		{Restricted, api.LevelRestricted, true},
	}
	for _, tt := range tests {
		for _, mode := range modes {
			t.Run(tt.profile+"/"+string(mode), func(t *testing.T) {
				o := options(tt.profile)
				o.KeepInitContainers = tt.keep
				s := fixture(t, mode)
				apply(t, o, s)
				for _, r := range forbidden(t, s, tt.level) {
					t.Errorf("%s: %s (%s)", tt.level, r.ForbiddenReason, r.ForbiddenDetail)
				}
			})
		}
	}
}

// TestPodSecurityCanFail shows that the check above can fail: general on a node uses the
// host's namespaces and filesystem, which baseline forbids.
func TestPodSecurityCanFail(t *testing.T) {
	s := applied(t, session.ModeNode, General)
	if len(forbidden(t, s, api.LevelBaseline)) == 0 {
		t.Errorf("general node pod passes baseline, want it to fail")
	}
	// Before the profile the node pod passes: failing is the profile's doing.
	if r := forbidden(t, fixture(t, session.ModeNode), api.LevelBaseline); len(r) > 0 {
		t.Errorf("node fixture fails baseline: %v", r)
	}
}
