#!/usr/bin/env bash
# Installs whatever is missing, then builds the static site into dist/
# (relative URLs: copy dist/ to any folder of any static host).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
scripts/setup.sh
trunk build --release --offline
echo "nnplay: built dist/ ($(du -sh dist | cut -f1))"
