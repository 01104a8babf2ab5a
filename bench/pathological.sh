#!/usr/bin/env bash
# Input shaped to be expensive, each shape at doubling sizes: every ratio of build times
# should stay near 2. A benchmark, not a test: run it after changing a step.
# Usage: bench/pathological.sh [SHAPE ...]   (long-word links headings template-tags …)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product samsyn >/dev/null
python3 bench/pathological.py "$PWD/.build/release/samsyn" "$@"
