"""The web UI in a real headless Chromium against `detente serve`'s app on 127.0.0.1:
pages render with no console errors and no request leaves the machine, a filter changes
the table, an evidence link opens the highlighted sentence, a hostile article stays text."""
from __future__ import annotations

import socket
import threading
import time

import pytest

uvicorn = pytest.importorskip("uvicorn", reason="the browser test needs uvicorn (pip install 'detente[serve]')")


@pytest.fixture(scope="module")
def base_url(app):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture
def page(browser, base_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.errors, page.outside = [], []
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("request", lambda r: not r.url.startswith(base_url) and r.url.split(":")[0] not in ("data", "blob")
            and page.outside.append(r.url))
    yield page
    page.close()


def test_pages_render_with_no_errors_and_no_outside_requests(page, base_url):
    for path in ("/", "/actors/kaja-kallas", "/issues/territorial-concessions"):
        page.goto(base_url + path)
        page.wait_for_selector("#chart-heatmap .main-svg, #ties", state="attached")
    page.goto(base_url + "/")
    page.wait_for_selector("#chart-networks .main-svg")
    assert page.errors == [] and page.outside == []


def test_a_filter_changes_the_table(page, base_url):
    page.goto(base_url + "/")
    before = page.locator("#statements tbody tr").count()
    page.select_option("select[name=issue]", "crimea-recognition")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**issue=crimea-recognition**")
    after = page.locator("#statements tbody tr")
    assert 0 < after.count() < before
    assert set(after.locator("td:nth-child(3)").all_inner_texts()) == {"crimea recognition"}


def test_an_evidence_link_opens_the_highlighted_sentence(page, base_url):
    page.goto(base_url + "/actors/donald-trump")
    link = page.locator("#statements a.evidence").first
    evidence = link.inner_text()
    link.click()
    target = page.locator("mark.target").first
    target.wait_for()
    assert evidence.startswith(target.inner_text().strip()[:40])
    assert target.is_visible() and page.errors == []


def test_a_hostile_article_stays_text(page, base_url):
    page.goto(base_url + "/?outlet=" + "%3Ci%3EWire%3C%2Fi%3E")
    page.locator("#statements a.evidence").first.click()
    page.wait_for_selector("#article-text")
    assert "<script>window.hacked = true</script>" in page.inner_text("#article-text")
    assert page.locator("#article-text script, #article-text img, h1 b").count() == 0
    assert page.evaluate("typeof window.hacked") == "undefined" and page.errors == []
