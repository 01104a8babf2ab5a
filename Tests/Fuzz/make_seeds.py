#!/usr/bin/env python3
"""Writes a fuzz target's seed corpus from the example site: its pages, data files, the
YAML of its chart and table blocks, and its templates."""
import hashlib
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def seeds(target):
    if target == "page":
        return [p.read_bytes() for p in sorted((REPO / "content").rglob("*.md"))]
    if target == "csv":
        return [p.read_bytes() for p in sorted((REPO / "content/data").glob("*.csv"))]
    if target == "blocks":
        found = []
        for page in sorted((REPO / "content").rglob("*.md")):
            found += [m.encode() for m in re.findall(r"```(?:chart|table)\n(.*?)```", page.read_text(encoding="utf-8"), re.S)]
        # The fuzz site's data file, which the blocks can name.
        found.append(b"type: line\ndata: franvaro.csv\nx: termin\ny: andel_procent\nseries: skola\ntitle: T\n")
        return found
    if target == "template":
        return [p.read_bytes() for p in sorted((REPO / "templates").rglob("*.mustache"))]
    raise SystemExit(f"unknown target {target}")


def main():
    target, corpus = sys.argv[1], Path(sys.argv[2])
    corpus.mkdir(parents=True, exist_ok=True)
    for data in seeds(target):
        (corpus / ("seed-" + hashlib.sha1(data).hexdigest())).write_bytes(data)


if __name__ == "__main__":
    main()
