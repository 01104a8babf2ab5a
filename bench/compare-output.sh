#!/usr/bin/env bash
# Builds the example site and a 1,000-page corpus with a release build of REVISION and of
# the working tree, and compares every output file byte for byte: a change meant to keep
# the output (a restructuring) must print "identical".
# Usage: bench/compare-output.sh [REVISION] [PAGES]   (default: HEAD, 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
revision=${1:-HEAD}
pages=${2:-1000}
work=/dev/shm/samsyn-compare
rm -rf "$work/base" "$work/out-base" "$work/out-new" "$work/corpus"
mkdir -p "$work"
git worktree add --detach -f "$work/base" "$revision" >/dev/null 2>&1
trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true' EXIT
echo "building $revision and the working tree (release)…"
(cd "$work/base" && swift build -c release --product samsyn --scratch-path "$work/base-build" >"$work/base-build.log" 2>&1) \
  || { echo "$revision does not build:" >&2; tail -20 "$work/base-build.log" >&2; exit 1; }
swift build -c release --product samsyn >"$work/build.log" 2>&1 || { echo "the working tree does not build:" >&2; tail -20 "$work/build.log" >&2; exit 1; }
python3 ../shared/bench/gen_corpus.py "$work/corpus" --pages "$pages" >/dev/null 2>&1
cp -r templates "$work/corpus/templates"
sed -n '/^accessibility:/,$p' content/site.yml >> "$work/corpus/content/site.yml"
export SOURCE_DATE_EPOCH=1795521600
for site in example corpus; do
  source_dir=$PWD
  [ "$site" = corpus ] && source_dir=$work/corpus
  "$work/base-build/release/samsyn" build --source "$source_dir" --output "$work/out-base/$site" >/dev/null 2>&1 || true
  .build/release/samsyn build --source "$source_dir" --output "$work/out-new/$site" >/dev/null 2>&1 || true
  [ -d "$work/out-base/$site" ] || { echo "$revision did not build the $site site" >&2; exit 1; }
  [ -d "$work/out-new/$site" ] || { echo "the working tree did not build the $site site" >&2; exit 1; }
done
if diff -r -q "$work/out-base" "$work/out-new"; then
  echo "identical: $(find "$work/out-new" -type f | wc -l) files"
else
  echo "the output differs (above)" >&2
  exit 1
fi
