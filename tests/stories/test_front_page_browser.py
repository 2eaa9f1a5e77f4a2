"""The stories front page in headless Debian Chromium, with the report's checks (issue 11).

Skipped unless /usr/bin/chromium and playwright are present; the axe-core audit runs when
$SYNOPSIS_AXE_JS names axe.min.js.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from synopsis.apps.stories_cli import front_page
from synopsis.render.html import render_report
from synopsis.stories.store import StoryInfo
from tests.test_browser import Opened, browser  # noqa: F401 (the fixture)
from tests.test_report import story_summary

pytestmark = pytest.mark.browser

HOSTILE = '<script>document.title="pwned"</script>'


@pytest.fixture
def front_url(tmp_path: Path) -> str:
    (tmp_path / "story-1.html").write_text(render_report(story_summary()), encoding="utf-8")
    entries = [
        (
            StoryInfo(
                1,
                f"Bridge closed {HOSTILE}",
                ("a", "b", "c"),
                ("Times", "Wire"),
                "2024-03-04",
                "2024-03-06",
            ),
            "Engineers found cracks in the girders.",
            "story-1.html",
        ),
        (
            StoryInfo(2, "Levy passes", ("d",), (), None, None),
            "A very long first sentence " + "word " * 80,
            "story-1.html",
        ),
    ]
    path = tmp_path / "index.html"
    path.write_text(front_page(entries), encoding="utf-8")
    return path.as_uri()


def test_front_page_loads_clean_and_article_text_never_runs(browser: Any, front_url: str) -> None:  # noqa: F811
    view = Opened(browser, front_url)
    assert view.errors == []
    assert view.page.title() == "Stories"
    assert HOSTILE in view.page.inner_text("h2 >> nth=0")
    assert view.page.inner_text("li >> nth=0").count("3 articles · 2 outlets") == 1


def test_each_story_links_to_its_report(browser: Any, front_url: str) -> None:  # noqa: F811
    view = Opened(browser, front_url)
    view.page.click("h2 >> nth=0 >> a")
    view.page.wait_for_load_state()
    assert view.page.url.endswith("story-1.html")
    assert view.errors == []


@pytest.mark.parametrize(("width", "height"), [(375, 812), (1280, 900)])
def test_front_page_has_no_sideways_scroll(
    browser: Any,  # noqa: F811
    front_url: str,
    width: int,
    height: int,
) -> None:
    view = Opened(browser, front_url, width, height)
    overflow = view.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_front_page_passes_axe_audit(browser: Any, front_url: str, scheme: str) -> None:  # noqa: F811
    axe = Path(os.environ.get("SYNOPSIS_AXE_JS", "node_modules/axe-core/axe.min.js"))
    if not axe.is_file():
        pytest.skip("axe-core not found; set SYNOPSIS_AXE_JS to axe.min.js (npm install axe-core)")
    context = browser.new_context(bypass_csp=True, color_scheme=scheme)
    page = context.new_page()
    page.goto(front_url)
    page.add_script_tag(content=axe.read_text(encoding="utf-8"))
    result = page.evaluate("axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'best-practice']})")
    context.close()
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]] == []
