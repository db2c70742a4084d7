package session

import (
	"fmt"
	"slices"

	corev1 "k8s.io/api/core/v1"
)

// Validate checks what every step relies on: the header, a known mode, a target whose
// kind fits the mode, and a container that exists where the mode puts it.
func (s *DebugSession) Validate() error {
	if s.APIVersion != APIVersion {
		return fmt.Errorf("unknown apiVersion %q: want %q", s.APIVersion, APIVersion)
	}
	if s.Kind != Kind {
		return fmt.Errorf("unknown kind %q: want %q", s.Kind, Kind)
	}
	if !slices.Contains(Modes, s.Spec.Mode) {
		return fmt.Errorf("unknown spec.mode %q: want ephemeral, copy or node", s.Spec.Mode)
	}
	if err := s.validateTarget(); err != nil {
		return err
	}
	if s.Spec.Container == "" {
		return fmt.Errorf("spec.container is empty")
	}
	if s.DebugContainer() == nil {
		return fmt.Errorf("spec.container %q is not in spec.pod's %s",
			s.Spec.Container, s.containerListName())
	}
	return nil
}

func (s *DebugSession) validateTarget() error {
	want := TargetPod
	if s.Spec.Mode == ModeNode {
		want = TargetNode
	}
	if s.Spec.Target.Kind != want {
		return fmt.Errorf("spec.target.kind %q does not fit mode %q: want %q",
			s.Spec.Target.Kind, s.Spec.Mode, want)
	}
	if s.Spec.Target.Name == "" {
		return fmt.Errorf("spec.target.name is empty")
	}
	return nil
}

func (s *DebugSession) containerListName() string {
	if s.Spec.Mode == ModeEphemeral {
		return "spec.ephemeralContainers"
	}
	return "spec.containers"
}

// DebugContainer returns the container that spec.container names in spec.pod, or nil.
// For an ephemeral session the result points at the EphemeralContainerCommon, which has
// the same fields as a Container, so profiles can treat every journey alike.
func (s *DebugSession) DebugContainer() *corev1.Container {
	if s.Spec.Mode == ModeEphemeral {
		ecs := s.Spec.Pod.Spec.EphemeralContainers
		for i := range ecs {
			if ecs[i].Name == s.Spec.Container {
				return (*corev1.Container)(&ecs[i].EphemeralContainerCommon)
			}
		}
		return nil
	}
	cs := s.Spec.Pod.Spec.Containers
	for i := range cs {
		if cs[i].Name == s.Spec.Container {
			return &cs[i]
		}
	}
	return nil
}

// EphemeralContainer returns the debug container of an ephemeral session, or nil.
func (s *DebugSession) EphemeralContainer() *corev1.EphemeralContainer {
	ecs := s.Spec.Pod.Spec.EphemeralContainers
	for i := range ecs {
		if ecs[i].Name == s.Spec.Container {
			return &ecs[i]
		}
	}
	return nil
}
