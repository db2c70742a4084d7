# kdbg: build, test and lint the commands; run the local cluster, the end-to-end tests and
# the demo. `make help` lists the targets.

GO ?= go
BIN ?= bin
COMMANDS := $(notdir $(wildcard cmd/*))
STATICCHECK_VERSION := v0.8.2
FUZZTIME ?= 10s
PREFIX ?= /usr/local

.DEFAULT_GOAL := help
.PHONY: help build install test fuzz lint schema check demo

help: ## list the targets
	@grep -hE '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | \
		awk -F':.*## ' '{printf "  %-15s %s\n", $$1, $$2}'

build: ## build every command into ./bin
	@mkdir -p $(BIN)
	$(GO) build -trimpath -o $(BIN)/ ./cmd/...

install: build ## put the commands in PREFIX/bin (default /usr/local), with kdbg as kubectl-kdbg
	install -m 0755 $(addprefix $(BIN)/,$(COMMANDS)) $(PREFIX)/bin/
	ln -sf $(PREFIX)/bin/kdbg $(PREFIX)/bin/kubectl-kdbg

test: ## unit tests (hermetic: no cluster, no network) and a short run of each fuzz target
	$(GO) test -count=1 ./...
	@$(MAKE) --no-print-directory fuzz

fuzz: ## run each fuzz target for FUZZTIME (default 10s) from its seed corpus
	@set -e; for f in $$(grep -rlE '^func Fuzz' --include='*_test.go' lib cmd); do \
		dir=./$$(dirname $$f); \
		for t in $$(sed -nE 's/^func (Fuzz[A-Za-z0-9_]+).*/\1/p' $$f); do \
			echo "fuzz $$dir $$t"; \
			$(GO) test -run='^$$' -fuzz="^$$t$$" -fuzztime=$(FUZZTIME) $$dir; \
		done; \
	done

lint: ## gofmt, go vet, staticcheck, and go mod tidy must change nothing
	@out=$$(gofmt -l $$(git ls-files '*.go')); \
		if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) vet -tags e2e ./test/e2e/...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) ./...
	$(GO) mod tidy -diff

schema: ## regenerate docs/schema from the Go types of the contract
	$(GO) test ./lib/session -run TestSchemaIsCurrent -update

DEMO_KUBECONFIG = $(KDBG_CLUSTER_DIR)/kubeconfig
DEMO_IMAGE = kdbg.local/busybox:1.35

demo: cluster-deps build cluster-up ## local cluster, a distroless app, and a kdbg shell beside it
	kubectl --kubeconfig=$(DEMO_KUBECONFIG) apply -f test/demo/app.yaml
	kubectl --kubeconfig=$(DEMO_KUBECONFIG) wait --for=condition=Ready pod/app --timeout=120s
	@echo "kdbg -it --image=$(DEMO_IMAGE) app   (try: ps; exit to leave)"
	@$(BIN)/kdbg --kubeconfig=$(DEMO_KUBECONFIG) -it --image=$(DEMO_IMAGE) app

check: lint test e2e ## everything CI runs: lint, unit tests, fuzz, end-to-end tests

include test/cluster/cluster.mk
