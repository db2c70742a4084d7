package spec

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	corev1 "k8s.io/api/core/v1"

	"github.com/kdbg/kdbg/lib/cli"
	"github.com/kdbg/kdbg/lib/session"
)

func TestCopyDropsEphemeralAndIdentity(t *testing.T) {
	s, _ := mustRun(t, "-f", "testdata/pod.json", "--copy-to=app-debug", "--image=busybox")
	p := s.Spec.Pod
	if n := len(p.Spec.EphemeralContainers); n != 0 {
		t.Errorf("copy has %d ephemeral containers, want 0", n)
	}
	if s.Spec.Container == "debugger-abcde" || !debuggerName.MatchString(s.Spec.Container) {
		t.Errorf("copy's container = %q, want a fresh debugger-xxxxx", s.Spec.Container)
	}
	got := []any{p.Name, p.Namespace, string(p.UID), p.ResourceVersion, p.GenerateName,
		p.CreationTimestamp.IsZero(), len(p.OwnerReferences), len(p.ManagedFields),
		p.Status.Phase, p.Spec.NodeName, p.Spec.ShareProcessNamespace == nil,
		p.Labels["app"], p.Annotations["note"], s.Spec.Replace}
	want := []any{"app-debug", "shop", "", "", "", true, 0, 0,
		corev1.PodPhase(""), "", true, "shop", "kept", false}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("copy metadata mismatch (-want +got):\n%s", diff)
	}
	target := session.Target{Kind: "Pod", Namespace: "shop", Name: "app",
		UID: "0d6f3c1e-4b7a-4a8e-9a53-2f6a1c0b7e11", ResourceVersion: "4711"}
	if diff := cmp.Diff(target, s.Spec.Target); diff != "" {
		t.Errorf("target mismatch (-want +got):\n%s", diff)
	}
}

func TestCopyFlags(t *testing.T) {
	s, _ := mustRun(t, "-f", "testdata/pod.json", "--copy-to=c", "--image=b", "--same-node",
		"--share-processes", "--replace")
	p := s.Spec.Pod.Spec
	share := p.ShareProcessNamespace != nil && *p.ShareProcessNamespace
	if p.NodeName != "worker-1" || !share || !s.Spec.Replace {
		t.Errorf("copy nodeName=%q shareProcessNamespace=%v replace=%v, want worker-1 true true",
			p.NodeName, p.ShareProcessNamespace, s.Spec.Replace)
	}
}

func TestCopySetImageEverywhere(t *testing.T) {
	s, notes := mustRun(t, "-f", "testdata/pod-two.json", "--copy-to=x", "--set-image=*=ubuntu")
	var images []string
	for _, c := range s.Spec.Pod.Spec.Containers {
		images = append(images, c.Name+"="+c.Image)
	}
	if diff := cmp.Diff([]string{"app=ubuntu", "sidecar=ubuntu"}, images); diff != "" {
		t.Errorf("images mismatch (-want +got):\n%s", diff)
	}
	if notes != "" {
		t.Errorf("notes = %q, want none: no container was named", notes)
	}
	if s.Spec.Container != "app" {
		t.Errorf("container = %q, want app, the first", s.Spec.Container)
	}
}

func TestCopySetImageByName(t *testing.T) {
	s, _ := mustRun(t, "-f", "testdata/pod-two.json", "--copy-to=x",
		"--set-image=*=ubuntu,sidecar=envoy:dbg")
	got := s.Spec.Pod.Spec.Containers[0].Image + " " + s.Spec.Pod.Spec.Containers[1].Image
	if got != "ubuntu envoy:dbg" {
		t.Errorf("images = %q, want %q", got, "ubuntu envoy:dbg")
	}
}

func TestCopyContainerCommand(t *testing.T) {
	tests := []struct {
		args    []string
		command []string
		cargs   []string
	}{
		{[]string{"-c", "app"}, []string{"nginx"}, []string{"-g", "daemon off;"}},
		{[]string{"-c", "app", "--", "sh"}, []string{"sh"}, nil},
		{[]string{"-c", "app", "--arguments-only", "--", "-T"}, []string{"nginx"},
			[]string{"-T"}},
	}
	for _, tt := range tests {
		args := append([]string{"-f", "testdata/pod.json", "--copy-to=c", "--image=nginx:debug"},
			tt.args...)
		s, _ := mustRun(t, args...)
		c := s.DebugContainer()
		if s.Spec.Container != "app" || len(s.Spec.Pod.Spec.Containers) != 1 {
			t.Fatalf("Run(%q) container = %q in %d containers, want app alone", args,
				s.Spec.Container, len(s.Spec.Pod.Spec.Containers))
		}
		got := []any{c.Image, c.Command, c.Args}
		want := []any{"nginx:debug", tt.command, tt.cargs}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Run(%q) mismatch (-want +got):\n%s", args, diff)
		}
	}
}

