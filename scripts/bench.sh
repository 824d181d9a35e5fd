#!/usr/bin/env bash
# The browser benchmark: builds dist/, installs the peers from npm by name
# (TensorFlow.js with its cpu and wasm backends, brain.js, ConvNetJS; see
# bench/browser/package.json), and runs bench/browser/run.mjs in headless
# Chromium with nnplay as the project: W1-W4 (training) and R1 (the 100 x 100
# picture) on the same data, initial weights and batch order. It prints each
# peer's figures and its ratio to nnplay within each round, and writes
# target/bench/results.{json,md}.
#   scripts/bench.sh            3 rounds, every peer
#   scripts/bench.sh 1 --peers tfjs-cpu,tfjs-wasm,tfjs-wasm-simd --workloads W2,R1
# Timings are noisy on a shared machine: compare the per-round ratios.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
rounds="${1:-3}"
shift || true
scripts/build.sh
if [[ ! -d bench/browser/node_modules/@tensorflow/tfjs-backend-wasm ]]; then
  echo "nnplay: installing the benchmark's peers (npm ci in bench/browser)"
  (cd bench/browser && npm ci --no-audit --no-fund)
fi
mkdir -p target/bench
node bench/browser/run.mjs --out target/bench/results.json --md target/bench/results.md \
  --repeat "$rounds" --project dist --project-name nnplay "$@"
