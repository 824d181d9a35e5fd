#!/usr/bin/env bash
# Installs whatever is missing, then serves the playground at http://127.0.0.1:8080
# (optimised build, rebuilt when a file changes). Extra arguments go to `trunk serve`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
scripts/setup.sh
echo "nnplay: building and serving on http://127.0.0.1:8080 (Ctrl-C stops)"
exec trunk serve --release --offline "$@"
