package attach

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/fields"
	"k8s.io/client-go/kubernetes"

	"github.com/kdbg/kdbg/lib/session"
)

// maxEvents is how many of the pod's most recent events an error shows.
const maxEvents = 8

// withEvents appends the pod's recent events about the debug container, and about the
// pod as a whole, to err.
func withEvents(ctx context.Context, client kubernetes.Interface, s *session.DebugSession,
	err error) error {
	st := s.Status
	sel := fields.Set{"involvedObject.name": st.Name}
	if st.UID != "" {
		sel["involvedObject.uid"] = string(st.UID)
	}
	list, lerr := client.CoreV1().Events(st.Namespace).List(ctx,
		metav1.ListOptions{FieldSelector: sel.AsSelector().String()})
	if lerr != nil {
		return fmt.Errorf("%w\n(events could not be read: %v)", err, lerr)
	}
	lines := formatEvents(list.Items, st.Container)
	if len(lines) == 0 {
		return err
	}
	return fmt.Errorf("%w\nrecent events:\n  %s", err, strings.Join(lines, "\n  "))
}

// formatEvents returns the last events about container or the whole pod, oldest first.
func formatEvents(events []corev1.Event, container string) []string {
	var mine []corev1.Event
	for _, e := range events {
		fp := e.InvolvedObject.FieldPath
		if fp == "" || strings.HasSuffix(fp, "{"+container+"}") {
			mine = append(mine, e)
		}
	}
	sort.SliceStable(mine, func(i, j int) bool {
		return eventTime(mine[i]).Before(eventTime(mine[j]))
	})
	if len(mine) > maxEvents {
		mine = mine[len(mine)-maxEvents:]
	}
	lines := make([]string, 0, len(mine))
	for _, e := range mine {
		line := fmt.Sprintf("%s %s: %s", e.Type, e.Reason, strings.TrimSpace(e.Message))
		if e.Count > 1 {
			line += fmt.Sprintf(" (x%d)", e.Count)
		}
		lines = append(lines, line)
	}
	return lines
}

func eventTime(e corev1.Event) time.Time {
	switch {
	case !e.LastTimestamp.IsZero():
		return e.LastTimestamp.Time
	case !e.EventTime.IsZero():
		return e.EventTime.Time
	}
	return e.CreationTimestamp.Time
}
