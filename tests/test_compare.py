"""Comparing rounds (SPEC §2 Comparison, §4 compare --json)."""

from __future__ import annotations

import json

import openpyxl
import pytest
import yaml

from conftest import INITIAL, POST, TINY, errors, problems, run, tiny, write_workbook
from liwindex.api import compare, read_round, score_round
from liwindex.compare.comparison import Change
from liwindex.problems import Severity


def test_delta_and_percent_follow_the_spec():
    """delta = after − before; pct = delta / before · 100; null without before or at 0."""
    assert Change(2.0, 3.0).delta == 1.0 and Change(2.0, 3.0).pct == 50.0
    assert Change(4.0, 3.0).pct == -25.0
    assert Change(None, 3.0).delta is None and Change(None, 3.0).pct is None
    assert Change(0.0, 3.0).delta == 3.0 and Change(0.0, 3.0).pct is None
    assert Change(2.0, None).pct is None


def test_compare_json_equals_the_two_score_outputs():
    """Every before/after of compare --json is the survey score score --json gives for that
    round: 2024 has no grades, so the basis is the survey even though 2025 has grades."""
    before = json.loads(run("score", INITIAL, "--json").stdout)
    after = json.loads(run("score", POST, "--json").stdout)
    result = run("compare", INITIAL, POST, "--json", "--bootstrap", "0")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["basis"] == "survey" and data["basis_label"] == "zmiana wyniku ankiety"
    assert data["before"] == before and data["after"] == after
    assert data["index"]["before"] == before["index"]["survey"]["value"]
    assert data["index"]["after"] == after["index"]["survey"]["value"] != after["index"]["value"]
    assert data["index"]["delta"] == pytest.approx(
        after["index"]["survey"]["value"] - before["index"]["survey"]["value"]
    )
    assert data["index"]["pct"] == pytest.approx(
        data["index"]["delta"] / before["index"]["survey"]["value"] * 100
    )
    assert data["index"]["grades"] is None  # 2024 has no grades: no grades change at all
    for key in ("dimensions", "areas"):
        for row, b, a in zip(data[key], before[key], after[key], strict=True):
            assert (row["id"], row["before"], row["after"]) == (
                b["id"],
                b["survey"]["value"],
                a["survey"]["value"],
            )
            assert row["delta"] == pytest.approx(a["survey"]["value"] - b["survey"]["value"])
            assert row["survey"]["delta"] == row["delta"] and row["grades"] is None
            assert row["survey"]["ci_low"] is None and row["survey"]["ci_reason"] == "not computed"
    area = data["areas"][0]
    assert area["by_group"]["ngo"]["after"] == after["areas"][0]["by_group"]["ngo"]


def test_compare_table_marks_changes_and_names_largest():
    """The table shows ▲/▼, names its basis and the largest gain and drop of the survey."""
    data = json.loads(run("compare", INITIAL, POST, "--json", "--bootstrap", "0").stdout)
    gain = max(data["areas"], key=lambda a: a["delta"])["id"]
    drop = min(data["areas"], key=lambda a: a["delta"])["id"]
    result = run("compare", INITIAL, POST, "--bootstrap", "200")
    assert result.exit_code == 0
    # the official index (from the grades) first, then the change under its own name
    assert "Indeks LIJW · ocena powdrożeniowa 2025: 3,33 (z ocen grupy roboczej)" in result.stdout
    assert "Zmiana wyniku ankiety względem oceny wstępnej 2024: 2,85 → 3,43" in result.stdout
    assert "▲" in result.stdout
    assert f"Największe wzrosty (zmiana wyniku ankiety): {gain} " in result.stdout
    assert (
        f"Największe spadki (zmiana wyniku ankiety): {drop} " in result.stdout
        or min(a["delta"] for a in data["areas"]) > 0
    )
    assert "2024 · wstępna → 2025 · powdrożeniowa" in result.stdout
    assert "Holma" in result.stdout
    assert "Największe rozbieżności NGO–JST" in result.stdout


