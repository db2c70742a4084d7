package submit

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/kubernetes/fake"
	k8stesting "k8s.io/client-go/testing"

	"github.com/kdbg/kdbg/lib/session"
)

func testLogger(buf *bytes.Buffer) *slog.Logger {
	return slog.New(slog.NewTextHandler(buf, nil))
}

func copySession(replace bool) *session.DebugSession {
	s := session.New(session.ModeCopy)
	s.Spec.Target = session.Target{Kind: session.TargetPod, Namespace: "x", Name: "web"}
	s.Spec.Container = "debugger"
	s.Spec.Replace = replace
	s.Spec.Pod.Name, s.Spec.Pod.Namespace = "web-debug", "x"
	s.Spec.Pod.Spec.Containers = []corev1.Container{{Name: "debugger", Image: "busybox"}}
	return s
}

func original(controlled bool) *corev1.Pod {
	p := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "web", Namespace: "x", UID: "u1"}}
	if controlled {
		yes := true
		p.OwnerReferences = []metav1.OwnerReference{
			{Kind: "ReplicaSet", Name: "web-5d9", Controller: &yes},
		}
	}
	return p
}

func TestSubmitClientDryRun(t *testing.T) {
	client := fake.NewClientset()
	s := ephemeralSession()
	o := NewOptions()
	o.DryRun = DryRunClient
	var logs bytes.Buffer
	if err := Submit(context.Background(), client, s, o, testLogger(&logs)); err != nil {
		t.Fatal(err)
	}
	want := &session.Status{Namespace: "x", Name: "web", Container: "debugger-abcde",
		DryRun: "client"}
	if diff := cmp.Diff(want, s.Status); diff != "" {
		t.Errorf("status mismatch (-want +got):\n%s", diff)
	}
	if n := len(client.Actions()); n != 0 {
		t.Errorf("client dry run made %d requests, want 0", n)
	}
}

func TestSubmitCopyReplace(t *testing.T) {
	client := fake.NewClientset(original(true))
	s := copySession(true)
	var logs bytes.Buffer
	if err := Submit(context.Background(), client, s, NewOptions(), testLogger(&logs)); err != nil {
		t.Fatal(err)
	}
	_, err := client.CoreV1().Pods("x").Get(context.Background(), "web", metav1.GetOptions{})
	if !apierrors.IsNotFound(err) {
		t.Errorf("original after replace: err = %v, want not found", err)
	}
	if s.Status.Name != "web-debug" || s.Status.Namespace != "x" {
		t.Errorf("status = %+v, want pod x/web-debug", s.Status)
	}
	if !strings.Contains(logs.String(), "ReplicaSet/web-5d9") {
		t.Errorf("logs = %q, want a warning naming the controller", logs.String())
	}
}

func TestSubmitCopyReplaceUndo(t *testing.T) {
	client := fake.NewClientset(original(false))
	client.PrependReactor("delete", "pods", func(a k8stesting.Action) (bool,
		runtime.Object, error) {
		if a.(k8stesting.DeleteAction).GetName() == "web" {
			return true, nil, apierrors.NewForbidden(schema.GroupResource{Resource: "pods"},
				"web", errors.New(`User "u" cannot delete resource "pods"`))
		}
		return false, nil, nil
	})
	var logs bytes.Buffer
	err := Submit(context.Background(), client, copySession(true), NewOptions(),
		testLogger(&logs))

	want := `user "u" cannot delete pods in namespace "x": ask an admin for a Role that ` +
		`grants "delete" on "pods" in that namespace`
	if err == nil || err.Error() != want {
		t.Errorf("Submit() = %v, want %s", err, want)
	}
	_, err = client.CoreV1().Pods("x").Get(context.Background(), "web-debug", metav1.GetOptions{})
	if !apierrors.IsNotFound(err) {
		t.Errorf("copy after failed replace: err = %v, want not found", err)
	}
}

