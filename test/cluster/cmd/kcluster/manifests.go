package main

import "fmt"

// manifests are the namespaces and RBAC the tests rely on: one namespace per
// Pod Security level, and a user who may debug pods in one namespace only.
func manifests() string {
	ns := ""
	for _, level := range []string{"privileged", "baseline", "restricted"} {
		ns += fmt.Sprintf(`apiVersion: v1
kind: Namespace
metadata:
  name: pss-%[1]s
  labels:
    pod-security.kubernetes.io/enforce: %[1]s
    pod-security.kubernetes.io/warn: %[1]s
---
`, level)
	}
	return ns + fmt.Sprintf(`apiVersion: v1
kind: Namespace
metadata:
  name: %[1]s
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: kdbg-debugger
  namespace: %[1]s
rules:
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get", "list", "watch", "create", "delete"]
- apiGroups: [""]
  resources: ["pods/ephemeralcontainers"]
  verbs: ["patch"]
- apiGroups: [""]
  resources: ["pods/attach"]
  # An attach over WebSocket is a GET; over SPDY it is a POST (create).
  verbs: ["get", "create"]
- apiGroups: [""]
  resources: ["pods/log"]
  verbs: ["get"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: kdbg-debugger
  namespace: %[1]s
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: kdbg-debugger
subjects:
- apiGroup: rbac.authorization.k8s.io
  kind: User
  name: %[2]s
`, limitedNS, limitedUser)
}

// namespaces are those whose default ServiceAccount must exist before a pod
// can be created there.
var namespaces = []string{"default", "pss-privileged", "pss-baseline", "pss-restricted", limitedNS}
