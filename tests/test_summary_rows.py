"""A row of totals someone added under the answers ("Razem", "Średnia", sums) is never
scored as a respondent: a labelled one is left out with a warning, a bare row of numbers is
an error naming its row."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from conftest import TINY, errors, problems, run, tiny, write_workbook
from liwindex.api import InputError, read_round, score_round
from liwindex.responses.summary import is_summary_label

HEADER = ["Sygnatura czasowa", "grupa", "q1", "q2", "q3", "q4", "q5", "q6", "q7"]
ANSWERS = [
    ["2025-01-10 10:00", "NGO", "raczej dobrze", "zdecydowanie dobrze", "raczej źle", "raczej dobrze",
     "raczej dobrze", "raczej źle", "pięć"],
    ["2025-01-11 11:00", "NGO", "zdecydowanie dobrze", "raczej dobrze", "raczej dobrze", "nie wiem",
     "zdecydowanie dobrze", "zdecydowanie źle", "dziesięć"],
    ["2025-01-12 12:00", "Administracja", "ani dobrze, ani źle", "raczej dobrze", None, "raczej dobrze",
     "raczej źle", "raczej źle", "zero"],
]  # fmt: skip


def write(tmp_path: Path, rows: list[list[object]], kind: str) -> Path:
    """The rows under HEADER as an .xlsx or a .csv file."""
    if kind == "xlsx":
        return write_workbook(tmp_path / "ankieta.xlsx", {"Odpowiedzi": [HEADER, *rows]})
    path = tmp_path / "ankieta.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([HEADER, *([("" if c is None else c) for c in r] for r in rows)])
    return path


def clean_scores(tmp_path: Path, kind: str) -> dict[str, float | None]:
    result = score_round(read_round(write(tmp_path / "clean", ANSWERS, kind), tiny()))
    return {a.id: a.value for a in result.areas}


@pytest.fixture(params=["xlsx", "csv"])
def kind(request, tmp_path):
    (tmp_path / "clean").mkdir()
    return request.param


@pytest.mark.parametrize(
    "summary",
    [
        [None, "Razem", 9, 10, 4, 8, 9, 5, 15],  # sums, the label in the group column
        ["Średnia", None, 3.67, 4.33, 3, 4, 3.67, 1.67, 5],  # averages, the label in column A
        [None, "Suma:", "", "", "", "", "", "", ""],  # a label alone
        [None, "Ogółem (N=3)", "3", "3", "2", "2", "3", "3", "3"],  # counts written as text
    ],
)
def test_a_labelled_summary_row_is_left_out_with_a_warning(tmp_path, kind, summary):
    """The row under the answers that says Razem/Średnia/Suma/Ogółem is not a respondent: a
    warning names it, the scores are those of the respondents alone."""
    if kind == "csv":
        summary = [str(c).replace(".", ",") if isinstance(c, float) else c for c in summary]
    r = read_round(write(tmp_path, [*ANSWERS, summary], kind), tiny())
    assert [(p.code, p.row) for p in r.report.warnings] == [("summary-row", 5)]
    result = score_round(r)
    assert result.respondents_by_group == {"ngo": 2, "jst": 1}
    assert {a.id: a.value for a in result.areas} == clean_scores(tmp_path, kind)


def test_a_subtotal_in_the_group_column_is_left_out_anywhere(tmp_path, kind):
    """'Razem NGO' between the groups' rows is a summary row too, not only at the end."""
    rows = [ANSWERS[0], ANSWERS[1], [None, "Razem NGO", 9, 9, 7, 4, 9, 3, 15], ANSWERS[2]]
    r = read_round(write(tmp_path, rows, kind), tiny())
    assert [(p.code, p.row) for p in r.report.warnings] == [("summary-row", 4)]
    assert {a.id: a.value for a in score_round(r).areas} == clean_scores(tmp_path, kind)


def test_a_row_of_numbers_without_a_group_is_an_error_at_its_row(tmp_path, kind):
    """Sums under labelled answers, with no label and no group: one error naming the row
    and a number, instead of an unknown answer per cell."""
    rows = [*ANSWERS, [None, None, 9, 10, 4, 8, 9, 5, 15]]
    with pytest.raises(InputError) as exc:
        read_round(write(tmp_path, rows, kind), tiny())
    assert [(p.code, p.row, p.value) for p in exc.value.report.errors] == [("summary-row-numbers", 5, 9.0)]


def test_two_summary_rows_under_the_data(tmp_path, kind):
    """'Suma' and 'Średnia' one under the other are both named."""
    rows = [*ANSWERS, [None, "Suma", 9, 10, 4, 8, 9, 5, 15], [None, "Średnia", 3, 3.33, 2, 4, 3, 1.67, 5]]
    r = read_round(write(tmp_path, rows, kind), tiny())
    assert [(p.code, p.row) for p in r.report.warnings] == [("summary-row", 5), ("summary-row", 6)]


def test_a_paper_survey_typed_in_with_codes_is_a_respondent(tmp_path, kind):
    """A last row with a group and valid codes under a form's labels is scored, not taken for
    a summary row."""
    rows = [*ANSWERS, [None, "NGO", 3, 4, 4, 2, 5, 1, 10]]
    r = read_round(write(tmp_path, rows, kind), tiny())
    assert not r.report.warnings
    assert score_round(r).respondents_by_group == {"ngo": 3, "jst": 1}


def test_score_says_where_the_summary_row_is(tmp_path):
    """On the command line the warning names the row; exit 0."""
    q = tmp_path / "q.yaml"
    q.write_text(TINY, "utf-8")
    path = write(tmp_path, [*ANSWERS, [None, "Razem", 9, 10, 4, 8, 9, 5, 15]], "xlsx")
    result = run("score", path, "-q", q)
    assert result.exit_code == 0, result.output
    assert "wiersz 5" in result.output and "podsumowania" in result.output


def test_a_bare_row_of_numbers_stops_score(tmp_path):
    """The error of a row of numbers is exit 1 with its code and row."""
    q = tmp_path / "q.yaml"
    q.write_text(TINY, "utf-8")
    path = write(tmp_path, [*ANSWERS, [None, None, 3.67, 4.33, 3, 4, 3.67, 1.67, 5]], "csv")
    result = run("score", path, "-q", q)
    assert errors(result) == ["summary-row-numbers"]
    assert [p.row for p in problems(result) if p.code == "summary-row-numbers"] == [5]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Razem", True),
        ("SUMA:", True),
        ("Średnia ocen", True),
        ("Ogółem (N=31)", True),
        ("Łącznie", True),
        ("Grand total", True),
        ("Average", True),
        ("Razem działamy lepiej niż rok temu", False),
        ("Organizacja pozarządowa", False),
        ("Summit", False),
        ("Sumienna współpraca", False),
        ("razem " + "x" * 80, False),
    ],
)
def test_summary_labels(text, expected):
    """Summary words start a short label; respondents' sentences and group names are not."""
    assert is_summary_label(text) is expected
