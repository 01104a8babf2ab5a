"""No link, stylesheet, script, image or anchor leads to a 404 or outside the site."""
import pytest

from conftest import TARGETS


@pytest.mark.parametrize("target", TARGETS)
def test_every_reference_resolves(crawl, target):
    result = crawl[target]
    assert result.problems == []


@pytest.mark.parametrize("target", TARGETS)
def test_every_built_page_is_reachable(crawl, site_dir, target):
    built = {str(p.relative_to(site_dir / target).parent) for p in (site_dir / target).rglob("index.html")}
    reached = {url.split("/skolnarvaro/", 1)[1].rstrip("/") or "." for url in crawl[target].pages}
    assert built - reached == set(), "pages no link leads to"


def test_staff_pages_are_not_in_the_public_target(crawl):
    for url in crawl["webb"].pages:
        assert "/rutiner/" not in url and "/roller/" not in url and "/granskning/" not in url
