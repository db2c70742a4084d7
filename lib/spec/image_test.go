package spec

import (
	"strings"
	"testing"
)

func TestValidImage(t *testing.T) {
	digest := "sha256:" + strings.Repeat("ab", 32)
	tests := []struct {
		ref  string
		want bool
	}{
		{"busybox", true},
		{"busybox:1.37", true},
		{"library/busybox:latest", true},
		{"registry.example.com:5000/team/api:v2", true},
		{"localhost/app", true},
		{"[::1]:5000/app", true},
		{"ghcr.io/org/a_b__c-d.e---f:tag", true},
		{"busybox@" + digest, true},
		{"busybox:1.0@" + digest, true},
		{"Registry.Example.COM/app", true},
		{"", false},
		{"Busybox", false},
		{"busybox:", false},
		{"bad image", false},
		{"app:-tag", false},
		{"app/", false},
		{"a//b", false},
		{"app@sha256:short", false},
		{"-app", false},
		{"app_", false},
		{"app:" + strings.Repeat("t", 129), false},
		{strings.Repeat("a", 256), false},
		{strings.Repeat("a", 255) + ":tag", true},
	}
	for _, tt := range tests {
		if got := validImage(tt.ref); got != tt.want {
			t.Errorf("validImage(%q) = %v, want %v", tt.ref, got, tt.want)
		}
	}
}
