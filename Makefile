# The commands of this project. `make help` lists them.
SHELL := /bin/bash
GO ?= go
BUILD := build
# The trainer and the libtorch tests build against a patched copy of gotch
# (see train/gotchpatch); this go.work puts it in place of the module.
TORCHWORK := $(CURDIR)/$(BUILD)/go.work
TORCHGO := GOWORK=$(TORCHWORK) $(GO)
WASMGO := GOOS=js GOARCH=wasm $(GO)
ADDR ?= localhost:8080

.DEFAULT_GOAL := help
.PHONY: help test test-go test-wasm test-torch lint wasm serve train eval bench gotch libtorch clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-11s %s\n", $$1, $$2}'

test: lint test-go test-wasm test-torch ## Everything CI runs (installs libtorch-dev when missing)

lint: ## gofmt and go vet, natively and for wasm
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(WASMGO) vet ./nn ./weights

test-go: ## Pure-Go tests (no libtorch needed)
	$(GO) test ./...

test-wasm: ## Build the engine and weights loader for GOOS=js GOARCH=wasm
	$(WASMGO) build ./nn ./weights

test-torch: gotch ## Parity and training tests against libtorch
	$(TORCHGO) test -tags gotch ./train/...

libtorch: ## Install Debian's libtorch-dev if it is missing
	@scripts/apt-need libtorch-dev

gotch: $(BUILD)/gotch/.stamp ## Make the patched gotch copy and build/go.work

$(BUILD)/gotch/.stamp: train/gotchpatch/*.go | libtorch
	@mkdir -p $(BUILD)
	$(GO) run ./train/gotchpatch -out $(BUILD)/gotch -work $(TORCHWORK) $(GOTCH_FLAGS)
	@touch $@

train: gotch ## Train both autoencoders on MNIST and write weights/ (ARGS="-epochs 5 ..." for flags)
	$(TORCHGO) run -tags gotch ./train $(ARGS)

eval: ## Measure weights/ and the classical denoisers on the noisy MNIST test set
	$(GO) run ./cmd/eval $(ARGS)

bench: ## Engine benchmarks (native)
	$(GO) test -run '^$$' -bench . -benchmem ./nn

clean: ## Remove build outputs
	rm -rf $(BUILD)
