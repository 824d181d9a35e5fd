#!/bin/sh
# Checks the PyTorch and Optuna exports for real (not part of scripts/test.sh: torch is
# large). Creates target/pyvenv-torch (torch, numpy, optuna 5.0.0) when missing, exports
# four setups with the page's generator (examples/torch_export.rs), runs them with torch,
# under torchrun with two processes, and a tiny Optuna study in two processes sharing one
# SQLite storage, and compares the losses with nnplay's core (scripts/verify-pytorch.py).
set -eu
cd "$(dirname "$0")/.."
VENV=target/pyvenv-torch
EPOCHS=100
if ! "$VENV/bin/python" -c "import torch, numpy, optuna; assert torch.__version__.startswith('2.15.0') and optuna.__version__ == '5.0.0'" 2>/dev/null; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet torch==2.15.0 numpy==2.4.6 optuna==5.0.0
fi
OUT=target/verify-pytorch
cargo run --release --offline --quiet --example torch_export -- "$OUT" "$EPOCHS" >/dev/null
"$VENV/bin/python" scripts/verify-pytorch.py "$OUT" "$EPOCHS"
