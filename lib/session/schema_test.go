package session

import (
	"bytes"
	"strings"

	"flag"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files and the committed schema")

const schemaFile = "../../docs/schema/debugsession-v1alpha1.json"

// TestSchemaIsCurrent fails when the Go types changed and docs/schema was not
// regenerated with: go test ./lib/session -run TestSchemaIsCurrent -update
func TestSchemaIsCurrent(t *testing.T) {
	got, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.WriteFile(schemaFile, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatalf("reading committed schema: %v (create it with -update)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s is stale; run make schema (-committed +generated):\n%s", schemaFile, diff)
	}
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
