#!/usr/bin/env python3
"""One-page rebuild in preview: Samsyn's `serve` against Hugo's `server`, on the same corpus.

Usage: bench/serve-latency.py CORPUS [RUNS]   (CORPUS made by gen_corpus.py --hugo, as
bench/compare-hugo.sh leaves it in /dev/shm/samsyn-bench-N)

For each run one routine's body gets a new sentence. Samsyn: the time from the file write
to the reload event on its event stream. Both tools: the time from the write until the
page served over HTTP holds the sentence (polled every millisecond), which is what an
editor sees. Medians are printed as a Markdown table row.
"""
import http.client, os, socket, statistics, subprocess, sys, threading, time

corpus = os.path.abspath(sys.argv[1])
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 10
samsyn = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".build", "release", "samsyn")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port, path="/"):
    for _ in range(6000):
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            c.request("GET", path)
            if c.getresponse().status < 500:
                return
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"nothing answers on port {port}")


def page_has(port, path, text):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    c.request("GET", path)
    return text.encode() in c.getresponse().read()


def edit(path, marker):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.rstrip("\n") + f"\n\nÄndrad mening {marker}.\n")


def until_served(port, url, marker):
    while not page_has(port, url, marker):
        time.sleep(0.001)


routine = sorted(f for f in os.listdir(os.path.join(corpus, "content", "rutiner")) if f.endswith(".md") and f.count(".") == 1)[0]
url = f"/rutiner/{routine[:-3]}/"

# Samsyn
port = free_port()
server = subprocess.Popen([samsyn, "serve", "--source", corpus, "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
for line in server.stdout:
    if line.startswith("Serving"):
        break
events = http.client.HTTPConnection("127.0.0.1", port)
events.request("GET", "/__samsyn/events")
stream = events.getresponse()
reloads = []
reloaded = threading.Event()


def listen():
    for raw in stream:
        if raw.startswith(b"event: reload"):
            reloads.append(time.perf_counter())
            reloaded.set()


threading.Thread(target=listen, daemon=True).start()
to_event, to_page = [], []
for run in range(runs):
    marker = f"samsyn-{run}-{time.time_ns()}"
    reloaded.clear()
    start = time.perf_counter()
    edit(os.path.join(corpus, "content", "rutiner", routine), marker)
    reloaded.wait(30)
    to_event.append(reloads[-1] - start)
    until_served(port, url, marker)
    to_page.append(time.perf_counter() - start)
    time.sleep(0.2)
server.terminate()

# Hugo
hugo_port = free_port()
hugo = subprocess.Popen(["hugo", "server", "--port", str(hugo_port), "--bind", "127.0.0.1"],
                        cwd=os.path.join(corpus, "hugo-site"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
wait_for(hugo_port, url)
hugo_page = []
for run in range(runs):
    marker = f"hugo-{run}-{time.time_ns()}"
    start = time.perf_counter()
    edit(os.path.join(corpus, "hugo-site", "content", "rutiner", routine), marker)
    until_served(hugo_port, url, marker)
    hugo_page.append(time.perf_counter() - start)
    time.sleep(0.3)
hugo.terminate()

ms = lambda values: f"{statistics.median(values) * 1000:.0f} ms"
print("| corpus | Samsyn: write to reload event | Samsyn: write to new page served | Hugo server: write to new page served |")
print("| --- | --- | --- | --- |")
print(f"| {os.path.basename(corpus)} | {ms(to_event)} | {ms(to_page)} | {ms(hugo_page)} |")
