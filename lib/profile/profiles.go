package profile

import (
	corev1 "k8s.io/api/core/v1"

	"github.com/kdbg/kdbg/lib/session"
)

// The profiles, named as kubectl debug names them.
const (
	// Legacy is kubectl 1.23's behaviour. Deprecated: kubectl plans to drop it in v1.39.
	Legacy = "legacy"
	// General has reasonable defaults for each journey.
	General = "general"
	// Baseline is general without what the baseline Pod Security Standard forbids.
	Baseline = "baseline"
	// Restricted is baseline plus what the restricted Pod Security Standard requires.
	Restricted = "restricted"
	// Netadmin grants the network administration capabilities.
	Netadmin = "netadmin"
	// Sysadmin runs the debug container privileged.
	Sysadmin = "sysadmin"
)

// names lists the profiles in a stable order, for help and messages.
func names() []string {
	return []string{Legacy, General, Baseline, Restricted, Netadmin, Sysadmin}
}

// An edit is what a change works on: the session's pod, its debug container and the
// options, for the --keep-* flags.
type edit struct {
	pod  *corev1.Pod
	c    *corev1.Container
	opts *Options
}

// A change is one step of a profile.
type change func(e *edit)

var netCapabilities = addCapabilities("NET_ADMIN", "NET_RAW")

// profiles holds, for each profile and journey, the changes in the order they apply.
// A journey missing from a profile's map is left as it is.
var profiles = map[string]map[session.Mode][]change{
	Legacy: {
		session.ModeNode: {useHostNamespaces, mountHostRoot},
		session.ModeCopy: {stripLabels},
	},
	General: {
		session.ModeNode:      {clearSecurityContext, useHostNamespaces, mountHostRoot},
		session.ModeCopy:      {strip, addCapabilities("SYS_PTRACE"), shareProcesses},
		session.ModeEphemeral: {addCapabilities("SYS_PTRACE")},
	},
	Baseline: {
		session.ModeNode:      {clearSecurityContext},
		session.ModeCopy:      {clearSecurityContext, strip, shareProcesses},
		session.ModeEphemeral: {clearSecurityContext},
	},
	Restricted: {
		session.ModeNode:      {restrict},
		session.ModeCopy:      {restrict, strip, shareProcesses},
		session.ModeEphemeral: {restrict},
	},
	Netadmin: {
		session.ModeNode:      {netCapabilities, useHostNamespaces},
		session.ModeCopy:      {netCapabilities, strip, shareProcesses},
		session.ModeEphemeral: {netCapabilities},
	},
	Sysadmin: {
		session.ModeNode:      {setPrivileged, useHostNamespaces, mountHostRoot},
		session.ModeCopy:      {setPrivileged, strip, shareProcesses},
		session.ModeEphemeral: {setPrivileged},
	},
}
