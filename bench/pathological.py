#!/usr/bin/env python3
"""Builds sites made to be expensive, each shape at doubling sizes, and prints how the
build time grows: every ratio should stay near 2 (linear) or a little above (n log n).

Usage: bench/pathological.py SAMSYN [SHAPE ...]   (bench/pathological.sh builds SAMSYN first)
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SITE_YML = """title: Testkommun
language: sv
targets:
  intranat:
    audiences: [staff]
    base_url: https://intranat.test.se/
"""


def page(body, title="Sida"):
    return f"---\ntitle: {title}\n---\n\n{body}\n"


def long_word(n):
    return {"content/sidor/ord.md": page("Ett ord: " + "".join("abcdefghijklmnopqrstuvwxyzåäö"[i * 7 % 29] for i in range(n)) + ".")}


def links(n):
    return {"content/sidor/lankar.md": page("\n".join(f"- [länk {i}](annan.md#rubrik)" for i in range(n))),
            "content/sidor/annan.md": page("## Rubrik\n\nText.")}


def headings(n):
    return {"content/sidor/rubriker.md": page("\n\n".join("## Samma rubrik\n\nText." for _ in range(n)))}


def template_tags(n):
    return {"templates/partials/footer.mustache": "<footer>" + "".join("{{site.title}}" for _ in range(n)) + "</footer>\n"}


def template_partials(n):
    """Many partials of 100 tags each, all included in the footer."""
    files = {f"templates/partials/extra-{i}.mustache": "".join("{{site.title}}" for _ in range(100)) + "\n" for i in range(n)}
    files["templates/partials/footer.mustache"] = "<footer>" + "".join(f"{{{{>partials/extra-{i}}}}}" for i in range(n)) + "</footer>\n"
    return files


def list_items(n):
    return {"content/rutiner/lang.md": "---\ntitle: Lång rutin\nowner: rektor\nreviewed: 2026-01-01\n---\n\n## Arbetsgång\n\n"
            + "\n".join(f"{i + 1}. [Rektor](../roller/rektor.md) gör steg {i + 1}." for i in range(n)),
            "content/roller/rektor.md": "---\ntitle: Rektor\norganisation: skola\n---\n\nRektor.\n"}


def csv_rows(n):
    rows = "\n".join(f"Skola {i % 97};Termin {i // 97};{5 + i % 40};{i % 100},5" for i in range(n))
    return {"content/data/stor.csv": "skola;termin;elever;andel\n" + rows + "\n",
            "content/data/stor.yml": "group_size: elever\n",
            "content/sidor/tabell.md": page("```table\ndata: stor.csv\ntitle: Stor\n```")}


def nesting(n):
    return {"content/sidor/djup.md": page("> " * n + "Djupt citat.\n\n" + "".join("  " * i + "- punkt\n" for i in range(min(n, 2000))))}


def table_rows(n):
    return {"content/sidor/tabell.md": page("| a | b |\n| --- | --- |\n" + "\n".join(f"| {i} | text {i} |" for i in range(n)))}


def front_matter_list(n):
    return {"content/sidor/lista.md": "---\ntitle: Lista\nsummary: " + "ord " * n + "\n---\n\nText.\n"}


SHAPES = {
    "long-word": (long_word, 8000),
    "links": (links, 10000),
    "headings": (headings, 2500),
    # One template up to the 1,000 tags Samsyn accepts: swift-mustache's parse grows
    # with tags × length, so this ratio is near 4 within that bound.
    "template-tags": (template_tags, 125),
    "template-partials": (template_partials, 50),
    "routine-steps": (list_items, 1000),
    "csv-rows": (csv_rows, 5000),
    "nesting": (nesting, 2000),
    "table-rows": (table_rows, 10000),
    "summary-words": (front_matter_list, 20000),
}


def build_time(samsyn, files):
    with tempfile.TemporaryDirectory(dir="/dev/shm" if os.path.isdir("/dev/shm") else None) as root:
        root = Path(root)
        shutil.copytree(REPO / "templates", root / "templates")
        (root / "content").mkdir()
        (root / "content/site.yml").write_text(SITE_YML)
        for path, text in files.items():
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_text(text)
        best = None
        for _ in range(3):
            started = time.perf_counter()
            result = subprocess.run([samsyn, "build", "--source", str(root), "--output", str(root / "public")],
                                    capture_output=True, text=True, timeout=600)
            elapsed = time.perf_counter() - started
            if result.returncode != 0:
                sys.exit(f"the build failed, so its time means nothing:\n{result.stderr[-2000:]}")
            best = elapsed if best is None else min(best, elapsed)
        return best


def main():
    samsyn = sys.argv[1]
    shapes = sys.argv[2:] or list(SHAPES)
    empty = build_time(samsyn, {})
    print(f"An empty site builds in {empty:.3f} s; times below are the fastest of 3 builds, less that.\n")
    print("| shape | n | 2n | 4n | 8n | ratios (each size over the one before) |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name in shapes:
        make, n = SHAPES[name]
        times = [max(build_time(samsyn, make(n * factor)) - empty, 0.001) for factor in (1, 2, 4, 8)]
        ratios = [later / earlier for earlier, later in zip(times, times[1:])]
        print(f"| {name} (n = {n:,}) | " + " | ".join(f"{t:.3f} s" for t in times) + " | "
              + ", ".join(f"{r:.1f}" for r in ratios) + " |", flush=True)


if __name__ == "__main__":
    main()
