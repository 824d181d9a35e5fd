#!/usr/bin/env bash
# Installs whatever is missing, then runs every check and test:
# formatting, clippy (native and wasm32), native tests, wasm tests (Node.js),
# a release Trunk build, and the browser tests in headless Chromium.
# Exits non-zero on the first failure.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

section() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }

section "setup"
scripts/setup.sh

section "cargo fmt --check"
cargo fmt --check

section "clippy (native)"
cargo clippy --offline --all-targets -- -D warnings

section "clippy (wasm32)"
cargo clippy --offline --all-targets --target wasm32-unknown-unknown -- -D warnings

section "native tests (cargo test)"
cargo test --offline

section "wasm tests (wasm-bindgen-test-runner, Node.js)"
cargo test --offline --target wasm32-unknown-unknown --test wasm

section "release build (trunk build --release)"
trunk build --release --offline

section "browser tests (headless Chromium)"
node --test --test-concurrency=1 tests/e2e/
