"""The report in a real headless Chromium: it renders with no console errors and no
network requests, its findings are visible, tables sort, page, filter and download,
permalinks open their evidence, names reach the charts as text, events and their dyads
open their sentences, and the page fits a phone."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from detente.records import Document, Quote, Statement, record_id, text_id
from detente.report import write_report
from seed_records import ACTORS_WITH_CLUBS, CODED_EVENTS, documents, events, mentioned, quotes, statements

HOSTILE = "Officials said <script>window.hacked = true</script> was found in the draft, and <b>nothing</b> else."
FORMULA = "=HYPERLINK(\"http://example.org\",\"open\") was typed into the shared sheet."
LINK_NAME = '<a href="https://example.org/">Click me</a>'
RTL_NAME = "\u202eArgus Vale"


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    docs = documents()
    text = HOSTILE + " " + FORMULA
    hostile = Document(id=text_id(text), doc="hostile.txt", source="hostile.txt", text=text,
                       published="2025-08-13", outlet="Example Wire", title="A hostile memo")
    extra = [Statement(id=record_id("hostile", name), doc=hostile.doc, doc_id=hostile.id, date=hostile.published,
                       actor=name, actor_id=None, issue="ceasefire", stance=stance, evidence=HOSTILE, start=0,
                       end=len(HOSTILE), confidence=0.5)
             for name, stance in (("Donald Tusk", "neutral"), (LINK_NAME, "support"), (RTL_NAME, "oppose"))]
    found = statements(docs) + extra
    said = quotes(found) + [Quote(id="formula", doc=hostile.doc, doc_id=hostile.id, start=len(HOSTILE) + 1,
                                  end=len(text), text=FORMULA, kind="direct", speaker="Donald Tusk")]
    return write_report(tmp_path_factory.mktemp("report"), docs + [hostile], ACTORS_WITH_CLUBS, said, found,
                        mentioned=mentioned(ACTORS_WITH_CLUBS, docs), events=events(docs))


def open_page(browser, url, width=1280, height=900):
    page = browser.new_page(viewport={"width": width, "height": height}, accept_downloads=True)
    page.errors, page.requests = [], []
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("request", lambda r: r.url.split(":")[0] not in ("file", "data", "blob", "about")
            and page.requests.append(r.url))
    page.goto(url)
    page.wait_for_selector("#chart-heatmap .main-svg")
    return page


@pytest.fixture(scope="module")
def page(browser, report):
    page = open_page(browser, report.as_uri())
    yield page
    page.close()


def rows(page, table):
    return page.locator(f"#table-{table} tbody tr")


def test_renders_without_errors_or_network(page):
    page.wait_for_selector("#chart-cohesion .main-svg")
    page.wait_for_selector("#chart-dyads .main-svg")
    assert page.errors == []
    assert page.requests == []


def test_findings_and_charts_are_visible(page):
    first = page.locator("#findings li").nth(1)
    assert first.is_visible()
    assert first.inner_text().startswith("Split on territorial concessions within NATO")
    for chart in ("heatmap", "networks", "cohesion", "voice"):
        assert page.locator(f"#chart-{chart} .main-svg").first.is_visible()


def test_clicking_a_fracture_shows_both_evidence_sentences(page):
    row = rows(page, "fractures").first
    assert row.locator("td.blocs").inner_text() == "NATO, Eurozone, Schengen Area, G7, osce"
    row.click()
    panel = page.locator("#evidence")
    assert panel.is_visible()
    assert page.locator("#evidence-title").inner_text().endswith("(both in NATO, Eurozone, Schengen Area and 2 more)")
    expected = page.evaluate("(() => { const d = JSON.parse(document.getElementById('report-data').textContent);"
                             " return d.evidence['fracture:1'].items.map(i => d.items[i].text); })()")
    assert panel.locator("mark").all_inner_texts() == expected
    assert len(expected) == 2
    meta = panel.locator(".meta").all_inner_texts()
    assert "support" in meta[0] and "oppose" in meta[1]
    page.locator("#evidence-close").click()
    assert not panel.is_visible()


def test_a_permalink_opens_its_finding(browser, report):
    page = open_page(browser, report.as_uri() + "#evidence=fracture%3A1")
    assert page.locator("#evidence").is_visible()
    assert page.locator("#evidence-title").inner_text().startswith("Split on territorial concessions")
    assert page.locator("#evidence-link").get_attribute("href") == "#evidence=fracture%3A1"
    page.close()


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


def test_names_reach_the_charts_as_text(page):
    assert page.locator("#chart-heatmap a, #chart-networks a").count() == 0  # no link made of a name
    ticks = page.locator("#chart-heatmap .ytick text").all_text_contents()
    assert LINK_NAME in ticks  # shown as written
    assert f"\u2068{RTL_NAME}\u2069" in ticks  # the override ends with the name


def test_article_text_is_shown_as_text(page):
    assert page.evaluate("window.hacked === undefined")
    search = page.locator("[data-table=records] .tablebar input")
    search.fill("hostile memo")
    assert rows(page, "records").count() >= 1
    rows(page, "records").first.click()
    assert "<script>window.hacked = true</script>" in page.locator("#evidence mark").first.inner_text()
    page.locator("#evidence-close").click()
    search.fill("")


def test_tables_page_and_sort(page):
    table = rows(page, "records")
    total = page.evaluate("JSON.parse(document.getElementById('report-data').textContent).tables.records.rows.length")
    assert total > 25 and table.count() == 25
    pager = page.locator("[data-table=records] .pager")
    assert pager.locator("span").inner_text() == f"page 1 of {-(-total // 25)}"
    pager.locator("button", has_text="Next").click()
    assert table.count() == total - 25
    pager.locator("button", has_text="Previous").click()
    header = page.locator("#table-records th", has_text="Actor")
    header.locator("button").click()
    assert page.evaluate("""() => {
        const names = [...document.querySelectorAll('#table-records tbody td.actor')].map(td => td.textContent);
        return names.length === 25 && names.every((n, i) => i === 0 || names[i - 1].localeCompare(n) <= 0);
    }""")
    assert header.get_attribute("aria-sort") == "ascending"
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "descending"


def test_filters_apply_to_every_table(page):
    page.select_option("#filters select[name=issue]", "crimea recognition")
    issues = set(page.locator("#table-records tbody td.issue").all_inner_texts())
    assert issues == {"crimea recognition"}
    assert set(page.locator("#table-fractures tbody td.issue").all_inner_texts()) == {"crimea recognition"}
    page.fill("#filters input[name=actor]", "kallas")
    assert set(page.locator("#table-records tbody td.actor").all_inner_texts()) == {"Kaja Kallas"}
    page.locator("#filters button[type=reset]").click()
    page.wait_for_function("document.querySelectorAll('#table-records tbody tr').length === 25")
    page.select_option("#filters select[name=outlet]", "Example Wire")
    assert set(page.locator("#table-records tbody td.outlet").all_inner_texts()) == {"Example Wire"}
    page.locator("#filters button[type=reset]").click()
    page.fill("#filters input[name=from]", "2025-08-01")
    page.fill("#filters input[name=to]", "2025-08-31")
    dates = page.locator("#table-records tbody td.date").all_inner_texts()
    assert dates and all("2025-08-01" <= d <= "2025-08-31" for d in dates)
    page.locator("#filters button[type=reset]").click()


def test_csv_download_holds_the_filtered_rows_and_no_formula(page):
    page.locator("[data-table=records] .tablebar input").fill("shared sheet")
    with page.expect_download() as info:
        page.locator("[data-table=records] button.csv").click()
    download = info.value
    assert download.suggested_filename == "records.csv"
    found = list(csv.reader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    assert found[0][:4] == ["Date", "Article", "Outlet", "Actor"]
    assert len(found) == 2 and found[1][-1] == "'" + FORMULA
    page.locator("[data-table=records] .tablebar input").fill("")


def test_phone_layout_has_no_sideways_scroll_and_print_hides_controls(browser, report):
    phone = open_page(browser, report.as_uri(), 390, 844)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert phone.errors == []
    phone.emulate_media(media="print")
    assert not phone.locator("#filters").is_visible()
    assert not phone.locator(".pager").first.is_visible()
    phone.close()


def test_the_events_section_lists_who_did_what_to_whom(page):
    assert page.locator("#events h2").inner_text() == "Who did what to whom"
    table = rows(page, "events")
    assert table.count() == len(CODED_EVENTS)
    criticism = table.filter(has=page.locator("td.trigger", has_text="criticism"))
    assert criticism.locator("td.type").inner_text() == "ACCUSE"
    assert criticism.locator("td.source").inner_text() == "Donald Trump"
    assert criticism.locator("td.target").inner_text() == "Volodymyr Zelensky"
    assert float(criticism.locator("td.score").inner_text()) < 0  # an accusation is conflict
    compromise = table.filter(has=page.locator("td.trigger", has_text="compromise"))
    assert compromise.locator("td.negated").inner_text() == "yes"
    meeting = table.filter(has=page.locator("td.trigger", has_text=re.compile("^meet$")))
    assert meeting.locator("td.tense").inner_text() == "future"
    assert page.locator("#chart-dyads .main-svg").first.is_visible()
    assert page.errors == []


def test_the_type_menu_and_the_actor_filter_narrow_the_events(page):
    table = rows(page, "events")
    menu = page.locator("[data-table=events] select.choice")
    menu.select_option("REJECT")
    types = table.locator("td.type").all_inner_texts()
    assert types and set(types) == {"REJECT"} and len(types) < len(CODED_EVENTS)
    assert page.locator("[data-table=events] .count").inner_text() == f"{len(types)} of {len(CODED_EVENTS)} rows"
    page.fill("#filters input[name=actor]", "zelensky")
    for row in table.all():  # the actor may be the source or the target
        assert "Zelensky" in row.locator("td.source").inner_text() + row.locator("td.target").inner_text()
    assert 0 < table.count() < len(types)
    page.locator("#filters button[type=reset]").click()
    menu.select_option("")
    assert table.count() == len(CODED_EVENTS)


def test_events_sort_by_score(page):
    header = page.locator("#table-events th", has_text="Score")
    header.locator("button").click()
    scores = [float(v) for v in page.locator("#table-events tbody td.score").all_inner_texts()]
    assert scores == sorted(scores) and scores[0] < 0 < scores[-1]


def test_an_event_row_opens_its_sentence(page):
    row = rows(page, "events").filter(has=page.locator("td.trigger", has_text="withdrawal"))
    row.click()
    panel = page.locator("#evidence")
    assert panel.is_visible()
    assert page.locator("#evidence-title").inner_text().startswith("United States → Ukraine: REJECT meet")
    assert panel.locator("mark").inner_text().startswith("The Trump administration’s withdrawal from preparatory talks")
    page.locator("#evidence-close").click()


def test_a_dyad_opens_all_its_events(page):
    row = rows(page, "dyads").filter(has=page.locator("td.source", has_text="United States")) \
        .filter(has=page.locator("td.target", has_text="Ukraine"))
    assert row.locator("td.events").inner_text() == "2"
    assert row.locator("td.types").inner_text() == "AID 1, REJECT 1"
    row.click()
    marks = page.locator("#evidence mark").all_inner_texts()
    assert sorted(marks) == sorted(e[-1] for e in CODED_EVENTS if e[3] == ["united-states"] and e[4] == ["ukraine"])
    page.locator("#evidence-close").click()
    assert page.errors == []
