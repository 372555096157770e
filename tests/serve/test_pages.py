"""The web UI's pages as HTML: filters in the URL change what they show, markup in
articles stays text, evidence links open the article with the sentence highlighted."""
from __future__ import annotations

import re
from html import unescape

import pytest

from dbs import HOSTILE


def rows(html: str, table: str) -> list[str]:
    body = re.search(rf'<table class="records" id="{table}">.*?<tbody>(.*?)</tbody>', html, re.S)
    assert body, f"no table {table}"
    return re.findall(r"<tr[ >].*?</tr>", body.group(1), re.S)


def test_the_overview_shows_every_view(client):
    html = client.get("/").text
    for part in ('id="chart-heatmap"', 'id="chart-networks"', 'id="cohesion"',
                 'id="fractures"', 'id="statements"', '<script src="/static/plotly.min.js">'):
        assert part in html
    assert "http://" not in html.split("<main>")[0] and "https://" not in html.split("<main>")[0]


def test_a_filter_changes_the_table_and_the_url_is_the_permalink(client):
    everything = rows(client.get("/").text, "statements")
    crimea = rows(client.get("/?issue=crimea-recognition").text, "statements")
    assert 5 <= len(crimea) < len(everything)
    assert all("/issues/crimea-recognition" in r for r in crimea)
    nato = rows(client.get("/?bloc=nato&issue=territorial-concessions").text, "statements")
    assert nato and not any("Zelensky" in r for r in nato)


def test_markup_in_an_article_stays_text(client):
    hostile = client.get("/api/documents", params={"outlet": "<i>Wire</i>"}).json()["items"][0]
    for path in (f"/articles/{hostile['id']}", "/", "/actors/kaja-kallas", "/issues/ceasefire"):
        html = client.get(path).text
        assert "<script>window.hacked" not in html and "<img src=x" not in html and "<b>Draft</b>" not in html, path
    article = client.get(f"/articles/{hostile['id']}").text
    text = re.search(r'<article id="article-text">(.*?)</article>', article, re.S).group(1)
    assert unescape(re.sub(r"<[^>]+>", "", text)) == HOSTILE


def test_an_evidence_link_opens_the_article_with_its_sentence_highlighted(client):
    html = client.get("/actors/donald-trump").text
    link = re.search(r'<a class="evidence" href="([^"]+)">([^<]+)</a>', html)
    path, evidence = unescape(link.group(1)), unescape(link.group(2))
    record = path.split("highlight=")[1].split("#")[0]
    article = client.get(path).text
    target = re.search(rf'<mark class="[^"]*target"[^>]*id="r-{record}">(.*?)</mark>', article, re.S)
    assert target and evidence.startswith(unescape(target.group(1)))


def test_the_actor_page_shows_quotes_positions_and_who_agrees_and_disagrees(client):
    html = client.get("/actors/volodymyr-zelensky").text
    assert "<h1>Volodymyr Zelensky</h1>" in html
    ties = re.findall(r'<li class="(congruence|conflict)">.*?<a href="/actors/([^"]+)">', html, re.S)
    assert ("conflict", "donald-trump") in ties
    assert len(rows(html, "statements")) == 4 and rows(html, "quotes")


def test_the_issue_page_lists_its_statements(client):
    html = client.get("/issues/crimea-recognition").text
    assert "<h1>crimea recognition</h1>" in html and len(rows(html, "statements")) == 5


@pytest.mark.parametrize("path, status", [("/actors/nobody", 404), ("/articles/0000", 404),
                                          ("/?since=yesterday", 422), ("/static/..%2Fapi.py", 404),
                                          ("/static/app.py", 404)])
def test_bad_pages_are_a_sentence(client, path, status):
    reply = client.get(path)
    assert reply.status_code == status and "Traceback" not in reply.text
    assert '<p class="error">' in reply.text


def test_scripts_and_styles_are_served_from_memory(client):
    assert "Plotly" in client.get("/static/plotly.min.js").text[:5000]
    assert client.get("/static/app.css").headers["content-type"].startswith("text/css")
