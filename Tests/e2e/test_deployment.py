"""The deployment configuration (deploy/nginx/skolnarvaro.conf), as the suite serves it:
the public target open to anyone, the staff target refused to anyone outside the
municipality's networks who has not logged in."""
import base64
import urllib.request
from urllib.error import HTTPError

import pytest

from conftest import STAFF_AUTHORIZATION, STAFF_USER


def status(url: str, authorization: str | None = None) -> int:
    request = urllib.request.Request(url, headers={"Authorization": authorization} if authorization else {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status
    except HTTPError as error:
        return error.code


@pytest.mark.parametrize("path", ["", "rutiner/oroande-franvaro/", "search/meta.json", "assets/samsyn.css"])
def test_an_anonymous_request_to_the_staff_target_is_refused(server, path):
    assert status(server.base("intranat") + path) == 401


def test_a_wrong_password_is_refused(server):
    wrong = "Basic " + base64.b64encode(f"{STAFF_USER}:fel".encode()).decode()
    assert status(server.base("intranat"), wrong) == 401


def test_staff_who_log_in_are_served(server):
    assert status(server.base("intranat") + "rutiner/oroande-franvaro/", STAFF_AUTHORIZATION) == 200


@pytest.mark.parametrize("path", ["", "vardnadshavare/", "tillganglighet/", "sitemap.xml"])
def test_the_public_target_is_open_to_anyone(server, path):
    assert status(server.base("webb") + path) == 200


def test_robots_txt_is_answered_at_each_hosts_root(server):
    root = {target: server.base(target).split("/skolnarvaro/")[0] for target in ("webb", "intranat")}
    with urllib.request.urlopen(root["intranat"] + "/robots.txt", timeout=5) as response:
        assert response.read().decode() == "User-agent: *\nDisallow: /\n"
    with urllib.request.urlopen(root["webb"] + "/robots.txt", timeout=5) as response:
        assert "Sitemap: https://www.exempelkommun.se/skolnarvaro/sitemap.xml" in response.read().decode()


def test_the_staff_target_asks_search_engines_to_stay_away_in_its_headers(server):
    request = urllib.request.Request(server.base("intranat") + "assets/samsyn.css", headers={"Authorization": STAFF_AUTHORIZATION})
    with urllib.request.urlopen(request, timeout=5) as response:
        assert response.headers["X-Robots-Tag"] == "noindex, nofollow"
