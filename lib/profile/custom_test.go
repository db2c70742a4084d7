package profile

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"

	"github.com/kdbg/kdbg/lib/cli"
	"github.com/kdbg/kdbg/lib/session"
)

func TestDecodeCustom(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantErr string // empty: accepted
	}{
		{"yaml", "env: [{name: A, value: b}]\n", ""},
		{"json", `{"env": [{"name": "A", "value": "b"}], "workingDir": "/tmp"}`, ""},
		{"null removes a field", "securityContext: null\n", ""},
		{"name", "name: other\n", `field "name" cannot be changed`},
		{"command", `{"command": ["sh"]}`, `field "command" cannot be changed`},
		{"image", "image: busybox\n", `field "image" cannot be changed`},
		{"empty image", `{"image": ""}`, `field "image" cannot be changed`},
		{"lifecycle", "lifecycle: {preStop: {sleep: {seconds: 1}}}\n",
			`field "lifecycle" cannot be changed`},
		{"volumeDevices", "volumeDevices: [{name: d, devicePath: /dev/x}]\n",
			`field "volumeDevices" cannot be changed`},
		{"unknown field", "env: []\nenviron: [{name: A}]\n", `unknown field "environ"`},
		{"unknown nested field", "securityContext: {privileged: true, root: true}\n",
			`unknown field "securityContext.root"`},
		{"wrong case", `{"Env": []}`, `unknown field "Env"`},
		{"duplicate field", `{"tty": true, "tty": false}`, `duplicate field "tty"`},
		{"wrong type", "tty: yes please\n", "cannot unmarshal"},
		{"bad quantity", "resources: {limits: {cpu: lots}}\n", "quantities must match"},
		{"invalid yaml", "env: [name: A\n", "not valid JSON or YAML"},
		{"invalid json", `{"env": [`, "not valid JSON or YAML"},
		{"empty", "", "want a partial container"},
		{"list", "- name: A\n", "want a partial container"},
		{"scalar", "busybox\n", "want a partial container"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decodeCustom([]byte(tt.in))
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("decodeCustom(%q) = %v, want nil", tt.in, err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("decodeCustom(%q) = %v, want an error containing %q",
					tt.in, err, tt.wantErr)
			}
		})
	}
}

func TestReadCustomErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "image.yaml")
	if err := os.WriteFile(bad, []byte("image: busybox\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{bad, filepath.Join(dir, "missing.yaml")} {
		o := NewOptions()
		o.CustomFile = path
		_, err := o.NewApplier(nil)
		if code := cli.Code(err); code != cli.ExitUsage {
			t.Errorf("NewApplier() with --custom %s = %v (exit %d), want exit %d",
				filepath.Base(path), err, code, cli.ExitUsage)
		}
	}
}

func TestCustomMerge(t *testing.T) {
	s := fixture(t, session.ModeCopy)
	s.DebugContainer().Env = []corev1.EnvVar{{Name: "LANG", Value: "C"}}
	o := options(General)
	o.CustomFile = filepath.Join("testdata", "custom", "env-resources.yaml")
	apply(t, o, s)

	c := s.DebugContainer()
	wantEnv := []corev1.EnvVar{{Name: "TERM", Value: "xterm-256color"}, {Name: "LANG", Value: "C"}}
	if diff := cmp.Diff(wantEnv, c.Env); diff != "" {
		t.Errorf("env (-want +got):\n%s", diff)
	}
	wantLimits := corev1.ResourceList{
		corev1.ResourceCPU:    resource.MustParse("500m"),
		corev1.ResourceMemory: resource.MustParse("256Mi"),
	}
	sameQuantity := cmp.Comparer(func(a, b resource.Quantity) bool { return a.Cmp(b) == 0 })
	if diff := cmp.Diff(wantLimits, c.Resources.Limits, sameQuantity); diff != "" {
		t.Errorf("limits (-want +got):\n%s", diff)
	}
	if got := addedCapabilities(c); len(got) != 1 || got[0] != "SYS_PTRACE" {
		t.Errorf("capabilities.add = %v, want the profile's [SYS_PTRACE] kept", got)
	}
	if diff := cmp.Diff(&session.Profile{Name: General, Custom: true}, s.Spec.Profile); diff != "" {
		t.Errorf("spec.profile (-want +got):\n%s", diff)
	}
}

