package submit

import (
	"fmt"
	"regexp"
	"strings"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// request names one API call, for messages about its failure.
type request struct {
	verb, resource, subresource, namespace, name string
}

// path is the resource as RBAC names it: "pods" or "pods/ephemeralcontainers".
func (r request) path() string {
	if r.subresource == "" {
		return r.resource
	}
	return r.resource + "/" + r.subresource
}

// explain turns an API error into one line that says what failed and what to do. Errors
// that are not from the API server are wrapped with the request.
func explain(err error, r request) error {
	status, ok := err.(apierrors.APIStatus)
	if !ok {
		return fmt.Errorf("%s %s %q in namespace %q: %w", r.verb, r.path(), r.name,
			r.namespace, err)
	}
	st := status.Status()
	switch st.Reason {
	case metav1.StatusReasonNotFound:
		return notFound(err, st, r)
	case metav1.StatusReasonForbidden:
		return forbidden(err, st, r)
	case metav1.StatusReasonInvalid:
		return invalid(err, st, r)
	case metav1.StatusReasonAlreadyExists:
		return fmt.Errorf("pod %q already exists in namespace %q: choose another name "+
			"(--copy-to, or delete the old pod)", r.name, r.namespace)
	}
	return fmt.Errorf("%s %s %q in namespace %q: %w", r.verb, r.path(), r.name, r.namespace, err)
}

// notFound tells a missing pod or namespace from a missing subresource: when ephemeral
// containers are disabled, the API server has no pods/ephemeralcontainers, and its 404
// names no object.
func notFound(err error, st metav1.Status, r request) error {
	d := st.Details
	switch {
	case r.subresource == "ephemeralcontainers" && (d == nil || d.Name == ""):
		return fmt.Errorf("ephemeral containers are disabled in this cluster (the API server "+
			"has no pods/ephemeralcontainers): debug a copy of the pod instead "+
			"(--copy-to=NAME): %w", err)
	case d != nil && d.Kind == "namespaces":
		return fmt.Errorf("namespace %q does not exist", d.Name)
	}
	return fmt.Errorf("pod %q is gone from namespace %q: it was deleted since kdbg-spec read "+
		"it; run the pipeline again on a pod that exists", r.name, r.namespace)
}

var (
	rbacUser    = regexp.MustCompile(`User "([^"]*)" cannot`)
	podSecurity = regexp.MustCompile(`violates PodSecurity "([^"]*)": (.*)$`)
)

// forbidden explains a PodSecurity rejection or a missing RBAC permission.
func forbidden(err error, st metav1.Status, r request) error {
	if m := podSecurity.FindStringSubmatch(st.Message); m != nil {
		return podSecurityError(m[1], m[2], r)
	}
	m := rbacUser.FindStringSubmatch(st.Message)
	if m == nil {
		return fmt.Errorf("%s %s %q in namespace %q is forbidden: %w",
			r.verb, r.path(), r.name, r.namespace, err)
	}
	return fmt.Errorf("user %q cannot %s %s in namespace %q: ask an admin for a Role "+
		"that grants %q on %q in that namespace", m[1], r.verb, r.path(), r.namespace,
		r.verb, r.path())
}

// podSecurityError names the enforced level, the violations, and the profile that meets it.
func podSecurityError(level, why string, r request) error {
	what := "the debug pod"
	if r.subresource == "ephemeralcontainers" {
		what = "the debug container"
	}
	hint := "use a profile that meets it"
	base, _, _ := strings.Cut(level, ":")
	if base == "restricted" || base == "baseline" {
		hint = "try --profile=" + base
	}
	return fmt.Errorf("namespace %q enforces Pod Security level %q and %s violates it: %s: %s",
		r.namespace, level, what, why, hint)
}

// invalid lists the field errors of a 422 as "field: message" pairs.
func invalid(err error, st metav1.Status, r request) error {
	if st.Details == nil || len(st.Details.Causes) == 0 {
		return fmt.Errorf("pod %q is invalid: %w", r.name, err)
	}
	causes := make([]string, 0, len(st.Details.Causes))
	for _, c := range st.Details.Causes {
		// Some messages carry a multi-line diff of the object after their first line.
		msg, _, _ := strings.Cut(c.Message, "\n")
		if c.Field != "" {
			msg = c.Field + ": " + msg
		}
		causes = append(causes, msg)
	}
	return fmt.Errorf("pod %q is invalid: %s", r.name, strings.Join(causes, "; "))
}
