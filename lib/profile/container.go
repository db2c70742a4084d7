package profile

import (
	"slices"

	corev1 "k8s.io/api/core/v1"
)

// clearSecurityContext leaves the debug container to the pod's and runtime's defaults.
func clearSecurityContext(e *edit) {
	e.c.SecurityContext = nil
}

// restrict replaces the debug container's securityContext with what the restricted Pod
// Security Standard asks of every container.
func restrict(e *edit) {
	e.c.SecurityContext = &corev1.SecurityContext{
		RunAsNonRoot:             new(true),
		Capabilities:             &corev1.Capabilities{Drop: []corev1.Capability{"ALL"}},
		AllowPrivilegeEscalation: new(false),
		SeccompProfile: &corev1.SeccompProfile{
			Type: corev1.SeccompProfileTypeRuntimeDefault,
		},
	}
}

// setPrivileged runs the debug container privileged.
func setPrivileged(e *edit) {
	securityContext(e.c).Privileged = new(true)
}

// addCapabilities returns a change that adds caps to the debug container, each once; the
// capabilities it had stay, since in copy mode it may be the application's own container.
func addCapabilities(caps ...corev1.Capability) change {
	return func(e *edit) {
		sc := securityContext(e.c)
		if sc.Capabilities == nil {
			sc.Capabilities = &corev1.Capabilities{}
		}
		for _, c := range caps {
			if !slices.Contains(sc.Capabilities.Add, c) {
				sc.Capabilities.Add = append(sc.Capabilities.Add, c)
			}
		}
	}
}

// securityContext returns c's securityContext, creating it if needed.
func securityContext(c *corev1.Container) *corev1.SecurityContext {
	if c.SecurityContext == nil {
		c.SecurityContext = &corev1.SecurityContext{}
	}
	return c.SecurityContext
}
