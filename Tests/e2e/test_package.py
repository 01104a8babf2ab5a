"""Installing without Swift: scripts/package.sh makes a Debian package; unpacked with
dpkg -x into an empty root, its binary loads nothing from the Swift toolchain, and
`samsyn init`, `check` and `build` work there with no path to Swift."""
import os
import re
import subprocess
from pathlib import Path

import pytest

from conftest import REPO


@pytest.fixture(scope="module")
def package() -> Path:
    result = subprocess.run([str(REPO / "scripts/package.sh")], capture_output=True, text=True, cwd=REPO, timeout=3600)
    assert result.returncode == 0, result.stderr[-3000:]
    deb = REPO / result.stdout.strip().splitlines()[-1]
    assert deb.exists() and re.fullmatch(r"samsyn_\d+\.\d+\.\d+_amd64\.deb", deb.name)
    return deb


def test_the_package_depends_only_on_debian_packages(package):
    fields = subprocess.run(["dpkg-deb", "--field", str(package), "Depends"], capture_output=True, text=True, check=True).stdout
    assert "libcmark-gfm0.29.0.gfm.6" in fields and "libcmark-gfm-extensions0.29.0.gfm.6" in fields, fields
    assert "swift" not in fields.lower()
    contents = subprocess.run(["dpkg-deb", "--contents", str(package)], capture_output=True, text=True, check=True).stdout
    for path in ["./usr/bin/samsyn", "./usr/share/samsyn/templates/base.mustache", "./usr/share/samsyn/starter/content/site.yml",
                 "./usr/share/samsyn/publish.sh"]:
        assert path in contents, path


def test_unpacked_it_runs_without_swift(package, tmp_path):
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(package), str(root)], check=True)
    binary = root / "usr/bin/samsyn"
    libraries = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, check=True).stdout
    assert "not found" not in libraries, libraries
    assert "/opt/swift" not in libraries and "swift" not in libraries.lower(), libraries
    # No Swift on the path, no repository to find templates in: only what the package installed.
    environment = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8", "SAMSYN_CACHE_DIR": str(tmp_path / "cache")}

    def run(*arguments, cwd=tmp_path):
        return subprocess.run([str(binary), *arguments], capture_output=True, text=True, env=environment, cwd=cwd)

    version = run("--version")
    assert version.returncode == 0 and re.fullmatch(r"\d+\.\d+\.\d+\n", version.stdout)
    created = run("init", "kommunen", "--name", "Hudiksvalls kommun")
    assert created.returncode == 0, created.stderr
    site = tmp_path / "kommunen"
    check = run("check", cwd=site)
    assert check.returncode == 0, check.stderr
    assert "is a placeholder" in check.stderr
    build = run("build", "--no-pdf", cwd=site)
    assert build.returncode == 0, build.stderr
    assert "Skolnärvaro i Hudiksvalls kommun" in (site / "public/webb/index.html").read_text()


@pytest.mark.skipif(os.environ.get("SAMSYN_TEST_DEBOOTSTRAP") != "1",
                    reason="needs root, debootstrap and a Debian mirror: SAMSYN_TEST_DEBOOTSTRAP=1 runs it")
def test_installed_with_apt_into_a_clean_debian_root(package, tmp_path):
    """The package as a municipality's IT would install it: apt into a fresh Debian 12 root
    made with debootstrap, its dependencies from Debian's mirror."""
    root = tmp_path / "debian"
    subprocess.run(["debootstrap", "--variant=minbase", "bookworm", str(root), "http://deb.debian.org/debian"],
                   check=True, capture_output=True, timeout=1800)
    (root / "tmp" / package.name).write_bytes(package.read_bytes())
    # A statically linked Swift binary reads its arguments from /proc.
    subprocess.run(["mount", "-t", "proc", "proc", str(root / "proc")], check=True)
    try:
        script = f"""set -e
            export DEBIAN_FRONTEND=noninteractive PATH=/usr/sbin:/usr/bin:/sbin:/bin
            apt-get update -qq && apt-get install -y -qq /tmp/{package.name} >/dev/null
            samsyn --version
            cd /tmp && samsyn init kommun --name "Hudiksvalls kommun" >/dev/null && cd kommun
            samsyn check && samsyn build --no-pdf && test -f public/webb/index.html"""
        result = subprocess.run(["chroot", str(root), "bash", "-c", script], capture_output=True, text=True, timeout=1800)
        assert result.returncode == 0, result.stderr[-3000:]
    finally:
        subprocess.run(["umount", str(root / "proc")])
