package attach

import (
	"bytes"
	"testing"

	corev1 "k8s.io/api/core/v1"

	"github.com/kdbg/kdbg/lib/session"
)

func TestWaitOnlyRecordsExitCode(t *testing.T) {
	for _, tt := range []struct {
		name  string
		state corev1.ContainerState
		want  int
	}{
		{"running", corev1.ContainerState{Running: &corev1.ContainerStateRunning{}}, 0},
		{"ended", corev1.ContainerState{
			Terminated: &corev1.ContainerStateTerminated{ExitCode: 3}}, 3},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := session.New(session.ModeEphemeral)
			s.Status = &session.Status{Name: "app", Container: "dbg"}
			pod := &corev1.Pod{Status: corev1.PodStatus{EphemeralContainerStatuses: []corev1.
				ContainerStatus{{Name: "dbg", State: tt.state}}}}
			var out bytes.Buffer
			code, err := waitOnly(s, pod, Streams{Out: &out})
			if err != nil || code != tt.want {
				t.Fatalf("waitOnly() = %d, %v, want %d, nil", code, err, tt.want)
			}
			recorded := s.Status.ExitCode != nil
			if recorded != (tt.want != 0) || recorded && int(*s.Status.ExitCode) != tt.want {
				t.Errorf("status.exitCode = %v, want %d recorded only when ended",
					s.Status.ExitCode, tt.want)
			}
			if !bytes.Contains(out.Bytes(), []byte(`"container":"dbg"`)) {
				t.Errorf("waitOnly wrote %q, want the session", out.String())
			}
		})
	}
}
