"""One test per scoring rule of SPEC §2, with values computed by hand."""

from __future__ import annotations

import json

import pytest

from conftest import area, parse_questionnaire, score_rows, tiny
from liwindex.i18n import fmt

HEADER = ["grupa", "q1", "q2", "q3", "q4", "q5", "q6", "q7"]


def test_na_and_blank_cells_count_as_missing(tmp_path):
    """'nie wiem' and blank cells are missing, not zero: A1 = mean(4, 2) = 3."""
    result = score_rows(tmp_path, [HEADER, ["ngo", "4", "nw", "2"]])
    assert area(result, "A1").survey == pytest.approx(3.0)
    q1 = next(i for i in result.items if i.id == "q2")
    assert q1.n == 0 and q1.distribution["nw"] == 1


def test_points_map_linearly_onto_the_index_range(tmp_path):
    """On a 0–10 scale, 5 points become 1 + 5/10·(5−1) = 3 and 0 points become 1."""
    result = score_rows(tmp_path, [HEADER, ["jst", *[None] * 6, "5"], ["jst", *[None] * 6, "0"]])
    q7 = next(i for i in result.items if i.id == "q7")
    assert q7.mean == pytest.approx((3.0 + 1.0) / 2)
    assert area(result, "A3").survey == pytest.approx(2.0)


def test_reverse_coded_question_uses_pmin_plus_pmax_minus_points(tmp_path):
    """q6 is reverse-coded: answer 1 counts as 5 and answer 4 as 2."""
    result = score_rows(tmp_path, [HEADER, ["jst", *[None] * 5, "1"], ["jst", *[None] * 5, "4"]])
    assert area(result, "A3").survey == pytest.approx((5 + 2) / 2)


def test_respondent_area_value_is_weighted_mean(tmp_path):
    """q5 has weight 3: answers 1 and 5 give (1 + 3·5) / 4 = 4, not 3."""
    result = score_rows(tmp_path, [HEADER, ["ngo", None, None, None, "1", "5"]])
    assert area(result, "A2").survey == pytest.approx(4.0)


def test_area_value_needs_ceil_min_answered_of_the_questions_asked(tmp_path):
    """NGO is asked 3 questions in A1 (needs 2 answers); the administration 2 (needs 1)."""
    result = score_rows(tmp_path, [HEADER, ["ngo", "5"], ["jst", "2"]])
    a1 = area(result, "A1")
    assert a1.by_group == {"ngo": None, "jst": pytest.approx(2.0)}
    assert a1.n == 1
    assert a1.survey == pytest.approx(2.0)


def test_min_answered_threshold_is_not_fooled_by_floating_point(tmp_path):
    """0.28 · 25 is 7.000000000000001 in floating point; 7 answers of 25 must still count."""
    questions = "\n".join(f"          - {{id: x{i}, scale: s, text: {{pl: Pytanie {i}}}}}" for i in range(25))
    q = parse_questionnaire(f"""
id: ten
version: "1"
title: {{pl: Dziesięć}}
scoring: {{min_answered: 0.28, min_area_coverage: 1}}
groups: [{{id: ngo, label: {{pl: NGO}}}}]
scales:
  - id: s
    choices: [{{code: "1", label: {{pl: źle}}, points: 1}}, {{code: "5", label: {{pl: dobrze}}, points: 5}}]
dimensions:
  - id: D
    label: {{pl: D}}
    areas:
      - id: A
        label: {{pl: A}}
        questions:
{questions}
""")
    rows = [[f"x{i}" for i in range(25)], ["5"] * 7, ["1"] * 6]
    result = score_rows(tmp_path, rows, q)
    assert area(result, "A").n == 1
    assert result.index.value == pytest.approx(5.0)


def test_questions_count_only_for_the_groups_they_are_asked_of(tmp_path):
    """q3 is asked of NGOs only: an administration answer to it is ignored, with a warning."""
    result = score_rows(tmp_path, [HEADER, ["jst", "4", None, "1"]])
    assert area(result, "A1").by_group["jst"] == pytest.approx(4.0)
    assert any(p.code == "answer-not-applicable" for p in result.problems)


def test_group_score_is_mean_of_its_respondents(tmp_path):
    """NGO respondents with A2 values 2, 4 and 5 give the NGO score 11/3."""
    rows = [HEADER] + [["ngo", None, None, None, v, v] for v in ("2", "4", "5")]
    result = score_rows(tmp_path, rows)
    assert area(result, "A2").by_group["ngo"] == pytest.approx(11 / 3)
    assert area(result, "A2").n_by_group == {"ngo": 3, "jst": 0}


GROUPED_ROWS = (
    [HEADER]
    + [["ngo", None, None, None, v, v] for v in ("2", "4", "5")]
    + [["jst", None, None, None, "1", "1"]]
)


