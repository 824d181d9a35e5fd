#!/usr/bin/env bash
# Optuna's Parzen estimator on fixed observations (bench/search/optuna_parzen.py)
# and its TPE on Branin (bench/search/optuna_branin.py): the reference figures
# written into src/search/parzen.rs and src/search/tests.rs. Installs Optuna into a virtual environment
# (target/pyvenv-optuna) the first time; afterwards it takes seconds.
# Not part of scripts/test.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
venv=target/pyvenv-optuna
if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c "import optuna" 2>/dev/null; then
  echo "nnplay: installing Optuna into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "optuna==5.0.0"
fi
"$venv/bin/python" bench/search/optuna_parzen.py
"$venv/bin/python" bench/search/optuna_branin.py
