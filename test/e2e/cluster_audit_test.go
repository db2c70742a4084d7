//go:build e2e

package e2e

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// auditEvent is the part of an apiserver audit event that tests count.
type auditEvent struct {
	Verb      string `json:"verb"`
	UserAgent string `json:"userAgent"`
	User      struct {
		Username string `json:"username"`
	} `json:"user"`
	ObjectRef struct {
		Resource    string `json:"resource"`
		Subresource string `json:"subresource"`
		Namespace   string `json:"namespace"`
		Name        string `json:"name"`
	} `json:"objectRef"`
	ResponseStatus struct {
		Code int `json:"code"`
	} `json:"responseStatus"`
}

func auditLogPath() string { return filepath.Join(clusterDir(), "audit.log") }

// auditMark returns the audit log's current size: events written after it
// belong to what the test does next.
func auditMark(t testing.TB) int64 {
	t.Helper()
	fi, err := os.Stat(auditLogPath())
	if err != nil {
		t.Fatalf("audit log: %v", err)
	}
	return fi.Size()
}

// auditEvents returns the events logged since mark whose user agent starts
// with agentPrefix (all of them when it is empty). The apiserver writes an
// event when a request completes; a short wait lets the last ones land.
func auditEvents(t testing.TB, mark int64, agentPrefix string) []auditEvent {
	t.Helper()
	time.Sleep(500 * time.Millisecond)
	f, err := os.Open(auditLogPath())
	if err != nil {
		t.Fatalf("audit log: %v", err)
	}
	defer f.Close()
	if _, err := f.Seek(mark, io.SeekStart); err != nil {
		t.Fatalf("audit log: %v", err)
	}

	var out []auditEvent
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var e auditEvent
		if json.Unmarshal(sc.Bytes(), &e) != nil {
			continue
		}
		if strings.HasPrefix(e.UserAgent, agentPrefix) {
			out = append(out, e)
		}
	}
	return out
}

// onObject keeps the events about the object with this name: tests share the
// cluster and the log, so counts should name what they count.
func onObject(es []auditEvent, name string) []auditEvent {
	var out []auditEvent
	for _, e := range es {
		if e.ObjectRef.Name == name {
			out = append(out, e)
		}
	}
	return out
}
