package spec

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes/fake"

	"github.com/kdbg/kdbg/lib/cli"
)

// describeObjects lists the objects as "Pod ns/name" and "Node name".
func describeObjects(objs []object) []string {
	var out []string
	for _, obj := range objs {
		if obj.pod != nil {
			out = append(out, "Pod "+obj.pod.Namespace+"/"+obj.pod.Name)
		} else {
			out = append(out, "Node "+obj.node.Name)
		}
	}
	return out
}

func TestLoad(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"pod.json", []string{"Pod shop/app"}},
		{"node.json", []string{"Node worker-1.example.com"}},
		{"list.json", []string{"Pod shop/web-1", "Pod shop/web-2", "Node worker-1.example.com"}},
		{"podlist.yaml", []string{"Pod backend/api", "Pod /worker"}},
	}
	for _, tt := range tests {
		f, err := os.Open(filepath.Join("testdata", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		got, err := load(f, tt.file)
		f.Close()
		if err != nil {
			t.Errorf("load(%s) = %v, want no error", tt.file, err)
			continue
		}
		if diff := cmp.Diff(tt.want, describeObjects(got)); diff != "" {
			t.Errorf("load(%s) mismatch (-want +got):\n%s", tt.file, diff)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		input string
		want  string
	}{
		{`{"apiVersion":"v1","kind":"Service","metadata":{"name":"s"}}`,
			`object 1: kind "Service" cannot be debugged`},
		{`{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a"}}` + "\n" +
			`{"apiVersion":"apps/v1","kind":"Deployment"}`, `object 2: kind "Deployment"`},
		{`{"metadata":{"name":"a"}}`, "no kind"},
		{`{"apiVersion":"v2","kind":"Pod","metadata":{"name":"a"}}`, `apiVersion "v2": want v1`},
		{`{"apiVersion":"v1","kind":"Pod","metadata":{}}`, "Pod has no metadata.name"},
		{`{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a"},"spec":{"bogus":1}}`,
			`unknown field "spec.bogus"`},
		{`{"apiVersion":"v1","kind":"List","items":[{"apiVersion":"v1","kind":"List"}]}`,
			`List item 1: kind "List" cannot be debugged`},
		{`{"apiVersion":"v1","kind":"List","items":[{"metadata":{"name":"a"}}]}`,
			"List item 1: no kind"},
		{`{"apiVersion":"v1","kind":"Pod"`, "reading stdin: object 1"},
		{`[1, 2]`, "object 1"},
		{"kind: Pod\napiVersion: v1\nmetadata: {name: a}\nspec: {containers: 7}\n",
			"Pod: json: cannot unmarshal"},
	}
	for _, tt := range tests {
		_, err := load(strings.NewReader(tt.input), "stdin")
		if cli.Code(err) != cli.ExitUsage || !contains(err.Error(), tt.want) {
			t.Errorf("load(%q) = %v, want a usage error containing %q", tt.input, err, tt.want)
		}
	}
}

func TestEmptyInput(t *testing.T) {
	r := runOffline(t, "---\n", "-f", "-", "--image=b")
	if cli.Code(r.err) != cli.ExitUsage || !contains(r.err.Error(), "no pod or node in stdin") {
		t.Errorf("Run on empty stdin = %v, want a usage error saying stdin is empty", r.err)
	}
}

// TestStdinNamespace reads a pod without a namespace from stdin, as
// kubectl get pod app -o json | kdbg-spec -f - would pass one.
func TestStdinNamespace(t *testing.T) {
	pod, err := os.ReadFile("testdata/pod-two.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want string
	}{
		{nil, "default"},
		{[]string{"-n", "team"}, "team"},
	}
	for _, tt := range tests {
		r := runOffline(t, string(pod), append([]string{"-f", "-", "--image=b"}, tt.args...)...)
		if r.err != nil || len(r.sessions) != 1 {
			t.Fatalf("Run(%q) = %d sessions, %v; want 1, no error", tt.args, len(r.sessions), r.err)
		}
		s := r.sessions[0]
		if s.Spec.Target.Namespace != tt.want || s.Spec.Pod.Namespace != tt.want {
			t.Errorf("Run(%q) namespaces = %q and %q, want %q", tt.args, s.Spec.Target.Namespace,
				s.Spec.Pod.Namespace, tt.want)
		}
	}
}

func TestGet(t *testing.T) {
	pod := &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Name: "app", Namespace: "shop", UID: "u1",
			ResourceVersion: "5", ManagedFields: []metav1.ManagedFieldsEntry{{Manager: "k"}}},
		Spec:   corev1.PodSpec{Containers: []corev1.Container{{Name: "app", Image: "nginx"}}},
		Status: corev1.PodStatus{Phase: corev1.PodRunning},
	}
	node := &corev1.Node{ObjectMeta: metav1.ObjectMeta{Name: "n1", UID: "u2"}}
	client := fake.NewClientset(pod, node)

	tests := []struct {
		args []string
		mode string
		want string
	}{
		{[]string{"app", "--image=b"}, "ephemeral", "shop/app"},
		{[]string{"pod/app", "--image=b", "--copy-to=c"}, "copy", "shop/app"},
		{[]string{"node/n1", "--image=b"}, "node", "/n1"},
	}
	for _, tt := range tests {
		o, _, err := parse(t, tt.args...)
		if err != nil {
			t.Fatal(err)
		}
		got, err := o.runOnline(context.Background(), client, "shop", discard)
		if err != nil || len(got) != 1 {
			t.Fatalf("runOnline(%q) = %d sessions, %v; want 1, no error", tt.args, len(got), err)
		}
		s := got[0]
		tgt := s.Spec.Target.Namespace + "/" + s.Spec.Target.Name
		if string(s.Spec.Mode) != tt.mode || tgt != tt.want {
			t.Errorf("runOnline(%q) = mode %s, target %s; want %s, %s", tt.args, s.Spec.Mode,
				tgt, tt.mode, tt.want)
		}
		p := s.Spec.Pod
		if p.Status.Phase != "" || p.ManagedFields != nil || p.Kind != "Pod" {
			t.Errorf("runOnline(%q) pod has status %q, managedFields %v, kind %q; "+
				"want none, none, Pod", tt.args, p.Status.Phase, p.ManagedFields, p.Kind)
		}
	}
	if n := len(client.Actions()); n != len(tests) {
		t.Errorf("client saw %d requests, want %d: one GET per run", n, len(tests))
	}
}

func TestGetNotFound(t *testing.T) {
	client := fake.NewClientset()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"app", "--image=b"}, `pod "app" not found in namespace "shop"`},
		{[]string{"node/n1", "--image=b"}, `node "n1" not found`},
	}
	for _, tt := range tests {
		o, _, err := parse(t, tt.args...)
		if err != nil {
			t.Fatal(err)
		}
		_, err = o.runOnline(context.Background(), client, "shop", discard)
		if err == nil || !contains(err.Error(), tt.want) || errors.As(err, new(*cli.UsageError)) {
			t.Errorf("runOnline(%q) = %v, want a failure containing %q", tt.args, err, tt.want)
		}
	}
}
