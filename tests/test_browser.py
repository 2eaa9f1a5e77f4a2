"""The HTML report and the form page in headless Debian Chromium via Playwright (issue 5).

Skipped unless /usr/bin/chromium (apt-get install chromium) and playwright (pip) are present.
Screenshots go to $SYNOPSIS_SCREENSHOT_DIR when set, else to the test's tmp_path. The axe-core
accessibility audit runs when $SYNOPSIS_AXE_JS names axe.min.js (npm install axe-core).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from synopsis.apps.web import ServiceSettings
from synopsis.render.html import render_report
from tests.test_report import TEXT_B, story_summary
from tests.test_web import STORY, LiveServer, fake_summarize

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Debian chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install playwright)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Opened:
    """A page plus the console errors and uncaught exceptions it produced."""

    def __init__(self, browser: Any, url: str, width: int = 1280, height: int = 900) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.errors: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(url)

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)


@pytest.fixture
def report_url(tmp_path: Path) -> str:
    path = tmp_path / "report.html"
    path.write_text(render_report(story_summary()), encoding="utf-8")
    return path.as_uri()


def _shot_dir(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("SYNOPSIS_SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_report_loads_clean_and_injected_script_never_runs(browser: Any, report_url: str) -> None:
    view = Opened(browser, report_url)
    page = view.page
    assert page.title() == page.locator("h1").inner_text() != ""
    assert page.evaluate("typeof window.__pwned") == "undefined"
    page.click("button.toggle-all")
    injected = page.locator("blockquote.passage", has_text="window.__pwned = 1;").first
    assert injected.is_visible()
    assert "<script>window.__pwned = 1;" in injected.inner_text()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0
    assert view.errors == []
    view.page.close()


def test_clicking_a_citation_reveals_the_highlighted_source_passage(
    browser: Any, report_url: str
) -> None:
    view = Opened(browser, report_url)
    page = view.page
    button = page.locator('button.cite[aria-controls="ev-1-2"]')
    panel = page.locator("#ev-1-2")
    assert button.get_attribute("aria-expanded") == "false"
    assert panel.is_hidden()
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    assert panel.is_visible()
    mark = panel.locator("mark")
    cited = "Twelve people were injured when the storm struck on Monday, officials said."
    assert mark.inner_text() == cited and cited in TEXT_B
    assert mark.is_visible()
    background = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator("#ev-1-1").is_hidden()  # other sources stay closed
    button.click()
    assert panel.is_hidden() and button.get_attribute("aria-expanded") == "false"
    assert view.errors == []
    page.close()


def test_citations_work_from_the_keyboard(browser: Any, report_url: str) -> None:
    view = Opened(browser, report_url)
    page = view.page
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('cite')"):
            break
    else:
        pytest.fail("no citation marker is reachable with Tab")
    focused = page.evaluate_handle("document.activeElement")
    assert focused.get_attribute("aria-controls") == "ev-1-1"
    outline = focused.evaluate("b => getComputedStyle(b).outlineStyle")
    assert outline != "none", "focused marker has no visible focus outline"
    page.keyboard.press("Enter")
    assert page.locator("#ev-1-1").is_visible()
    page.keyboard.press("Space")
    assert page.locator("#ev-1-1").is_hidden()
    assert view.errors == []
    page.close()


@pytest.mark.parametrize(("name", "width", "height"), [("phone", 375, 812), ("desktop", 1280, 900)])
def test_layout_fits_and_screenshot_is_written(
    browser: Any, report_url: str, tmp_path: Path, name: str, width: int, height: int
) -> None:
    view = Opened(browser, report_url, width, height)
    page = view.page
    page.click('button.cite[aria-controls="ev-1-1"]')
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= width, f"page is {overflow}px wide in a {width}px window"
    shot = _shot_dir(tmp_path) / f"report-{name}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_report_passes_axe_audit(browser: Any, report_url: str, scheme: str) -> None:
    """WCAG 2 A/AA and best-practice rules (contrast, landmarks, names) with every panel open."""
    axe = Path(os.environ.get("SYNOPSIS_AXE_JS", "node_modules/axe-core/axe.min.js"))
    if not axe.is_file():
        pytest.skip("axe-core not found; set SYNOPSIS_AXE_JS to axe.min.js (npm install axe-core)")
    context = browser.new_context(bypass_csp=True, color_scheme=scheme)  # to inject axe
    page = context.new_page()
    page.goto(report_url)
    page.click("button.toggle-all")
    page.add_script_tag(content=axe.read_text(encoding="utf-8"))
    result = page.evaluate("axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'best-practice']})")
    context.close()
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]] == []


def test_form_page_makes_a_report_in_the_browser(browser: Any, tmp_path: Path) -> None:
    settings = ServiceSettings(workers=1, summarize_fn=fake_summarize)
    with LiveServer(settings) as server:
        view = Opened(browser, server.url + "/", 375, 812)
        page = view.page
        texts = [a["text"] for a in STORY["articles"]]
        page.fill("#text", "\n---\n".join(texts))
        page.fill("#words", "40")
        with page.expect_navigation():
            page.click("button.submit")
        assert page.title() == page.locator("h1").inner_text() != ""
        page.click('button.cite[aria-controls="ev-1-1"]')
        assert page.locator("#ev-1-1 mark").is_visible()
        page.screenshot(path=str(_shot_dir(tmp_path) / "form-report-phone.png"), full_page=True)
        assert view.errors == []
        page.close()
