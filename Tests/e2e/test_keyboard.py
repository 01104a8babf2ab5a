"""Keyboard use: Tab reaches the skip link first, then every link and control in
document order, and the focused element is always visibly marked."""
import pytest
from selenium.webdriver.common.keys import Keys

FOCUSABLE = """
return Array.from(document.querySelectorAll(':is(a[href], button, input, select, textarea, [tabindex]):not([tabindex="-1"])'))
  .filter(e => !e.disabled && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden');
"""

FOCUS_VISIBLE = """
const e = document.activeElement, s = getComputedStyle(e);
const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
const shadow = s.boxShadow && s.boxShadow !== 'none';
const r = e.getBoundingClientRect();
return {outline: outline, shadow: !!shadow, onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0};
"""


@pytest.mark.parametrize("target,path", [
    ("intranat", "rutiner/oroande-franvaro/"), ("intranat", "rapport/arsrapport-2025/"), ("intranat", "verktygslada/"),
    ("intranat", "vem-gor-vad/"),
    # The readers' pages: the front page with its languages, a start page, a pupils' page, an easy-to-read page.
    ("webb", ""), ("webb", "ar/"), ("webb", "en/verktygslada/"), ("webb", "elever/vem-kan-jag-prata-med/"),
    ("webb", "vardnadshavare/franvaro-och-sjukanmalan-lattlast/"),
])
def test_tab_order_and_visible_focus(server, browser, target, path):
    browser.set_window_size(1280, 1000)
    browser.get(server.base(target) + path)
    expected = browser.execute_script(FOCUSABLE)
    assert expected, "no focusable elements"
    body = browser.find_element("tag name", "body")
    body.send_keys(Keys.TAB)
    first = browser.switch_to.active_element
    assert "skip-link" in (first.get_attribute("class") or ""), "Tab must reach the skip link first"
    reached = [first]
    for _ in range(len(expected) - 1):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        reached.append(browser.switch_to.active_element)
        state = browser.execute_script(FOCUS_VISIBLE)
        assert (state["outline"] or state["shadow"]) and state["onScreen"], \
            f"focus not visible on {reached[-1].get_attribute('outerHTML')[:120]}"
    assert [e.id for e in reached] == [e.id for e in expected], "Tab order differs from document order"


def test_skip_link_moves_focus_to_the_content(server, browser):
    browser.get(server.base("intranat") + "rutiner/oroande-franvaro/")
    browser.find_element("tag name", "body").send_keys(Keys.TAB)
    assert browser.execute_script(FOCUS_VISIBLE)["onScreen"], "the skip link shows when focused"
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    assert browser.execute_script("return document.activeElement.id") == "innehall"