def test_compare_intervals_and_significance():
    """With the bootstrap every survey change carries ci_low ≤ delta ≤ ci_high inside
    "survey"; the area stars are Holm-corrected (never a star the plain test would not
    give); same seed, same intervals."""
    first = json.loads(run("compare", INITIAL, POST, "--json", "--bootstrap", "400").stdout)
    again = json.loads(run("compare", INITIAL, POST, "--json", "--bootstrap", "400").stdout)
    assert first == again
    assert first["bootstrap"] == {"resamples": 400, "level": 0.95, "correction": "holm", "min_group_n": 5}
    for row in [first["index"], *first["dimensions"], *first["areas"]]:
        assert "ci_low" not in row and "significant" not in row
        survey = row["survey"]
        assert survey["ci_low"] <= survey["delta"] <= survey["ci_high"]
        assert 0 <= survey["p"] <= 1
        if survey["significant"]:
            assert survey["p"] < 0.05 and (survey["ci_low"] > 0 or survey["ci_high"] < 0)
    ps = sorted(a["survey"]["p"] for a in first["areas"])
    stars = sum(a["survey"]["significant"] for a in first["areas"])
    expected = next((i for i, p in enumerate(ps) if p > 0.05 / (len(ps) - i)), len(ps))
    assert stars == expected
    assert (
        first["after"]["index"]["survey"]["ci_low"]
        < first["after"]["index"]["survey"]["value"]
        < first["after"]["index"]["survey"]["ci_high"]
    )


def test_rounds_with_grades_and_without_are_compared_survey_to_survey():
    """A graded round against a survey-only round: the warning says survey against survey."""
    from liwindex.api import compare_files

    assert "basis-survey" in [p.code for p in compare_files(INITIAL, POST).problems]
    assert "survey against survey" in run("compare", INITIAL, POST, "--lang", "en").stderr  # shown


def grades_round(path, jst, rok, etap, grades):
    """A grades-only workbook (oceny and metryka, no survey) of the tiny questionnaire."""
    return write_workbook(
        path,
        {
            "oceny": [["obszar", "ocena"], *[[a, g] for a, g in grades.items()]],
            "metryka": [["jst", jst], ["rok", rok], ["etap", etap]],
        },
    )


def test_grades_only_rounds_compare_grades_exactly(tmp_path):
    """Koszalin-style: only the working group's grades, 1,5/2/2 → 3/3/2,5. Basis grades,
    index (1,5+2+2)/3 → (3+3+2,5)/3, delta and pct exact, no survey change, no interval."""
    a = grades_round(tmp_path / "a.xlsx", "Miasto K", 2014, "wstępna", {"A1": 1.5, "A2": 2, "A3": 2})
    b = grades_round(tmp_path / "b.xlsx", "Miasto K", 2015, "powdrożeniowa", {"A1": 3, "A2": 3, "A3": 2.5})
    comparison = compare(score_round(read_round(a, tiny())), score_round(read_round(b, tiny())), 300)
    assert comparison.basis == "grades"
    assert comparison.index.value.before == pytest.approx(5.5 / 3)
    assert comparison.index.value.after == pytest.approx(8.5 / 3)
    assert comparison.index.value.delta == pytest.approx(1.0)
    assert comparison.index.value.pct == pytest.approx(1.0 / (5.5 / 3) * 100)
    assert [r.value.delta for r in comparison.areas] == [1.5, 1.0, 0.5]
    assert comparison.index.survey.delta is None and comparison.index.survey_ci is None
    assert comparison.index.significant is None


def test_basis_grades_on_a_round_without_grades_is_an_error():
    """--basis grades when 2024 has no grades: exit 1 naming the round and the fix."""
    [problem] = problems(run("compare", INITIAL, POST, "--basis", "grades"))
    assert (problem.code, problem.params["round"]) == ("basis-grades-unavailable", "2024 · wstępna")


