package profile

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kdbg/kdbg/lib/session"
)

// kept summarises what strip can remove from a copy.
type kept struct {
	Labels, Annotations          bool
	Liveness, Readiness, Startup bool // on any container
	InitContainers               bool
}

func keptOf(s *session.DebugSession) kept {
	p := s.Spec.Pod
	k := kept{
		Labels:         p.Labels != nil,
		Annotations:    p.Annotations != nil,
		InitContainers: len(p.Spec.InitContainers) > 0,
	}
	for _, c := range append(p.Spec.InitContainers, p.Spec.Containers...) {
		k.Liveness = k.Liveness || c.LivenessProbe != nil
		k.Readiness = k.Readiness || c.ReadinessProbe != nil
		k.Startup = k.Startup || c.StartupProbe != nil
	}
	return k
}

func TestStrip(t *testing.T) {
	tests := []struct {
		name    string
		profile string
		set     func(o *Options)
		want    kept
	}{
		{"general", General, nil, kept{InitContainers: true}},
		{"general --keep-labels", General, func(o *Options) { o.KeepLabels = true },
			kept{Labels: true, InitContainers: true}},
		{"general --keep-annotations", General, func(o *Options) { o.KeepAnnotations = true },
			kept{Annotations: true, InitContainers: true}},
		{"general --keep-liveness", General, func(o *Options) { o.KeepLiveness = true },
			kept{Liveness: true, InitContainers: true}},
		{"general --keep-readiness", General, func(o *Options) { o.KeepReadiness = true },
			kept{Readiness: true, InitContainers: true}},
		{"general --keep-startup", General, func(o *Options) { o.KeepStartup = true },
			kept{Startup: true, InitContainers: true}},
		{"general --keep-init-containers=false", General,
			func(o *Options) { o.KeepInitContainers = false }, kept{}},
		{"legacy strips labels only", Legacy, nil,
			kept{Annotations: true, Liveness: true, Readiness: true, Startup: true,
				InitContainers: true}},
		{"legacy --keep-labels", Legacy, func(o *Options) { o.KeepLabels = true },
			kept{true, true, true, true, true, true}},
		{"baseline", Baseline, nil, kept{InitContainers: true}},
		{"restricted", Restricted, nil, kept{InitContainers: true}},
		{"netadmin", Netadmin, nil, kept{InitContainers: true}},
		{"sysadmin", Sysadmin, nil, kept{InitContainers: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := fixture(t, session.ModeCopy)
			if before := keptOf(s); before != (kept{true, true, true, true, true, true}) {
				t.Fatalf("fixture lacks something to strip: %+v", before)
			}
			o := options(tt.profile)
			if tt.set != nil {
				tt.set(o)
			}
			apply(t, o, s)
			if diff := cmp.Diff(tt.want, keptOf(s)); diff != "" {
				t.Errorf("kept (-want +got):\n%s", diff)
			}
		})
	}
}

// TestStripCopyOnly checks that pods the session does not copy keep everything.
func TestStripCopyOnly(t *testing.T) {
	for _, mode := range []session.Mode{session.ModeEphemeral, session.ModeNode} {
		for _, name := range names() {
			t.Run(string(mode)+"/"+name, func(t *testing.T) {
				before := keptOf(fixture(t, mode))
				got := keptOf(applied(t, mode, name))
				if diff := cmp.Diff(before, got); diff != "" {
					t.Errorf("kept (-want +got):\n%s", diff)
				}
			})
		}
	}
}
