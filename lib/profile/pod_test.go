package profile

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	corev1 "k8s.io/api/core/v1"

	"github.com/kdbg/kdbg/lib/session"
)

// host says what a node profile took from the host.
type host struct {
	PID, Network, IPC bool
	Volumes           []corev1.Volume
	Mounts            []corev1.VolumeMount
}

func hostOf(s *session.DebugSession) host {
	spec := s.Spec.Pod.Spec
	return host{
		PID: spec.HostPID, Network: spec.HostNetwork, IPC: spec.HostIPC,
		Volumes: spec.Volumes, Mounts: s.DebugContainer().VolumeMounts,
	}
}

func TestNodeHost(t *testing.T) {
	root := []corev1.Volume{{
		Name:         "host-root",
		VolumeSource: corev1.VolumeSource{HostPath: &corev1.HostPathVolumeSource{Path: "/"}},
	}}
	mount := []corev1.VolumeMount{{Name: "host-root", MountPath: "/host"}}
	tests := []struct {
		profile string
		want    host
	}{
		{Legacy, host{true, true, true, root, mount}},
		{General, host{true, true, true, root, mount}},
		{Baseline, host{}},
		{Restricted, host{}},
		{Netadmin, host{PID: true, Network: true, IPC: true}},
		{Sysadmin, host{true, true, true, root, mount}},
	}
	for _, tt := range tests {
		t.Run(tt.profile, func(t *testing.T) {
			got := hostOf(applied(t, session.ModeNode, tt.profile))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("host access (-want +got):\n%s", diff)
			}
		})
	}
}

func TestShareProcessNamespace(t *testing.T) {
	tests := []struct {
		name    string
		profile string
		had     *bool // as kdbg-spec wrote it
		want    *bool
	}{
		{"unset", Restricted, nil, new(true)},
		{"--share-processes=false", Restricted, new(false), new(false)},
		{"--share-processes", Restricted, new(true), new(true)},
		{"legacy leaves it", Legacy, nil, nil},
		{"general", General, nil, new(true)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := fixture(t, session.ModeCopy)
			s.Spec.Pod.Spec.ShareProcessNamespace = tt.had
			apply(t, options(tt.profile), s)
			if diff := cmp.Diff(tt.want, s.Spec.Pod.Spec.ShareProcessNamespace); diff != "" {
				t.Errorf("shareProcessNamespace (-want +got):\n%s", diff)
			}
		})
	}
}
