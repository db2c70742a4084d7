package spec

import (
	"regexp"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/validation"
)

var debuggerName = regexp.MustCompile(`^debugger-[a-z0-9]{5}$`)

func TestRandomSuffix(t *testing.T) {
	for range 100 {
		if name := "debugger-" + randomSuffix(suffixLen); !debuggerName.MatchString(name) {
			t.Fatalf("random name %q does not match %v", name, debuggerName)
		}
	}
}

// TestEphemeralNameRetries uses pod.json, which has init1, init2, app and the ephemeral
// debugger-abcde; the name source offers abcde first.
func TestEphemeralNameRetries(t *testing.T) {
	s, notes := mustRun(t, "-f", "testdata/pod.json", "--image=busybox")
	taken := []string{"init1", "init2", "app", "debugger-abcde"}
	if !debuggerName.MatchString(s.Spec.Container) || contains(strings.Join(taken, " "),
		s.Spec.Container) {
		t.Errorf("container = %q, want a name matching %v other than %q", s.Spec.Container,
			debuggerName, taken)
	}
	if s.Spec.Container != "debugger-fghij" {
		t.Errorf("container = %q, want debugger-fghij, the source's second offer",
			s.Spec.Container)
	}
	if !contains(notes, "container="+s.Spec.Container) {
		t.Errorf("notes = %q, want the generated name", notes)
	}
}

func TestContainerNameGivesUp(t *testing.T) {
	o := &Options{NameSuffix: sequence("abcde")}
	_, err := o.containerName(map[string]bool{"debugger-abcde": true}, "app")
	if err == nil || !contains(err.Error(), "give one with -c") {
		t.Errorf("containerName with a stuck source = %v, want an error suggesting -c", err)
	}
}

func TestNodePodName(t *testing.T) {
	long := strings.Repeat("a", 61) + "." + strings.Repeat("b", 63) + "." +
		strings.Repeat("c", 63) + "." + strings.Repeat("d", 63)
	tests := []struct {
		node string
		want string
	}{
		{"worker-1", "node-debugger-worker-1-abcde"},
		{"ip-10-0-0-1.ec2.internal", "node-debugger-ip-10-0-0-1-ec2-internal-abcde"},
		{long, "node-debugger-" + strings.Repeat("a", 43) + "-abcde"},
		// The cut falls right after a dot: neither it nor a dash may end the middle.
		{strings.Repeat("x", 42) + ".y", "node-debugger-" + strings.Repeat("x", 42) + "-abcde"},
		{strings.Repeat("x", 41) + "--y", "node-debugger-" + strings.Repeat("x", 41) + "-abcde"},
	}
	for _, tt := range tests {
		o := &Options{NameSuffix: sequence("abcde")}
		got := o.nodePodName(tt.node)
		if got != tt.want {
			t.Errorf("nodePodName(%q) = %q, want %q", tt.node, got, tt.want)
		}
		if errs := validation.IsDNS1123Label(got); len(errs) > 0 {
			t.Errorf("nodePodName(%q) = %q, not a DNS label: %v", tt.node, got, errs)
		}
	}
	if len(long) != 253 {
		t.Fatalf("test node name has %d characters, want 253", len(long))
	}
}

func TestNodePodNameFromFile(t *testing.T) {
	s, _ := mustRun(t, "-f", "testdata/node-long.json", "--image=busybox")
	name := s.Spec.Pod.Name
	if len(s.Spec.Target.Name) != 253 {
		t.Fatalf("node-long.json's node has %d characters, want 253", len(s.Spec.Target.Name))
	}
	if errs := validation.IsDNS1123Label(name); len(errs) > 0 || len(name) > 63 {
		t.Errorf("node pod name %q (%d characters) is not a DNS label: %v", name, len(name), errs)
	}
}

func TestContainerNames(t *testing.T) {
	pod := &corev1.Pod{Spec: corev1.PodSpec{
		InitContainers:      []corev1.Container{{Name: "i"}},
		Containers:          []corev1.Container{{Name: "c"}},
		EphemeralContainers: []corev1.EphemeralContainer{{}},
	}}
	pod.Spec.EphemeralContainers[0].Name = "e"
	got := containerNames(pod)
	for _, name := range []string{"i", "c", "e"} {
		if !got[name] {
			t.Errorf("containerNames = %v, want %q in it", got, name)
		}
	}
}
