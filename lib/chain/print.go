package chain

import (
	"fmt"
	"io"

	"sigs.k8s.io/yaml"

	"github.com/kdbg/kdbg/lib/session"
)

// print writes the sessions: JSON one per line as every kdbg command does, or YAML
// documents for people.
func print(w io.Writer, format string, sessions []*session.DebugSession) error {
	if format != "yaml" {
		enc := session.NewEncoder(w, false)
		for _, s := range sessions {
			if err := enc.Encode(s); err != nil {
				return fmt.Errorf("writing session: %w", err)
			}
		}
		return nil
	}
	for _, s := range sessions {
		data, err := yaml.Marshal(s)
		if err != nil {
			return fmt.Errorf("writing session: %w", err)
		}
		if _, err := fmt.Fprintf(w, "---\n%s", data); err != nil {
			return err
		}
	}
	return nil
}
