"""End-to-end checks of the example site as readers get it: built by the samsyn binary,
served by nginx under a sub-path, opened in headless Chromium.

Run through scripts/test.sh (which builds samsyn first) or: pytest Tests/e2e
"""
import base64
import hashlib
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SUB_PATH = "/skolnarvaro/"
TARGETS = ["intranat", "webb"]
# 2026-11-24, so which routines are overdue does not depend on the day the suite runs.
SOURCE_DATE_EPOCH = "1795521600"


def samsyn_binary() -> Path:
    for candidate in (REPO / ".build/debug/samsyn", REPO / ".build/release/samsyn"):
        if candidate.exists():
            return candidate
    pytest.exit("build samsyn first: swift build --product samsyn", returncode=2)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "public"
    env = dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)
    result = subprocess.run([str(samsyn_binary()), "build", "--source", str(REPO), "--output", str(out)],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# The example login of the staff target's basic authentication, for the suite only.
STAFF_USER, STAFF_PASSWORD = "personal", "testlosenord"
STAFF_AUTHORIZATION = "Basic " + base64.b64encode(f"{STAFF_USER}:{STAFF_PASSWORD}".encode()).decode()


def deployment_config(site: Path, ports: dict, password_file: Path) -> str:
    """deploy/nginx/skolnarvaro.conf as the repository has it, with only what a machine
    must replace replaced: loopback ports instead of 443 with TLS, the site's folder, the
    password file. Each replacement must apply, so a changed file fails here, not silently."""
    config = (REPO / "deploy/nginx/skolnarvaro.conf").read_text()
    names = re.findall(r"server_name (\S+);", config)
    assert names == ["www.exempelkommun.se", "intranat.exempelkommun.se"], names
    listens = iter([ports["webb"], ports["intranat"]])
    config, count = re.subn(r"listen 443 ssl http2;", lambda _: f"listen 127.0.0.1:{next(listens)};", config)
    assert count == 2
    config, count = re.subn(r"\n\s*ssl_certificate(_key)? [^\n]*", "", config)
    assert count == 4
    assert config.count("alias /var/www/skolnarvaro/") == 4
    assert config.count("auth_basic_user_file /etc/nginx/skolnarvaro-intranat.htpasswd;") == 1
    return (config.replace("/var/www/skolnarvaro/", f"{site}/")
            .replace("/etc/nginx/skolnarvaro-intranat.htpasswd", str(password_file)))


class Nginx:
    """nginx serving the targets with the repository's deployment configuration, each on
    its own loopback port under SUB_PATH; started for the session and stopped at the end.
    The suite's address (127.0.0.1) is not in the staff target's allowlist, so it logs in."""

    def __init__(self, site: Path):
        self.dir = Path(tempfile.mkdtemp(prefix="samsyn-nginx-"))
        self.ports = {target: free_port() for target in TARGETS}
        password_file = self.dir / "htpasswd"
        digest = base64.b64encode(hashlib.sha1(STAFF_PASSWORD.encode()).digest()).decode()
        password_file.write_text(f"{STAFF_USER}:{{SHA}}{digest}\n")
        servers = deployment_config(site, self.ports, password_file)
        temp = "\n".join(f"    {kind}_temp_path {self.dir / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        # As root (CI), workers would drop to nobody and could not read the private temp folders.
        user = "user root;" if os.geteuid() == 0 else ""
        (self.dir / "nginx.conf").write_text(f"""
{user}
worker_processes 1;
pid {self.dir / 'nginx.pid'};
error_log {self.dir / 'error.log'};
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
{temp}
{servers}
}}
""")
        self.process = subprocess.Popen(["nginx", "-p", str(self.dir), "-c", str(self.dir / "nginx.conf"), "-g", "daemon off;"])
        for target in TARGETS:
            self._wait(self.base(target))

    def base(self, target: str) -> str:
        return f"http://127.0.0.1:{self.ports[target]}{SUB_PATH}"

    def _wait(self, url: str):
        deadline = time.time() + 15
        while time.time() < deadline:
            try:
                urllib.request.urlopen(authorized(url), timeout=1)
                return
            except Exception:
                time.sleep(0.1)
        raise RuntimeError(f"nginx did not answer at {url}: {(self.dir / 'error.log').read_text()}")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(self.dir, ignore_errors=True)


def authorized(url: str) -> urllib.request.Request:
    """A request with the staff login, which the public target ignores."""
    return urllib.request.Request(url, headers={"Authorization": STAFF_AUTHORIZATION})


@pytest.fixture(scope="session")
def server(site_dir):
    nginx = Nginx(site_dir)
    yield nginx
    nginx.stop()


@pytest.fixture(scope="session")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(argument)
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary:
        options.binary_location = binary
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    # Every request logs in to the staff target, as a member of staff's browser would.
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setExtraHTTPHeaders", {"headers": {"Authorization": STAFF_AUTHORIZATION}})
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def crawl(server):
    """Every page of every target, reached by following links from the front page."""
    from crawler import crawl_target
    return {target: crawl_target(server.base(target), {"Authorization": STAFF_AUTHORIZATION}) for target in TARGETS}
