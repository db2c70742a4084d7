package submit

import (
	"errors"
	"testing"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

func TestExplain(t *testing.T) {
	pods := schema.GroupResource{Resource: "pods"}
	patch := request{"patch", "pods", "ephemeralcontainers", "x", "web"}
	create := request{"create", "pods", "", "pss-restricted", "web-debug"}
	psMessage := `pods "web-debug" is forbidden: violates PodSecurity "restricted:latest": ` +
		`privileged (container "debugger" must not set securityContext.privileged=true)`
	tests := []struct {
		name string
		err  error
		req  request
		want string
	}{{
		name: "subresource missing",
		err: &apierrors.StatusError{ErrStatus: metav1.Status{
			Status: metav1.StatusFailure, Code: 404, Reason: metav1.StatusReasonNotFound,
			Message: "the server could not find the requested resource",
			Details: &metav1.StatusDetails{},
		}},
		req: patch,
		want: "ephemeral containers are disabled in this cluster (the API server has no " +
			"pods/ephemeralcontainers): debug a copy of the pod instead " +
			"(--copy-to=NAME): the server could not find the requested resource",
	}, {
		name: "pod gone",
		err:  apierrors.NewNotFound(pods, "web"),
		req:  patch,
		want: `pod "web" is gone from namespace "x": it was deleted since kdbg-spec read it; ` +
			"run the pipeline again on a pod that exists",
	}, {
		name: "namespace gone",
		err:  apierrors.NewNotFound(schema.GroupResource{Resource: "namespaces"}, "nope"),
		req:  create,
		want: `namespace "nope" does not exist`,
	}, {
		name: "rbac",
		err: apierrors.NewForbidden(pods, "web", errors.New(`User "kdbg-limited" cannot `+
			`patch resource "pods/ephemeralcontainers" in API group "" in the namespace "x"`)),
		req: patch,
		want: `user "kdbg-limited" cannot patch pods/ephemeralcontainers in namespace "x": ` +
			`ask an admin for a Role that grants "patch" on "pods/ephemeralcontainers" ` +
			"in that namespace",
	}, {
		name: "pod security",
		err: &apierrors.StatusError{ErrStatus: metav1.Status{
			Status: metav1.StatusFailure, Code: 403, Reason: metav1.StatusReasonForbidden,
			Message: psMessage,
		}},
		req: create,
		want: `namespace "pss-restricted" enforces Pod Security level "restricted:latest" ` +
			"and the debug pod violates it: privileged (container \"debugger\" must not set " +
			"securityContext.privileged=true): try --profile=restricted",
	}, {
		name: "pod security on ephemeral container",
		err: apierrors.NewForbidden(pods, "web", errors.New(`violates PodSecurity `+
			`"baseline:v1.37": host namespaces (hostPID=true)`)),
		req: patch,
		want: `namespace "x" enforces Pod Security level "baseline:v1.37" and the debug ` +
			"container violates it: host namespaces (hostPID=true): " +
			"try --profile=baseline",
	}, {
		name: "invalid",
		err: apierrors.NewInvalid(schema.GroupKind{Kind: "Pod"}, "web", field.ErrorList{
			field.Duplicate(field.NewPath("spec", "ephemeralContainers").Index(1).Child("name"),
				"debugger"),
			field.Required(field.NewPath("spec", "ephemeralContainers").Index(1).Child("image"),
				""),
		}),
		req: patch,
		want: `pod "web" is invalid: spec.ephemeralContainers[1].name: Duplicate value: ` +
			`"debugger"; spec.ephemeralContainers[1].image: Required value`,
	}, {
		name: "invalid with a diff",
		err: apierrors.NewInvalid(schema.GroupKind{Kind: "Pod"}, "web", field.ErrorList{
			field.Forbidden(field.NewPath("spec", "ephemeralContainers"),
				"existing ephemeral containers \"d\" may not be changed\n@@ -1 +1 @@\n-a\n+b"),
		}),
		req: patch,
		want: `pod "web" is invalid: spec.ephemeralContainers: Forbidden: existing ` +
			`ephemeral containers "d" may not be changed`,
	}, {
		name: "already exists",
		err:  apierrors.NewAlreadyExists(pods, "web-debug"),
		req:  create,
		want: `pod "web-debug" already exists in namespace "pss-restricted": choose another ` +
			"name (--copy-to, or delete the old pod)",
	}, {
		name: "other",
		err:  errors.New("connection refused"),
		req:  create,
		want: `create pods "web-debug" in namespace "pss-restricted": connection refused`,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := explain(tt.err, tt.req).Error(); got != tt.want {
				t.Errorf("explain() = %q, want %q", got, tt.want)
			}
		})
	}
}
