# The commands of this project. `make help` lists them.
SHELL := /bin/bash
GO ?= go
BUILD := build
# The trainer and the libtorch tests build against a patched copy of gotch
# (see train/gotchpatch); this go.work puts it in place of the module. The
# copy is kept in the user's cache folder, named by its content and shared by
# all of the user's clones that make the same copy, so that Go's build cache
# holds its compiled C++ wrappers once for all of them.
TORCHWORK := $(CURDIR)/$(BUILD)/go.work
GOTCHCACHE ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/godae
TORCHGO := GOWORK=$(TORCHWORK) $(GO)
WASMGO := GOOS=js GOARCH=wasm $(GO)
ADDR ?= localhost:8080

.DEFAULT_GOAL := help
.PHONY: help test test-go test-wasm test-torch lint wasm dist serve train eval bench gotch libtorch chromium fonts fuzz fuzz-short loadtest bench-train clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/$$(ADDR)/$(ADDR)/' | awk -F':.*## ' '{printf "  make %-11s %s\n", $$1, $$2}'

test: lint test-go test-wasm test-torch fuzz-short ## Everything CI runs (installs libtorch-dev, chromium and the test fonts when missing)

lint: ## gofmt and go vet, natively and for wasm
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(WASMGO) vet ./nn ./weights ./wasm ./bench/engine

# The fonts the generated test uploads are printed in (internal/uploads
# checks that this list is its own).
FONTS := fonts-dejavu-core fonts-dejavu-extra fonts-liberation fonts-comic-neue fonts-dkg-handwriting fonts-breip

fonts: ## Install the Debian font packages the generated test uploads use, if missing
	@scripts/apt-need $(FONTS)

test-go: chromium fonts ## Pure-Go tests, and the browser tests in headless Chromium (no libtorch needed)
	$(GO) test ./...

test-wasm: ## Build the engine, the weights loader and the app for GOOS=js GOARCH=wasm
	$(WASMGO) build ./nn ./weights ./wasm ./bench/engine

# The app's wasm is built without inlining except in math and the engine
# (nn), whose loops are the only hot code: smaller with gzip, though larger
# before compression, and the first denoised image comes no later (docs/performance.md;
# make bench).
APPFLAGS := -trimpath -ldflags="-s -w" -gcflags=all=-l -gcflags=math= -gcflags=github.com/godae/dae/nn=

# PRECOMPRESS=0 leaves main.wasm.gz out (the browser tests do: zopfli took
# 12 s of make test, and the server then gzips main.wasm itself, which the
# server's own tests cover both ways).
PRECOMPRESS ?= 1

wasm: ## Build the browser app into web/ (main.wasm, main.wasm.gz with zopfli if installed, wasm_exec.js)
	$(WASMGO) build $(APPFLAGS) -o web/main.wasm ./wasm
	cp "$$($(GO) env GOROOT)/lib/wasm/wasm_exec.js" web/wasm_exec.js
	$(if $(filter 0,$(PRECOMPRESS)),rm -f web/main.wasm.gz,scripts/precompress web/main.wasm)

dist: wasm ## Write the app as a static site to dist/ (files, .gz and .br beside them, _headers) for any static host
	$(GO) run ./server -dir . -dist dist

serve: wasm ## Run the app with the bundled weights on http://$(ADDR) (ADDR=host:port for another)
	$(GO) run ./server -addr $(ADDR) $(ARGS)

test-torch: gotch ## Parity and training tests against libtorch
	$(TORCHGO) test -tags gotch ./train/...

libtorch: ## Install Debian's libtorch-dev if it is missing
	@scripts/apt-need libtorch-dev

chromium: ## Install Debian's chromium (for the browser tests) if it is missing
	@scripts/apt-need chromium

