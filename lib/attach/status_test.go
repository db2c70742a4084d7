package attach

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	corev1 "k8s.io/api/core/v1"
)

func terminated(code int32) corev1.ContainerState {
	return corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{ExitCode: code}}
}

var running = corev1.ContainerState{Running: &corev1.ContainerStateRunning{}}

func waiting(reason string) corev1.ContainerState {
	return corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: reason}}
}

func TestEnded(t *testing.T) {
	tests := []struct {
		name   string
		pod    corev1.PodStatus
		want   *int32 // exit code, nil while not ended
		starts bool
	}{{
		name: "ephemeral exited 3",
		pod: corev1.PodStatus{
			ContainerStatuses: []corev1.ContainerStatus{{Name: "app", State: running}},
			EphemeralContainerStatuses: []corev1.ContainerStatus{
				{Name: "other", State: terminated(0)},
				{Name: "debugger", State: terminated(3)},
			},
		},
		want: ptr(3), starts: true,
	}, {
		name: "copy container running",
		pod: corev1.PodStatus{ContainerStatuses: []corev1.ContainerStatus{
			{Name: "debugger", State: running},
		}},
		starts: true,
	}, {
		name: "restarted after exit 2",
		pod: corev1.PodStatus{ContainerStatuses: []corev1.ContainerStatus{{
			Name: "debugger", State: waiting("CrashLoopBackOff"),
			LastTerminationState: terminated(2),
		}}},
		want: ptr(2), starts: true,
	}, {
		name: "still creating",
		pod: corev1.PodStatus{EphemeralContainerStatuses: []corev1.ContainerStatus{
			{Name: "debugger", State: waiting("ContainerCreating")},
		}},
	}, {
		name: "no status yet",
		pod:  corev1.PodStatus{},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := containerStatus(&corev1.Pod{Status: tt.pod}, "debugger")
			var got *int32
			if e := ended(st); e != nil {
				got = &e.ExitCode
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ended() exit code mismatch (-want +got):\n%s", diff)
			}
			if s := started(st); s != tt.starts {
				t.Errorf("started() = %v, want %v", s, tt.starts)
			}
		})
	}
}

func ptr(i int32) *int32 { return &i }

func TestWaiterCheck(t *testing.T) {
	var logs bytes.Buffer
	w := &waiter{container: "debugger", log: slog.New(slog.NewTextHandler(&logs, nil))}
	pod := func(state corev1.ContainerState) *corev1.Pod {
		return &corev1.Pod{Status: corev1.PodStatus{Phase: corev1.PodRunning,
			EphemeralContainerStatuses: []corev1.ContainerStatus{{Name: "debugger", State: state}}}}
	}
	steps := []struct {
		pod     *corev1.Pod
		done    bool
		wantErr string
	}{
		{&corev1.Pod{}, false, ""},
		{pod(waiting("ContainerCreating")), false, ""},
		{pod(waiting("ContainerCreating")), false, ""},
		{pod(running), true, ""},
		{pod(waiting("ErrImagePull")), false, `container "debugger" cannot start: ErrImagePull`},
	}
	for i, s := range steps {
		done, err := w.check(s.pod)
		if done != s.done || (err == nil) != (s.wantErr == "") ||
			(err != nil && !strings.HasPrefix(err.Error(), s.wantErr)) {
			t.Errorf("step %d: check() = %v, %v, want %v, %q", i, done, err, s.done, s.wantErr)
		}
	}
	if n := strings.Count(logs.String(), "ContainerCreating"); n != 1 {
		t.Errorf("ContainerCreating reported %d times, want once:\n%s", n, logs.String())
	}
}

func TestEndedSince(t *testing.T) {
	st := &corev1.ContainerStatus{Name: "debugger", State: running, RestartCount: 1,
		LastTerminationState: terminated(4)}
	if got := endedSince(st, 1); got != nil {
		t.Errorf("endedSince(restarted before the session) = %v, want nil", got)
	}
	if got := endedSince(st, 0); got == nil || got.ExitCode != 4 {
		t.Errorf("endedSince(restarted during the session) = %v, want exit code 4", got)
	}
}
