#!/usr/bin/env bash
# Runs every test: unit tests per module, the GFM spec, end-to-end tests of the tool
# (swift test), then the example site in a real browser behind nginx (pytest Tests/e2e:
# axe-core, the W3C Nu validator, links, keyboard, layout at 375 and 1280 px).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/install-dependencies.sh
swift build --build-tests
swift test --skip-build "$@"
python3 -m pytest Tests/messages Tests/e2e -q
# Each fuzz target for a bounded time (FUZZ_SECONDS, default 60): a crash, a leak, a broken
# invariant or an input slower than 10 s fails the run.
for target in page csv blocks template; do
  scripts/fuzz.sh "$target" "${FUZZ_SECONDS:-60}"
done
