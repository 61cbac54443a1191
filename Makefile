# Partnership Planner. The two commands people need:
#   make serve   build the release app and serve it on http://127.0.0.1:8080
#   make test    run every test (Rust unit tests, then end-to-end in headless Chromium)
# Both install whatever is missing first (see .ci/tools.sh), and are quiet when nothing is.
#
# PLAIN_BUILD=1 switches off every build step that is not trunk's own: the size-optimized
# standard library (.ci/trunk.sh) and the post-build rewriting of dist/ (.ci/post-build.mjs:
# slim, minify, inline, CSP). `PLAIN_BUILD=1 make build` then is `trunk build --release
# --offline`, no more. `make test-plain` builds that into dist-plain/ and runs the end-to-end
# tests against it (the few tests of what a post-build step itself does are skipped there).

SHELL := /bin/bash
# trunk finds wasm-bindgen in ~/.cargo/bin and wasm-opt from npm's binaryen; --offline stops it
# from ever downloading tools of its own.
export PATH := $(CURDIR)/.tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# .ci/trunk.sh runs trunk with the size-optimized build's settings.
TRUNK_BUILD := bash .ci/trunk.sh build

.PHONY: serve build test test-unit test-e2e test-plain bench tools fmt clean

tools:
	@bash .ci/tools.sh build

build: tools
	@$(TRUNK_BUILD)

serve: tools
	bash .ci/trunk.sh serve

test: 
	@bash .ci/tools.sh test
	@$(MAKE) --no-print-directory test-unit
	@$(TRUNK_BUILD)
	@$(MAKE) --no-print-directory test-e2e

test-unit:
	cargo test --quiet

# End-to-end tests against the release build in dist/ (run `make build` first), or in the
# folder DIST names (DIST=dist-plain).
test-e2e:
	node --test --test-concurrency=1 tests/e2e/

# The plain build (PLAIN_BUILD=1, above) in dist-plain/, with its own cargo target folder so that
# it and the size-optimized build do not rebuild each other, and the end-to-end tests against it.
test-plain:
	@bash .ci/tools.sh test
	@PLAIN_BUILD=1 CARGO_TARGET_DIR=$(CURDIR)/target/plain bash .ci/trunk.sh build --dist $(CURDIR)/dist-plain
	@PLAIN_BUILD=1 DIST=dist-plain $(MAKE) --no-print-directory test-e2e

# The floor page (tests/bench/floor) is built like the app, into target/floor/.
bench:
	@bash .ci/tools.sh test
	@$(TRUNK_BUILD)
	@CARGO_TARGET_DIR=$(CURDIR)/target/floor $(TRUNK_BUILD) --config tests/bench/floor/Trunk.toml --dist $(CURDIR)/target/floor/dist
	node tests/bench/bench.mjs

fmt:
	cargo fmt

clean:
	cargo clean
	rm -rf dist dist-plain
