#!/usr/bin/env bash
# Full builds of the shared benchmark corpus by Samsyn and by Hugo, side by side.
# Usage: bench/compare-hugo.sh [PAGES ...]   (default: 1000 10000)
# Needs Debian's hugo (apt-get install hugo). Works in /dev/shm for stable numbers.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hugo >/dev/null || { echo "install Hugo first: apt-get install hugo" >&2; exit 2; }
swift build -c release --product samsyn >/dev/null
samsyn=$PWD/.build/release/samsyn
runs=${RUNS:-5}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

printf '| pages | Samsyn full build | Hugo full build (--renderToMemory) | ratio | Samsyn peak memory |\n| --- | --- | --- | --- | --- |\n'
for pages in "${@:-1000 10000}"; do
  for n in $pages; do
    work=/dev/shm/samsyn-bench-$n
    python3 ../shared/bench/gen_corpus.py "$work" --pages "$n" --hugo >/dev/null
    rm -rf "$work/templates" && cp -r templates "$work/templates"
    # The corpus's site.yml has no accessibility statement, which public targets need.
    sed -n '/^accessibility:/,$p' content/site.yml >> "$work/content/site.yml"
    samsyn_times=() hugo_times=() peak=0
    for _ in $(seq "$runs"); do
      # A failed build has no time worth recording: stop and show why. Hugo makes no PDFs,
      # so neither does Samsyn here; the reports' PDFs are measured apart (README, Benchmarks).
      if ! /usr/bin/time -o "$work/time.txt" -f "%e %M" "$samsyn" build --no-pdf --source "$work" --output "$work/public" >"$work/samsyn.log" 2>&1; then
        echo "samsyn failed on the $n-page corpus:" >&2; tail -20 "$work/samsyn.log" >&2; exit 1
      fi
      out=$(tail -1 "$work/time.txt")
      samsyn_times+=("${out% *}")
      [ "${out#* }" -gt "$peak" ] && peak=${out#* }
      start=$(date +%s.%N)
      (cd "$work/hugo-site" && hugo --renderToMemory --quiet >/dev/null 2>"$work/hugo.log") || {
        echo "hugo failed on the $n-page corpus:" >&2; tail -20 "$work/hugo.log" >&2; exit 1
      }
      hugo_times+=("$(echo "$(date +%s.%N) - $start" | bc)")
    done
    s=$(printf '%s\n' "${samsyn_times[@]}" | median)
    h=$(printf '%s\n' "${hugo_times[@]}" | median)
    printf '| %s | %.2f s | %.2f s | %.2f | %d MB |\n' "$n" "$s" "$h" "$(echo "$s / $h" | bc -l)" "$((peak / 1024))"
  done
done
