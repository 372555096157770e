"""Analysis numbers checked on cases small enough to compute by hand, and the seed fractures."""
from __future__ import annotations

import math

import pytest

from detente.analysis import (
    Blocs,
    agreement_index,
    cohesion,
    fractures,
    one_mode,
    position_map,
    select,
    time_windows,
    two_mode,
)
from detente.records import Actor, Document, Role, Statement
from seed_records import ACTORS, documents, statements


def statement(actor, issue, stance, date="2025-03-01", doc="a.txt", n=0):
    return Statement(id=f"{actor}-{issue}-{stance}-{n}", doc=doc, doc_id=doc, date=date, actor=actor.upper(),
                     actor_id=actor, issue=issue, stance=stance, evidence=f"{actor} on {issue}", start=0, end=5)


# A: x support twice, y oppose; B: x support, y support; C: x oppose, y neutral.
TINY = [statement("a", "x", "support", n=1), statement("a", "x", "support", n=2), statement("a", "y", "oppose"),
        statement("b", "x", "support"), statement("b", "y", "support"),
        statement("c", "x", "oppose"), statement("c", "y", "neutral")]


def weights(rows, *keys):
    return {tuple(r[k] for k in keys): r["weight"] for r in rows}


@pytest.mark.parametrize("qualifier, expected", [
    ("ignore", {("a", "x"): 2, ("a", "y"): 1, ("b", "x"): 1, ("b", "y"): 1, ("c", "x"): 1, ("c", "y"): 1}),
    ("subtract", {("a", "x"): 2, ("a", "y"): -1, ("b", "x"): 1, ("b", "y"): 1, ("c", "x"): -1, ("c", "y"): 0}),
    ("combine", {("a", "x"): 1, ("a", "y"): 4, ("b", "x"): 1, ("b", "y"): 1, ("c", "x"): 4, ("c", "y"): 2}),
])
def test_two_mode_qualifier_aggregation(qualifier, expected):
    assert weights(two_mode(TINY, qualifier), "actor_id", "issue") == expected


@pytest.mark.parametrize("aggregation, expected", [
    ("congruence", {("a", "b"): 2, ("a", "c"): 0.5, ("b", "c"): 0.5}),
    ("conflict", {("a", "b"): 1, ("a", "c"): 2.5, ("b", "c"): 1.5}),
    ("subtract", {("a", "b"): 1, ("a", "c"): -2, ("b", "c"): -1}),
    ("ignore", {("a", "b"): 3, ("a", "c"): 3, ("b", "c"): 2}),
])
def test_one_mode_aggregation(aggregation, expected):
    assert weights(one_mode(TINY, aggregation), "source", "target") == pytest.approx(expected)


@pytest.mark.parametrize("aggregation, normalization, expected", [
    ("congruence", "average", 2 / 2.5),          # tie over the mean of 3 and 2 statements
    ("congruence", "jaccard", 2 / (2 + 1 + 1)),  # both on (x, support): 2·1; only A (y, oppose); only B (y, support)
    ("congruence", "cosine", 2 / (math.sqrt(5) * math.sqrt(2))),  # cells A (2, 1), B (1, 1); DNA gives 2 / (3·2)
    ("ignore", "cosine", 3 / (math.sqrt(5) * math.sqrt(2))),      # issue counts A (2, 1), B (1, 1)
])
def test_one_mode_normalization(aggregation, normalization, expected):
    rows = one_mode(TINY, aggregation, normalization)
    assert weights(rows, "source", "target")[("a", "b")] == pytest.approx(expected)


def test_one_mode_ties_name_their_issues_and_evidence():
    tie = next(r for r in one_mode(TINY, "conflict") if (r["source"], r["target"]) == ("a", "b"))
    assert tie["issues"] == ["y"]
    assert {e["statement"] for e in tie["evidence"]} == {"a-y-oppose-0", "b-y-support-0"}


def test_unknown_options_are_refused_in_a_sentence():
    with pytest.raises(ValueError, match="normalization must be one of"):
        one_mode(TINY, "congruence", "prominence")
    with pytest.raises(ValueError, match="qualifier aggregation"):
        two_mode(TINY, "congruence")


@pytest.mark.parametrize("yes, no, abstain, expected", [
    (3, 0, 0, 1.0), (2, 1, 0, 0.5), (2, 2, 0, 0.25), (1, 1, 1, 0.0), (4, 1, 1, 0.5),
])
def test_agreement_index(yes, no, abstain, expected):
    assert agreement_index(yes, no, abstain) == pytest.approx(expected)


