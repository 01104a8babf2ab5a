#!/usr/bin/env bash
# Makes dist/samsyn_<version>_amd64.deb: Samsyn for a machine without Swift. The binary is a
# release build with the Swift runtime and Foundation linked in (--static-swift-stdlib);
# what it still loads comes from Debian's own packages (the cmark-gfm libraries, glibc),
# which the package depends on by name, worked out from the binary itself. It installs
# /usr/bin/samsyn, the default templates and starter pages `samsyn init` copies
# (/usr/share/samsyn/), and the publishing script (/usr/share/samsyn/publish.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v swift >/dev/null 2>&1; then
  for dir in /opt/swift/usr/bin /usr/share/swift/usr/bin; do
    [ -x "$dir/swift" ] && export PATH="$dir:$PATH" && break
  done
fi

version=$(sed -n 's/.*static let current = "\(.*\)".*/\1/p' Sources/Samsyn/Build/Version.swift)
[ -n "$version" ] || { echo "error: no version in Sources/Samsyn/Build/Version.swift" >&2; exit 1; }
swift build -c release --product samsyn --static-swift-stdlib
binary=$(swift build -c release --product samsyn --static-swift-stdlib --show-bin-path)/samsyn

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root="$work/samsyn_${version}_amd64"
install -D -m 755 "$binary" "$root/usr/bin/samsyn"
strip --strip-unneeded "$root/usr/bin/samsyn" 2>/dev/null || true
mkdir -p "$root/usr/share/samsyn" "$root/usr/share/doc/samsyn"
cp -r templates "$root/usr/share/samsyn/templates"
cp -r starter "$root/usr/share/samsyn/starter"
install -m 755 scripts/publish.sh "$root/usr/share/samsyn/publish.sh"
cp README.md docs/publishing.md "$root/usr/share/doc/samsyn/"
find "$root/usr/share" -type d -exec chmod 755 {} + && find "$root/usr/share" -type f ! -name '*.sh' -exec chmod 644 {} +

# Every library the binary loads must come from a Debian package, never from the Swift
# toolchain: each one's package becomes a dependency.
depends=()
while read -r library; do
  case "$library" in
    */swift/*|/opt/*) echo "error: the binary still loads $library from the Swift toolchain" >&2; exit 1 ;;
  esac
  package=$(dpkg -S "$(readlink -f "$library")" 2>/dev/null | head -n1 | cut -d: -f1) || true
  [ -n "$package" ] || package=$(dpkg -S "$library" 2>/dev/null | head -n1 | cut -d: -f1) || true
  [ -n "$package" ] || { echo "error: $library belongs to no Debian package" >&2; exit 1; }
  version_of=$(dpkg-query -W -f='${Version}' "$package")
  depends+=("$package (>= ${version_of%%-*})")
done < <(ldd "$root/usr/bin/samsyn" | awk '/=>/ { print $3 }' | sort -u)
depends_line=$(printf '%s\n' "${depends[@]}" | sort -u | paste -sd, - | sed 's/,/, /g')

mkdir -p "$root/DEBIAN"
cat > "$root/DEBIAN/control" <<EOF
Package: samsyn
Version: $version
Architecture: amd64
Maintainer: Samsyn <samsyn@example.invalid>
Depends: $depends_line
Recommends: libpango-1.0-0, libpangoft2-1.0-0, fonts-liberation2, fonts-dejavu-core, python3-pip
Section: web
Priority: optional
Homepage: https://github.com/samsyn/samsyn
Description: static sites for school attendance work in Swedish municipalities
 Samsyn turns one folder of Markdown and CSV into the staff intranet, the public
 site for guardians, pupils and politicians, and the annual report with its PDF:
 routines, roles, the intervention toolbox, indicators with targets and charts
 from anonymised statistics. The reports' PDFs need WeasyPrint
 (python3 -m pip install weasyprint==70.0).
EOF
mkdir -p dist
dpkg-deb --root-owner-group --build "$root" "dist/samsyn_${version}_amd64.deb" >/dev/null
echo "dist/samsyn_${version}_amd64.deb"
