package spec

import (
	"slices"
	"strings"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/validation"

	"github.com/kdbg/kdbg/lib/cli"
)

// Validate checks the options as kubectl debug does, naming the flags in each conflict.
// It has no side effects. The checks that need the target, such as whether --target
// names one of its containers, happen in Run.
func (o *Options) Validate() error {
	checks := []func() error{
		o.validateTarget, o.validateNode, o.validateCopy, o.validateImages,
		o.validateAttach, o.validateNames,
	}
	for _, check := range checks {
		if err := check(); err != nil {
			return err
		}
	}
	return nil
}

func (o *Options) validateTarget() error {
	switch {
	case o.positional == 0 && len(o.Filenames) == 0:
		return cli.Usagef("give the pod or node to debug: POD, pod/NAME, node/NAME or -f FILE")
	case o.positional > 0 && len(o.Filenames) > 0:
		return cli.Usagef("give %s/%s or -f, not both", o.Resource, o.Name)
	case o.positional > 1:
		return cli.Usagef("debug one target at a time (got %d); use -f with a List for many",
			o.positional)
	case countOf(o.Filenames, "-") > 1:
		return cli.Usagef("-f - may be given once: stdin can be read only once")
	case slices.Contains(o.Filenames, ""):
		return cli.Usagef("-f needs a file name, or - for stdin")
	}
	return nil
}

// validateNode refuses the flags that make no sense for a node. With -f the kind is known
// only once the file is read, so Run checks the same again per object.
func (o *Options) validateNode() error {
	if o.Resource != "node" {
		return nil
	}
	return o.nodeConflict(o.Name)
}

func (o *Options) nodeConflict(node string) error {
	flag := ""
	switch {
	case o.CopyTo != "":
		flag = "--copy-to"
	case o.Target != "":
		flag = "--target"
	case len(o.SetImages) > 0:
		flag = "--set-image"
	default:
		return nil
	}
	return cli.Usagef("%s cannot be used with node %q: it applies to pods only", flag, node)
}

func (o *Options) validateCopy() error {
	if o.CopyTo != "" {
		return o.validateCopyTo()
	}
	switch {
	case o.Replace:
		return cli.Usagef("--replace may only be used with --copy-to")
	case o.SameNode:
		return cli.Usagef("--same-node may only be used with --copy-to")
	case len(o.SetImages) > 0:
		return cli.Usagef("--set-image may only be used with --copy-to")
	case o.shareProcsSet:
		return cli.Usagef("--share-processes may only be used with --copy-to")
	case o.Image == "":
		return cli.Usagef("--image is required without --copy-to: give the debug container's image")
	}
	return nil
}

func (o *Options) validateCopyTo() error {
	switch {
	case o.Target != "":
		return cli.Usagef("--target cannot be used with --copy-to: " +
			"use --share-processes to see the other containers' processes")
	case o.Image == "" && len(o.SetImages) == 0 && len(o.Args) == 0:
		return cli.Usagef("--copy-to needs --image, --set-image or a command after --")
	case len(o.Args) > 0 && o.Container == "" && o.Image == "":
		return cli.Usagef("a command with --copy-to needs -c naming an existing container, " +
			"or --image for a new one")
	}
	if errs := validation.IsDNS1123Subdomain(o.CopyTo); len(errs) > 0 {
		return cli.Usagef("--copy-to %q is not a valid pod name: %s", o.CopyTo,
			strings.Join(errs, "; "))
	}
	return nil
}

func (o *Options) validateImages() error {
	if o.Image != "" && !validImage(o.Image) {
		return cli.Usagef("--image %q is not a valid image reference", o.Image)
	}
	for _, name := range sortedKeys(o.SetImages) {
		image := o.SetImages[name]
		if name == "" {
			return cli.Usagef("--set-image %q: want NAME=IMAGE or *=IMAGE", "="+image)
		}
		if !validImage(image) {
			return cli.Usagef("--set-image %s=%s: %q is not a valid image reference",
				name, image, image)
		}
	}
	switch corev1.PullPolicy(o.PullPolicy) {
	case "", corev1.PullAlways, corev1.PullIfNotPresent, corev1.PullNever:
		return nil
	}
	return cli.Usagef("--image-pull-policy %q: want Always, IfNotPresent or Never", o.PullPolicy)
}

func (o *Options) validateAttach() error {
	switch {
	case o.TTY && !o.Interactive:
		return cli.Usagef("-t/--tty needs -i/--stdin: add -i")
	case o.ArgsOnly && len(o.Args) == 0:
		return cli.Usagef("--arguments-only needs the arguments after --")
	}
	return nil
}

func (o *Options) validateNames() error {
	if o.Container == "" {
		return nil
	}
	if errs := validation.IsDNS1123Label(o.Container); len(errs) > 0 {
		return cli.Usagef("-c/--container %q is not a valid container name: %s", o.Container,
			strings.Join(errs, "; "))
	}
	return nil
}

func countOf(list []string, s string) int {
	n := 0
	for _, x := range list {
		if x == s {
			n++
		}
	}
	return n
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