def test_equal_group_weighting_averages_the_group_scores(tmp_path):
    """equal: (NGO 11/3 + administration 1) / 2 = 7/3."""
    result = score_rows(tmp_path, GROUPED_ROWS, tiny(group_weighting="equal"))
    assert area(result, "A2").survey == pytest.approx(7 / 3)


def test_pooled_group_weighting_averages_all_respondents(tmp_path):
    """pooled: (2 + 4 + 5 + 1) / 4 = 3."""
    result = score_rows(tmp_path, GROUPED_ROWS, tiny(group_weighting="pooled"))
    assert area(result, "A2").survey == pytest.approx(3.0)


THREE_AREAS = [HEADER, ["jst", "2", "2", None, "4", "4", "1", None]]  # A1 2, A2 4, A3 5


def test_dimension_score_is_mean_of_its_existing_area_scores(tmp_path):
    """D1 = mean(A1 2, A2 4) = 3; D2 = A3 = 5."""
    result = score_rows(tmp_path, THREE_AREAS)
    dims = {d.id: d.value for d in result.dimensions}
    assert dims == {"D1": pytest.approx(3.0), "D2": pytest.approx(5.0)}


def test_index_by_areas_is_mean_of_area_scores(tmp_path):
    """aggregation areas: (2 + 4 + 5) / 3 = 11/3."""
    result = score_rows(tmp_path, THREE_AREAS, tiny(aggregation="areas"))
    assert result.index.value == pytest.approx(11 / 3)


def test_index_by_dimensions_is_mean_of_dimension_scores(tmp_path):
    """aggregation dimensions: (D1 3 + D2 5) / 2 = 4."""
    result = score_rows(tmp_path, THREE_AREAS, tiny(aggregation="dimensions"))
    assert result.index.value == pytest.approx(4.0)


def test_index_is_null_with_warning_below_area_coverage(tmp_path):
    """Only A1 has a score: 1/3 < 2/3, so no index and a warning naming A2 and A3."""
    result = score_rows(tmp_path, [HEADER, ["jst", "3", "3"]])
    assert result.index.value is None
    warning = next(w for w in result.warnings("en") if "index" in w)
    assert "A2, A3" in warning


def test_index_is_reported_when_coverage_is_met(tmp_path):
    """With min_area_coverage 1/3 the single area A1 = 3 is the index."""
    result = score_rows(tmp_path, [HEADER, ["jst", "3", "3"]], tiny(min_area_coverage="1/3"))
    assert result.index.value == pytest.approx(3.0)


GRADES = [["obszar", "ocena", "uzasadnienie"], ["A1", "3,5", "dobrze"], ["A2", 4, ""], ["A3", 2, ""]]


def test_grades_are_final_values_and_survey_is_reported_beside(tmp_path):
    """Grades 3.5, 4, 2 give the index 19/6; the survey index (11/3) stays beside it."""
    result = score_rows(tmp_path, THREE_AREAS, oceny=GRADES)
    assert [a.value for a in result.areas] == [3.5, 4.0, 2.0]
    assert [a.survey for a in result.areas] == pytest.approx([2.0, 4.0, 5.0])
    assert result.index.value == pytest.approx(19 / 6)
    assert result.index.grades == pytest.approx(19 / 6)
    assert result.index.survey == pytest.approx(11 / 3)
    assert result.index.source == "grades"
    assert {d.id: d.grades for d in result.dimensions} == {"D1": 3.75, "D2": 2.0}


def test_partial_grades_use_survey_for_ungraded_areas_with_warning(tmp_path):
    """A grade for A1 only: A1 = 3.5, A2 and A3 keep survey values 4 and 5; a warning says so."""
    result = score_rows(tmp_path, THREE_AREAS, oceny=GRADES[:2])
    assert [a.value for a in result.areas] == pytest.approx([3.5, 4.0, 5.0])
    assert result.index.grades is None
    assert any(p.code == "grades-partial" and p.value == "A2, A3" for p in result.problems)


def test_workbook_with_only_grades_is_scored(tmp_path):
    """No survey sheet: the index comes from the grades alone."""
    from conftest import write_workbook
    from liwindex.api import read_round, score_round

    path = write_workbook(tmp_path / "oceny.xlsx", {"oceny": GRADES})
    result = score_round(read_round(path, tiny()))
    assert result.respondents_total == 0
    assert result.index.value == pytest.approx(19 / 6)
    assert result.index.survey is None


def test_json_carries_unrounded_values_and_people_see_two_decimals(tmp_path):
    """11/3 stays 3.6666… in JSON; Polish shows 3,67 and English 3.67."""
    result = score_rows(tmp_path, THREE_AREAS)
    data = json.loads(json.dumps(result.to_dict()))
    assert data["index"]["value"] == 11 / 3
    assert fmt(data["index"]["value"], "pl") == "3,67"
    assert fmt(data["index"]["value"], "en") == "3.67"
    assert fmt(None, "pl") == "—"
