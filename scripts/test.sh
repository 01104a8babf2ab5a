#!/usr/bin/env bash
# Runs every test: unit tests per module, the GFM spec and end-to-end tests of the tool.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/install-dependencies.sh
swift build --build-tests
swift test --skip-build "$@"