func TestEnv(t *testing.T) {
	env := []string{"--env", "PORT=8080", "--env", "NEW=a=b", "--env", "LIST=x,y"}
	tests := []struct {
		name string
		args []string
		want []corev1.EnvVar
	}{
		{"ephemeral", []string{"--image=b"}, []corev1.EnvVar{
			{Name: "PORT", Value: "8080"}, {Name: "NEW", Value: "a=b"},
			{Name: "LIST", Value: "x,y"},
		}},
		{"copy merges by name", []string{"--copy-to=c", "-c", "app", "--image=b"}, []corev1.EnvVar{
			{Name: "MODE", Value: "prod"}, {Name: "PORT", Value: "8080"},
			{Name: "NEW", Value: "a=b"}, {Name: "LIST", Value: "x,y"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append(append([]string{"-f", "testdata/pod.json"}, tt.args...), env...)
			s, _ := mustRun(t, args...)
			if diff := cmp.Diff(tt.want, s.DebugContainer().Env); diff != "" {
				t.Errorf("env mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCopyNewContainer(t *testing.T) {
	s, notes := mustRun(t, "-f", "testdata/pod-two.json", "--copy-to=c", "--image=b",
		"-c", "shell", "-it")
	c := s.DebugContainer()
	got := []any{s.Spec.Container, len(s.Spec.Pod.Spec.Containers), c.Image, c.Stdin, c.TTY,
		c.TerminationMessagePolicy, notes}
	want := []any{"shell", 3, "b", true, true, corev1.TerminationMessageReadFile, ""}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("new container mismatch (-want +got):\n%s", diff)
	}
}

func TestTarget(t *testing.T) {
	tests := []struct {
		name   string
		file   string
		args   []string
		target string
		note   string
	}{
		{"only container", "pod.json", nil, "app", "targeting the pod's default container"},
		{"annotation", "pod-annotated.json", nil, "sidecar", "default container"},
		{"two containers", "pod-two.json", nil, "", ""},
		{"opt out", "pod.json", []string{"--target="}, "", ""},
		{"explicit", "pod-two.json", []string{"--target=sidecar"}, "sidecar",
			"targeting container"},
		{"init container", "pod.json", []string{"--target=init2"}, "init2",
			"targeting container"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"-f", "testdata/" + tt.file, "--image=b", "-c", "dbg"},
				tt.args...)
			s, notes := mustRun(t, args...)
			if got := s.EphemeralContainer().TargetContainerName; got != tt.target {
				t.Errorf("targetContainerName = %q, want %q", got, tt.target)
			}
			if tt.note == "" && notes != "" || !contains(notes, tt.note) {
				t.Errorf("notes = %q, want %q", notes, tt.note)
			}
		})
	}
}

func TestBuildErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-f", "testdata/pod-two.json", "--image=b", "--target=nope"},
			`--target "nope" is not a container of pod "web": choose one of app, sidecar`},
		{[]string{"-f", "testdata/pod.json", "--image=b", "-c", "debugger-abcde"},
			`pod "app" already has a container "debugger-abcde"`},
		{[]string{"-f", "testdata/pod.json", "--image=b", "-c", "init1", "--copy-to=c"},
			`copying pod "app": -c "init1" is an init container`},
		{[]string{"-f", "testdata/pod-two.json", "-c", "nope", "--copy-to=c", "--set-image=*=b"},
			`copying pod "web": -c "nope" is not a container: choose one of app, sidecar`},
		{[]string{"-f", "testdata/pod-two.json", "--copy-to=c", "--set-image=nope=b"},
			`--set-image names "nope", which is not a container`},
		{[]string{"-f", "testdata/node.json", "--copy-to=c", "--image=b"},
			`--copy-to cannot be used with node "worker-1.example.com"`},
		{[]string{"-f", "testdata/list.json", "--copy-to=c", "--image=b"},
			"--copy-to names one copy, but -f holds 3 objects"},
		{[]string{"-f", "testdata/pod.json", "--image=b", "-n", "other"},
			`pod "app" is in namespace "shop", not "other" as -n says`},
		{[]string{"-f", "testdata/service.json", "--image=b"},
			`kind "Service" cannot be debugged`},
		{[]string{"-f", "testdata/missing.json", "--image=b"}, "missing.json"},
	}
	for _, tt := range tests {
		r := runOffline(t, "", tt.args...)
		if cli.Code(r.err) != cli.ExitUsage || !contains(r.err.Error(), tt.want) {
			t.Errorf("Run(%q) = %v, want a usage error containing %q", tt.args, r.err, tt.want)
		}
	}
}

func TestNode(t *testing.T) {
	s, notes := mustRun(t, "-f", "testdata/node.json", "--image=busybox", "-n", "ops",
		"--env", "A=1", "--image-pull-policy=Never")
	p := s.Spec.Pod
	c := s.DebugContainer()
	got := []any{p.Namespace, p.Spec.NodeName, p.Spec.RestartPolicy, p.Spec.Tolerations,
		p.Labels, s.Spec.Container, c.ImagePullPolicy, c.Env, p.Spec.HostPID,
		len(p.Spec.Volumes), s.Spec.Target.Kind, s.Spec.Target.Namespace}
	want := []any{"ops", "worker-1.example.com", corev1.RestartPolicyNever,
		[]corev1.Toleration{{Operator: corev1.TolerationOpExists}},
		map[string]string{"app.kubernetes.io/managed-by": "kdbg"}, "debugger",
		corev1.PullNever, []corev1.EnvVar{{Name: "A", Value: "1"}}, false, 0, "Node", ""}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("node session mismatch (-want +got):\n%s", diff)
	}
	if !contains(notes, p.Name) {
		t.Errorf("notes = %q, want the pod's name %q", notes, p.Name)
	}
}

func TestQuietLoggerDropsNotes(t *testing.T) {
	o, kf, err := parse(t, "-f", "testdata/pod.json", "--image=b")
	if err != nil {
		t.Fatal(err)
	}
	var notes strings.Builder
	if _, err := Run(t.Context(), o, kf, nil, cli.NewLogger(&notes, true, false)); err != nil {
		t.Fatal(err)
	}
	if notes.String() != "" {
		t.Errorf("quiet notes = %q, want none", notes.String())
	}
}
