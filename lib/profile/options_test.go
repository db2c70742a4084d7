package profile

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spf13/pflag"

	"github.com/kdbg/kdbg/lib/cli"
)

func TestAddFlags(t *testing.T) {
	tests := []struct {
		args []string
		want *Options
	}{
		{nil, &Options{Name: General, KeepInitContainers: true}},
		{[]string{"--profile=netadmin", "--custom", "c.yaml", "--keep-labels",
			"--keep-annotations", "--keep-liveness", "--keep-readiness", "--keep-startup",
			"--keep-init-containers=false"},
			&Options{Name: Netadmin, CustomFile: "c.yaml", KeepLabels: true,
				KeepAnnotations: true, KeepLiveness: true, KeepReadiness: true,
				KeepStartup: true}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			o := NewOptions()
			fs := pflag.NewFlagSet("test", pflag.ContinueOnError)
			o.AddFlags(fs)
			if err := fs.Parse(tt.args); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, o); diff != "" {
				t.Errorf("options (-want +got):\n%s", diff)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	for _, name := range names() {
		if err := options(name).Validate(); err != nil {
			t.Errorf("Validate() with --profile=%s = %v, want nil", name, err)
		}
	}
	for _, name := range []string{"", "General", "default", "admin"} {
		err := options(name).Validate()
		if cli.Code(err) != cli.ExitUsage || !strings.Contains(err.Error(), "unknown --profile") {
			t.Errorf("Validate() with --profile=%q = %v, want a usage error", name, err)
		}
	}
}

func TestValidateReadsNothing(t *testing.T) {
	o := NewOptions()
	o.CustomFile = "/does/not/exist.yaml"
	if err := o.Validate(); err != nil {
		t.Errorf("Validate() = %v, want nil: the custom file is read by NewApplier", err)
	}
}
