package submit

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	corev1 "k8s.io/api/core/v1"

	"github.com/kdbg/kdbg/lib/session"
)

// ephemeralSession returns a session whose pod already has an ephemeral container
// "old", so the test can tell that the patch leaves it out.
func ephemeralSession() *session.DebugSession {
	s := session.New(session.ModeEphemeral)
	s.Spec.Target = session.Target{Kind: session.TargetPod, Namespace: "x", Name: "web"}
	s.Spec.Container = "debugger-abcde"
	s.Spec.Pod = corev1.Pod{}
	s.Spec.Pod.Name, s.Spec.Pod.Namespace = "web", "x"
	s.Spec.Pod.Spec.Containers = []corev1.Container{{Name: "app", Image: "demo"}}
	s.Spec.Pod.Spec.EphemeralContainers = []corev1.EphemeralContainer{
		{EphemeralContainerCommon: corev1.EphemeralContainerCommon{Name: "old", Image: "bb"}},
		{
			EphemeralContainerCommon: corev1.EphemeralContainerCommon{
				Name: "debugger-abcde", Image: "busybox", Stdin: true, TTY: true,
			},
			TargetContainerName: "app",
		},
	}
	return s
}

func TestEphemeralPatch(t *testing.T) {
	patch, err := ephemeralPatch(ephemeralSession())
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(patch, &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"spec": map[string]any{"ephemeralContainers": []any{
		map[string]any{
			"name": "debugger-abcde", "image": "busybox", "stdin": true, "tty": true,
			"targetContainerName": "app", "resources": map[string]any{},
		},
	}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ephemeralPatch() mismatch (-want +got):\n%s", diff)
	}
}

func TestCheckNew(t *testing.T) {
	pod := &corev1.Pod{}
	pod.Name = "web"
	pod.Status.EphemeralContainerStatuses = []corev1.ContainerStatus{{Name: "old"}}
	if err := checkNew(pod, "debugger-abcde"); err != nil {
		t.Errorf("checkNew(new container) = %v, want nil", err)
	}
	want := `pod "web" already has an ephemeral container "old" from an earlier session: ` +
		"choose another name (-c), or attach to that one"
	if err := checkNew(pod, "old"); err == nil || err.Error() != want {
		t.Errorf("checkNew(existing container) = %v, want %s", err, want)
	}
}