func TestCustomRunAsRootSilencesWarning(t *testing.T) {
	s := fixture(t, session.ModeCopy)
	s.Spec.Pod.Spec.SecurityContext = &corev1.PodSecurityContext{RunAsUser: new(int64(1000))}
	o := options(Sysadmin)
	o.CustomFile = writeFile(t, "securityContext: {runAsUser: 0}\n")
	if stderr := apply(t, o, s); stderr != "" {
		t.Errorf("stderr = %q, want nothing", stderr)
	}
	if sc := s.DebugContainer().SecurityContext; sc.Privileged == nil || !*sc.Privileged {
		t.Errorf("securityContext = %+v, want privileged kept", sc)
	}
}

func TestCustomEphemeral(t *testing.T) {
	tests := []struct {
		custom  string
		wantErr string
	}{
		{"env: [{name: A, value: b}]\n", ""},
		{"resources: {limits: {cpu: 1}}\n", `--custom sets "resources"`},
		{"readinessProbe: {exec: {command: [cat]}}\n", `--custom sets "readinessProbe"`},
		{"ports: [{containerPort: 80}]\n", `--custom sets "ports"`},
	}
	for _, tt := range tests {
		t.Run(tt.custom, func(t *testing.T) {
			s := fixture(t, session.ModeEphemeral)
			before := s.Spec.Pod.DeepCopy()
			o := options(General)
			o.CustomFile = writeFile(t, tt.custom)
			a, err := o.NewApplier(nil)
			if err != nil {
				t.Fatal(err)
			}
			err = a.Apply(s)
			if tt.wantErr == "" {
				if err != nil {
					t.Errorf("Apply() = %v, want nil", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Apply() = %v, want an error containing %q", err, tt.wantErr)
			}
			var usage *cli.UsageError
			if !errors.As(err, &usage) {
				t.Errorf("Apply() = %T, want a *cli.UsageError", err)
			}
			if diff := cmp.Diff(before, &s.Spec.Pod); diff != "" || s.Spec.Profile != nil {
				t.Errorf("failed Apply changed the session (-before +after):\n%s", diff)
			}
		})
	}
}

// writeFile writes content to a file in a temporary directory and returns its path.
func writeFile(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "custom.yaml")
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// FuzzDecodeCustom checks that any custom file is either refused or merges into a debug
// container without touching what a custom profile may not change.
func FuzzDecodeCustom(f *testing.F) {
	for _, seed := range []string{
		"env: [{name: A, value: b}]\nresources: {limits: {cpu: 500m}}\n",
		`{"securityContext": {"runAsUser": 0, "capabilities": {"add": ["SYS_ADMIN"]}}}`,
		`{"volumeMounts": [{"name": "v", "mountPath": "/v"}], "env": null}`,
		"image: busybox\n",
		"- a\n",
		"",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cu, err := decodeCustom(data)
		if err != nil {
			return
		}
		if !json.Valid(cu.patch) {
			t.Fatalf("decodeCustom(%q) accepted, but its patch is not JSON: %q", data, cu.patch)
		}
		c := corev1.Container{Name: "debugger", Image: "busybox", Command: []string{"sh"}}
		if err := cu.merge(&c); err != nil {
			return // strategic merge may refuse odd values the decoder lets through
		}
		if c.Name != "debugger" || c.Image != "busybox" || len(c.Command) != 1 {
			t.Errorf("merging %q changed a fixed field: %+v", data, c)
		}
	})
}
