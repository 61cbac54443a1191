#!/usr/bin/env bash
# The release build of the app: `trunk.sh build` writes dist/, `trunk.sh serve` serves it. Used
# by the Makefile (build, serve, test, bench) and the Pages workflow, so all of them ship and
# test the same bytes.
#
# The smallest form compiles the standard library with the app, optimized for size, and makes a
# panic trap at once instead of formatting a message nobody would see (-Cpanic=immediate-abort):
# about 30 KB less to download, gzipped. Those cargo and rustc options are not stable yet, so
# RUSTC_BOOTSTRAP=1 switches them on for this one build; they need the toolchain's rust-src
# (tools.sh installs it, and fetches the crates the standard library uses). Without rust-src
# this builds the plain release: the same app, larger.
#
# PLAIN_BUILD=1 switches off every step that is not trunk's own: no size-optimized standard
# library here, and no post-build rewriting (.ci/post-build.mjs does nothing). What is left is
# `trunk build --release --offline` as trunk does it, wasm-opt included, and one wasm (not split).
# `make test-plain` builds it into dist-plain/ and runs the end-to-end tests against it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${PLAIN_BUILD:-}" = 1 ]; then
  export PLAIN_BUILD
  unset RUSTC_BOOTSTRAP CARGO_UNSTABLE_BUILD_STD CARGO_UNSTABLE_BUILD_STD_FEATURES \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS PP_SPLIT
else
  # The split wasm (docs/decisions/0009-split-wasm.md): the pages the first screen does not need
  # are separate files, fetched when opened. .ci/build.rs reads PP_SPLIT; trunk finds
  # .ci/bin/wasm-bindgen first, which runs wasm-split-cli before the real wasm-bindgen.
  export PP_SPLIT=1
  export PATH="$PWD/.ci/bin:$PATH"
  if rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
    export RUSTC_BOOTSTRAP=1
    export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
    export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
    # Added to .cargo/config.toml's flags for this target (erase_components).
    export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
  else
    echo "trunk.sh: rust-src is not installed: building without the size options" >&2
  fi
fi
case "${1:-build}" in
  build) shift || true; exec trunk --quiet build --release --offline "$@" ;;
  serve) shift; exec trunk serve --release --offline "$@" ;;
  *) echo "usage: $0 build|serve [trunk options]" >&2; exit 2 ;;
esac
