package spec

import (
	"fmt"
	"math/rand/v2"
	"strings"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/validation"
)

// suffixAlphabet is kubectl's: lower-case letters and digits without vowels and the
// look-alikes 0, 1 and 3, so that generated names spell no words.
const suffixAlphabet = "bcdfghjklmnpqrstvwxz2456789"

// suffixLen is the length of the random part of generated names.
const suffixLen = 5

// maxNameTries bounds the retries for a free container name; a clash is rare, so running
// out means the name source is broken.
const maxNameTries = 100

func randomSuffix(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = suffixAlphabet[rand.IntN(len(suffixAlphabet))]
	}
	return string(b)
}

// containerName returns "debugger-xxxxx", not among taken, for the pod named pod.
func (o *Options) containerName(taken map[string]bool, pod string) (string, error) {
	for range maxNameTries {
		name := "debugger-" + o.NameSuffix(suffixLen)
		if !taken[name] {
			return name, nil
		}
	}
	return "", fmt.Errorf("finding a free debug container name in pod %q: "+
		"%d tries clashed; give one with -c", pod, maxNameTries)
}

// containerNames returns the names of pod's containers, init and ephemeral containers.
func containerNames(pod *corev1.Pod) map[string]bool {
	names := map[string]bool{}
	for _, c := range pod.Spec.Containers {
		names[c.Name] = true
	}
	for _, c := range pod.Spec.InitContainers {
		names[c.Name] = true
	}
	for _, c := range pod.Spec.EphemeralContainers {
		names[c.Name] = true
	}
	return names
}

// nodePodName returns "node-debugger-<node>-xxxxx" as a DNS label: the node's name is cut
// so the whole fits 63 characters, and its dots become dashes, because the kubelet makes
// the pod's hostname from its name and a hostname is one label.
func (o *Options) nodePodName(node string) string {
	const prefix = "node-debugger-"
	room := validation.DNS1123LabelMaxLength - len(prefix) - 1 - suffixLen
	middle := strings.ReplaceAll(strings.ToLower(node), ".", "-")
	if len(middle) > room {
		middle = middle[:room]
	}
	middle = strings.TrimRight(middle, "-.")
	if middle == "" {
		return prefix + o.NameSuffix(suffixLen)
	}
	return prefix + middle + "-" + o.NameSuffix(suffixLen)
}