def test_position_map_counts_net_dates_and_evidence():
    rows = position_map(TINY + [statement("a", "x", "oppose", date="2025-04-02")])
    cell = next(r for r in rows if (r["actor_id"], r["issue"]) == ("a", "x"))
    assert (cell["support"], cell["oppose"], cell["neutral"], cell["net"]) == (2, 1, 0, 1)
    assert (cell["position"], cell["first"], cell["last"]) == ("support", "2025-03-01", "2025-04-02")
    assert len(cell["evidence"]) == 3
    assert next(r for r in rows if r["actor_id"] == "c" and r["issue"] == "y")["position"] == "neutral"


KB = [Actor("poland", "Poland", "country", memberships=["nato", "eu"]),
      Actor("usa", "United States", "country", memberships=["nato"]),
      Actor("nato", "NATO", "organisation"),
      Actor("eu", "European Union", "organisation"),
      Actor("pm", "A Polish premier", "person", country="poland"),
      Actor("sg", "A Secretary General", "person", roles=[Role("Secretary General", "nato", "2024-10-01")]),
      Actor("envoy", "A former envoy", "person", roles=[Role("Envoy", "usa", "2020-01-01", "2024-12-31")])]


def test_bloc_membership_through_country_role_or_being_the_bloc():
    blocs = Blocs(KB)
    assert blocs.ids == ["eu", "nato"]
    assert blocs.of("pm", "2025-01-01") == {"nato", "eu"}
    assert blocs.of("sg", "2025-01-01") == {"nato"}
    assert blocs.of("sg", "2024-01-01") == set()  # before taking office
    assert blocs.of("envoy", "2024-06-01") == {"nato"}
    assert blocs.of("envoy", "2025-06-01") == set()  # the role had ended
    assert blocs.of("nato") == {"nato"}
    assert blocs.of("unknown") == set()


def test_blocs_rank_mentioned_first_then_smaller_then_by_name():
    blocs = Blocs(KB + [Actor("germany", "Germany", "country", memberships=["nato", "eu", "g7"])])
    assert blocs.sizes == {"nato": 3, "eu": 2, "g7": 1}
    assert blocs.ranked(blocs.ids) == ["g7", "eu", "nato"]  # the closest club first
    assert blocs.ranked(blocs.ids, mentioned=["nato", "pm"]) == ["nato", "g7", "eu"]


def test_cohesion_per_window_with_change():
    found = [statement("pm", "x", "support", date="2025-01-05"), statement("sg", "x", "support", date="2025-01-06"),
             statement("usa", "x", "support", date="2025-01-07"),
             statement("pm", "x", "oppose", date="2025-02-10", n=1), statement("sg", "x", "support", date="2025-02-11", n=1)]
    rows = cohesion(found, KB, time_windows([s.date for s in found], days=30))
    nato = [r for r in rows if r["bloc"] == "nato"]
    assert [(r["window_start"], r["members"], r["agreement_index"]) for r in nato] == [
        ("2025-01-05", 3, 1.0), ("2025-02-04", 2, 0.25)]
    assert nato[0]["change"] is None and nato[1]["change"] == pytest.approx(-0.75)
    assert all(r["bloc"] != "eu" for r in rows)  # one EU member is not a coalition


def test_time_windows_move_by_step_and_skip_empty_spans():
    windows = time_windows(["2025-01-01", "2025-01-03", "2025-03-01", None], days=7, step=2)
    assert [w.start for w in windows] == ["2025-01-01", "2025-01-03", "2025-02-24", "2025-02-26", "2025-02-28"]
    assert windows[0].holds("2025-01-07") and not windows[0].holds("2025-01-08")


def test_select_by_kind_bloc_outlet_and_date():
    docs = [Document("d1", "d1.txt", "d1.txt", "…", outlet="Reuters"), Document("d2", "d2.txt", "d2.txt", "…")]
    found = [statement("pm", "x", "support", doc="d1", date="2025-01-05"),
             statement("usa", "x", "oppose", doc="d2", date="2025-02-05"),
             statement("sg", "x", "support", doc="d2", date="2025-03-05")]
    ids = lambda chosen: [s.actor_id for s in chosen]
    assert ids(select(found, KB, kinds=["country"])) == ["usa"]
    assert ids(select(found, KB, blocs=["eu"])) == ["pm"]
    assert ids(select(found, KB, docs, outlets=["Reuters"])) == ["pm"]
    assert ids(select(found, KB, start="2025-02-01", end="2025-02-28")) == ["usa"]


