"""axe-core with the WCAG 2.0 and 2.1 A and AA rules on every page of every target."""
import pytest

from conftest import TARGETS

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def all_pages(crawl):
    return [url for target in TARGETS for url in sorted(crawl[target].pages)]


def test_every_kind_of_page_is_checked(crawl):
    urls = all_pages(crawl)
    for kind in ["/skolnarvaro/", "/rutiner/", "/en/", "/ar/verktygslada/", "/elever/vad-raknas-som-franvaro/",
                 "/vardnadshavare/franvaro-och-sjukanmalan-lattlast/", "/indikatorer/", "/atgarder/", "/rutiner/oroande-franvaro/", "/roller/kurator/", "/verktygslada/hembesok/",
                 "/vardnadshavare/franvaro-och-sjukanmalan/", "/ar/vardnadshavare/franvaro-och-sjukanmalan/",
                 "/rapport/arsrapport-2025/", "/granskning/", "/tillganglighet/", "/so/vardnadshavare/ledighet/",
                 "/verktygslada/", "/vem-gor-vad/", "/sok/"]:
        assert any(url.endswith(kind) for url in urls), kind


# At a phone's width too: a flow or table wider than the screen scrolls, and a region that
# scrolls must be reachable by keyboard.
@pytest.mark.parametrize("width", [1280, 375])
def test_axe_finds_no_violations(crawl, browser, width):
    from selenium_axe_python import Axe

    browser.set_window_size(width, 900)
    failures = []
    for url in all_pages(crawl):
        browser.get(url)
        axe = Axe(browser)
        axe.inject()
        results = axe.run(options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        for violation in results["violations"]:
            targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
            failures.append(f"{url}: {violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    assert failures == []


def test_axe_really_reports_violations(server, browser, site_dir):
    """The check above is only as good as this: a page with a known violation is caught."""
    from selenium_axe_python import Axe

    bad = site_dir / "webb" / "axe-selftest" / "index.html"
    bad.parent.mkdir(exist_ok=True)
    bad.write_text('<!DOCTYPE html><html><head><title>x</title></head><body><img src="x.png"></body></html>')
    try:
        browser.get(server.base("webb") + "axe-selftest/")
        axe = Axe(browser)
        axe.inject()
        results = axe.run(options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        ids = {violation["id"] for violation in results["violations"]}
        assert {"image-alt", "html-has-lang"} <= ids
    finally:
        bad.unlink()
        bad.parent.rmdir()
