package profile

import (
	"log/slog"

	corev1 "k8s.io/api/core/v1"
)

// warnDeprecated warns once per run about a deprecated profile.
func warnDeprecated(log *slog.Logger, name string) {
	if name == Legacy {
		log.Warn("--profile=legacy is deprecated and will be removed when kubectl removes " +
			"it (planned for kubectl v1.39): use --profile=general instead")
	}
}

// warnNonRoot warns when the debug container is granted privileges or capabilities but
// runs as a non-root user, for whom the kernel does not honour most of them.
func warnNonRoot(log *slog.Logger, pod *corev1.Pod, c *corev1.Container) {
	if !grantsPrivileges(c) || !runsAsNonRoot(pod, c) {
		return
	}
	log.Warn("the debug container runs as a non-root user, so the privileges or "+
		"capabilities the profile grants may not work: to run it as root, use --custom "+
		"with securityContext.runAsUser: 0", "pod", pod.Name, "container", c.Name)
}

// grantsPrivileges reports whether c is privileged or adds capabilities.
func grantsPrivileges(c *corev1.Container) bool {
	sc := c.SecurityContext
	if sc == nil {
		return false
	}
	privileged := sc.Privileged != nil && *sc.Privileged
	return privileged || (sc.Capabilities != nil && len(sc.Capabilities.Add) > 0)
}

// runsAsNonRoot reports whether c runs as a user other than root, from its own
// securityContext or else the pod's.
func runsAsNonRoot(pod *corev1.Pod, c *corev1.Container) bool {
	var user *int64
	var nonRoot *bool
	if psc := pod.Spec.SecurityContext; psc != nil {
		user, nonRoot = psc.RunAsUser, psc.RunAsNonRoot
	}
	if sc := c.SecurityContext; sc != nil {
		if sc.RunAsUser != nil {
			user = sc.RunAsUser
		}
		if sc.RunAsNonRoot != nil {
			nonRoot = sc.RunAsNonRoot
		}
	}
	return (user != nil && *user != 0) || (nonRoot != nil && *nonRoot)
}
