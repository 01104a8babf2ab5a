#!/usr/bin/env bash
# Installs the Debian packages Samsyn needs to build and test, if any is missing.
# Swift itself is expected on PATH (https://www.swift.org/install/linux/).
set -euo pipefail

packages=(
  pkg-config
  libcmark-gfm-dev            # Markdown: cmark-gfm, through the CMarkGFM system library target
  libcmark-gfm-extensions-dev # its GFM extensions (tables, strikethrough, autolinks, tagfilter, task lists)
  cmark-gfm                   # the reference command the Markdown tests compare against
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

if ! command -v swift >/dev/null 2>&1; then
  for dir in /opt/swift/usr/bin /usr/share/swift/usr/bin; do
    [ -x "$dir/swift" ] && export PATH="$dir:$PATH" && break
  done
fi
command -v swift >/dev/null 2>&1 || { echo "Swift is not installed: see https://www.swift.org/install/linux/" >&2; exit 1; }
