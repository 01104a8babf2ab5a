#!/usr/bin/env bash
# Times a full build of 1,000 charts from 50 CSV files (release build, median of 5 runs).
# Usage: bench/charts.sh [WORKDIR]   (default /dev/shm/samsyn-charts, in memory for stable numbers)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/dev/shm/samsyn-charts}
swift build -c release --product samsyn >/dev/null
python3 bench/gen_chart_corpus.py "$work"
bin=.build/release/samsyn
# The charts' cost alone: the reports' PDFs are measured apart.
"$bin" build --no-pdf --source "$work" --output "$work/public" >/dev/null   # warm the file cache
times=()
for _ in 1 2 3 4 5; do
  start=$(date +%s.%N)
  "$bin" build --no-pdf --source "$work" --output "$work/public" >/dev/null
  end=$(date +%s.%N)
  times+=("$(echo "$end - $start" | bc)")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
echo "1,000 charts from 50 CSV files, full build: median ${median} s (runs: ${times[*]})"
"$bin" build --no-pdf --source "$work" --output "$work/public"
