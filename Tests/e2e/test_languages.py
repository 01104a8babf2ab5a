"""Every reader reached in their language: each guardian language has a start page on the
public web, linked from the front page and the guardians' section by its name in its
own script (visible without scrolling on a phone), and every page in that language leads
back to it."""
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

LANGUAGES = {"en": "English", "ar": "العربية", "so": "Soomaali", "fi": "Suomi"}


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang = None
        self.links = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "a" and "href" in attrs:
            self.links.append(attrs)


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text())
    return parser


@pytest.mark.parametrize("page", ["index.html", "vardnadshavare/index.html"])
def test_the_front_page_and_the_guardians_section_offer_every_language(site_dir, page):
    links = parse(site_dir / "webb" / page).links
    for code, name in LANGUAGES.items():
        matching = [a for a in links if a.get("hreflang") == code and a.get("lang") == code]
        assert matching, f"no link to {code} on {page}"
        assert any(re.search(rf"(^|/){code}/$", a["href"]) for a in matching)
    text = (site_dir / "webb" / page).read_text()
    for name in LANGUAGES.values():
        assert f">{name}</a>" in text


def test_every_public_page_in_a_language_links_its_start_page(site_dir):
    checked = 0
    for path in sorted((site_dir / "webb").rglob("index.html")):
        page = parse(path)
        if page.lang in (None, "sv"):
            continue
        home = (site_dir / "webb" / page.lang / "index.html").resolve()
        targets = {(path.parent / a["href"]).resolve() / "index.html" if a["href"].endswith("/") else (path.parent / a["href"]).resolve()
                   for a in page.links if not a["href"].startswith(("http", "#", "mailto:", "tel:"))}
        assert home in targets, f"{path.relative_to(site_dir)} ({page.lang}) does not link {page.lang}/"
        checked += 1
    assert checked >= 20, checked


def test_the_start_page_is_in_its_language_and_says_what_is_only_in_swedish(site_dir):
    text = (site_dir / "webb/en/index.html").read_text()
    assert '<html lang="en" dir="ltr">' in text
    assert "<h1>Information in English</h1>" in text
    assert 'href="../en/verktygslada/"' in text or 'href="verktygslada/"' in text
    # A guardian page not yet in English, linked as Swedish, in English words.
    assert re.search(r'<a href="[^"]*vardnadshavare/ledighet/" lang="sv" hreflang="sv">Ledighet från skolan</a> '
                     r'<span class="in-site-language">\(in Swedish\)</span>', text)
    arabic = (site_dir / "webb/ar/index.html").read_text()
    assert '<html lang="ar" dir="rtl">' in arabic


def test_the_frame_of_a_page_in_a_language_is_in_that_language(site_dir):
    text = (site_dir / "webb/en/vardnadshavare/franvaro-och-sjukanmalan/index.html").read_text()
    nav = text.split('<nav class="site-nav"')[1].split("</nav>")[0]
    assert '>Start</a>' in nav and "Support we can offer" in nav
    assert 'hreflang="sv"' in nav and '(in Swedish)' in nav
    crumbs = text.split('<nav class="breadcrumbs"')[1].split("</nav>")[0]
    assert 'href="../../../en/"' in crumbs or 'href="../../"' in crumbs
    footer = text.split('<footer class="site-footer">')[1]
    assert "Accessibility statement" in footer and "(in Swedish)" in footer


def test_the_toolbox_for_families_in_each_language(site_dir):
    for code in LANGUAGES:
        text = (site_dir / "webb" / code / "verktygslada/index.html").read_text()
        assert f'<html lang="{code}"' in text
        # The interventions for guardians, marked as Swedish where no translation exists.
        assert 'lang="sv" hreflang="sv">Hembesök</a>' in text


@pytest.mark.parametrize("page", ["", "vardnadshavare/"])
def test_the_languages_are_visible_without_scrolling_on_a_phone(server, browser, page):
    browser.set_window_size(375, 667)
    browser.get(server.base("webb") + page)
    height = browser.execute_script("return window.innerHeight")
    for link in browser.find_elements(By.CSS_SELECTOR, ".language-homes a"):
        bottom = browser.execute_script("return arguments[0].getBoundingClientRect().bottom", link)
        assert bottom <= height, f"{link.text} is below the fold at {bottom}px of {height}px"
    assert len(browser.find_elements(By.CSS_SELECTOR, ".language-homes a")) == len(LANGUAGES)
