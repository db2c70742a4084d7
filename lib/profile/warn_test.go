package profile

import (
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"

	"github.com/kdbg/kdbg/lib/session"
)

func TestWarnNonRoot(t *testing.T) {
	tests := []struct {
		name      string
		profile   string
		mode      session.Mode
		pod       *corev1.PodSecurityContext
		container *corev1.SecurityContext
		want      bool
	}{
		{"sysadmin, pod user 1000", Sysadmin, session.ModeCopy,
			&corev1.PodSecurityContext{RunAsUser: new(int64(1000))}, nil, true},
		{"sysadmin ephemeral, pod user 1000", Sysadmin, session.ModeEphemeral,
			&corev1.PodSecurityContext{RunAsUser: new(int64(1000))}, nil, true},
		{"netadmin, pod runAsNonRoot", Netadmin, session.ModeCopy,
			&corev1.PodSecurityContext{RunAsNonRoot: new(true)}, nil, true},
		{"general, container user 1000", General, session.ModeCopy,
			nil, &corev1.SecurityContext{RunAsUser: new(int64(1000))}, true},
		{"container root over pod user", Sysadmin, session.ModeCopy,
			&corev1.PodSecurityContext{RunAsUser: new(int64(1000))},
			&corev1.SecurityContext{RunAsUser: new(int64(0))}, false},
		{"pod user 0", Sysadmin, session.ModeCopy,
			&corev1.PodSecurityContext{RunAsUser: new(int64(0))}, nil, false},
		{"no user", Sysadmin, session.ModeCopy, nil, nil, false},
		{"baseline grants nothing", Baseline, session.ModeCopy,
			&corev1.PodSecurityContext{RunAsUser: new(int64(1000))}, nil, false},
		{"restricted grants nothing", Restricted, session.ModeEphemeral,
			&corev1.PodSecurityContext{RunAsUser: new(int64(1000))}, nil, false},
		{"general node clears the container's user", General, session.ModeNode,
			nil, &corev1.SecurityContext{RunAsUser: new(int64(1000))}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := fixture(t, tt.mode)
			s.Spec.Pod.Spec.SecurityContext = tt.pod
			s.DebugContainer().SecurityContext = tt.container
			stderr := apply(t, options(tt.profile), s)
			got := strings.Contains(stderr, "warning: the debug container runs as a non-root user")
			if got != tt.want {
				t.Errorf("warned = %v, want %v; stderr:\n%s", got, tt.want, stderr)
			}
		})
	}
}

func TestWarnDeprecated(t *testing.T) {
	for _, name := range names() {
		t.Run(name, func(t *testing.T) {
			stderr := apply(t, options(name), fixture(t, session.ModeNode))
			got := strings.Contains(stderr, "warning: --profile=legacy is deprecated")
			if want := name == Legacy; got != want {
				t.Errorf("warned = %v, want %v; stderr:\n%s", got, want, stderr)
			}
			if got && !strings.Contains(stderr, "use --profile=general instead") {
				t.Errorf("deprecation does not name the replacement:\n%s", stderr)
			}
		})
	}
}