func TestSubmitServerDryRun(t *testing.T) {
	client := fake.NewClientset()
	var dryRun []string
	client.PrependReactor("create", "pods", func(a k8stesting.Action) (bool,
		runtime.Object, error) {
		dryRun = a.(k8stesting.CreateActionImpl).GetCreateOptions().DryRun
		return false, nil, nil
	})
	s := copySession(false)
	o := NewOptions()
	o.DryRun = DryRunServer
	var logs bytes.Buffer
	if err := Submit(context.Background(), client, s, o, testLogger(&logs)); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"All"}, dryRun); diff != "" {
		t.Errorf("create DryRun mismatch (-want +got):\n%s", diff)
	}
	if s.Status.DryRun != DryRunServer {
		t.Errorf("status.dryRun = %q, want server", s.Status.DryRun)
	}
}

func TestValidate(t *testing.T) {
	for _, tt := range []struct {
		dryRun string
		ok     bool
	}{{"none", true}, {"client", true}, {"server", true}, {"", false}, {"always", false}} {
		o := &Options{DryRun: tt.dryRun}
		if err := o.Validate(); (err == nil) != tt.ok {
			t.Errorf("Validate() with --dry-run=%q = %v, want ok %v", tt.dryRun, err, tt.ok)
		}
	}
}

func TestWarnController(t *testing.T) {
	labels := map[string]string{"app": "web"}
	tests := []struct {
		name       string
		controlled bool
		copyLabels map[string]string
		replace    bool
		want       []string // the warnings' first words
	}{
		{"no controller", false, labels, true, nil},
		{"same labels", true, labels, false, []string{"the copy has the labels"}},
		{"other labels", true, map[string]string{"app": "web-debug"}, false, nil},
		{"replace", true, nil, true, []string{"the original pod is managed"}},
		{"both", true, labels, true,
			[]string{"the copy has the labels", "the original pod is managed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			orig := original(tt.controlled)
			orig.Labels = labels
			cp := &corev1.Pod{}
			cp.Labels = tt.copyLabels
			var logs bytes.Buffer
			warnController(orig, cp, tt.replace, slog.New(slog.NewTextHandler(&logs, nil)))
			var got []string
			for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
				if _, msg, ok := strings.Cut(line, `msg="`); ok {
					got = append(got, strings.Join(strings.Fields(msg)[:4], " "))
				}
			}
			var want []string
			for _, w := range tt.want {
				want = append(want, strings.Join(strings.Fields(w)[:4], " "))
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("warnings mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSubmitWarnsWithoutProfile(t *testing.T) {
	for _, profiled := range []bool{false, true} {
		s := ephemeralSession()
		if profiled {
			s.Spec.Profile = &session.Profile{Name: "general"}
		}
		o := NewOptions()
		o.DryRun = DryRunClient
		var logs bytes.Buffer
		if err := Submit(context.Background(), nil, s, o, testLogger(&logs)); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(logs.String(), "the session has no profile"); got == profiled {
			t.Errorf("profiled %v: warned about a missing profile = %v, want %v\n%s",
				profiled, got, !profiled, logs.String())
		}
	}
}

// TestSubmitCopyReadsOriginalOnlyWhenItMatters: a copy without labels cannot be adopted,
// so only a replace needs the original read back; kdbg-spec has just read it.
func TestSubmitCopyReadsOriginalOnlyWhenItMatters(t *testing.T) {
	tests := []struct {
		name    string
		replace bool
		labels  map[string]string
		want    []string
	}{
		{"plain copy", false, nil, []string{"create pods"}},
		{"copy keeping labels", false, map[string]string{"app": "web"},
			[]string{"get pods", "create pods"}},
		{"replace", true, nil, []string{"get pods", "create pods", "delete pods"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			client := fake.NewClientset(original(false))
			s := copySession(tt.replace)
			s.Spec.Pod.Labels = tt.labels
			var logs bytes.Buffer
			if err := Submit(context.Background(), client, s, NewOptions(),
				testLogger(&logs)); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, a := range client.Actions() {
				got = append(got, a.GetVerb()+" "+a.GetResource().Resource)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("requests (-want +got):\n%s", diff)
			}
		})
	}
}
