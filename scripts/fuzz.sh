#!/usr/bin/env bash
# Fuzzes one target with libFuzzer for a number of seconds: page, csv, blocks or template.
# Usage: scripts/fuzz.sh TARGET SECONDS   (0: replay the corpus and regressions once)
# Builds samsyn-fuzz with the fuzzer and address sanitizers (in .build/fuzz, apart from the
# normal build), starts from a seed corpus made of the example site (Tests/Fuzz/seeds/TARGET
# and what earlier runs found, kept in .build/fuzz/corpus/TARGET), and fails on a crash, a
# leak, a broken invariant or an input that takes more than 10 seconds. A failing input is
# written to Tests/Fuzz/findings/; fix the cause, then move it into Tests/Fuzz/regressions/
# TARGET/, which the test suite runs every time.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh page|csv|blocks|template SECONDS}
seconds=${2:?usage: scripts/fuzz.sh TARGET SECONDS}
case "$target" in page|csv|blocks|template) ;; *) echo "unknown target '$target'" >&2; exit 2 ;; esac

swift build -c release --scratch-path .build/fuzz --product samsyn-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DSAMSYN_FUZZING >/dev/null
corpus=.build/fuzz/corpus/$target
mkdir -p "$corpus" Tests/Fuzz/findings
python3 Tests/Fuzz/make_seeds.py "$target" "$corpus"
export SAMSYN_FUZZ_TARGET=$target SAMSYN_FUZZ_TEMPLATES=$PWD/templates
# Swift's own backtracer reads the stack in a way the address sanitizer reports as an error
# of its own, hiding the real one: libFuzzer and the sanitizer report crashes instead.
export SWIFT_BACKTRACE=enable=no
# 0 seconds replays the corpus and the regressions once (libFuzzer's own 0 means no limit).
limit=-max_total_time=$seconds
[ "$seconds" -gt 0 ] || limit=-runs=0
.build/fuzz/release/samsyn-fuzz "$corpus" Tests/Fuzz/regressions/"$target" \
  "$limit" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
  -artifact_prefix=Tests/Fuzz/findings/"$target"- -print_final_stats=1