def test_seed_fractures_put_the_western_split_on_territory_first():
    docs = documents()
    rows = fractures(statements(docs), ACTORS)
    western = {("united-states", "germany"), ("united-states", "poland"), ("united-states", "european-union"),
               ("nato", "germany"), ("nato", "poland")}
    top = rows[:len(western)]
    assert {r["issue"] for r in top} == {"territorial-concessions"}
    assert {(r["supporter_id"], r["opponent_id"]) for r in top} == western
    # officials speak for their government or body: Hegseth and Trump are one side, Rutte NATO's
    us_germany = top[0]
    assert (us_germany["supporter"], us_germany["opponent"]) == ("United States", "Germany")
    assert us_germany["supporter_speakers"] == ["Pete Hegseth", "Donald Trump"]
    assert us_germany["opponent_speakers"] == ["Boris Pistorius"]
    assert next(r for r in top if r["supporter_id"] == "nato")["supporter_speakers"] == ["Mark Rutte"]
    # Ukraine also opposes, but shares only the OSCE with the United States: a looser tie ranks lower
    ukraine = [r for r in rows if r["opponent_id"] == "ukraine" and r["issue"] == "territorial-concessions"]
    assert ukraine and all(r["blocs"] == ["osce"] and r["rank"] > len(western) for r in ukraine)
    # each pair lists its shared blocs most telling first: mentioned in the articles, then smaller
    assert us_germany["blocs"] == ["g7", "nato", "osce"]
    mentioned = fractures(statements(docs), ACTORS, mentioned=["nato", "mark-rutte"])
    pairs = lambda table: [(r["issue"], r["supporter"], r["opponent"]) for r in table]
    assert pairs(mentioned) == pairs(rows)  # the ranking does not change
    assert mentioned[0]["blocs"] == ["nato", "g7", "osce"]
    assert mentioned[0]["bloc_names"] == ["NATO", "G7", "osce"]
    text = {d.id: d.text for d in docs}
    for row in top:
        for side, stance in (("supporter_evidence", "support"), ("opponent_evidence", "oppose")):
            ev = row[side]
            assert ev["stance"] == stance
            assert text[ev["doc_id"]][ev["start"]:ev["end"]] == ev["text"]


GOVERNMENTS = KB + [Actor("russia", "Russia", "country", memberships=["osce"]),
                    Actor("osce", "OSCE", "organisation"),
                    Actor("president", "A president", "person", country="russia"),
                    Actor("spokesman", "A spokesman", "person", country="russia",
                          roles=[Role("Press Secretary", "russia", "2012-05-22")]),
                    Actor("aide", "An aide", "person", roles=[Role("Aide", "Russia", "2012-05-22")]),
                    Actor("usa-minister", "A US minister", "person", country="usa")]


def test_officials_of_one_government_are_one_member_never_a_split():
    blocs = Blocs(GOVERNMENTS)
    assert [blocs.side(a, "2025-01-01") for a in ("president", "spokesman", "aide", "sg", "russia")] == [
        "russia", "russia", "russia", "nato", "russia"]  # a role's body named by its name resolves too
    found = [statement("president", "x", "support"), statement("spokesman", "x", "oppose"),
             statement("aide", "x", "oppose"), statement("poland", "x", "support")]
    assert fractures(found, GOVERNMENTS) == []  # Russia's officials disagree; Russia (−1) is one member
    assert cohesion(found, GOVERNMENTS) == []  # the OSCE has one member with a position: Russia


def test_cohesion_counts_governments_and_sums_their_officials():
    # NATO on x: the United States (+1 +1 from two officials), Poland (−1), NATO itself (+1)
    found = [statement("envoy", "x", "support", date="2024-06-01"), statement("usa-minister", "x", "support"),
             statement("pm", "x", "oppose"), statement("sg", "x", "support")]
    row = next(r for r in cohesion(found, GOVERNMENTS) if r["bloc"] == "nato")
    assert (row["members"], row["support"], row["oppose"]) == (3, 2, 1)
    assert row["agreement_index"] == pytest.approx((2 - 0.5 * 1) / 3)
    assert row["supporters"] == ["NATO", "United States"] and row["opponents"] == ["Poland"]
    assert sorted(row["statements"]) == sorted(s.id for s in found)
    split = fractures(found, GOVERNMENTS)
    assert [(r["supporter_id"], r["opponent_id"], r["strength"]) for r in split] == [
        ("nato", "poland", 1), ("usa", "poland", 1)]  # as firm (Poland's −1), then by name
    assert split[1]["supporter_speakers"] == ["ENVOY", "USA-MINISTER"]


def test_tables_convert_to_pandas():
    pandas = pytest.importorskip("pandas")
    frame = position_map(TINY).to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns[:4]) == ["actor_id", "actor", "kind", "issue"] and len(frame) == 6