def test_survey_basis_can_be_chosen_when_both_rounds_have_grades(tmp_path):
    """Both rounds fully graded: basis grades by default; --basis survey puts the survey
    change in the headline and keeps the grades change beside it."""
    rows = [["grupa", "q1", "q2", "q4", "q5", "q6", "q7"]] + [["ngo", "3", "3", "3", "3", "3", "5"]] * 5
    later = [rows[0]] + [["ngo", "4", "4", "4", "4", "3", "5"]] * 5
    oceny = [["obszar", "ocena"], ["A1", 2], ["A2", 2], ["A3", 2]]
    oceny2 = [["obszar", "ocena"], ["A1", 3], ["A2", 2], ["A3", 2]]
    a = score_round(read_round(write_workbook(tmp_path / "a.xlsx", {"O": rows, "oceny": oceny}), tiny()))
    b = score_round(read_round(write_workbook(tmp_path / "b.xlsx", {"O": later, "oceny": oceny2}), tiny()))
    assert compare(a, b).basis == "grades"
    assert compare(a, b).areas[0].value.delta == 1.0
    survey = compare(a, b, basis="survey")
    assert survey.basis == "survey" and survey.areas[0].value.delta == pytest.approx(1.0)
    assert survey.areas[1].value.delta == pytest.approx(1.0) and survey.areas[1].grades.delta == 0.0


def metryka_round(path, jst, rok, etap, answer="3"):
    rows = [["grupa", "q1", "q2"]] + [["ngo", answer, answer]] * 6
    return write_workbook(path, {"O": rows, "metryka": [["jst", jst], ["rok", rok], ["etap", etap]]})


def test_rounds_in_reverse_order_stop_with_the_fix(tmp_path):
    """BEFORE from 2025 and AFTER from 2024: exit 1 naming both rounds; the override runs."""
    later = metryka_round(tmp_path / "p.xlsx", "Gmina A", 2025, "powdrożeniowa")
    earlier = metryka_round(tmp_path / "w.xlsx", "Gmina A", 2024, "wstępna")
    q = tmp_path / "tiny.yaml"
    q.write_text(TINY, "utf-8")
    [problem] = problems(run("compare", later, earlier, "-q", q))
    assert problem.code == "rounds-reversed"
    assert "2025 · powdrożeniowa (p.xlsx)" in problem.message(
        "pl"
    ) and "2024 · wstępna (w.xlsx)" in problem.message("pl")
    forced = run("compare", later, earlier, "-q", q, "--skip-round-check")
    assert forced.exit_code == 0 and "pominięto sprawdzenie etapów" in forced.stderr
    # same year: wstępna before powdrożeniowa
    same_year = metryka_round(tmp_path / "s.xlsx", "Gmina A", 2025, "wstępna")
    assert run("compare", later, same_year, "-q", q).exit_code == 1
    assert run("compare", same_year, later, "-q", q).exit_code == 0


def test_rounds_of_different_jst_stop_with_the_fix(tmp_path):
    """Gmina A against Gmina B: exit 1 naming both; case and spaces do not make another JST."""
    q = tmp_path / "tiny.yaml"
    q.write_text(TINY, "utf-8")
    a = metryka_round(tmp_path / "a.xlsx", "Gmina A", 2024, "wstępna")
    b = metryka_round(tmp_path / "b.xlsx", "Gmina B", 2025, "powdrożeniowa")
    [problem] = problems(run("compare", a, b, "-q", q))
    assert problem.code == "rounds-different-jst" and "„Gmina A” i „Gmina B”" in problem.message("pl")
    same = metryka_round(tmp_path / "c.xlsx", " gmina  a ", 2025, "powdrożeniowa")
    assert run("compare", a, same, "-q", q).exit_code == 0
    assert run("compare", a, b, "-q", q, "--skip-round-check").exit_code == 0


