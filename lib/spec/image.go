package spec

import (
	"regexp"
	"strings"
)

// imageRef matches an image reference by the grammar of the distribution project, the one
// kubectl debug checks --image and --set-image against: an optional registry host and
// port, slash-separated lower-case path components, an optional tag and digest.
var imageRef = func() *regexp.Regexp {
	const (
		alnum     = `[a-z0-9]+`
		sep       = `(?:[._]|__|-+)`
		component = alnum + `(?:` + sep + alnum + `)*`
		label     = `(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])`
		host      = `(?:` + label + `(?:\.` + label + `)*|\[[a-fA-F0-9:]+\])`
		registry  = host + `(?::[0-9]+)?`
		path      = component + `(?:/` + component + `)*`
		tag       = `[\w][\w.-]{0,127}`
		algorithm = `[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*`
		digest    = algorithm + `:[0-9a-fA-F]{32,}`
	)
	return regexp.MustCompile(`^(?:` + registry + `/)?` + path +
		`(?::` + tag + `)?(?:@` + digest + `)?$`)
}()

// maxImageName is the longest repository name (before tag and digest) registries accept.
const maxImageName = 255

// validImage reports whether ref is an image reference a container runtime can pull.
func validImage(ref string) bool {
	if !imageRef.MatchString(ref) {
		return false
	}
	name, _, _ := strings.Cut(ref, "@")
	if i := strings.LastIndex(name, ":"); i > strings.LastIndex(name, "/") {
		name = name[:i]
	}
	return len(name) <= maxImageName
}
