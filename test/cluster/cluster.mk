# cluster.mk: kdbg's local single-node Kubernetes for end-to-end tests and the
# demo (issue 3). The root Makefile includes it; it also works on its own:
#   make -f test/cluster/cluster.mk cluster-up
# Everything the cluster makes lives under KDBG_CLUSTER_DIR. Root is required.

# Including this file must not change the includer's default goal.
KDBG_SAVED_GOAL := $(.DEFAULT_GOAL)

KDBG_CLUSTER_DIR ?= /var/tmp/kdbg-cluster
export KDBG_CLUSTER_DIR
# Set to 1 to keep the cluster running after `make e2e` (e.g. a shared cluster).
KDBG_CLUSTER_KEEP ?=
# Extra flags for the end-to-end `go test`, e.g. KDBG_E2E_FLAGS='-v -run TestSmoke'.
KDBG_E2E_FLAGS ?=

KDBG_CLUSTER_SRC := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
KDBG_REPO_ROOT := $(abspath $(KDBG_CLUSTER_SRC)/../..)
KDBG_KCLUSTER := $(KDBG_CLUSTER_DIR)/bin/kcluster
KDBG_K8S_VERSION := v1.37.2
KDBG_K8S_LDFLAGS := -s -w $(foreach p,k8s.io/component-base/version k8s.io/client-go/pkg/version,\
	-X $(p).gitVersion=$(KDBG_K8S_VERSION) -X $(p).gitMajor=1 -X $(p).gitMinor=37 \
	-X $(p).gitTreeState=clean)

.PHONY: cluster-deps cluster-build cluster-test cluster-up cluster-down e2e

cluster-deps: ## install the Debian packages the local cluster needs (idempotent)
	@$(KDBG_CLUSTER_SRC)/install-deps.sh

cluster-build: ## build kube-apiserver, -controller-manager, -scheduler, kubelet, etcd, harness
	@mkdir -p $(KDBG_CLUSTER_DIR)/bin
	@cd $(KDBG_CLUSTER_SRC) && CGO_ENABLED=0 go build -trimpath \
		-ldflags '$(KDBG_K8S_LDFLAGS)' -o $(KDBG_CLUSTER_DIR)/bin/ ./cmd/...

cluster-test: ## unit tests and vet of the cluster harness (its own Go module)
	@cd $(KDBG_CLUSTER_SRC) && test -z "$$(gofmt -l .)" && \
		go test ./cmd/kcluster/ ./cmd/etcd/ ./cmd/pause/ ./cmd/demo-app/

cluster-up: cluster-build ## start the local cluster (idempotent); prints the kubeconfig path
	@$(KDBG_KCLUSTER) up

cluster-down: ## stop the local cluster and remove all it made (safe when nothing is up)
	@if [ -x $(KDBG_KCLUSTER) ]; then $(KDBG_KCLUSTER) down; \
	else cd $(KDBG_CLUSTER_SRC) && go run ./cmd/kcluster down; fi

e2e: cluster-build ## cluster up, end-to-end tests (go test -tags e2e), cluster down
	@set -e; \
	if [ "$(KDBG_CLUSTER_KEEP)" != 1 ]; then trap '$(KDBG_KCLUSTER) down' EXIT; fi; \
	trap 'exit 130' INT TERM; \
	KUBECONFIG=$$($(KDBG_KCLUSTER) up); export KUBECONFIG; \
	cd $(KDBG_REPO_ROOT) && \
		KDBG_E2E_REQUIRE=1 go test -tags e2e -count=1 $(KDBG_E2E_FLAGS) ./test/e2e/...

.DEFAULT_GOAL := $(KDBG_SAVED_GOAL)
