"""A small crawler: every link, stylesheet, script and image reachable from a front page."""
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import Request, urlopen

# The only other site a page may link to: Digg's form for reporting shortcomings, which
# the law requires every accessibility statement to link (it is a link, never a resource).
ALLOWED_EXTERNAL_LINKS = {"www.digg.se"}


class _References(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []       # (url, is_resource)
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href") is not None:
            self.links.append((attrs["href"], False))
        elif tag == "link" and attrs.get("href") and attrs.get("rel") != "alternate":
            self.links.append((attrs["href"], True))
        elif tag == "link" and attrs.get("href"):
            self.links.append((attrs["href"], False))
        elif tag == "form" and attrs.get("action"):
            self.links.append((attrs["action"], False))
        elif tag in ("script", "img", "source", "iframe") and attrs.get("src"):
            self.links.append((attrs["src"], True))


@dataclass
class CrawlResult:
    pages: dict = field(default_factory=dict)      # url -> html
    ids: dict = field(default_factory=dict)        # url -> set of ids
    problems: list = field(default_factory=list)


def crawl_target(base: str, headers: dict | None = None) -> CrawlResult:
    result = CrawlResult()
    origin = urlsplit(base)
    queue, seen = [base], {base}
    anchors = []   # (from_page, url, fragment)
    while queue:
        url = queue.pop(0)
        try:
            with urlopen(Request(url, headers=headers or {}), timeout=10) as response:
                body = response.read()
                content_type = response.headers.get("Content-Type", "")
        except HTTPError as error:
            result.problems.append(f"{url}: HTTP {error.code}")
            continue
        if "text/html" not in content_type:
            continue
        html = body.decode("utf-8")
        result.pages[url] = html
        parser = _References()
        parser.feed(html)
        result.ids[url] = parser.ids
        for reference, is_resource in parser.links:
            absolute = urljoin(url, reference)
            parts = urlsplit(absolute)
            if parts.scheme in ("mailto", "tel"):
                continue
            if (parts.scheme, parts.netloc) != (origin.scheme, origin.netloc):
                if is_resource or parts.hostname not in ALLOWED_EXTERNAL_LINKS:
                    result.problems.append(f"{url}: leads outside the site: {reference}")
                continue
            if not parts.path.startswith(origin.path):
                result.problems.append(f"{url}: leaves the sub-path {origin.path}: {reference}")
                continue
            target, fragment = urldefrag(absolute)
            if fragment:
                anchors.append((url, target, fragment))
            if target not in seen:
                seen.add(target)
                queue.append(target)
    for page, target, fragment in anchors:
        if target in result.ids and fragment not in result.ids[target]:
            result.problems.append(f"{page}: no element with id '{fragment}' in {target}")
    return result
