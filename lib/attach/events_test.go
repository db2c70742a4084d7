package attach

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func TestFormatEvents(t *testing.T) {
	at := func(sec int) metav1.Time { return metav1.NewTime(time.Unix(int64(sec), 0)) }
	ev := func(sec int, fieldPath, reason, msg string, count int32) corev1.Event {
		return corev1.Event{
			InvolvedObject: corev1.ObjectReference{FieldPath: fieldPath},
			Type:           "Normal", Reason: reason, Message: msg, Count: count,
			LastTimestamp: at(sec),
		}
	}
	events := []corev1.Event{
		ev(3, "spec.ephemeralContainers{debugger}", "BackOff", "Back-off pulling", 2),
		ev(1, "", "Scheduled", "assigned to kdbg-node", 1),
		ev(2, "spec.ephemeralContainers{debugger}", "Pulling", "Pulling image", 1),
		ev(2, "spec.ephemeralContainers{other}", "Pulling", "not mine", 1),
	}
	want := []string{
		"Normal Scheduled: assigned to kdbg-node",
		"Normal Pulling: Pulling image",
		"Normal BackOff: Back-off pulling (x2)",
	}
	if diff := cmp.Diff(want, formatEvents(events, "debugger")); diff != "" {
		t.Errorf("formatEvents() mismatch (-want +got):\n%s", diff)
	}
}