def test_one_respondent_per_round_is_never_significant(tmp_path):
    """One NGO and one official in each round, big differences: no interval, no star."""
    header = ["grupa", "q1", "q2", "q3", "q4", "q5", "q6", "q7"]
    a = write_workbook(
        tmp_path / "a.xlsx",
        {
            "O": [
                header,
                ["ngo", "1", "1", "1", "1", "1", "5", "0"],
                ["jst", "1", "1", None, "1", "1", "5", "0"],
            ]
        },
    )
    b = write_workbook(
        tmp_path / "b.xlsx",
        {
            "O": [
                header,
                ["ngo", "5", "5", "5", "5", "5", "1", "10"],
                ["jst", "5", "5", None, "5", "5", "1", "10"],
            ]
        },
    )
    comparison = compare(score_round(read_round(a, tiny())), score_round(read_round(b, tiny())), 500)
    assert comparison.index.survey.delta == pytest.approx(4.0)
    for row in [comparison.index, *comparison.dimensions, *comparison.areas]:
        assert row.survey_ci is None and not row.significant and row.provisional


def test_three_plus_two_respondents_are_provisional(tmp_path):
    """3 NGOs and 2 officials: every area is provisional, with the reason, in score --json."""
    header = ["grupa", "q1", "q2", "q3", "q4", "q5", "q6", "q7"]
    rows = (
        [header]
        + [["ngo", "3", "4", "4", "3", "3", "3", "5"]] * 3
        + [["jst", "4", "4", None, "4", "4", "2", "5"]] * 2
    )
    path = write_workbook(tmp_path / "d.xlsx", {"O": rows})
    q = tmp_path / "tiny.yaml"
    q.write_text(TINY, "utf-8")
    result = run("score", path, "-q", q, "--json", "--bootstrap", "200")
    data = json.loads(result.stdout)
    assert all(a["provisional"] for a in data["areas"])
    assert data["areas"][0]["provisional_reason"] == "ngo: 3 odpowiedzi, jst: 2 odpowiedzi"
    assert data["index"]["provisional"] is True
    assert all(a["survey"]["ci_low"] is None for a in data["areas"])
    assert all(a["survey"]["ci_reason"] == "provisional" for a in data["areas"])
    assert data["index"]["survey"]["ci_low"] is None and data["index"]["survey"]["ci_reason"] == "provisional"
    assert (
        "wyniki orientacyjne (mniej niż 5 odpowiedzi grup „Organizacja pozarządowa” i "
        "„Administracja”): obszary A1, A2, A3"
    ) in result.stderr
    table = run("score", path, "-q", q)
    assert "† wynik orientacyjny" in table.stdout


def test_a_round_without_the_administration_says_so_everywhere(tmp_path):
    """NGO-only answers: score (table, JSON warnings), export and report name the missing
    administration."""
    header = ["grupa", "q1", "q2", "q3", "q4", "q5", "q6", "q7"]
    rows = [header] + [["ngo", "3", "4", "4", "3", "3", "3", "5"]] * 6
    path = write_workbook(tmp_path / "d.xlsx", {"O": rows})
    q = tmp_path / "tiny.yaml"
    q.write_text(TINY, "utf-8")
    sentence = "brak odpowiedzi administracji — wyniki ankiety odzwierciedlają tylko organizacje pozarządowe"
    table = run("score", path, "-q", q)
    assert sentence[1:] in " ".join(table.stdout.split()) and sentence in table.stderr
    data = json.loads(run("score", path, "-q", q, "--json").stdout)
    assert data["respondents"]["missing_groups"] == ["jst"]
    assert any(sentence in w for w in data["warnings"])
    html = tmp_path / "r.html"
    assert run("report", path, "-q", q, "-o", html, "--bootstrap", "0").exit_code == 0
    assert sentence[1:] in html.read_text("utf-8")
    xlsx = tmp_path / "r.xlsx"
    assert run("export", path, "-q", q, "-o", xlsx, "--bootstrap", "0").exit_code == 0
    import openpyxl

    cells = [c.value for row in openpyxl.load_workbook(xlsx)["Podsumowanie"].iter_rows() for c in row]
    assert any(isinstance(v, str) and sentence in v for v in cells)


