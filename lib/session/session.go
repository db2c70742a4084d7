// Package session defines the DebugSession, the JSON object that every kdbg command reads
// from stdin and writes to stdout. It is the project's public contract: a pipeline may mix
// kdbg steps with jq or a CI job's own tools, so the shape is versioned, documented in
// docs/contract.md, and decoded strictly.
package session

import (
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/types"
)

// APIVersion and Kind identify a DebugSession on the wire.
const (
	APIVersion = "kdbg/v1alpha1"
	Kind       = "DebugSession"
)

// Mode says which of the three debugging journeys a session takes.
type Mode string

// The journeys: a container added to a running pod, a changed copy of a pod, or a pod in
// a node's host namespaces.
const (
	ModeEphemeral Mode = "ephemeral"
	ModeCopy      Mode = "copy"
	ModeNode      Mode = "node"
)

// Modes lists every valid mode in a stable order, for messages and the schema.
var Modes = []Mode{ModeEphemeral, ModeCopy, ModeNode}

// DebugSession is one debugging session as it travels through the pipeline: kdbg-spec
// creates it, kdbg-profile refines spec.pod, kdbg-submit fills status, kdbg-attach uses it.
type DebugSession struct {
	APIVersion string  `json:"apiVersion" jsonschema:"enum=kdbg/v1alpha1"`
	Kind       string  `json:"kind" jsonschema:"enum=DebugSession"`
	Spec       Spec    `json:"spec"`
	Status     *Status `json:"status,omitempty"`
}

// Spec is everything needed to create the session's container or pod.
type Spec struct {
	// Mode is the journey: ephemeral, copy or node.
	Mode Mode `json:"mode" jsonschema:"enum=ephemeral,enum=copy,enum=node"`
	// Target is the object being debugged, as it was read.
	Target Target `json:"target"`
	// Container is the debug container's name; for a copy that changes an existing
	// container, that container's name.
	Container string `json:"container"`
	// Pod is the complete Pod the session produces. Ephemeral: the target pod, without
	// status and managedFields, with the debug container appended to
	// spec.ephemeralContainers. Copy: the copy. Node: the node debug pod.
	Pod corev1.Pod `json:"pod"`
	// Attach says how kdbg-attach connects to the container.
	Attach Attach `json:"attach"`
	// Replace asks kdbg-submit to delete the original pod once its copy exists.
	Replace bool `json:"replace,omitempty"`
	// Profile records the debugging profile applied by kdbg-profile; empty before.
	Profile *Profile `json:"profile,omitempty"`
}

// Target identifies the pod or node being debugged.
type Target struct {
	Kind            string    `json:"kind" jsonschema:"enum=Pod,enum=Node"`
	Namespace       string    `json:"namespace,omitempty"`
	Name            string    `json:"name"`
	UID             types.UID `json:"uid,omitempty"`
	ResourceVersion string    `json:"resourceVersion,omitempty"`
}

// Target kinds.
const (
	TargetPod  = "Pod"
	TargetNode = "Node"
)

// Attach holds the terminal settings of the debug container, as kubectl's -i and -t.
type Attach struct {
	Stdin bool `json:"stdin,omitempty"`
	TTY   bool `json:"tty,omitempty"`
}

// Profile records which debugging profile was applied to spec.pod.
type Profile struct {
	// Name is the profile: legacy, general, baseline, restricted, netadmin or sysadmin.
	Name string `json:"name"`
	// Custom is true when a custom partial container spec was merged after the profile.
	Custom bool `json:"custom,omitempty"`
}

// Status is written by the steps that talk to a cluster.
type Status struct {
	// Namespace, Name and UID identify the pod that runs the debug container.
	Namespace string    `json:"namespace,omitempty"`
	Name      string    `json:"name,omitempty"`
	UID       types.UID `json:"uid,omitempty"`
	// Container is the debug container's name in that pod.
	Container string `json:"container,omitempty"`
	// ResourceVersion is the pod's resourceVersion after kdbg-submit's write; kdbg-attach
	// watches from it.
	ResourceVersion string `json:"resourceVersion,omitempty"`
	// DryRun is "client" or "server" when the session was only checked, not created.
	DryRun string `json:"dryRun,omitempty" jsonschema:"enum=client,enum=server"`
	// ExitCode is the debug container's exit code, once kdbg-attach saw it end.
	ExitCode *int32 `json:"exitCode,omitempty"`
}

// New returns a session of the given mode with apiVersion and kind set.
func New(mode Mode) *DebugSession {
	return &DebugSession{APIVersion: APIVersion, Kind: Kind, Spec: Spec{Mode: mode}}
}
