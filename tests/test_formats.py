"""File formats and the tolerance of the reader: .xls, .ods, .csv, both xlsx engines,
title rows, merged headers, hidden sheets, numbers written as text."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from conftest import run, tiny, write_workbook
from liwindex.api import read_round, score_file
from liwindex.io.readers import read_spreadsheet
from liwindex.io.sheets import Limits
from liwindex.problems import InputError

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("name", ["ankieta.xlsx", "ankieta-libreoffice.xls", "ankieta-libreoffice.ods"])
def test_xlsx_xls_and_ods_give_the_same_scores(name):
    """The same survey saved by LibreOffice as .xls and .ods scores exactly as the .xlsx."""
    reference = score_file(DATA / "ankieta.xlsx").to_dict()
    result = score_file(DATA / name).to_dict()
    for key in ("respondents", "index", "dimensions", "areas", "items"):
        assert result[key] == reference[key]
    assert result["meta"]["jst"] == "Gmina Łąkowa"


def test_both_xlsx_engines_read_identical_rows():
    """calamine and openpyxl see the same cells at the same rows and columns (data from C3)."""
    fast = read_spreadsheet(DATA / "ankieta.xlsx", Limits(), engine="calamine")
    slow = read_spreadsheet(DATA / "ankieta.xlsx", Limits(), engine="openpyxl")
    assert [s.name for s in fast] == [s.name for s in slow]
    for a, b in zip(fast, slow, strict=True):
        assert [
            (r, tuple(None if v is None else str(v).removesuffix(".0") for v in vals)) for r, vals in a.rows
        ] == [
            (r, tuple(None if v is None else str(v).removesuffix(".0") for v in vals)) for r, vals in b.rows
        ]
    assert fast[0].rows[0] == (3, (None, None, "grupa", "o1_n1", "o1_n2", "mocne_strony"))


def test_errors_point_at_the_same_cell_in_every_format(tmp_path):
    """A bad answer at C3-based data is reported at its real row and column."""
    rows = [[None] * 3, [None] * 3, [None, None, "grupa", "q1"], [None, None, "ngo", "świetnie"]]
    path = write_workbook(tmp_path / "d.xlsx", {"Odp": rows})
    with pytest.raises(InputError) as exc:
        read_round(path, tiny())
    [p] = exc.value.report.errors
    assert (p.row, p.column) == (4, "D")


@pytest.mark.parametrize(
    ("encoding", "delimiter", "label"),
    [
        ("utf-8", ",", "UTF-8"),
        ("utf-8-sig", ";", "UTF-8 (BOM)"),
        ("cp1250", ";", "Windows-1250"),
        ("utf-8", "\t", "UTF-8"),
    ],
)
def test_csv_encodings_and_delimiters(tmp_path, encoding, delimiter, label):
    """CSV from Polish office PCs: the encoding and delimiter are found and noted."""
    lines = ["grupa,q1,q2,uwagi", "ngo,raczej dobrze,4,Świetna współpraca z urzędem", "jst,2,2,"]
    path = tmp_path / "dane.csv"
    path.write_bytes("\n".join(line.replace(",", delimiter) for line in lines).encode(encoding))
    r = read_round(path, tiny())
    assert r.survey.open_answers[0].text == "Świetna współpraca z urzędem"
    assert list(r.survey.codes["q1"]) == ["4", "2"]
    [note] = [p for p in r.report.notes if p.code == "csv-read-as"]
    assert note.value == label


def test_title_rows_above_the_header_are_skipped_with_a_note(tmp_path):
    """A report title and a blank line above the header do not hide the questions."""
    rows = [["Wyniki ankiety LIJW 2024"], [], ["grupa", "q1", "q2"], ["ngo", "3", "3"]]
    r = read_round(write_workbook(tmp_path / "d.xlsx", {"Odp": rows}), tiny())
    assert r.survey.header_row == 3 and list(r.survey.codes.index) == [4]
    assert any(p.code == "header-row" for p in r.report.notes)


def test_two_row_header_with_merged_group_cell(tmp_path):
    """'grupa' merged over two header rows, questions in the second row."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["grupa", "Część A", None])
    ws.append([None, "q1", "q2"])
    ws.append(["ngo", "4", "2"])
    ws.merge_cells("A1:A2")
    ws.merge_cells("B1:C1")
    path = tmp_path / "d.xlsx"
    wb.save(path)
    r = read_round(path, tiny())
    assert list(r.survey.groups) == ["ngo"] and r.survey.codes.at[3, "q1"] == "4"


def test_hidden_sheet_is_passed_over(tmp_path):
    """A hidden first sheet (a helper list) is not taken for the responses."""
    wb = openpyxl.Workbook()
    helper = wb.active
    helper.title = "pomocnicze"
    helper.append(["ngo", "jst"])
    helper.sheet_state = "hidden"
    data = wb.create_sheet("Odpowiedzi")
    data.append(["grupa", "q1"])
    data.append(["ngo", "3"])
    path = tmp_path / "d.xlsx"
    wb.save(path)
    r = read_round(path, tiny())
    assert r.survey.sheet == "Odpowiedzi"
    assert any(p.code == "hidden-sheets" for p in r.report.notes)


