"""Random headers and cells never crash the reader: only a validation report comes out."""

from __future__ import annotations

import hashlib
import shutil

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import INITIAL, POST, tiny, write_workbook
from liwindex.io.readers import to_sheet
from liwindex.io.sheets import Limits
from liwindex.problems import Report
from liwindex.responses.checks import check_answers
from liwindex.responses.survey import read_survey

Q = tiny()
HEADERS = [
    "grupa",
    "group",
    "q1",
    "Q2",
    "q3",
    "Jak oceniasz konsultacje?",
    "[q4] x",
    "q5",
    "q6",
    "q7",
    "uwagi",
    "Sygnatura czasowa",
    "O1[q1]",
    "a/q2",
    "",
]
CELLS = st.one_of(
    st.none(),
    st.integers(-5, 12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(
        [
            "ngo",
            "jst",
            "NGO",
            "1",
            "3.0",
            "4,0",
            "nw",
            "nie wiem",
            "zdecydowanie źle",
            "=1+1",
            " ",
            "\u00a0",
            "raczej dobrze",
            "0",
            "5",
            "10",
        ]
    ),
    st.text(max_size=30),
)


@st.composite
def sheets(draw):
    width = draw(st.integers(1, 8))
    header = draw(
        st.lists(st.one_of(st.sampled_from(HEADERS), st.text(max_size=20)), min_size=width, max_size=width)
    )
    body = draw(st.lists(st.lists(CELLS, min_size=0, max_size=width + 1), max_size=12))
    return to_sheet("Fuzz", [header, *body], Limits())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sheets(), st.sampled_from([None, "ngo", "jst", "xyz"]))
def test_reader_returns_only_a_report(sheet, group):
    """read_survey and check_answers either give data or problems, never an exception."""
    report = Report()
    data = read_survey(sheet, Q, "fuzz.xlsx", report, group=group)
    if data is not None and report.valid:
        check_answers(data, Q, "fuzz.xlsx", report)
        assert set(data.groups) <= {"ngo", "jst"}
    for problem in report:
        assert problem.message("pl") and problem.message("en")
    if data is None:
        assert not report.valid


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(CELLS, min_size=0, max_size=6), max_size=10))
def test_small_and_large_sheets_are_factorised_alike(table):
    """The dict path (survey-sized sheets, factorised at once) and pandas' hash table
    (large ones, column by column) give the same rows, columns, cells of the same types
    and empty cells."""
    import pytest

    from liwindex.io import factorise

    small = to_sheet("S", [list(r) for r in table], Limits())
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(factorise, "SMALL_SHEET_CELLS", -1)
        large = to_sheet("S", [list(r) for r in table], Limits())
    assert small.numbers.tolist() == large.numbers.tolist()
    assert len(small.columns) == len(large.columns)

    def same(a, b):  # NaN equals NaN here; 1 and 1.0 are one value in both paths
        return a == b or (a != a and b != b)

    for a, b in zip(small.columns, large.columns, strict=True):
        # (a small sheet's columns share one list of values: compare what the rows hold)
        assert a.codes.dtype == b.codes.dtype and (a.codes >= 0).tolist() == (b.codes >= 0).tolist()
        assert all(same(x, y) for x, y in zip(a.cells().tolist(), b.cells().tolist(), strict=True))
        assert all(type(x) is type(y) for x, y in zip(a.cells().tolist(), b.cells().tolist(), strict=True))
    for (n1, r1), (n2, r2) in zip(small.rows, large.rows, strict=True):
        assert n1 == n2 and all(same(x, y) for x, y in zip(r1, r2, strict=True))


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_no_command_changes_its_inputs(tmp_path):
    """validate, score, compare, export and mapping init leave every input byte for byte."""
    a, b = shutil.copy(INITIAL, tmp_path / "a.xlsx"), shutil.copy(POST, tmp_path / "b.xlsx")
    bad = write_workbook(tmp_path / "zle.xlsx", {"O": [["grupa", "o1_n1"], ["ngo", "?"]]})
    before = {p: digest(p) for p in (a, b, bad)}
    runner = CliRunner()
    for args in (
        ["validate", a],
        ["validate", bad],
        ["score", b],
        ["score", bad, "--json"],
        ["compare", a, b],
        ["export", a, b, "-o", tmp_path / "r.xlsx"],
        ["export", b, "-o", tmp_path / "r.csv"],
        ["mapping", "init", bad, "-o", tmp_path / "m.yaml"],
    ):
        runner.invoke(cli_main(), [str(x) for x in args])
    assert {p: digest(p) for p in before} == before


def cli_main():
    from liwindex.cli import cli

    return cli


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400), st.sampled_from([".csv", ".xlsx", ".ods", ".xls"]))
def test_random_bytes_give_a_report(tmp_path, content, suffix):
    """Whatever bytes a file holds, reading it ends in data or in problems."""
    from liwindex.api import read_round
    from liwindex.problems import InputError

    path = tmp_path / f"losowy{suffix}"
    path.write_bytes(content)
    try:
        read_round(path, Q)
    except InputError as exc:
        assert exc.report.errors


def test_columns_keep_their_own_kind_of_number():
    """1, 1.0 and True are one dict key: a sheet mixing them is not factorised at once, so
    each column keeps the number it holds (a year stays 2024, a checkbox stays True)."""
    sheet = to_sheet("S", [[1, 1.0, True, "a"], [2024, 2024.0, False, "b"]], Limits())
    first, second = (values for _, values in sheet.rows)
    assert [type(v) for v in first] == [int, float, bool, str]
    assert second == (2024, 2024.0, False, "b") and type(second[0]) is int
    hidden = to_sheet("S", [[0, 0.0], [1.0, True]], Limits())  # each equal to the first seen
    assert [[type(v) for v in values] for _, values in hidden.rows] == [[int, float], [float, bool]]
    plain = to_sheet("S", [["a", "b"], ["b", None], ["a", "c"]], Limits())
    assert plain.columns[0].values is plain.columns[1].values  # one list for the sheet
    assert [values for _, values in plain.rows] == [("a", "b"), ("b", None), ("a", "c")]
