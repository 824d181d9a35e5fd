#!/usr/bin/env bash
# nnplay next to scikit-learn's MLPClassifier on the tabular files scikit-learn
# ships (bench/tabular/compare.py). Installs scikit-learn and NumPy into a
# virtual environment (target/pyvenv) the first time; writes
# target/tabular/results.md. Not part of scripts/test.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
venv=target/pyvenv
if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c "import sklearn, numpy" 2>/dev/null; then
  echo "nnplay: installing scikit-learn and NumPy into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "scikit-learn==1.9.1" "numpy==2.4.6"
fi
cargo build --offline --release --example tabular
mkdir -p target/tabular
"$venv/bin/python" bench/tabular/compare.py | tee target/tabular/results.md
