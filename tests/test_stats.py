"""The statistics checked against known truth: Cronbach's alpha by hand, bootstrap interval
coverage on simulated data, the gap and the sensitivity table on hand-made workbooks."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES, INITIAL, POST, ROOT, parse_questionnaire, run, tiny, write_workbook
from liwindex.analysis.bootstrap import bootstrap, estimate, holm, student_quantile, student_sf2
from liwindex.analysis.reliability import cronbach_alpha, reliability
from liwindex.api import analyze_file, benchmark_files, score_file, trend_files
from liwindex.scoring.engine import aggregate, aggregate_many

HEADER = ["grupa", "q1", "q2", "q3", "q4", "q5", "q6", "q7"]
TEXTBOOK = np.array([[2, 3, 3], [4, 4, 5], [3, 4, 4], [5, 5, 5], [1, 2, 2]], dtype=float)


def test_cronbach_alpha_matches_the_hand_computation():
    """Item variances 2.5, 1.3, 1.7 (sum 5.5), total variance 15.8: alpha = 3/2·(1 − 5.5/15.8)."""
    assert cronbach_alpha(TEXTBOOK) == pytest.approx(1.5 * (1 - 5.5 / 15.8))


def test_item_rest_and_alpha_if_deleted():
    """Item 1 against items 2+3 (6, 9, 8, 10, 4); alpha without item 1 from items 2 and 3
    (the five respondents twice: ten complete answers, same alpha and correlations)."""
    table = reliability(np.vstack([TEXTBOOK, TEXTBOOK]), ["a", "b", "c"], "A1", "ngo")
    rest = np.array([6, 9, 8, 10, 4])
    expected_r = np.corrcoef(TEXTBOOK[:, 0], rest)[0, 1]
    assert table.items[0].item_rest == pytest.approx(expected_r)
    # items 2 and 3: variances 1.3 and 1.7, their total (6, 9, 8, 10, 4) has variance 5.8
    assert table.items[0].alpha_if_deleted == pytest.approx(2 * (1 - 3.0 / 5.8))
    assert table.n == 10 and not table.low and table.status == "ok"


def test_alpha_uses_complete_rows_only():
    """A respondent who skipped a question is left out of alpha, not counted as zero."""
    with_gap = np.vstack([TEXTBOOK, TEXTBOOK, [np.nan, 1, 1]])
    assert reliability(with_gap, ["a", "b", "c"], "A1", "ngo").alpha == pytest.approx(
        cronbach_alpha(TEXTBOOK)
    )


def test_alpha_is_not_reported_from_fewer_than_ten_answers():
    """Five complete answers: no alpha, status too_few (three officials once gave −12)."""
    table = reliability(TEXTBOOK, ["a", "b", "c"], "A1", "jst")
    assert table.alpha is None and table.status == "too_few" and not table.low


def test_negative_alpha_is_named_as_such():
    """Two questions answered in opposite directions by twelve people: alpha < 0, 'negative'."""
    x = np.array([1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 2, 4], dtype=float)
    table = reliability(np.column_stack([x, 6 - x + np.r_[0.5, *[0] * 11]]), ["a", "b"], "A1", "ngo")
    assert table.alpha < 0 and table.status == "negative"


ONE = parse_questionnaire("""
id: one
version: "1"
title: {pl: Jeden obszar}
scoring: {min_area_coverage: 1}
groups: [{id: ngo, label: {pl: NGO}}]
scales:
  - id: s
    choices: [{code: "1", label: {pl: a}, points: 1}, {code: "2", label: {pl: b}, points: 2},
              {code: "3", label: {pl: c}, points: 3}, {code: "4", label: {pl: d}, points: 4},
              {code: "5", label: {pl: e}, points: 5}]
dimensions:
  - {id: D, label: {pl: D}, areas: [{id: A, label: {pl: A}, questions: [{id: x, scale: s, text: {pl: X}}]}]}
