package session

import (
	"bytes"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/kdbg/kdbg/lib/internal/golden"
)

const schemaFile = "../../docs/schema/debugsession-v1alpha1.json"

// TestSchemaIsCurrent fails when the Go types changed and docs/schema was not
// regenerated with: go test ./lib/session -run TestSchemaIsCurrent -update
func TestSchemaIsCurrent(t *testing.T) {
	got, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	golden.Compare(t, schemaFile, append(got, '\n'))
}

func TestFixturesMatchSchema(t *testing.T) {
	raw, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(SchemaID, doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile(SchemaID)
	if err != nil {
		t.Fatalf("compiling the generated schema: %v", err)
	}
	tests := []struct {
		name  string
		edit  func(string) string
		valid bool
	}{
		{"fixture", func(s string) string { return s }, true},
		{"unknown field", func(s string) string {
			return strings.Replace(s, `"mode"`, `"colour":"red","mode"`, 1)
		}, false},
		{"bad mode", func(s string) string {
			return strings.Replace(s, `"mode":"ephemeral"`, `"mode":"sideways"`, 1)
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			input := tt.edit(string(readFixture(t, "ephemeral.json")))
			v, err := jsonschema.UnmarshalJSON(strings.NewReader(input))
			if err != nil {
				t.Fatal(err)
			}
			err = schema.Validate(v)
			if got := err == nil; got != tt.valid {
				t.Errorf("schema.Validate() valid = %v, want %v (err: %v)", got, tt.valid, err)
			}
		})
	}
}
