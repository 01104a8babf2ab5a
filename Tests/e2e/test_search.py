"""Search in a real browser: typing finds the right page first, on both targets, and the
browser's folding and stemming agree with the index's (SwedishSearch in Swift)."""
import json
import time
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO

# The same cases as SearchTests.swift: word -> search term.
CASES = json.loads((REPO / "Tests/SamsynTests/search-cases.json").read_text())


def results(browser, timeout=5.0):
    """The titles of the hits, once the live region has announced them."""
    from selenium.common.exceptions import StaleElementReferenceException

    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if browser.find_element(By.ID, "sok-status").text:
                return browser.execute_script(
                    "return Array.from(document.querySelectorAll('#sok-traffar li > a')).map(a => a.textContent)")
        except StaleElementReferenceException:
            pass
        time.sleep(0.05)
    raise AssertionError("no search result status")


def type_query(browser, query):
    field = browser.find_element(By.ID, "sok-falt")
    field.clear()
    browser.execute_script("document.getElementById('sok-status').textContent = ''")
    field.send_keys(query)
    return results(browser)


@pytest.mark.parametrize("target,query,first", [
    ("intranat", "orosanmälan", "Orosanmälan till socialtjänsten"),
    ("intranat", "atgard", "Oroande frånvaro – kartläggning och åtgärder"),
    # The shortest title holding the word comes first: the pupils' page, then the guardians'.
    ("intranat", "frånvaron", "Vad räknas som frånvaro?"),
    ("intranat", "anmälan", "Anmälan till rektor och huvudman vid upprepad eller långvarig frånvaro"),
    ("webb", "orosanmälan", "När skola och socialtjänst samarbetar"),
    ("webb", "frånvaron", "Vad räknas som frånvaro?"),
    ("webb", "atgard", "Skolnärvaro 2025 – uppföljning till barn- och utbildningsnämnden"),
])
def test_typing_finds_the_right_page_first(server, browser, target, query, first):
    browser.get(server.base(target) + "sok/")
    found = type_query(browser, query)
    assert found and found[0] == first, found[:5]


def test_compounds_are_found_by_their_parts(server, browser):
    browser.get(server.base("intranat") + "sok/")
    assert "Orosanmälan till socialtjänsten" in type_query(browser, "anmälan")[:5]


def test_matches_are_marked_and_announced(server, browser):
    browser.get(server.base("intranat") + "sok/?q=fr%C3%A5nvaron")
    results(browser)
    marks = [m.text.lower() for m in browser.find_elements(By.CSS_SELECTOR, "#sok-traffar mark")]
    assert any(m.startswith("frånvaro") for m in marks)
    status = browser.find_element(By.ID, "sok-status")
    assert status.get_attribute("aria-live") == "polite" and "träffar för «frånvaron»" in status.text


def test_the_header_form_submits_to_the_search_page(server, browser):
    browser.get(server.base("webb"))
    field = browser.find_element(By.ID, "sok-falt")
    field.send_keys("sjukanmälan", Keys.ENTER)
    # Submitting navigates: wait for the search page rather than read the URL at once.
    WebDriverWait(browser, 10).until(lambda driver: "/sok/" in driver.current_url)
    # The page and its easy-to-read version (lättläst) both hold the word in their titles.
    assert "Frånvaro och sjukanmälan" in results(browser)[:2]


def test_browser_and_index_agree_on_swedish_terms(server, browser):
    browser.get(server.base("intranat") + "sok/")
    for word, expected in CASES.items():
        assert browser.execute_script("return window.samsynSearchTerms(arguments[0])", word) == expected, word


def test_a_query_answers_quickly(server, browser):
    browser.get(server.base("intranat") + "sok/")
    first, repeated = browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const t0 = performance.now();
        window.samsynSearch('frånvaro rektor').then(() => {
          const t1 = performance.now();
          window.samsynSearch('frånvaro rektor').then(() => done([t1 - t0, performance.now() - t1]));
        });""")
    assert repeated < 50, f"{repeated:.0f} ms with the index parts loaded"
    assert first < 500, f"{first:.0f} ms including loading the index parts"


def test_no_staff_only_page_is_in_a_public_index(site_dir):
    staff_only = []
    for path in (REPO / "content").rglob("*.md"):
        front = path.read_text().split("---")[1]
        if not any(reader in front for reader in ("guardians", "pupils", "politicians")) and path.stem.count(".") == 0:
            staff_only.append(str(path.relative_to(REPO / "content").with_suffix("")) + "/")
    assert staff_only
    index = "".join(p.read_text() for p in (site_dir / "webb" / "search").glob("*.json"))
    for url in staff_only:
        assert f'"{url}"' not in index, url


def test_search_results_pass_axe(server, browser):
    from selenium_axe_python import Axe

    browser.get(server.base("intranat") + "sok/?q=fr%C3%A5nvaro")
    results(browser)
    axe = Axe(browser)
    axe.inject()
    found = axe.run(options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
    assert [v["id"] for v in found["violations"]] == []
