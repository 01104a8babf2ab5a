"""The report as the nämnd receives it: a tagged PDF beside each report's page, read back
with pikepdf and poppler as a reader's software would read it, and built under attack
(no engine, a failing engine, a staff-only report, withheld values, two builds)."""
import os
import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest

from conftest import REPO, SOURCE_DATE_EPOCH, TARGETS, samsyn_binary

REPORT = "rapport/arsrapport-2025"
PDF = f"{REPORT}/arsrapport-2025.pdf"


def build(source: Path, out: Path, *args, **env):
    environment = dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH, **env)
    return subprocess.run([str(samsyn_binary()), "build", "--source", str(source), "--output", str(out), *args],
                          capture_output=True, text=True, env=environment)


def text_of(pdf: Path, first: int, last: int) -> str:
    return subprocess.run(["pdftotext", "-layout", "-f", str(first), "-l", str(last), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def structure(pdf: pikepdf.Pdf):
    """Every structure element of the tagged PDF, in reading order."""
    found = []

    def walk(node):
        if isinstance(node, pikepdf.Dictionary):
            if node.get("/S") is not None:
                found.append(node)
            kids = node.get("/K")
            if isinstance(kids, pikepdf.Array):
                for kid in kids:
                    walk(kid)
            elif isinstance(kids, pikepdf.Dictionary):
                walk(kids)
    walk(pdf.Root.StructTreeRoot)
    return found


@pytest.mark.parametrize("target", TARGETS)
def test_each_target_holding_the_report_gets_its_pdf_linked_with_size_and_pages(site_dir, target):
    pdf = site_dir / target / PDF
    assert pdf.exists()
    pages = len(pikepdf.open(pdf).pages)
    page = (site_dir / target / REPORT / "index.html").read_text()
    link = re.search(r'<a href="arsrapport-2025.pdf" type="application/pdf" download>Ladda ner som PDF</a> '
                     r'<span class="report-pdf-details">\(PDF, (\d+) kB, (\d+) sidor\)</span>', page)
    assert link, "no PDF link on the report's page"
    assert int(link.group(2)) == pages
    assert abs(int(link.group(1)) * 1000 - pdf.stat().st_size) <= 500


def test_the_pdf_is_tagged_for_a_screen_reader(site_dir):
    pdf = pikepdf.open(site_dir / "webb" / PDF)
    root = pdf.Root
    assert str(root.Lang) == "sv-SE"
    assert root.ViewerPreferences.DisplayDocTitle is True
    assert root.MarkInfo.Marked is True
    with pdf.open_metadata() as xmp:
        assert xmp.get("pdfuaid:part") == "1"
        assert xmp.get("dc:title") == "Skolnärvaro 2025 – uppföljning till barn- och utbildningsnämnden"
    elements = structure(pdf)
    kinds = [str(element.S) for element in elements]
    assert kinds.count("/H1") == 1 and kinds.count("/H2") >= 8
    assert "/L" in kinds and "/LI" in kinds
    assert "/Table" in kinds and "/TH" in kinds and "/TD" in kinds
    figures = [element for element in elements if str(element.S) == "/Figure"]
    assert figures and all("/Alt" in figure for figure in figures), "a figure without alternative text"
    # A chart's alternative text is its title and its description, as a screen reader hears it on the web.
    assert any(str(figure.Alt).startswith("Total frånvaro per skola och termin, högstadiet. Linjediagram") for figure in figures)
    # Headings before tables in reading order: the contents page comes before the body.
    assert kinds.index("/H2") < kinds.index("/Table")
    with pdf.open_outline() as outline:
        titles = []

        def collect(items):
            for item in items:
                titles.append(item.title)
                collect(item.children)
        collect(outline.root)
    assert "Nyckeltal" in titles and "Förslag till beslut" in titles
    for page in pdf.pages:
        assert [float(value) for value in page.MediaBox[2:]] == [pytest.approx(595.28, abs=0.5), pytest.approx(841.89, abs=0.5)]  # A4
        for font in (page.Resources.get("/Font") or {}).values():
            descriptor = font.get("/FontDescriptor") or font.DescendantFonts[0].FontDescriptor
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), f"{font.BaseFont} not embedded"


def test_the_document_has_a_title_page_contents_and_page_numbers(site_dir):
    pdf = site_dir / "webb" / PDF
    pages = len(pikepdf.open(pdf).pages)
    title_page = text_of(pdf, 1, 1)
    for expected in ["Exempelkommun, barn- och utbildningsförvaltningen", "Till Barn- och utbildningsnämnden",
                     "Skolnärvaro 2025", "Datum", "10 mars 2026", "Diarienummer", "BUN 2026/0107", "Upprättad av"]:
        assert expected in title_page, expected
    assert "Sida 1" not in title_page
    second = text_of(pdf, 2, 2)
    assert "Förslag till beslut" in second and "Innehåll" in second
    # Each contents line ends in the page its heading is on.
    entry = re.search(r"Nyckeltal\s*\.+\s*(\d+)", second)
    assert entry, second
    assert "Nyckeltal" in text_of(pdf, int(entry.group(1)), int(entry.group(1)))
    assert f"Sida 2 av {pages}" in second
    assert "Skolnärvaro 2025 – uppföljning till barn- och utbildningsnämnden" in second.splitlines()[0]
    everything = text_of(pdf, 1, pages)
    for chrome in ["Till innehållet", "Huvudmeny", "Sök", "Ladda ner som PDF", "Du är här"]:
        assert chrome not in everything, chrome


def test_no_pdf_and_a_missing_engine_still_build_the_site(tmp_path):
    off = build(REPO, tmp_path / "off", "--no-pdf")
    assert off.returncode == 0, off.stderr
    assert not (tmp_path / "off/webb" / PDF).exists()
    assert "Ladda ner som PDF" not in (tmp_path / "off/webb" / REPORT / "index.html").read_text()
    missing = build(REPO, tmp_path / "missing", SAMSYN_PYTHON=str(tmp_path / "no-such-python"), SAMSYN_CACHE_DIR=str(tmp_path / "cache"))
    assert missing.returncode == 0, missing.stderr
    assert "warning: the PDF engine WeasyPrint was not found" in missing.stderr
    assert "pip install weasyprint" in missing.stderr
    assert (tmp_path / "missing/webb" / REPORT / "index.html").exists()
    assert not (tmp_path / "missing/webb" / PDF).exists()
    strict = build(REPO, tmp_path / "strict", "--strict", SAMSYN_PYTHON=str(tmp_path / "no-such-python"))
    assert strict.returncode != 0


def test_a_failing_engine_leaves_the_previous_site_untouched(tmp_path):
    out = tmp_path / "public"
    first = build(REPO, out)
    assert first.returncode == 0, first.stderr
    before = (out / "webb" / PDF).read_bytes()
    # A Python that reports WeasyPrint's version but fails on every document.
    fake = tmp_path / "python"
    fake.write_text("#!/bin/sh\ncase \"$2\" in *metadata*) echo 70.0; exit 0;; esac\necho 'layout failed' >&2\nexit 1\n")
    fake.chmod(0o755)
    failed = build(REPO, out, SAMSYN_PYTHON=str(fake), SAMSYN_CACHE_DIR=str(tmp_path / "cache"))
    assert failed.returncode != 0
    assert "content/rapport/arsrapport-2025.md: error: the PDF of this report could not be made" in failed.stderr
    assert "layout failed" in failed.stderr
    assert (out / "webb" / PDF).read_bytes() == before


def test_two_builds_give_byte_identical_pdfs(tmp_path):
    for name in ("a", "b"):
        result = build(REPO, tmp_path / name, SAMSYN_CACHE_DIR=str(tmp_path / f"cache-{name}"))
        assert result.returncode == 0, result.stderr
    for target in TARGETS:
        assert (tmp_path / "a" / target / PDF).read_bytes() == (tmp_path / "b" / target / PDF).read_bytes()


def small_site(root: Path, audience: str) -> Path:
    shutil.copytree(REPO / "templates", root / "templates")
    (root / "content/rapport").mkdir(parents=True)
    (root / "content/data").mkdir()
    (root / "content/site.yml").write_text((REPO / "content/site.yml").read_text())
    (root / "content/data/skolor.csv").write_text("skola;elever;andel_procent\nAskskolan;120;4,5\nBjörkskolan;7;9,9\nCederskolan;95;3,1\nDalskolan;88;2,6\n")
    (root / "content/data/skolor.yml").write_text(
        "group_size: elever\ncolumns:\n  skola: {label: Skola}\n  elever: {type: integer, label: Elever}\n"
        "  andel_procent: {type: percent, label: Andel}\n")
    (root / "content/rapport/uppfoljning.md").write_text(
        f"---\ntitle: Uppföljning\naudience: [{audience}]\nyear: 2025\n---\n\n## Skolorna\n\n"
        "```table\ndata: skolor.csv\ntitle: Andel per skola\nsource: Exempeldata\n```\n")
    return root


def test_withheld_values_and_audiences_hold_in_the_pdf(tmp_path):
    site = small_site(tmp_path / "politicians", "politicians")
    result = build(site, site / "public", SAMSYN_CACHE_DIR=str(tmp_path / "cache"))
    assert result.returncode == 0, result.stderr
    pdf = site / "public/webb/rapport/uppfoljning/uppfoljning.pdf"
    text = text_of(pdf, 1, len(pikepdf.open(pdf).pages))
    assert "Askskolan" in text and re.search(r"\d,\d %", text), text
    # Björkskolan's 7 pupils are a small group: its share is withheld in the PDF as on the page.
    row = next(line for line in text.splitlines() if "Björkskolan" in line)
    assert ".." in row and "9,9" not in text and "7" not in row.replace("Björkskolan", "")

    staff = small_site(tmp_path / "staff", "staff")
    result = build(staff, staff / "public", SAMSYN_CACHE_DIR=str(tmp_path / "cache"))
    assert result.returncode == 0, result.stderr
    assert (staff / "public/intranat/rapport/uppfoljning/uppfoljning.pdf").exists()
    assert not (staff / "public/webb/rapport").exists()
