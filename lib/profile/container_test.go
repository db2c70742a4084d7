package profile

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	corev1 "k8s.io/api/core/v1"

	"github.com/kdbg/kdbg/lib/session"
)

func TestRestrictedSecurityContext(t *testing.T) {
	want := &corev1.SecurityContext{
		RunAsNonRoot:             new(true),
		Capabilities:             &corev1.Capabilities{Drop: []corev1.Capability{"ALL"}},
		AllowPrivilegeEscalation: new(false),
		SeccompProfile: &corev1.SeccompProfile{
			Type: corev1.SeccompProfileTypeRuntimeDefault,
		},
	}
	for _, mode := range modes {
		t.Run(string(mode), func(t *testing.T) {
			s := fixture(t, mode)
			// A securityContext from kdbg-spec or the application is replaced, not merged.
			s.DebugContainer().SecurityContext = &corev1.SecurityContext{
				Privileged:   new(true),
				RunAsUser:    new(int64(0)),
				Capabilities: &corev1.Capabilities{Add: []corev1.Capability{"SYS_ADMIN"}},
			}
			apply(t, options(Restricted), s)
			if diff := cmp.Diff(want, s.DebugContainer().SecurityContext); diff != "" {
				t.Errorf("restricted securityContext (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCapabilities(t *testing.T) {
	tests := []struct {
		profile string
		mode    session.Mode
		had     []corev1.Capability // already added before the profile
		want    []corev1.Capability
	}{
		{Netadmin, session.ModeEphemeral, nil, []corev1.Capability{"NET_ADMIN", "NET_RAW"}},
		{Netadmin, session.ModeCopy, nil, []corev1.Capability{"NET_ADMIN", "NET_RAW"}},
		{Netadmin, session.ModeNode, nil, []corev1.Capability{"NET_ADMIN", "NET_RAW"}},
		{General, session.ModeEphemeral, nil, []corev1.Capability{"SYS_PTRACE"}},
		{General, session.ModeCopy, nil, []corev1.Capability{"SYS_PTRACE"}},
		{General, session.ModeNode, nil, nil},
		// In copy mode the debug container may be the application's: keep its own.
		{Netadmin, session.ModeCopy, []corev1.Capability{"NET_RAW", "CHOWN"},
			[]corev1.Capability{"NET_RAW", "CHOWN", "NET_ADMIN"}},
	}
	for _, tt := range tests {
		t.Run(tt.profile+"/"+string(tt.mode), func(t *testing.T) {
			s := fixture(t, tt.mode)
			if tt.had != nil {
				s.DebugContainer().SecurityContext = &corev1.SecurityContext{
					Capabilities: &corev1.Capabilities{Add: tt.had},
				}
			}
			apply(t, options(tt.profile), s)
			if diff := cmp.Diff(tt.want, addedCapabilities(s.DebugContainer())); diff != "" {
				t.Errorf("capabilities.add (-want +got):\n%s", diff)
			}
		})
	}
}

func addedCapabilities(c *corev1.Container) []corev1.Capability {
	if c.SecurityContext == nil || c.SecurityContext.Capabilities == nil {
		return nil
	}
	return c.SecurityContext.Capabilities.Add
}

func TestPrivileged(t *testing.T) {
	tests := []struct {
		profile string
		want    bool
	}{
		{Sysadmin, true},
		{Netadmin, false},
		{General, false},
	}
	for _, tt := range tests {
		for _, mode := range modes {
			t.Run(tt.profile+"/"+string(mode), func(t *testing.T) {
				c := applied(t, mode, tt.profile).DebugContainer()
				got := c.SecurityContext != nil && c.SecurityContext.Privileged != nil &&
					*c.SecurityContext.Privileged
				if got != tt.want {
					t.Errorf("privileged = %v, want %v", got, tt.want)
				}
			})
		}
	}
}