def test_different_questionnaires_cannot_be_compared(tmp_path):
    """Rounds scored with questionnaires of different ids: exit 1 with a message."""
    other = yaml.safe_load(TINY)
    other["id"] = "inny"
    path = tmp_path / "inny.yaml"
    path.write_text(yaml.safe_dump(other, allow_unicode=True), "utf-8")
    tiny_path = tmp_path / "tiny.yaml"
    tiny_path.write_text(TINY, "utf-8")
    rows = {"Odp": [["grupa", "q1", "q2"], ["ngo", "3", "3"]]}
    a = write_workbook(tmp_path / "a.xlsx", rows)
    b = write_workbook(tmp_path / "b.xlsx", rows)
    result = run("compare", a, b, "-q", tiny_path, "--questionnaire-before", path)
    assert errors(result) == ["different-questionnaires"]


def test_other_version_compares_common_areas_with_warning(tmp_path):
    """A new version without area A3: A1 and A2 are compared, with warnings."""
    newer = yaml.safe_load(TINY)
    newer["version"] = "2"
    newer["dimensions"] = newer["dimensions"][:1]
    q_new = tiny().model_validate(newer)
    rows = [["grupa", "q1", "q2", "q4", "q5", "q6"], ["jst", "2", "2", "3", "3", "3"]]
    before = score_round(read_round(write_workbook(tmp_path / "a.xlsx", {"O": rows}), tiny()))
    after = score_round(read_round(write_workbook(tmp_path / "b.xlsx", {"O": [r[:5] for r in rows]}), q_new))
    comparison = compare(before, after)
    assert [a.id for a in comparison.areas] == ["A1", "A2"]
    codes = {p.code: p.value for p in comparison.problems}
    assert codes["different-versions"] == "2" and codes["areas-not-in-both"] == "A3"


def test_errors_of_both_files_are_reported_together(tmp_path):
    """Two broken rounds: the problems of both appear in one run."""
    a = write_workbook(tmp_path / "a.xlsx", {"O": [["grupa", "o1_n1"], ["ngo", "zle"]]})
    b = tmp_path / "b.xlsx"
    found = [
        (p.code, p.file, p.sheet, p.row, p.column)
        for p in problems(run("compare", a, b))
        if p.severity is Severity.ERROR
    ]
    assert found == [("unknown-answer", str(a), "O", 2, "B"), ("file-not-found", str(b), None, None, None)]


def rounds_with_an_area_missing(tmp_path, blank_before=True):
    """Two rounds of the tiny questionnaire, ten NGOs and ten officials each, everyone
    answering 2 in the first and 4 in the second, except A3 (q6, q7) blank in the first
    round: A3 has no value there and rises from — to something in the second."""
    header = ["grupa", "q1", "q2", "q3", "q4", "q5", "q6", "q7"]

    def rows(v, w, a3):
        out = [header]
        for g in ("ngo", "jst"):
            for i in range(10):
                x = v if i % 2 else w
                out.append([g, x, x, x if g == "ngo" else None, x, x, *(a3 if a3 else [None, None])])
        return out

    b = write_workbook(tmp_path / "b.xlsx", {"O": rows("2", "3", None if blank_before else ["3", "5"])})
    a = write_workbook(tmp_path / "a.xlsx", {"O": rows("4", "5", ["1", "0"])})
    return b, a