def test_numbers_with_decimals_as_text_are_read_as_codes_with_a_note(tmp_path):
    """'3.0' and '4,0' typed as text mean codes 3 and 4, and the reader says so."""
    rows = [["grupa", "q1", "q2"], ["ngo", "3.0", "4,0"]]
    r = read_round(write_workbook(tmp_path / "d.xlsx", {"Odp": rows}), tiny())
    assert list(r.survey.codes.loc[2, ["q1", "q2"]]) == ["3", "4"]
    notes = [p for p in r.report.notes if p.code == "number-as-code"]
    assert [(p.column, p.value) for p in notes] == [("B", "3.0 → 3"), ("C", "4,0 → 4")]


def test_non_breaking_spaces_curly_quotes_and_case(tmp_path):
    """'Ani dobrze,\\u00a0ani źle' with odd spacing is the neutral answer."""
    rows = [["Grupa\u00a0", "Q1 ", "q2"], ["  NGO ", "ANI  DOBRZE,\u00a0ani źle", "„3”"]]
    r = read_round(write_workbook(tmp_path / "d.xlsx", {"Odp": rows}), tiny())
    assert list(r.survey.codes.loc[2, ["q1", "q2"]]) == ["3", "3"]


def test_duplicate_respondent_rows_are_a_warning(tmp_path):
    """The same submission twice (five or more answers) is flagged, and still counted."""
    row = ["ngo", "3", "4", "2", "5", "1"]
    rows = [["grupa", "q1", "q2", "q3", "q4", "q5"], row, ["jst", "1", "1", None, "1", "1"], row]
    r = read_round(write_workbook(tmp_path / "d.xlsx", {"Odp": rows}), tiny())
    [warning] = [p for p in r.report.warnings if p.code == "duplicate-rows"]
    assert warning.value == "2=4"
    assert len(r.survey.codes) == 3


def test_duplicates_need_the_same_group_and_name_the_first_row(tmp_path):
    """A third copy pairs with the first; the same answers from the other group, or with
    fewer than five answers, are not a duplicate."""
    answers = ["3", "4", "2", "5", "1"]
    rows = [
        ["grupa", "q1", "q2", "q3", "q4", "q5"],
        ["ngo", *answers],
        ["jst", *answers],
        ["ngo", *answers],
        ["ngo", "3", "4", None, None, None],
        ["ngo", "3", "4", None, None, None],
        ["ngo", *answers],
    ]
    r = read_round(write_workbook(tmp_path / "d.xlsx", {"Odp": rows}), tiny())
    [warning] = [p for p in r.report.warnings if p.code == "duplicate-rows"]
    assert (warning.value, warning.params.get("count")) == ("2=4, 2=7", 2)


def test_a_notes_sheet_first_is_passed_over_for_the_sheet_with_questions(tmp_path):
    """'Informacje' first, 'Odpowiedzi' second: the answers come from 'Odpowiedzi' with a
    note; two sheets with questions after a notes sheet: an error listing both and --sheet."""
    from conftest import write_workbook

    rows = [["grupa", "q1"], ["ngo", "3"]]
    path = write_workbook(
        tmp_path / "d.xlsx", {"Informacje": [["Ankieta LIJW 2025"], ["Gmina X"]], "Odpowiedzi": rows}
    )
    r = read_round(path, tiny())
    assert r.survey.sheet == "Odpowiedzi"
    assert any(p.code == "survey-sheet-found" for p in r.report.notes)
    two = write_workbook(tmp_path / "e.xlsx", {"Informacje": [["x"]], "NGO": rows, "JST": rows})
    with pytest.raises(InputError) as exc:
        read_round(two, tiny())
    error = exc.value.report.errors[0]
    assert error.code == "survey-sheets-many" and "„NGO”, „JST”" in error.message()


def test_the_templates_own_list_sheet_is_not_noted(tmp_path):
    """A filled template has a hidden 'listy' sheet of its own: no note about it."""

    out = tmp_path / "t.xlsx"
    assert run("template", "-o", out).exit_code == 0
    wb = openpyxl.load_workbook(out)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    ws.cell(row=2, column=header.index("grupa") + 1, value="ngo")
    column = next(i for i, h in enumerate(header) if str(h).startswith("[o1_n1]"))
    ws.cell(row=2, column=column + 1, value="4")
    wb.save(out)
    result = run("score", out)
    assert "ukryte arkusze" not in result.stderr


@pytest.mark.parametrize(
    "content",
    [
        'grupa;o1_n1;uwagi\nngo;4;NA\njst;nie wiem;\n\nngo;;"dwie\nlinie"\n',
        "\ufeffgrupa,o1_n1\nngo,3\n,\njst,5,dodatkowe\n",
        'grupa\to1_n1\n"ngo"\t" 4 "\n',
        "a;b;c\n1;2\n3;4;5;6\n\n\n7\n",
    ],
)
def test_small_and_large_csv_parsers_give_the_same_sheet(tmp_path, monkeypatch, content):
    """The csv module (small files) and pandas' C parser (large files) read a CSV into the
    same rows, row numbers and values: blank lines, quoted line breaks, ragged rows, a BOM,
    "NA" kept as text."""
    from liwindex.io import csvfile
    from liwindex.problems import Report

    path = tmp_path / "d.csv"
    path.write_text(content, "utf-8")

    def read() -> list:
        sheet = csvfile.read_csv(path, Report(), Limits())
        # pandas makes a column of numbers only (no header: nothing reads it) numbers; the
        # csv module keeps text: the same cell either way
        cells = [[None if v is None else str(v) for v in c.cells().tolist()] for c in sheet.columns]
        return [sheet.numbers.tolist(), cells]

    small = read()
    monkeypatch.setattr(csvfile, "SMALL_CSV_BYTES", -1)
    assert read() == small