""")


def test_interval_covers_the_true_mean_about_95_percent_of_the_time():
    """300 simulated surveys of 80 respondents with a known mean: the 95% interval holds it
    in 92–98% of them (benchmarks/coverage.py checks the realistic designs)."""
    rng = np.random.default_rng(1)
    probabilities = np.array([0.1, 0.2, 0.3, 0.25, 0.15])
    true_mean = float((np.arange(1, 6) * probabilities).sum())
    hits = 0
    for trial in range(300):
        answers = rng.choice(np.arange(1, 6), size=80, p=probabilities).astype(float)
        draws = bootstrap(answers[:, None], np.zeros(80, dtype=int), ONE, resamples=500, seed=trial)
        e = estimate(float(answers.mean()), draws.index, draws.index_parts())
        hits += e.low <= true_mean <= e.high
    assert 0.92 <= hits / 300 <= 0.98


def test_small_group_interval_uses_the_student_quantile():
    """Six answers with the sample sd s: the interval is mean ± t(5) · s/√6 up to bootstrap
    noise — wider than the normal one by 2.57/1.96, not the plain bootstrap's (n−1)/n."""
    answers = np.array([1.0, 2, 2, 3, 4, 5])
    draws = bootstrap(answers[:, None], np.zeros(6, dtype=int), ONE, resamples=20000, seed=3)
    e = estimate(float(answers.mean()), draws.index, draws.index_parts())
    half = student_quantile(0.975, 5) * answers.std(ddof=1) / np.sqrt(6)
    assert (e.high - e.low) / 2 == pytest.approx(half, rel=0.03)
    assert student_quantile(0.975, 5) == pytest.approx(2.5706, abs=1e-3)
    assert student_sf2(2.5706, 5) == pytest.approx(0.05, abs=1e-4)


def test_no_interval_from_a_group_below_min_group_n_or_from_no_spread():
    """One official among 30 NGOs, or identical answers everywhere: no interval, no p."""
    values = np.r_[np.linspace(1, 5, 30), 4.0][:, None]
    groups = np.r_[np.zeros(30, dtype=int), 1]
    q = parse_questionnaire(ONE_TWO_GROUPS)
    draws = bootstrap(values, groups, q, resamples=300, seed=1)
    assert estimate(3.5, draws.areas[:, 0], draws.area_parts(0)) is None
    same = bootstrap(np.full((8, 1), 3.0), np.zeros(8, dtype=int), ONE, resamples=300, seed=1)
    assert estimate(3.0, same.index, same.index_parts()) is None


def test_holm_controls_the_family():
    """p = 0.001, 0.02, 0.04 of three: 0.001 < 0.05/3, 0.02 < 0.05/2, 0.04 < 0.05/1 → all;
    p = 0.001, 0.03, 0.04: 0.03 > 0.025 stops there."""
    assert holm([0.02, 0.001, 0.04]) == [True, True, True]
    assert holm([0.03, 0.001, None, 0.04]) == [False, True, None, False]


ONE_TWO_GROUPS = """
id: one2
version: "1"
title: {pl: Jeden obszar i dwie grupy}
scoring: {min_area_coverage: 1}
groups: [{id: ngo, label: {pl: NGO}}, {id: jst, label: {pl: JST}}]
scales:
  - id: s
    choices: [{code: "1", label: {pl: a}, points: 1}, {code: "5", label: {pl: e}, points: 5}]
dimensions:
  - {id: D, label: {pl: D}, areas: [{id: A, label: {pl: A}, questions: [{id: x, scale: s, text: {pl: X}}]}]}
"""


def test_bootstrap_is_reproducible_and_respects_groups():
    """Same seed, same draws; a group of identical answers does not vary (the pseudo-
    respondents at the scale's ends aside: without them its replicates are all 5)."""
    values = np.repeat(np.array([[5.0], [5.0], [5.0], [1.0], [2.0], [3.0]]), 3, axis=1)
    groups = np.array([0, 0, 0, 1, 1, 1])
    a = bootstrap(values, groups, tiny(), resamples=200, seed=7)
    b = bootstrap(values, groups, tiny(), resamples=200, seed=7)
    assert np.array_equal(a.areas, b.areas, equal_nan=True)
    assert not a.varies[0, 0] and a.varies[1, 0]
    plain = bootstrap(values, groups, tiny(), resamples=200, seed=7, pseudo_weight=0)
    assert np.all(plain.by_group[:, 0, 0] == 5.0)


