#!/usr/bin/env python3
"""Search budgets on a built target: what a browser downloads to answer a query
(gzip-compressed, as a web server sends it) and how long the query takes in headless
Chromium. Usage: bench/search_budget.py PUBLIC/TARGET [QUERY ...]"""
import functools
import gzip
import http.server
import json
import shutil
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "templates" / "assets"))
root = Path(sys.argv[1])
queries = sys.argv[2:] or ["frånvaro", "orosanmälan", "rektor kurator", "atgard"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


handler = functools.partial(QuietHandler, directory=str(root))
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
base = f"http://127.0.0.1:{server.server_address[1]}/"

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

options = webdriver.ChromeOptions()
for argument in ("--headless=new", "--no-sandbox", "--disable-gpu"):
    options.add_argument(argument)
options.binary_location = shutil.which("chromium") or ""
driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
total_index = sum(f.stat().st_size for f in (root / "search").glob("*.json"))
print(f"index: {len(list((root / 'search').glob('*.json')))} files, {total_index / 1e6:.1f} MB uncompressed")
print("| query | downloaded (gzip) | first query | repeated query |\n| --- | --- | --- | --- |")
for query in queries:
    driver.get(base + "sok/")
    timing = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const t0 = performance.now();
        window.samsynSearch(arguments[0]).then(() => {
          const t1 = performance.now();
          window.samsynSearch(arguments[0]).then(() => done([t1 - t0, performance.now() - t1,
            performance.getEntriesByType('resource').filter(e => e.name.includes('/search/')).map(e => e.name)]));
        });""", query)
    cold, warm, fetched = timing
    size = sum(len(gzip.compress((root / ("search/" + url.split("/search/", 1)[1])).read_bytes() if "%" not in url
                                 else (root / "search" / __import__("urllib.parse").parse.unquote(url.split("/search/", 1)[1])).read_bytes()))
               for url in set(fetched))
    print(f"| {query} | {size / 1024:.0f} KB | {cold:.0f} ms | {warm:.0f} ms |")
driver.quit()
server.shutdown()
