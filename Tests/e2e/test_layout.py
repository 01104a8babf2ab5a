"""Screenshots at phone and desktop width, and nothing wider than a phone's screen."""
from pathlib import Path

import pytest

from conftest import REPO

SCREENSHOTS = Path(__import__("os").environ.get("SAMSYN_SCREENSHOTS", REPO / ".build" / "screenshots"))
PAGES = {
    "framsida": ("webb", ""),
    "rutin": ("intranat", "rutiner/oroande-franvaro/"),
    "vardnadshavare-arabiska": ("webb", "ar/vardnadshavare/franvaro-och-sjukanmalan/"),
    "arsrapport": ("webb", "rapport/arsrapport-2025/"),
    "startsida-arabiska": ("webb", "ar/"),
    "verktygslada-somaliska": ("webb", "so/verktygslada/"),
    "elever": ("webb", "elever/om-du-ar-borta-mycket/"),
    "lattlast": ("webb", "vardnadshavare/nar-ditt-barn-inte-vill-ga-till-skolan-lattlast/"),
}


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("width", [375, 1280])
def test_screenshot_and_no_horizontal_overflow(server, browser, name, width):
    target, path = PAGES[name]
    browser.set_window_size(width, 900)
    browser.get(server.base(target) + path)
    inner = browser.execute_script("return window.innerWidth")
    scroll = browser.execute_script("return document.documentElement.scrollWidth")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(width, min(height + 120, 6000))
    browser.save_screenshot(str(SCREENSHOTS / f"{name}-{width}.png"))
    if width == 375:
        assert scroll <= inner, f"{name} is {scroll}px wide at {inner}px"


@pytest.mark.parametrize("target", ["intranat", "webb"])
def test_toolbox_map_prints_on_one_a4_page(server, browser, target):
    import base64
    import re

    from selenium.webdriver.common.print_page_options import PrintOptions

    browser.get(server.base(target) + "verktygslada/")
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7  # A4, in centimetres
    pdf = base64.b64decode(browser.print_page(options))
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    assert pages == 1, f"the toolbox map prints on {pages} pages"