def test_gap_on_a_hand_made_workbook(tmp_path):
    """Six NGOs rate A1 at 5 (one at 4), six officials at 1 and 2: the gap is 29/6 − 1.5
    and significant; with four of each (below min_group_n = 5) it has no interval and no star."""
    rows = (
        [HEADER] + [["ngo", "5", "5"]] * 5 + [["ngo", "4", "4"]] + [["jst", "1", "1"], ["jst", "2", "2"]] * 3
    )
    path = write_workbook(tmp_path / "d.xlsx", {"Odp": rows})
    analysis = analyze_file(path, tiny(), resamples=300)
    gap = next(g for g in analysis.gaps if g.area == "A1")
    assert (gap.first, gap.second) == (pytest.approx(29 / 6), 1.5)
    assert gap.difference == pytest.approx(29 / 6 - 1.5)
    assert gap.ci_low <= gap.difference <= gap.ci_high and gap.significant is True
    assert analysis.largest_gaps(1)[0].area == "A1"
    thin = [HEADER] + [["ngo", "5", "5"]] * 4 + [["jst", "1", "1"], ["jst", "2", "2"]] * 2
    analysis = analyze_file(write_workbook(tmp_path / "t.xlsx", {"Odp": thin}), tiny(), resamples=300)
    gap = next(g for g in analysis.gaps if g.area == "A1")
    assert gap.difference == 3.5 and gap.ci is None and gap.significant is None


def test_sensitivity_table_on_a_hand_made_workbook(tmp_path):
    """A2: NGOs 2, 4, 5 and one official 1. Configured (equal): A2 = 7/3; pooled: A2 = 3."""
    rows = (
        [HEADER]
        + [["ngo", None, None, None, v, v] for v in ("2", "4", "5")]
        + [["jst", None, None, None, "1", "1"]]
    )
    path = write_workbook(tmp_path / "d.xlsx", {"Odp": rows})
    analysis = analyze_file(path, tiny(min_area_coverage="1/3"), resamples=0)
    table = {v.setting: v.index for v in analysis.sensitivity}
    assert table["group_weighting: pooled"] == pytest.approx(3.0)
    assert analysis.sensitivity[0].index == pytest.approx(7 / 3)
    assert analysis.provisional  # A1 and A3 have no survey score
    # A2 rests on one official: leaving provisional areas out leaves no area, so no index
    assert table["without_provisional"] is None
    assert analysis.sensitivity[1].label("pl") == "wszyscy respondenci razem (bez równych wag grup)"


def test_sensitivity_drops_what_cannot_differ_and_adds_what_can(tmp_path):
    """Every area scored, 2 + 1 areas per płaszczyzna: the dimensions variant stays; the
    "nie wiem"-heavy question q5 (4 of 6) is left out in its own row: A2 then rests on q4."""
    rows = (
        [HEADER]
        + [["ngo", "2", "4", "4", "2", "nw", "2", "5"]] * 4
        + [["ngo", "5", "5", "5", "5", "5", "4", "5"]] * 2
    )
    analysis = analyze_file(write_workbook(tmp_path / "d.xlsx", {"Odp": rows}), tiny(), resamples=0)
    table = {v.setting: v for v in analysis.sensitivity}
    assert "aggregation: dimensions" in table and analysis.sensitivity_omitted == []
    heavy = table["without_na_heavy"]
    assert heavy.params["ids"] == "q5"
    a2_without_q5 = (4 * 2 + 2 * 5) / 6
    a1 = (4 * (2 + 4 + 4) / 3 + 2 * 5) / 6
    a3 = (4 * (4 + 3) / 2 + 2 * (2 + 3) / 2) / 6
    assert heavy.index == pytest.approx((a1 + a2_without_q5 + a3) / 3)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.one_of(st.none(), st.floats(1, 5)), min_size=3, max_size=3),
    st.sampled_from(["areas", "dimensions"]),
    st.sampled_from([0.3, 2 / 3, 1.0]),
)
def test_aggregate_many_agrees_with_aggregate(values, aggregation, coverage):
    """The vectorised aggregation used by the bootstrap gives what the scoring gives."""
    q = tiny(aggregation=aggregation, min_area_coverage=coverage)
    series = pd.Series([np.nan if v is None else v for v in values], index=["A1", "A2", "A3"])
    expected = aggregate(series, q)
    dims, index = aggregate_many(series.to_numpy()[None, :], q)
    assert np.allclose(dims[0], expected.dimensions.to_numpy(), equal_nan=True)
    assert (np.isnan(index[0]) and expected.index is None) or index[0] == pytest.approx(expected.index)


