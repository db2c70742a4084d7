// Package spec turns a kubectl-debug-style command line into DebugSessions: it reads the
// pod or node to debug, from a file or with one GET, and builds the pod that the session
// will create or patch, for each of the three journeys (ephemeral, copy, node).
package spec

import (
	"strings"

	"github.com/spf13/pflag"
	corev1 "k8s.io/api/core/v1"

	"github.com/kdbg/kdbg/lib/cli"
)

// Options are kubectl debug's flags, the target and the command after "--".
type Options struct {
	Image          string            // --image: the debug container's image
	Container      string            // -c: the debug container's name, or one to change
	Target         string            // --target: the container whose processes to see
	Env            []string          // --env: NAME=VALUE, in order
	PullPolicy     string            // --image-pull-policy
	Interactive    bool              // -i/--stdin
	TTY            bool              // -t/--tty
	ArgsOnly       bool              // --arguments-only
	CopyTo         string            // --copy-to: the copy's name; empty for no copy
	Replace        bool              // --replace
	SameNode       bool              // --same-node
	ShareProcesses bool              // --share-processes, used only when given
	SetImages      map[string]string // --set-image: container name or "*" to image
	Filenames      []string          // -f: files, "-" for stdin

	// Resource is the positional target: "pod", "node", or "" with -f. Name is its name.
	Resource string
	Name     string
	// Args is the command after "--", or its arguments with --arguments-only.
	Args []string

	// NameSuffix returns n random characters for generated names. Tests replace it.
	NameSuffix func(n int) string

	positional    int // arguments before "--"
	targetSet     bool
	shareProcsSet bool
	env           []corev1.EnvVar
}

// NewOptions returns Options with kubectl's defaults and a random name source.
func NewOptions() *Options {
	return &Options{ShareProcesses: true, NameSuffix: randomSuffix}
}

// AddFlags registers kubectl debug's flags on fs, except -q/--quiet, -v and the kubeconfig
// flags, which the command registers so that kdbg can bind several steps on one flag set.
func (o *Options) AddFlags(fs *pflag.FlagSet) {
	fs.StringVar(&o.Image, "image", o.Image, "container image to use for the debug container")
	fs.StringVarP(&o.Container, "container", "c", o.Container,
		"container name to use for the debug container")
	fs.StringVar(&o.Target, "target", o.Target, "when using an ephemeral container, "+
		"target processes in this container (default: the pod's only or default container)")
	fs.StringArrayVar(&o.Env, "env", o.Env,
		"NAME=VALUE environment variable to set in the container (repeatable)")
	fs.StringVar(&o.PullPolicy, "image-pull-policy", o.PullPolicy,
		"image pull policy: Always, IfNotPresent or Never (default: the server's)")
	fs.BoolVarP(&o.Interactive, "stdin", "i", o.Interactive,
		"keep stdin open on the container, even if nothing is attached")
	fs.BoolVarP(&o.TTY, "tty", "t", o.TTY, "allocate a TTY for the debug container")
	fs.BoolVar(&o.ArgsOnly, "arguments-only", o.ArgsOnly,
		"pass everything after -- to the container as args instead of command")
	fs.StringVar(&o.CopyTo, "copy-to", o.CopyTo, "create a copy of the target pod with this name")
	fs.BoolVar(&o.Replace, "replace", o.Replace, "with --copy-to, delete the original pod")
	fs.BoolVar(&o.SameNode, "same-node", o.SameNode,
		"with --copy-to, schedule the copy on the same node")
	fs.BoolVar(&o.ShareProcesses, "share-processes", o.ShareProcesses,
		"with --copy-to, enable process namespace sharing in the copy")
	fs.StringToStringVar(&o.SetImages, "set-image", o.SetImages, "with --copy-to, "+
		"name=image pairs changing container images, '*' for all (as kubectl set image)")
	fs.StringSliceVarP(&o.Filenames, "filename", "f", o.Filenames,
		"file holding the Pod, Node or List to debug, '-' for stdin (JSON or YAML)")
}

// Complete reads the target and the command after "--" from args (the flag set's
// positional arguments) and records which flags were given explicitly.
func (o *Options) Complete(fs *pflag.FlagSet, args []string) error {
	names, command := args, []string(nil)
	if dash := fs.ArgsLenAtDash(); dash >= 0 && dash <= len(args) {
		names, command = args[:dash], args[dash:]
	}
	o.Args = command
	o.positional = len(names)
	o.targetSet = fs.Changed("target")
	o.shareProcsSet = fs.Changed("share-processes")

	if len(names) > 0 {
		res, name, err := parseTarget(names[0])
		if err != nil {
			return err
		}
		o.Resource, o.Name = res, name
	}
	env, err := parseEnv(o.Env)
	if err != nil {
		return err
	}
	o.env = env
	return nil
}

// parseTarget splits "NAME", "pod/NAME" or "node/NAME", with kubectl's aliases.
func parseTarget(arg string) (resource, name string, err error) {
	kind, name, found := strings.Cut(arg, "/")
	if !found {
		return "pod", arg, nil
	}
	switch strings.ToLower(kind) {
	case "pod", "pods", "po":
		resource = "pod"
	case "node", "nodes", "no":
		resource = "node"
	default:
		return "", "", cli.Usagef("cannot debug %q: give POD, pod/NAME or node/NAME", arg)
	}
	if name == "" {
		return "", "", cli.Usagef("%q names no %s: give %s/NAME", arg, resource, resource)
	}
	return resource, name, nil
}

// parseEnv splits each NAME=VALUE on its first "=", keeping order; a repeated name keeps
// its first place and takes its last value.
func parseEnv(pairs []string) ([]corev1.EnvVar, error) {
	var env []corev1.EnvVar
	for _, p := range pairs {
		name, value, found := strings.Cut(p, "=")
		if !found || name == "" {
			return nil, cli.Usagef("--env %q: want NAME=VALUE", p)
		}
		env = mergeEnv(env, []corev1.EnvVar{{Name: name, Value: value}})
	}
	return env, nil
}

// mergeEnv sets each of add in env by name: an existing variable takes the new value in
// place, a new one is appended.
func mergeEnv(env, add []corev1.EnvVar) []corev1.EnvVar {
	for _, a := range add {
		i := indexEnv(env, a.Name)
		if i < 0 {
			env = append(env, a)
			continue
		}
		env[i] = a
	}
	return env
}

func indexEnv(env []corev1.EnvVar, name string) int {
	for i := range env {
		if env[i].Name == name {
			return i
		}
	}
	return -1
}