def test_index_change_is_over_the_areas_both_rounds_have(tmp_path):
    """A3 has no value in the first round: Δindex and ΔD... are computed over A1 and A2 in
    both rounds (not 2 areas against 3), the interval is of that change, and every output
    names A3 as left out."""
    b_path, a_path = rounds_with_an_area_missing(tmp_path)
    before, after = (score_round(read_round(p, tiny())) for p in (b_path, a_path))
    c = compare(before, after, resamples=300)
    a1, a2 = (next(r for r in c.areas if r.id == i) for i in ("A1", "A2"))
    expected = ((a1.survey.after + a2.survey.after) - (a1.survey.before + a2.survey.before)) / 2
    assert after.index.survey != pytest.approx((a1.survey.after + a2.survey.after) / 2)  # A3 counts there
    assert c.index.value.delta == pytest.approx(expected)
    assert c.index.value.after == pytest.approx((a1.survey.after + a2.survey.after) / 2)
    assert c.index.left_out == ("A3",) and c.left_out() == ("A3",)
    # the interval is of that change: it holds it, and its centre (the replicates' mean,
    # drawn a little towards the scale's middle by the pseudo-respondents) is near it
    all_areas = after.index.survey - before.index.survey
    centre = (c.index.ci_low + c.index.ci_high) / 2
    assert c.index.ci_low < expected < c.index.ci_high
    assert abs(centre - expected) < 0.1 and abs(centre - expected) < abs(centre - all_areas)
    d2 = next(d for d in c.dimensions if d.id == "D2")
    assert d2.value.delta is None and d2.left_out == ("A3",)
    assert next(d for d in c.dimensions if d.id == "D1").left_out == ()
    assert "change-common-areas" in [p.code for p in c.problems]
    assert not c.index.provisional  # A3 without answers is left out, not a provisional area

    q = tmp_path / "tiny.yaml"
    q.write_text(TINY, "utf-8")
    data = json.loads(run("compare", b_path, a_path, "-q", q, "--json", "--bootstrap", "200").stdout)
    assert data["areas_left_out"] == {"survey": ["A3"]} and data["areas_compared"] == {"survey": ["A1", "A2"]}
    assert data["index"]["areas_left_out"] == ["A3"] and data["index"]["survey"]["areas_left_out"] == ["A3"]
    assert data["index"]["delta"] == pytest.approx(expected)
    table = run("compare", b_path, a_path, "-q", q, "--bootstrap", "0")
    assert "pominięto: A3" in " ".join(table.stdout.split())
    html = tmp_path / "r.html"
    assert run("report", b_path, a_path, "-q", q, "-o", html, "--bootstrap", "0").exit_code == 0
    assert "pominięto: A3" in html.read_text("utf-8")
    xlsx = tmp_path / "c.xlsx"
    assert run("export", b_path, a_path, "-q", q, "-o", xlsx).exit_code == 0
    summary = openpyxl.load_workbook(xlsx).worksheets[0]
    assert any("pominięto: A3" in str(c) for r in summary.iter_rows(values_only=True) for c in r)


def test_index_change_over_all_areas_is_the_rounds_own_difference(tmp_path):
    """Every area has a value in both rounds: the change is the rounds' own indexes' and
    nothing is left out."""
    b_path, a_path = rounds_with_an_area_missing(tmp_path, blank_before=False)
    before, after = (score_round(read_round(p, tiny())) for p in (b_path, a_path))
    c = compare(before, after)
    assert (c.index.value.before, c.index.value.after) == (before.index.survey, after.index.survey)
    assert c.index.left_out == () and "change-common-areas" not in [p.code for p in c.problems]
    assert c.to_dict()["areas_left_out"] == {"survey": []}


def test_batch_row_keeps_each_rounds_index_and_names_the_areas_left_out(tmp_path):
    """A batch's summary row ranks each JST by its latest round's own index, its change is
    over the areas both rounds have, and its note names the area left out."""
    from liwindex.compare.batch import JstRun, summarise

    b_path, a_path = rounds_with_an_area_missing(tmp_path)
    before, after = (score_round(read_round(p, tiny())) for p in (b_path, a_path))
    run_ = JstRun("Gmina T", "gmina-t", [], [before, after])
    summarise(run_, None)
    assert (run_.before, run_.after) == (before.index.survey, after.index.survey)
    assert run_.delta == pytest.approx(compare(before, after).index.value.delta)
    assert run_.left_out == ("A3",) and "A3" in run_.note("pl")
