#!/usr/bin/env python3
"""A site with many charts, for the chart benchmark: 50 CSV files and 100 report
pages with 10 chart blocks each (1,000 charts), every chart type represented."""
import argparse, os, random, shutil

p = argparse.ArgumentParser()
p.add_argument("out")
p.add_argument("--files", type=int, default=50)
p.add_argument("--pages", type=int, default=100)
p.add_argument("--charts-per-page", type=int, default=10)
p.add_argument("--templates", default=os.path.join(os.path.dirname(__file__), "..", "templates"))
a = p.parse_args()

rng = random.Random(7)
shutil.rmtree(a.out, ignore_errors=True)
os.makedirs(f"{a.out}/content/data")
os.makedirs(f"{a.out}/content/rapport")
shutil.copytree(a.templates, f"{a.out}/templates")
with open(f"{a.out}/content/site.yml", "w") as f:
    f.write("title: Diagramtest\ntargets:\n  intranat:\n    audiences: [staff]\n    base_url: https://example.se/\n")

schools = [f"Skola {i}" for i in range(1, 11)]
terms = ["VT 2022", "HT 2022", "VT 2023", "HT 2023", "VT 2024", "HT 2024"]
for n in range(a.files):
    with open(f"{a.out}/content/data/d{n}.csv", "w") as f:
        f.write("skola;termin;elever;franvaro_procent;ogiltig_procent\n")
        for s in schools:
            for t in terms:
                f.write(f"{s};{t};{rng.randint(5, 300)};{rng.uniform(5, 25):.2f}".replace(".", ",")
                        + f";{rng.uniform(0, 8):.2f}".replace(".", ",") + "\n")
    with open(f"{a.out}/content/data/d{n}.yml", "w") as f:
        f.write("group_size: elever\n")

kinds = [
    "type: line\nx: termin\ny: franvaro_procent\nseries: skola",
    "type: grouped-bar\norientation: horizontal\nx: skola\ny: ogiltig_procent\nseries: termin\nwhere:\n  termin: [VT 2022, VT 2024]",
    "type: bar\nx: skola\ny: franvaro_procent\nwhere:\n  termin: HT 2024",
    "type: stacked-bar\nx: termin\ny: [franvaro_procent, ogiltig_procent]\nwhere:\n  skola: Skola 3",
    "type: stacked-bar\npercent: true\nx: termin\ny: [franvaro_procent, ogiltig_procent]\nwhere:\n  skola: Skola 4",
]
chart = 0
for page in range(a.pages):
    with open(f"{a.out}/content/rapport/r{page}.md", "w") as f:
        f.write(f"---\ntitle: Rapport {page}\naudience: [staff]\nyear: 2024\n---\n\nInledning.\n\n")
        for i in range(a.charts_per_page):
            f.write(f"```chart\n{kinds[chart % len(kinds)]}\ndata: d{chart % a.files}.csv\ntitle: Diagram {chart}\n```\n\n")
            chart += 1
print(f"{a.out}: {a.files} CSV files, {chart} charts on {a.pages} pages")