def test_analyze_command_json():
    """analyze --json on the example: intervals, quality, reliability, gap and sensitivity."""
    result = run("analyze", POST, "--json", "--bootstrap", "300")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"score", "quality", "reliability", "gap", "sensitivity", "provisional"}
    area = data["score"]["areas"][0]
    survey = area["survey"]
    assert survey["ci_low"] <= survey["value"] <= survey["ci_high"] and survey["ci_reason"] is None
    assert len(data["gap"]["areas"]) == 12 and data["gap"]["groups"] == ["ngo", "jst"]
    assert all(-1 <= r["alpha"] <= 1 for r in data["reliability"] if r["alpha"] is not None)


def test_trend_orders_rounds_by_metryka(tmp_path):
    """Files given out of order come back 2024, 2025, 2026 with the scores of `score`."""
    files = [str(EXAMPLES / "gmina-przykladowa-2026-roczna.xlsx"), str(POST), str(INITIAL)]
    trend = trend_files(files)
    assert [r.meta["rok"] for r in trend.rounds] == [2024, 2025, 2026]
    data = trend.to_dict()
    assert data["index"][0] == score_file(INITIAL).index.value
    out = tmp_path / "trend.xlsx"
    assert run("trend", *files, "-o", out).exit_code == 0
    with zipfile.ZipFile(out) as z:
        assert any("lineChart" in z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/"))


def write_round(path, jst, rok, answer):
    """Five NGOs and five officials, each with the same answer to q1–q6 (q3 is asked of
    NGOs only, q6 is reverse-coded): enough respondents in both groups to be ranked."""
    rows = [HEADER[:7], *[["ngo", *[answer] * 6]] * 5, *[["jst", answer, answer, "", *[answer] * 3]] * 5]
    return write_workbook(path, {"Odp": rows, "metryka": [["jst", jst], ["rok", rok]]})


def test_rank_ties_share_the_better_rank_and_the_next_skips():
    """Competition ranking: two JSTs tied for second are both 2nd, the next one is 4th;
    a JST without a value has no rank and is not counted."""
    from liwindex.compare.many import rank

    ranked = rank("index", {"pl": "Indeks"}, {"a": 3.0, "b": 5.0, "c": 3.0, "d": None, "e": 1.0})
    assert ranked.ranks == {"a": 2, "b": 1, "c": 2, "d": None, "e": 4}
    assert ranked.median == 3.0


def test_benchmark_ranks_and_median(tmp_path):
    """Three JSTs answering 2, 3 and 5 everywhere: index (a + 6) / 3 ranks them 3, 2, 1;
    the median is the middle one; a folder is read whole, and of two rounds of one JST the
    later is used."""
    folder = tmp_path / "jst"
    folder.mkdir()
    write_round(folder / "a.xlsx", "Gmina A", 2025, "2")
    write_round(folder / "b.xlsx", "Gmina B", 2025, "3")
    write_round(folder / "c-stara.xlsx", "Gmina C", 2024, "1")
    write_round(tmp_path / "c.xlsx", "Gmina C", 2025, "5")
    bench = benchmark_files([str(folder), str(tmp_path / "c.xlsx")], tiny())
    assert bench.names == ["Gmina A", "Gmina B", "Gmina C"]
    assert bench.index.values == pytest.approx({"Gmina A": 8 / 3, "Gmina B": 3.0, "Gmina C": 11 / 3})
    assert bench.index.ranks == {"Gmina A": 3, "Gmina B": 2, "Gmina C": 1}
    assert bench.index.median == pytest.approx(3.0)
    a1 = next(m for m in bench.areas if m.id == "A1")
    assert a1.versus_median("Gmina C") == pytest.approx(5.0 - 3.0)
    assert any(p.code == "benchmark-older-round" for p in bench.problems)


def thin_rows(n_ngo=12, n_jst=8, jst_in_a2=3, shift=0):
    """NGOs and officials answering everything (spread over the scale), except that only
    ``jst_in_a2`` officials answer A2's questions (q4, q5): A2, D1 and the index are †."""
    rows = [HEADER]
    for g, n in (("ngo", n_ngo), ("jst", n_jst)):
        for i in range(n):
            v = [str(min(5, 1 + (i * 3 + k + shift) % 5)) for k in range(6)]
            a2 = [v[3], v[4]] if g == "ngo" or i < jst_in_a2 else [None, None]
            rows.append([g, v[0], v[1], v[2] if g == "ngo" else None, *a2, v[5], ["0", "5", "10"][i % 3]])
    return rows


def test_provisional_index_and_dimension_have_no_interval(tmp_path):
    """Three officials answer A2 (min_group_n 5): A2, its płaszczyzna D1 and the index are
    provisional and carry no interval, with the reason; D2 and A1 keep theirs."""
    path = write_workbook(tmp_path / "t.xlsx", {"Odp": thin_rows()})
    analysis = analyze_file(path, tiny(), resamples=300)
    result = analysis.result
    assert result.provisional and result.dimension_provisional("D1")
    for key in ("A2", "D1", "index"):
        assert result.intervals[key] == (None, None)
        assert result.interval_reasons[key] == "provisional"
    for key in ("A1", "D2", "A3"):
        assert result.intervals[key][0] is not None and key not in result.interval_reasons
    out = run("score", path, "-q", tiny_path(tmp_path), "--bootstrap", "300").stdout
    index_line = next(line for line in out.splitlines() if line.startswith("Indeks LIJW"))
    assert "95%" not in index_line and "†" in index_line


def tiny_path(tmp_path):
    """The tiny questionnaire as a file, for the command line."""
    from conftest import TINY

    path = tmp_path / "tiny.yaml"
    path.write_text(TINY, encoding="utf-8")
    return path


def test_provisional_change_has_no_interval_and_no_star(tmp_path):
    """A clear rise of every answer, but A2 rests on three officials in the later round:
    the changes of A2, D1 and the index get no interval and no star (reason provisional),
    D2's change keeps both."""
    from liwindex.api import compare

    before = score_file(write_workbook(tmp_path / "b.xlsx", {"Odp": thin_rows(jst_in_a2=8)}), tiny())
    after = score_file(write_workbook(tmp_path / "a.xlsx", {"Odp": thin_rows(shift=2)}), tiny())
    assert after.provisional and not before.provisional
    c = compare(before, after, resamples=300)
    for row in (c.index, *[d for d in c.dimensions if d.id == "D1"], *[a for a in c.areas if a.id == "A2"]):
        assert row.survey_ci is None and row.significant is None and row.ci_reason == "provisional"
    d2 = next(d for d in c.dimensions if d.id == "D2")
    assert d2.survey_ci is not None and d2.ci_reason is None


def test_alpha_of_rounding_size_is_zero_not_negative():
    """Two uncorrelated questions give alpha −4.4e-16 in floating point: that is 0 (low),
    not "negative — answers pull opposite ways"."""
    points = np.array([1.0, 1 + 4 / 3, 1 + 8 / 3, 5.0])
    x = points[[3, 1, 0, 3, 3, 2, 1, 1, 2, 2, 3, 3]]
    y = points[[2, 0, 3, 1, 3, 1, 1, 1, 2, 3, 0, 2]]
    data = np.c_[x, y]
    raw = 2 * (1 - data.var(axis=0, ddof=1).sum() / data.sum(axis=1).var(ddof=1))
    assert raw < 0 and abs(raw) < 1e-15  # what floating point gives
    table = reliability(data, ["a", "b"], "A", "ngo")
    assert table.alpha == 0.0 and table.status == "low"


def test_rank_correlation_ties_survive_a_last_bit_difference():
    """Two areas with the same score, one of them a bit higher in the last place under a
    setting: still a tie, so the ranking has not moved (ρ = 1, no shift)."""
    from liwindex.analysis.sensitivity import _compare

    base = pd.Series({"A1": 3.0, "A2": 3.0, "A3": 2.0})
    moved = pd.Series({"A1": 3.0, "A2": float(np.nextafter(3.0, 4.0)), "A3": 2.0})
    variant = _compare("pooled", 2.5, moved, base)
    assert variant.rank_correlation == pytest.approx(1.0) and variant.largest_rank_shift == 0


def test_no_interval_and_no_star_from_a_group_that_answered_all_alike(tmp_path):
    """Every official answers 4 to everything, the NGOs spread: the NGO–administration gaps
    (and the areas) get no interval and no star, with the reason "zero variance", in the
    JSON and the terminal."""
    rows = [HEADER]
    for i in range(12):
        v = str(1 + i % 5)
        rows.append(["ngo", v, str(1 + (i + 2) % 5), v, v, str(1 + (i + 1) % 5), v, ["0", "5", "10"][i % 3]])
    rows += [["jst", "4", "4", None, "4", "4", "4", "10"]] * 6
    path = write_workbook(tmp_path / "z.xlsx", {"Odp": rows})
    analysis = analyze_file(path, tiny(), resamples=300)
    for gap in analysis.gaps:
        assert gap.ci is None and gap.significant is None and gap.ci_reason == "zero variance"
    assert all(analysis.result.interval_reasons[a] == "zero variance" for a in ("A1", "A2", "A3"))
    data = analysis.to_dict()
    assert {g["ci_reason"] for g in data["gap"]["areas"]} == {"zero variance"}
    alike = [p for p in analysis.problems if p.code == "group-answers-alike"]
    assert len(alike) == 1 and alike[0].value == "A1, A2, A3"
    out = run("analyze", path, "-q", tiny_path(tmp_path), "--bootstrap", "200").stdout
    assert "odpowiedzi bez różnic" in out and not re.search(r"\d\*", out)  # no starred number


def test_provisional_change_has_no_interval_in_the_report_and_workbook(tmp_path):
    """The report page and the workbook show the provisional index and D1 changes without
    an interval or a star, saying why (— wynik orientacyjny)."""
    import openpyxl

    b = write_workbook(tmp_path / "b.xlsx", {"Odp": thin_rows(jst_in_a2=8)})
    a = write_workbook(tmp_path / "a.xlsx", {"Odp": thin_rows(shift=2)})
    q = tiny_path(tmp_path)
    html = tmp_path / "r.html"
    assert run("report", b, a, "-q", q, "-o", html, "--bootstrap", "300").exit_code == 0
    page = html.read_text("utf-8")
    assert "— wynik orientacyjny" in page
    headline = page[page.index('<section class="headline"') :]
    assert " *" not in headline[: headline.index("</section>")]
    xlsx = tmp_path / "c.xlsx"
    assert run("export", b, a, "-q", q, "-o", xlsx, "--bootstrap", "300").exit_code == 0
    cells = [c for r in openpyxl.load_workbook(xlsx).worksheets[0].iter_rows(values_only=True) for c in r]
    assert "— wynik orientacyjny" in cells


def test_small_group_of_tak_nie_answers_keeps_its_coverage():
    """30 NGOs and 5 officials answering one tak/nie question (tak = 5, nie = 1), the
    officials saying tak 90 % of the time: most samples of five are all tak, yet the area's
    interval holds the true score (1 + 4·(0.6 + 0.9)/2) in at least 93 % of 400 surveys."""
    rng = np.random.default_rng(4)
    q = parse_questionnaire(ONE_TWO_GROUPS)
    truth = 1 + 4 * (0.6 + 0.9) / 2
    groups = np.r_[np.zeros(30, dtype=int), np.ones(5, dtype=int)]
    hits = trials = 0
    for trial in range(400):
        answers = np.where(rng.random(35) < np.where(groups == 0, 0.6, 0.9), 5.0, 1.0)
        draws = bootstrap(answers[:, None], groups, q, resamples=400, seed=trial)
        value = (answers[groups == 0].mean() + answers[groups == 1].mean()) / 2
        e = estimate(value, draws.areas[:, 0], draws.area_parts(0))
        if e is not None:
            trials += 1
            hits += e.low <= truth <= e.high
    assert trials > 350 and hits / trials >= 0.93


def test_coverage_benchmark_smoke_run():
    """benchmarks/coverage.py --quick writes real exports, reads them through the façade
    and prints a per-area table for every population and design."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "coverage.py"), "--quick", "--jobs", "1"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.count(" population, ") == 9
    header = next(line for line in done.stdout.splitlines() if "O12" in line)
    assert header.split()[:3] == ["O1", "O2", "O3"]
    assert "30 + 5: area" in done.stdout and "Traceback" not in done.stderr
