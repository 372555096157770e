"""The report in a real headless Chromium: it renders with no console errors and no
network requests, its findings are visible, and clicking a fracture shows its evidence."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from detente.records import Document, Statement, record_id, text_id
from detente.report import write_report
from seed_records import ACTORS_WITH_CLUBS, documents, mentioned, quotes, statements

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]

sync_api = pytest.importorskip("playwright.sync_api", reason="the browser test needs the playwright package")
if not CHROMIUM.exists() and not shutil.which("chromium"):
    pytest.skip("the browser test needs Chromium at /usr/bin/chromium (Debian package `chromium`)",
                allow_module_level=True)

HOSTILE = "Officials said <script>window.hacked = true</script> was found in the draft, and <b>nothing</b> else."


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    docs = documents()
    hostile = Document(id=text_id(HOSTILE), doc="hostile.txt", source="hostile.txt", text=HOSTILE,
                       published="2025-08-13")
    found = statements(docs) + [Statement(
        id=record_id("hostile"), doc=hostile.doc, doc_id=hostile.id, date=hostile.published,
        actor="Donald Tusk", actor_id="donald-tusk", issue="ceasefire", stance="neutral",
        evidence=HOSTILE, start=0, end=len(HOSTILE), confidence=0.5)]
    return write_report(tmp_path_factory.mktemp("report"), docs + [hostile], ACTORS_WITH_CLUBS, quotes(found), found,
                        mentioned=mentioned(ACTORS_WITH_CLUBS, docs))


@pytest.fixture(scope="module")
def page(report):
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.errors, page.requests = [], []
        page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.on("request", lambda r: r.url.split(":")[0] not in ("file", "data", "blob", "about")
                and page.requests.append(r.url))
        page.goto(report.as_uri())
        page.wait_for_selector("#chart-heatmap .main-svg")
        yield page
        browser.close()


def test_renders_without_errors_or_network(page):
    page.wait_for_selector("#chart-cohesion .main-svg")
    assert page.errors == []
    assert page.requests == []


def test_findings_and_charts_are_visible(page):
    first = page.locator("#findings li").nth(1)
    assert first.is_visible()
    assert "Allies split on territorial concessions" in first.inner_text()
    for chart in ("heatmap", "agreement", "conflict", "cohesion"):
        assert page.locator(f"#chart-{chart} .main-svg").first.is_visible()


def test_clicking_a_fracture_shows_both_evidence_sentences(page):
    fracture = page.locator("#fractures li").first
    # the blocs the articles name come first, and three at most are shown
    assert fracture.locator(".note").inner_text() == "both in NATO, Eurozone, Schengen Area and 2 more"
    fracture.locator("a.fracture").click()
    panel = page.locator("#evidence")
    assert panel.is_visible()
    assert page.locator("#evidence-title").inner_text().endswith("(both in NATO, Eurozone, Schengen Area and 2 more)")
    expected = page.evaluate("JSON.parse(document.getElementById('report-data').textContent)"
                             ".evidence['fracture:1'].items.map(i => [i.actor, i.text])")
    assert panel.locator("mark").all_inner_texts() == [text for _, text in expected]
    assert len(expected) == 2
    meta = panel.locator(".meta").all_inner_texts()
    assert "support" in meta[0] and "oppose" in meta[1]
    page.locator("#evidence-close").click()
    assert not panel.is_visible()


def test_clicking_a_heatmap_cell_shows_its_evidence(page):
    chart = page.locator("#chart-heatmap")
    chart.scroll_into_view_if_needed()
    # the centre of the first filled cell, in page pixels, from plotly's own axes
    x, y = page.evaluate("""() => {
        const gd = document.getElementById('chart-heatmap'), size = gd._fullLayout._size;
        const z = gd.data[0].z, row = z.findIndex(r => r.some(v => v !== null));
        const col = z[row].findIndex(v => v !== null), box = gd.getBoundingClientRect();
        return [box.left + size.l + gd._fullLayout.xaxis.l2p(col), box.top + size.t + gd._fullLayout.yaxis.l2p(row)];
    }""")
    page.mouse.click(x, y)
    page.wait_for_selector("#evidence:not([hidden])")
    assert page.locator("#evidence mark").count() >= 1
    page.locator("#evidence-close").click()


def test_article_text_is_shown_as_text(page):
    assert page.evaluate("window.hacked === undefined")
    page.fill("#search", "hostile.txt")
    rows = page.locator("#records tbody tr:visible")
    assert rows.count() >= 1
    rows.first.click()
    assert "<script>window.hacked = true</script>" in page.locator("#evidence mark").first.inner_text()
    page.locator("#evidence-close").click()
    page.fill("#search", "")
