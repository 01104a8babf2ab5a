#!/usr/bin/env bash
# Builds the example site in content/ into public/intranat/ and public/webb/.
set -euo pipefail
cd "$(dirname "$0")/.."
SAMSYN_BUILD_ONLY=1 source scripts/install-dependencies.sh
swift build --product samsyn
.build/debug/samsyn build "$@"
