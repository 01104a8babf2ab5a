#!/usr/bin/env bash
# Publishes one built target to the folder a web server serves, keeping the previous
# version served until the new one is complete.
#
#   scripts/publish.sh public/webb /var/www/skolnarvaro/webb
#   scripts/publish.sh public/intranat deploy@intranat.kommun.se:/var/www/skolnarvaro/intranat
#
# The destination becomes a symbolic link to a release folder beside it
# (`.releases/<name>/<time>/`). The new version is copied into a release folder of its own
# first; only when the copy is complete is the link swapped to it, in one rename, so a
# reader gets the old site or the new one and never a half-copied one. A failed or
# interrupted copy leaves the link where it was. The newest KEEP releases (default 3) are
# kept, so going back is one command: ln -sfn .releases/<name>/<time> DEST.
# A destination `host:path` is reached with rsync and ssh (the same steps on the server).
set -euo pipefail

usage() { echo "usage: $0 BUILT_TARGET_FOLDER DESTINATION" >&2; exit 2; }
[ $# -eq 2 ] || usage
source_dir=${1%/}
destination=${2%/}
keep=${KEEP:-3}

if [ ! -f "$source_dir/index.html" ]; then
  echo "error: $source_dir has no index.html: build the site first (samsyn build --strict)" >&2
  exit 1
fi

release=$(date -u +%Y%m%dT%H%M%SZ)-$$

if [[ "$destination" == *:* ]]; then
  host=${destination%%:*}
  path=${destination#*:}
  name=$(basename "$path")
  releases="$(dirname "$path")/.releases/$name"
  # The previous release, if any, lets rsync copy only what changed.
  ssh "$host" "mkdir -p '$releases'"
  rsync -a --delete --link-dest="../$(ssh "$host" "readlink '$path' | xargs -r basename" || true)" \
    "$source_dir/" "$host:$releases/$release.partial/"
  ssh "$host" "set -e; mv '$releases/$release.partial' '$releases/$release';
    if [ -d '$path' ] && [ ! -L '$path' ]; then mv '$path' \"$releases/\$(date -u -r '$path' +%Y%m%dT%H%M%SZ)-before\"; fi
    ln -sfn '$releases/$release' '$path.next-$release'; mv -T '$path.next-$release' '$path';
    ls -1d '$releases'/*/ | sort | head -n -$keep | xargs -r rm -rf"
  echo "Published $source_dir to $destination ($release)"
  exit 0
fi

name=$(basename "$destination")
releases="$(dirname "$destination")/.releases/$name"
mkdir -p "$releases"
partial="$releases/$release.partial"
# Copied first, whole; a failed copy is removed and the site stays as it was.
if ! { mkdir -p "$partial" && cp -a "$source_dir/." "$partial/"; }; then
  rm -rf "$partial"
  echo "error: copying $source_dir failed; $destination is unchanged" >&2
  exit 1
fi
mv "$partial" "$releases/$release"
# The first publication over a folder of files keeps that folder as a release too, named
# by its age so that it is the older one.
if [ -d "$destination" ] && [ ! -L "$destination" ]; then
  mv "$destination" "$releases/$(date -u -r "$destination" +%Y%m%dT%H%M%SZ)-before"
fi
ln -sfn "$releases/$release" "$destination.next-$release"
mv -T "$destination.next-$release" "$destination"
# Older releases beyond the newest $keep (the one just published among them) are removed.
ls -1d "$releases"/*/ | sort | head -n -"$keep" | xargs -r rm -rf
echo "Published $source_dir to $destination ($release)"
