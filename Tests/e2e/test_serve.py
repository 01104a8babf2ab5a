"""`samsyn serve`: started on a free port over a copy of the example site, pages requested,
files changed, the reload and problems events read from its event stream, and a real
browser tab seen reloading and showing the error overlay."""
import http.client
import os
import pty
import queue
import re
import select
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO, SOURCE_DATE_EPOCH, free_port, samsyn_binary

ROUTINE = "content/rutiner/oroande-franvaro.md"
ROUTINE_URL = "/rutiner/oroande-franvaro/"


class Preview:
    def __init__(self, root: Path):
        self.root = root
        self.port = free_port()
        env = dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)
        self.process = subprocess.Popen(
            [str(samsyn_binary()), "serve", "--source", str(root), "--port", str(self.port)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        self.first_line = self.process.stdout.readline()
        assert self.first_line.startswith("Site built in"), self.first_line + self.process.stderr.read()
        assert self.process.stdout.readline().startswith(f"Serving the target 'intranat' at http://127.0.0.1:{self.port}/")
        self.events: queue.Queue = queue.Queue()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        connection.request("GET", "/__samsyn/events")
        response = connection.getresponse()
        assert response.getheader("Content-Type") == "text/event-stream"
        threading.Thread(target=self._listen, args=(response,), daemon=True).start()

    def _listen(self, response):
        name, data = None, []
        for raw in response:
            line = raw.decode().rstrip("\n")
            if line.startswith("event: "):
                name = line[len("event: "):]
            elif line.startswith("data: "):
                data.append(line[len("data: "):])
            elif line == "" and name:
                self.events.put((name, "\n".join(data)))
                name, data = None, []

    def next_event(self, timeout=10):
        return self.events.get(timeout=timeout)

    def get(self, path):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.getheader("Content-Type"), response.read().decode()

    def edit(self, path, change):
        file = self.root / path
        file.write_text(change(file.read_text(encoding="utf-8")), encoding="utf-8")

    def stop(self):
        self.process.terminate()
        return self.process.wait(timeout=10)


@pytest.fixture
def preview(tmp_path):
    root = tmp_path / "site"
    for folder in ("content", "templates"):
        shutil.copytree(REPO / folder, root / folder)
    preview = Preview(root)
    yield preview
    if preview.process.poll() is None:
        preview.stop()


def test_pages_are_served_with_the_live_reload_script_only_in_preview(preview, site_dir):
    status, content_type, html = preview.get("/")
    assert status == 200 and content_type.startswith("text/html")
    assert '<script src="/__samsyn/live.js"></script>\n</body>' in html
    status, content_type, script = preview.get("/__samsyn/live.js")
    assert status == 200 and "EventSource" in script
    status, _, css = preview.get("/assets/samsyn.css")
    assert status == 200 and css
    assert preview.get("/rutiner")[0] == 301
    assert preview.get("/finns-inte/")[0] == 404
    # A built site never has it.
    for page in site_dir.rglob("*.html"):
        assert "__samsyn" not in page.read_text(encoding="utf-8"), page


def test_an_edited_page_is_rebuilt_alone_and_open_pages_reload(preview):
    preview.edit(ROUTINE, lambda text: text + "\nEn mening som just skrevs.\n")
    name, version = preview.next_event()
    assert (name, version) == ("reload", "2")
    assert "En mening som just skrevs." in preview.get(ROUTINE_URL)[2]
    assert preview.process.stdout.readline().startswith("Page rebuilt in")
    # A new page is a change to the site: built again in full.
    (preview.root / "content/rutiner/ny-rutin.md").write_text(
        "---\ntitle: Ny rutin\nowner: rektor\nreviewed: 2026-11-01\n---\n\n1. Första steget.\n", encoding="utf-8")
    assert preview.next_event() == ("reload", "3")
    assert preview.process.stdout.readline().startswith("Site built in")
    assert "Ny rutin" in preview.get("/rutiner/ny-rutin/")[2]
    assert "Ny rutin" in preview.get("/rutiner/")[2]


def test_an_error_is_shown_and_the_last_good_site_stays_served(preview):
    before = preview.get(ROUTINE_URL)[2]
    preview.edit(ROUTINE, lambda text: text.replace("owner: rektor", "owner: kurtor", 1))
    name, data = preview.next_event()
    assert name == "problems"
    assert f"{ROUTINE}:" in data and "error: unknown role 'kurtor' (did you mean 'kurator'?)" in data
    assert preview.get(ROUTINE_URL)[2] == before
    # A page opened while the error stands is told at once.
    late = http.client.HTTPConnection("127.0.0.1", preview.port, timeout=10)
    late.request("GET", "/__samsyn/events")
    stream = late.getresponse()
    assert b"event: problems\n" in [stream.readline() for _ in range(3)]  # after the ": samsyn" comment
    preview.edit(ROUTINE, lambda text: text.replace("owner: kurtor", "owner: rektor", 1))
    assert preview.next_event()[0] == "reload"


def test_a_browser_tab_reloads_and_shows_errors_over_the_page(preview, browser):
    browser.get(f"http://127.0.0.1:{preview.port}{ROUTINE_URL}")
    WebDriverWait(browser, 10).until(lambda b: b.execute_script("return document.readyState") == "complete")
    time.sleep(0.5)  # the page's event stream connects
    preview.edit(ROUTINE, lambda text: text + "\nSynlig ändring i webbläsaren.\n")
    WebDriverWait(browser, 10).until(lambda b: "Synlig ändring i webbläsaren." in b.page_source)
    time.sleep(0.5)
    preview.edit(ROUTINE, lambda text: text.replace("owner: rektor", "owner: kurtor", 1))
    overlay = WebDriverWait(browser, 10).until(lambda b: b.find_element(By.ID, "samsyn-problems"))
    assert overlay.get_attribute("role") == "alert"
    assert "unknown role 'kurtor'" in overlay.text
    assert "Synlig ändring i webbläsaren." in browser.page_source, "the last good page stays under the overlay"


def test_serve_stops_cleanly(preview):
    assert preview.stop() == 0


def open_event_streams(port, count=3):
    streams = []
    for _ in range(count):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/__samsyn/events")
        response = connection.getresponse()
        assert response.readline() == b": samsyn\n"
        streams.append(response)
    return streams


@pytest.mark.parametrize("signal_number", [signal.SIGINT, signal.SIGTERM])
def test_serve_stops_within_two_seconds_whatever_is_connected(preview, signal_number):
    streams = open_event_streams(preview.port)
    started = time.time()
    preview.process.send_signal(signal_number)
    assert preview.process.wait(timeout=5) == 0
    assert time.time() - started < 2
    for stream in streams:
        # The connection is closed: the rest of the stream ends at once, cut short.
        try:
            stream.read()
        except http.client.IncompleteRead:
            pass


def test_ctrl_c_on_a_terminal_stops_serve(tmp_path):
    root = tmp_path / "site"
    for folder in ("content", "templates"):
        shutil.copytree(REPO / folder, root / folder)
    port = free_port()
    pid, terminal = pty.fork()
    if pid == 0:
        os.execve(str(samsyn_binary()), ["samsyn", "serve", "--source", str(root), "--port", str(port)],
                  dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH))
    output = b""
    deadline = time.time() + 30
    while b"Serving the target" not in output and time.time() < deadline:
        if select.select([terminal], [], [], 1)[0]:
            output += os.read(terminal, 4096)
    assert b"Serving the target" in output, output
    open_event_streams(port)
    started = time.time()
    os.write(terminal, b"\x03")  # Ctrl-C: the terminal sends SIGINT
    while time.time() - started < 2:
        finished, status = os.waitpid(pid, os.WNOHANG)
        if finished:
            assert os.waitstatus_to_exitcode(status) == 0
            break
        time.sleep(0.05)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        pytest.fail("Ctrl-C did not stop samsyn serve within two seconds")


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1.nip.io:{port}", "127.0.0.1:1"])
def test_serve_answers_only_requests_for_its_loopback_address(preview, host):
    for path in ("/", "/rutiner/oroande-franvaro/", "/__samsyn/events", "/search/meta.json"):
        connection = http.client.HTTPConnection("127.0.0.1", preview.port, timeout=10)
        connection.request("GET", path, headers={"Host": host.format(port=preview.port)})
        response = connection.getresponse()
        assert response.status == 403, (host, path)
        assert b"intranat" not in response.read().lower()
    for allowed in (f"127.0.0.1:{preview.port}", f"localhost:{preview.port}", f"[::1]:{preview.port}"):
        connection = http.client.HTTPConnection("127.0.0.1", preview.port, timeout=10)
        connection.request("GET", "/", headers={"Host": allowed})
        assert connection.getresponse().status == 200, allowed


def test_author_text_cannot_inject_an_event(preview):
    raw = open_event_streams(preview.port, 1)[0]
    raw.fp.raw._sock.settimeout(10)
    # A role id with carriage returns, quoted back in the diagnostic.
    preview.edit(ROUTINE, lambda text: text.replace("owner: rektor", 'owner: "kurtor\\revent: reload\\rdata: 99\\nevent: reload"', 1))
    received = b""
    while b"event: problems" not in received or not received.endswith(b"\n\n"):
        received += raw.read1(65536)
    assert b"\r" not in received
    lines = re.split(rb"\r\n|\r|\n", received)
    assert b"event: reload" not in lines, received
    assert any(line.startswith(b"data: ") and b"kurtor" in line for line in lines)


def test_a_site_that_starts_with_errors_is_served_with_them_shown(tmp_path):
    root = tmp_path / "site"
    for folder in ("content", "templates"):
        shutil.copytree(REPO / folder, root / folder)
    routine = root / ROUTINE
    routine.write_text(routine.read_text(encoding="utf-8").replace("owner: rektor", "owner: kurtor", 1), encoding="utf-8")
    port = free_port()
    process = subprocess.Popen([str(samsyn_binary()), "serve", "--source", str(root), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH))
    try:
        assert process.stdout.readline() == "Not rebuilt: 1 error (the last good site is still served).\n"
        assert process.stdout.readline().startswith("Serving the target 'intranat'")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/__samsyn/events")
        stream = connection.getresponse()
        lines = [stream.readline() for _ in range(4)]
        assert b"event: problems\n" in lines and any(b"unknown role 'kurtor'" in line for line in lines)
    finally:
        process.terminate()
        assert process.wait(timeout=10) == 0


def test_a_named_pipe_neither_hangs_the_preview_nor_stops_it_answering(preview):
    pipe = preview.root / "content/vardnadshavare/ror.md"
    os.mkfifo(pipe)
    name, data = preview.next_event()
    assert name == "problems" and "content/vardnadshavare/ror.md: error: this is a named pipe (FIFO)" in data
    assert preview.get(ROUTINE_URL)[0] == 200, "the preview still answers"
    pipe.unlink()
    assert preview.next_event()[0] == "reload"
    assert preview.get(ROUTINE_URL)[0] == 200
