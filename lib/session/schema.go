package session

import (
	"encoding/json"
	"reflect"
	"strings"

	"github.com/invopop/jsonschema"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// SchemaID is the $id of the published JSON Schema of a DebugSession.
const SchemaID = "https://kdbg.dev/schema/debugsession-v1alpha1.json"

// Schema returns the JSON Schema of a DebugSession, generated from the Go types so it can
// never drift from what the decoder accepts. docs/schema holds the committed copy.
func Schema() ([]byte, error) {
	r := &jsonschema.Reflector{
		Namer:  qualifiedName,
		Mapper: kubernetesScalars,
	}
	s := r.Reflect(&DebugSession{})
	s.ID = SchemaID
	s.Title = "kdbg DebugSession " + APIVersion
	return json.MarshalIndent(s, "", "  ")
}

// qualifiedName keeps names from different packages apart: Kubernetes has its own
// Status, Target-like and Profile-like types.
func qualifiedName(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Name() == "" {
		return "" // slices and maps are described inline
	}
	if t.PkgPath() == reflect.TypeFor[DebugSession]().PkgPath() {
		return t.Name()
	}
	parts := strings.Split(t.PkgPath(), "/")
	if len(parts) >= 2 {
		parts = parts[len(parts)-2:]
	}
	return strings.Join(parts, ".") + "." + t.Name()
}

// kubernetesScalars describes the Kubernetes types that marshal as JSON scalars, which
// reflection would otherwise describe by their private struct fields.
func kubernetesScalars(t reflect.Type) *jsonschema.Schema {
	switch t {
	case reflect.TypeFor[resource.Quantity]():
		return &jsonschema.Schema{OneOf: []*jsonschema.Schema{{Type: "string"}, {Type: "number"}}}
	case reflect.TypeFor[intstr.IntOrString]():
		return &jsonschema.Schema{OneOf: []*jsonschema.Schema{{Type: "string"}, {Type: "integer"}}}
	case reflect.TypeFor[metav1.Time](), reflect.TypeFor[metav1.MicroTime]():
		return &jsonschema.Schema{Type: "string", Format: "date-time"}
	}
	return nil
}
