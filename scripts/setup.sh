#!/usr/bin/env bash
# Installs whatever is missing for building, serving and testing nnplay, and nothing else.
# Idempotent: every step checks first, so a repeat run takes seconds.
#
# Pinned versions (keep in step):
#   TRUNK_VERSION          Trunk 0.21.14 is the newest that builds with rustc 1.95 (needs --locked).
#   WASM_BINDGEN_VERSION   must equal the `wasm-bindgen = "=X"` pin in Cargo.toml, because Trunk
#                          only uses a wasm-bindgen CLI on PATH whose version equals Cargo.lock's
#                          (otherwise it tries to download one, which fails offline).
#   binaryen (wasm-opt)    package.json pins npm binaryen@132; Debian's binaryen 108 miscompiles.
#   playwright-core        package.json; drives Debian's /usr/bin/chromium.
#   axe-core               package.json; the accessibility audits (tests/e2e/a11y.test.mjs).
#   NUMPY_VERSION          the NumPy in target/pyvenv, where the NumPy export's tests run the
#                          generated scripts (tests/numpy_export.rs, tests/e2e/numpy.test.mjs);
#                          scripts/tabular.sh adds scikit-learn to the same environment.
set -euo pipefail

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
NUMPY_VERSION=2.4.6

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

# 1. wasm32 target
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
for comp in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$comp"; then
    say "adding rustup component $comp"
    rustup component add "$comp"
  fi
done

# 2. Trunk (pinned)
if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  say "installing trunk $TRUNK_VERSION (takes several minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# 3. wasm-bindgen CLI equal to the crate pin
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # no --locked: one locked dependency of the CLI is missing from the registry
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# 4. Chromium for browser tests (Debian package; never a downloaded browser build)
if [ ! -x /usr/bin/chromium ]; then
  say "installing Debian chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi

# 5. npm packages: playwright-core and axe-core (browser tests) and binaryen's wasm-opt (release builds)
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/terser ] \
   || [ ! -d node_modules/axe-core ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (playwright-core, axe-core, binaryen, terser)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# 6. crates, so that builds can run with --offline
if [ ! -f target/.fetched ] || [ Cargo.lock -nt target/.fetched ]; then
  say "fetching crates"
  cargo fetch --locked 2>/dev/null || cargo fetch
  mkdir -p target && touch target/.fetched
fi

# 7. Python with NumPy for the NumPy export's tests (target/pyvenv; NNPLAY_PYTHON overrides its path)
venv=target/pyvenv
if ! "$venv/bin/python" -c "import numpy, sys; sys.exit(numpy.__version__ != '$NUMPY_VERSION')" 2>/dev/null; then
  say "installing NumPy $NUMPY_VERSION into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "numpy==$NUMPY_VERSION"
fi

say "ready: trunk $(trunk --version | awk '{print $2}'), wasm-bindgen $(wasm-bindgen --version | awk '{print $2}'), wasm-opt $(wasm-opt --version | awk '{print $3}'), $(/usr/bin/chromium --version 2>/dev/null | head -1), NumPy $("$venv/bin/python" -c 'import numpy; print(numpy.__version__)')"
