#!/usr/bin/env bash
# The search benchmark: one fixed 48-trial grid on the spiral data (learning
# rate {0.003, 0.01, 0.03, 0.1} x batch size {1, 10, 30} x networks
# {[4], [8,8], [8,8,8], [6,6,6,6]}, tanh, 500 epochs a trial), measured in
# trials per second on this machine with all its cores:
#   1. the Python peer, Optuna's GridSampler driving scikit-learn's
#      MLPClassifier (bench/search/peer_sklearn.py), on the same points as CSV
#      (examples/spiral_csv.rs), installed from PyPI into target/pyvenv-search
#      the first time;
#   2. nnplay in headless Chromium (bench/search/run.mjs), when the page is
#      built (dist/: scripts/build.sh), with 1 worker and with N.
# Prints both figures and their ratio; writes target/search/{peer,nnplay}.json.
#   scripts/bench-search.sh                 the whole benchmark
#   scripts/bench-search.sh --variants pool extra options for the peer
#   SEARCH_ROUNDS=5 scripts/bench-search.sh  nnplay's pair of runs 5 times (3 by default; medians)
# Not part of scripts/test.sh: timings on a shared machine are noisy, and
# nothing here asserts one.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

venv=target/pyvenv-search
pins=("optuna==5.0.0" "scikit-learn==1.9.1" "numpy==2.4.6")
if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" - "${pins[@]}" <<'EOF' 2>/dev/null; then
import sys
from importlib.metadata import version
sys.exit(any(version(n) != v for n, v in (p.split("==") for p in sys.argv[1:])))
EOF
  echo "nnplay: installing ${pins[*]} into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "${pins[@]}"
fi

out=target/search
cargo build --offline --release --example spiral_csv
target/release/examples/spiral_csv "$out"

echo "nnplay: the Python peer (48 trials with 1 job, then with $(nproc) jobs three ways; minutes)"
"$venv/bin/python" bench/search/peer_sklearn.py "$out/spiral-train.csv" "$out/spiral-test.csv" "$@" >"$out/peer.json"
"$venv/bin/python" - "$out/peer.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
one = d.get("one_job")
if one:
    print("peer, 1 job:  %.3f trials/s (%.1f s for %d trials, %.1f CPU s; a fit by batch size: %s s, CPU %s s)"
          % (one["trials_per_second"], one["seconds"], one["trials"], one["cpu_seconds"],
             one["fit_seconds_mean_by_batch"], one["fit_cpu_seconds_mean_by_batch"]))
for name, r in d["n_jobs"].items():
    print("peer, %d jobs (%s): %.3f trials/s (%.1f s, %.1f CPU s, load average %s)"
          % (d["jobs"], name, r["trials_per_second"], r["seconds"], r["cpu_seconds"], r["load_average_1min"]))
f = d.get("peer_figure")
if f:
    print("peer figure: %.3f trials/s (%d jobs, %s)" % (f["trials_per_second"], f["jobs"], f["variant"]))
EOF

if [[ ! -f dist/index.html ]]; then
  echo "nnplay: no dist/ (scripts/build.sh builds the page): the nnplay side is left out"
  exit 0
fi
if [[ ! -d node_modules/playwright-core ]]; then
  echo "nnplay: no node_modules/playwright-core (scripts/setup.sh installs it): the nnplay side is left out"
  exit 0
fi
node bench/search/run.mjs --dist dist --peer "$out/peer.json" --out "$out/nnplay.json" \
  --rounds "${SEARCH_ROUNDS:-3}" >/dev/null
node -e '
const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
for (const r of d.runs) console.log(`nnplay, round ${r.round}, ${r.workers} worker(s): ${r.trials_per_second} trials/s (${r.seconds} s)`);
console.log(`nnplay, median of ${d.rounds}: 1 worker ${d.one_worker_trials_per_second} trials/s, ${d.n_workers} workers ${d.n_workers_trials_per_second} trials/s`);
console.log(`nnplay scaling: ${d.scaling} (N-worker trials/s over N x 1-worker trials/s, N = ${d.n_workers})`);
if (d.ratio_to_peer !== undefined) console.log(`nnplay / peer: ${d.ratio_to_peer}x with all cores` +
  (d.ratio_to_peer_one_worker !== undefined ? `, ${d.ratio_to_peer_one_worker}x with one` : ""));
' "$out/nnplay.json"
