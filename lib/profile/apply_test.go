package profile

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kdbg/kdbg/lib/cli"
	"github.com/kdbg/kdbg/lib/session"
)

func TestApplyRecordsProfile(t *testing.T) {
	for _, name := range names() {
		s := applied(t, session.ModeCopy, name)
		if diff := cmp.Diff(&session.Profile{Name: name}, s.Spec.Profile); diff != "" {
			t.Errorf("spec.profile (-want +got):\n%s", diff)
		}
		if err := s.Validate(); err != nil {
			t.Errorf("after %s, Validate() = %v", name, err)
		}
	}
}

func TestApplyRefusesSecondProfile(t *testing.T) {
	s := applied(t, session.ModeCopy, General)
	before := *s.Spec.Pod.DeepCopy()
	a, err := options(Baseline).NewApplier(nil)
	if err != nil {
		t.Fatal(err)
	}

	err = a.Apply(s)
	if cli.Code(err) != cli.ExitUsage ||
		!strings.Contains(err.Error(), `session already has profile "general"`) {
		t.Errorf("Apply() = %v, want a usage error naming the profile", err)
	}
	if diff := cmp.Diff(before, s.Spec.Pod); diff != "" || s.Spec.Profile.Name != General {
		t.Errorf("refused Apply changed the session (-before +after):\n%s", diff)
	}
}

func TestApplyRefusesInvalidSession(t *testing.T) {
	s := fixture(t, session.ModeCopy)
	s.Spec.Container = "missing"
	a, err := NewOptions().NewApplier(nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Apply(s); cli.Code(err) != cli.ExitUsage {
		t.Errorf("Apply() = %v, want a usage error", err)
	}
}
