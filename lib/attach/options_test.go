package attach

import (
	"testing"
	"time"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		o    Options
		ok   bool
	}{
		{"defaults", *NewOptions(), true},
		{"no timeout", Options{Timeout: 0}, true},
		{"negative timeout", Options{Timeout: -time.Second}, false},
		{"wait and rm", Options{Timeout: time.Minute, Wait: true, Remove: true}, false},
	}
	for _, tt := range tests {
		if err := tt.o.Validate(); (err == nil) != tt.ok {
			t.Errorf("%s: Validate() = %v, want ok %v", tt.name, err, tt.ok)
		}
	}
}