gotch: libtorch ## Make the patched gotch copy (once, in ~/.cache/godae) and build/go.work
	@mkdir -p $(BUILD)
	$(GO) run ./train/gotchpatch -cache $(GOTCHCACHE) -work $(TORCHWORK) $(GOTCH_FLAGS)

train: gotch ## Train the four models (seed DAE, plain AE, digit reader, strong model) on MNIST and write weights/ (ARGS="-models strong ..." for flags)
	$(TORCHGO) run -tags gotch ./train $(ARGS)

eval: $(if $(findstring -uploads,$(ARGS)),fonts) ## Measure weights/ and the classical denoisers on the noisy MNIST test set; ARGS="-uploads N" also reads N generated uploads
	$(GO) run ./eval $(ARGS)

FUZZTIME ?= 10m
FUZZ_TARGETS := weights:FuzzParse nn:FuzzParseArch nn:FuzzBudget digitprep:FuzzUpload webapp:FuzzParseLink webapp:FuzzPrepMessages webapp:FuzzKept internal/jsonstr:FuzzAppend mnist:FuzzRead server:FuzzChooseEncoding

# make test's short runs are counted in executions, 3 to 6 s each here
# (FuzzUpload's and FuzzParseArch's halved on 2026-12-05, when make test
# neared its 4 minutes: they took 11 and 7 s; make fuzz runs them long),
# not timed: Go 1.26's fuzzing coordinator can report a timed run's end as
# "context deadline exceeded" when a worker is mid-input (go.dev/issue/75804,
# fixed in Go 1.27), which FuzzBudget's slow inputs made happen.
# FuzzBudget's 1,500 executions cut to 1,000 on 2026-12-06, when make test
# stood at 4 min 7 s from a clean clone: one run stalled 9 s past its
# thousandth (a slow input on its one worker).
# FuzzBudget compares an image's time with the budget's edges timed in the
# same process, so it runs one worker: a second worker's heavy input on the
# other core made an input take 1.5 times as long as alone (a fresh
# clone's make test failed so), with nothing wrong in the budget.
FUZZ_SHORT := weights:FuzzParse:75000x nn:FuzzParseArch:50000x nn:FuzzBudget:1000x digitprep:FuzzUpload:25000x

fuzz-short: ## A short run of each fuzz target (part of make test)
	@for t in $(FUZZ_SHORT); do pkg=$${t%%:*}; rest=$${t#*:}; fn=$${rest%%:*}; n=$${rest#*:}; \
	  par=; [ "$$fn" = FuzzBudget ] && par="-parallel 1"; \
	  echo "fuzzing $$fn in ./$$pkg for $$n"; \
	  $(GO) test -run '^$$' -fuzz "^$$fn$$" -fuzztime $$n $$par ./$$pkg || exit 1; done

fuzz: ## Run each fuzz target for FUZZTIME (default 10m)
	@for t in $(FUZZ_TARGETS); do pkg=$${t%%:*}; fn=$${t##*:}; \
	  par=; [ "$$fn" = FuzzBudget ] && par="-parallel 1"; \
	  echo "fuzzing $$fn in ./$$pkg for $(FUZZTIME)"; \
	  $(GO) test -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME) $$par ./$$pkg || exit 1; done

bench-train: ## Time an epoch of make train against PyTorch (installs python3-torch)
	bench/train-epoch

loadtest: ## Hold the server at 256 connections for 30 s on loopback with wrk
	scripts/loadtest 30 256

bench: gotch chromium fonts ## Benchmarks: nn, digitprep and libtorch natively, then Go wasm against onnxruntime-web and TF.js in Chromium, and the app's cold start
	@scripts/apt-need zopfli
	$(GO) test -run '^$$' -bench . -benchmem ./nn ./digitprep
	$(TORCHGO) test -tags gotch -run '^$$' -bench . ./train/torchnet
	$(GO) run ./bench/run

clean: ## Remove build outputs (the patched gotch copies shared by clones stay in ~/.cache/godae)
	rm -rf $(BUILD)
