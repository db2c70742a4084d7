package profile

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"slices"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/strategicpatch"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	strictjson "sigs.k8s.io/json"

	"github.com/kdbg/kdbg/lib/cli"
	"github.com/kdbg/kdbg/lib/session"
)

// fixedFields are the container fields a custom file may not set, as in kubectl: what the
// debug container is and runs is kdbg-spec's choice, and the rest would break attaching.
var fixedFields = []string{"name", "command", "image", "lifecycle", "volumeDevices"}

// notEphemeralFields are container fields the API server refuses on ephemeral containers.
var notEphemeralFields = []string{
	"ports", "resources", "resizePolicy", "restartPolicy", "restartPolicyRules",
	"livenessProbe", "readinessProbe", "startupProbe",
}

// custom is a checked partial container, ready to merge.
type custom struct {
	patch  []byte   // the partial container as JSON, a strategic merge patch
	fields []string // its top-level fields, sorted
}

// readCustom reads and checks the --custom file.
func readCustom(path string) (*custom, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, cli.Usagef("reading --custom file: %w", err)
	}
	c, err := decodeCustom(data)
	if err != nil {
		return nil, cli.Usagef("--custom file %q: %w", path, err)
	}
	return c, nil
}

// decodeCustom checks a JSON or YAML partial container strictly: it must be an object,
// set no fixed field, and have no unknown or duplicate field at any depth.
func decodeCustom(data []byte) (*custom, error) {
	js, err := utilyaml.ToJSON(data)
	if err != nil {
		return nil, fmt.Errorf("not valid JSON or YAML: %w", err)
	}
	fields, err := objectFields(js)
	if err != nil {
		return nil, err
	}
	for _, f := range fixedFields {
		if slices.Contains(fields, f) {
			return nil, fmt.Errorf("field %q cannot be changed by a custom profile: "+
				"set it with kdbg-spec", f)
		}
	}
	if err := unmarshalContainer(js, new(corev1.Container)); err != nil {
		return nil, err
	}
	return &custom{patch: js, fields: fields}, nil
}

// objectFields returns the top-level field names of a JSON object, sorted.
func objectFields(js []byte) ([]string, error) {
	var fields map[string]json.RawMessage
	err := json.Unmarshal(js, &fields)
	var syntax *json.SyntaxError
	switch {
	case errors.As(err, &syntax):
		return nil, fmt.Errorf("not valid JSON or YAML: %w", err)
	case err != nil || fields == nil:
		return nil, errors.New("want a partial container: a JSON or YAML object")
	}
	return slices.Sorted(maps.Keys(fields)), nil
}

// unmarshalContainer decodes a container, refusing unknown and duplicate fields.
func unmarshalContainer(js []byte, c *corev1.Container) error {
	strict, err := strictjson.UnmarshalStrict(js, c)
	if err != nil {
		return err
	}
	return errors.Join(strict...)
}

// apply merges the partial container into the debug container c of a session of mode.
func (cu *custom) apply(mode session.Mode, c *corev1.Container) error {
	if mode == session.ModeEphemeral {
		for _, f := range cu.fields {
			if slices.Contains(notEphemeralFields, f) {
				return cli.Usagef("--custom sets %q, which an ephemeral container cannot "+
					"have: leave it out, or debug a copy of the pod", f)
			}
		}
	}
	return cu.merge(c)
}

// merge applies the partial container to c as a strategic merge patch, so that lists
// with a merge key, such as env and volumeMounts, gain entries instead of being replaced.
func (cu *custom) merge(c *corev1.Container) error {
	original, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("encoding container %q: %w", c.Name, err)
	}
	merged, err := strategicpatch.StrategicMergePatch(original, cu.patch, corev1.Container{})
	if err != nil {
		return fmt.Errorf("merging --custom into container %q: %w", c.Name, err)
	}
	var out corev1.Container
	if err := json.Unmarshal(merged, &out); err != nil {
		return fmt.Errorf("decoding container %q merged with --custom: %w", c.Name, err)
	}
	*c = out
	return nil
}
