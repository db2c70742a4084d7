package spec

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	corev1 "k8s.io/api/core/v1"

	"github.com/kdbg/kdbg/lib/cli"
)

func TestComplete(t *testing.T) {
	tests := []struct {
		args         []string
		resource     string
		name         string
		command      []string
		targetSet    bool
		shareProcSet bool
	}{
		{[]string{"app", "--image=busybox"}, "pod", "app", nil, false, false},
		{[]string{"pod/app", "--image=busybox", "--", "sh", "-c", "ls"}, "pod", "app",
			[]string{"sh", "-c", "ls"}, false, false},
		{[]string{"po/app", "--image=busybox", "--target="}, "pod", "app", nil, true, false},
		{[]string{"pods/app", "--copy-to=x", "--image=b", "--share-processes=false"}, "pod",
			"app", nil, false, true},
		{[]string{"node/n1", "--image=busybox", "--", "chroot", "/host"}, "node", "n1",
			[]string{"chroot", "/host"}, false, false},
		{[]string{"nodes/n1", "--image=busybox"}, "node", "n1", nil, false, false},
		{[]string{"-f", "-", "--image=busybox", "--", "--not-a-flag"}, "", "",
			[]string{"--not-a-flag"}, false, false},
	}
	for _, tt := range tests {
		o, _, err := parse(t, tt.args...)
		if err != nil {
			t.Errorf("parse(%q) = %v, want no error", tt.args, err)
			continue
		}
		got := []any{o.Resource, o.Name, o.Args, o.targetSet, o.shareProcsSet}
		want := []any{tt.resource, tt.name, tt.command, tt.targetSet, tt.shareProcSet}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("parse(%q) mismatch (-want +got):\n%s", tt.args, diff)
		}
	}
}

func TestParseEnv(t *testing.T) {
	got, err := parseEnv([]string{"B=2", "A=x=y", "C=1,2", "EMPTY=", "B=3"})
	if err != nil {
		t.Fatalf("parseEnv = %v, want no error", err)
	}
	want := []corev1.EnvVar{
		{Name: "B", Value: "3"}, {Name: "A", Value: "x=y"}, {Name: "C", Value: "1,2"},
		{Name: "EMPTY", Value: ""},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("parseEnv mismatch (-want +got):\n%s", diff)
	}
	for _, bad := range []string{"NOVALUE", "=value"} {
		if _, err := parseEnv([]string{bad}); cli.Code(err) != cli.ExitUsage {
			t.Errorf("parseEnv(%q) = %v, want a usage error", bad, err)
		}
	}
}

func TestEnvFlagKeepsCommas(t *testing.T) {
	o, _, err := parse(t, "app", "--image=b", "--env", "LIST=a,b,c", "--env=Z=1")
	if err != nil {
		t.Fatal(err)
	}
	want := []corev1.EnvVar{{Name: "LIST", Value: "a,b,c"}, {Name: "Z", Value: "1"}}
	if diff := cmp.Diff(want, o.env); diff != "" {
		t.Errorf("env mismatch (-want +got):\n%s", diff)
	}
}

func TestSetImageFlag(t *testing.T) {
	o, _, err := parse(t, "app", "--copy-to=x", "--set-image=a=img1,b=img2",
		"--set-image", "*=img3")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"a": "img1", "b": "img2", "*": "img3"}
	if diff := cmp.Diff(want, o.SetImages); diff != "" {
		t.Errorf("SetImages mismatch (-want +got):\n%s", diff)
	}
}

// TestValidate checks that each bad command line is a usage error naming what is wrong.
func TestValidate(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--image=busybox"}, "give the pod or node to debug"},
		{[]string{"app", "-f", "pod.json", "--image=b"}, "give pod/app or -f, not both"},
		{[]string{"a", "b", "--image=b"}, "debug one target at a time"},
		{[]string{"-f", "-", "-f", "-", "--image=b"}, "-f - may be given once"},
		{[]string{"deploy/app", "--image=b"}, `cannot debug "deploy/app"`},
		{[]string{"pod/", "--image=b"}, `"pod/" names no pod`},
		{[]string{"app"}, "--image is required without --copy-to"},
		{[]string{"app", "--image=b", "--replace"}, "--replace may only be used with --copy-to"},
		{[]string{"app", "--image=b", "--same-node"},
			"--same-node may only be used with --copy-to"},
		{[]string{"app", "--image=b", "--set-image=a=b"},
			"--set-image may only be used with --copy-to"},
		{[]string{"app", "--image=b", "--share-processes=false"},
			"--share-processes may only be used with --copy-to"},
		{[]string{"app", "--copy-to=x"},
			"--copy-to needs --image, --set-image or a command after --"},
		{[]string{"app", "--copy-to=x", "--", "sh"}, "a command with --copy-to needs -c"},
		{[]string{"app", "--copy-to=x", "--image=b", "--target=app"},
			"--target cannot be used with --copy-to"},
		{[]string{"app", "--copy-to=Bad_Name", "--image=b"}, `--copy-to "Bad_Name" is not`},
		{[]string{"node/n1", "--image=b", "--copy-to=x"},
			`--copy-to cannot be used with node "n1"`},
		{[]string{"node/n1", "--image=b", "--target=app"},
			`--target cannot be used with node "n1"`},
		{[]string{"app", "--image=UPPER/Case"}, `--image "UPPER/Case" is not a valid image`},
		{[]string{"app", "--copy-to=x", "--set-image=app=bad image"},
			`--set-image app=bad image: "bad image" is not a valid image`},
		{[]string{"app", "--copy-to=x", "--set-image==img"}, "want NAME=IMAGE or *=IMAGE"},
		{[]string{"app", "--image=b", "--image-pull-policy=Sometimes"},
			`--image-pull-policy "Sometimes": want Always, IfNotPresent or Never`},
		{[]string{"app", "--image=b", "-t"}, "-t/--tty needs -i/--stdin"},
		{[]string{"app", "--image=b", "--arguments-only"}, "--arguments-only needs"},
		{[]string{"app", "--image=b", "-c", "Not_A_Name"}, `-c/--container "Not_A_Name"`},
		{[]string{"app", "--image=b", "--env", "NOEQUALS"}, `--env "NOEQUALS": want NAME=VALUE`},
	}
	for _, tt := range tests {
		_, _, err := parse(t, tt.args...)
		var usage *cli.UsageError
		if !errors.As(err, &usage) || !contains(err.Error(), tt.want) {
			t.Errorf("parse(%q) = %v, want a usage error containing %q", tt.args, err, tt.want)
		}
	}
}

func TestValidateAccepts(t *testing.T) {
	for _, args := range [][]string{
		{"app", "--image=busybox"},
		{"app", "--image=busybox", "-it", "--target=app", "--image-pull-policy=Always"},
		{"app", "--copy-to=x", "--set-image=*=ubuntu"},
		{"app", "--copy-to=x", "-c", "app", "--", "sh"},
		{"app", "--copy-to=x", "--image=b", "--replace", "--same-node", "--share-processes"},
		{"node/n1", "--image=busybox", "--", "chroot", "/host"},
		{"-f", "pod.json", "-f", "-", "--image=busybox"},
	} {
		if _, _, err := parse(t, args...); err != nil {
			t.Errorf("parse(%q) = %v, want no error", args, err)
		}
	}
}
