# Teigen — the few commands a person or CI needs.
#
#   make site    release build, then build site/ into public/
#   make serve   release build, then preview site/ with live reload
#   make test    every test: Swift tests, checks on the built site, deploy test
#   make bench   Teigen vs Hugo (and cmark) benchmarks, written to BENCHMARKS.md
#   make fuzz    libFuzzer targets under AddressSanitizer for FUZZ_SECONDS each
#   make clean   remove build products and outputs
#
# Builds: tests use the debug build (swift build --build-tests compiles the
# tests and the teigen binary together); site, serve and bench use the
# release build. Each is built once per run.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := site

SWIFT ?= swift
# Extra flags for every swift build/test, e.g. SWIFT_FLAGS='--scratch-path .build-ci'.
SWIFT_FLAGS ?=
export SWIFT_FLAGS

# The release build links Swift's runtime and Foundation into the binary: no dynamic loading of
# them at start-up (about 5 ms less per run), and a binary that runs without the toolchain.
RELEASE_FLAGS ?= --static-swift-stdlib
export RELEASE_FLAGS

SOURCE ?= site
OUTPUT ?= public

# Evaluated when a recipe runs, after the build, so the path is the real one.
release_bin = $$($(SWIFT) build -c release --show-bin-path $(SWIFT_FLAGS))/teigen

.PHONY: site serve test bench fuzz asan clean release

release:
	bash scripts/install-deps.sh site
	$(SWIFT) build -c release --product teigen $(RELEASE_FLAGS) $(SWIFT_FLAGS)

site: release
	$(release_bin) build --source $(SOURCE) --output $(OUTPUT)

serve: release
	$(release_bin) serve --source $(SOURCE)

# The stages, their time limits and the closing `N passed, N failed` line are
# in scripts/run-tests.sh, where they read as a list.
test:
	bash scripts/run-tests.sh

bench:
	bash bench/run.sh

# The Markdown module's tests under AddressSanitizer/LeakSanitizer (also a stage of make test).
asan:
	bash scripts/install-deps.sh test
	bash scripts/asan.sh

# libFuzzer targets under AddressSanitizer (Fuzz/), FUZZ_SECONDS per target (default 600).
FUZZ_SECONDS ?= 600
fuzz:
	bash scripts/install-deps.sh fuzz
	bash scripts/fuzz.sh $(FUZZ_SECONDS)

clean:
	$(SWIFT) package clean $(SWIFT_FLAGS)
	rm -rf $(OUTPUT) screenshots .bench
