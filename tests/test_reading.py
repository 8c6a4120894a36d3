"""Reading workbooks: matching headers and answers, and every validation problem."""

from __future__ import annotations

import pytest

from conftest import area, score_rows, tiny, write_workbook
from liwindex.api import InputError, read_round


def problems(tmp_path, sheets, questionnaire=None, **kwargs):
    """(code, sheet, row, column) of every error reading ``sheets``."""
    path = write_workbook(tmp_path / "dane.xlsx", sheets)
    with pytest.raises(InputError) as exc:
        read_round(path, questionnaire or tiny(), **kwargs)
    return [(p.code, p.sheet, p.row, p.column) for p in exc.value.report.errors]


def test_headers_match_by_id_text_and_id_prefix(tmp_path):
    """Ids in any case, question texts with odd spacing/punctuation, and '[id] text' all match."""
    rows = [
        ["Grupa", "Q1", "  jak OCENIASZ  informację ", "[q3] Jak oceniasz dotacje", "Q4. x", "q5"],
        ["ngo", "4", "4", "4", "2", "2"],
    ]
    result = score_rows(tmp_path, rows)
    assert area(result, "A1").survey == pytest.approx(4.0)
    assert area(result, "A2").survey == pytest.approx(2.0)


def test_english_question_text_matches(tmp_path):
    """A header in the English wording of the question matches too."""
    result = score_rows(tmp_path, [["group", "How do you rate consultations?", "q2"], ["jst", "2", "4"]])
    assert area(result, "A1").survey == pytest.approx(3.0)


def test_answers_match_by_code_or_label_in_any_case(tmp_path):
    """'Raczej Dobrze ', 4 (a number cell) and '4' are the same answer."""
    rows = [["grupa", "q1", "q2"], ["jst", "  Raczej   Dobrze ", 4], ["jst", "4", "raczej dobrze"]]
    result = score_rows(tmp_path, rows)
    assert area(result, "A1").survey == pytest.approx(4.0)


def test_group_matches_id_label_or_alias(tmp_path):
    """'NGO', 'Organizacja pozarządowa' and 'ngo' are all the NGO group."""
    rows = [
        ["grupa", "q1", "q2"],
        ["NGO", "4", "4"],
        ["Organizacja pozarządowa", "2", "2"],
        ["administracja", "1", "1"],
    ]
    result = score_rows(tmp_path, rows)
    assert result.respondents_by_group == {"ngo": 2, "jst": 1}


def test_unknown_answer_names_row_column_and_suggestion(tmp_path):
    """A label typed without Polish letters is not accepted, but suggested."""
    path = write_workbook(tmp_path / "d.xlsx", {"Ankieta": [["grupa", "q1"], ["ngo", "zdecydowanie zle"]]})
    with pytest.raises(InputError) as exc:
        read_round(path, tiny())
    [problem] = exc.value.report.errors
    assert (problem.code, problem.sheet, problem.row, problem.column) == ("unknown-answer", "Ankieta", 2, "B")
    assert "zdecydowanie źle" in problem.message("pl")
    assert "Dozwolone: 1 (zdecydowanie źle)" in problem.message("pl")


def test_all_bad_cells_are_reported_at_once(tmp_path):
    """Three bad cells in different rows and columns give three located errors."""
    rows = [["grupa", "q1", "q2"], ["ngo", "7", "4"], ["kot", "4", "4"], ["jst", "4", "dobrze?"]]
    found = problems(tmp_path, {"Odp": rows})
    assert sorted(found) == sorted(
        [
            ("unknown-answer", "Odp", 2, "B"),
            ("unknown-group", "Odp", 3, "A"),
            ("unknown-answer", "Odp", 4, "C"),
        ]
    )


def test_missing_group_cell_is_an_error(tmp_path):
    """A respondent without a group cannot be scored: the cell is named."""
    assert problems(tmp_path, {"Odp": [["grupa", "q1"], [None, "4"]]}) == [("missing-group", "Odp", 2, "A")]


def test_group_option_fills_rows_without_group(tmp_path):
    """--group fills the blank group cells (and is noted)."""
    path = write_workbook(
        tmp_path / "d.xlsx", {"Odp": [["grupa", "q1", "q2"], [None, "4", "4"], ["jst", "2", "2"]]}
    )
    r = read_round(path, tiny(), group="ngo")
    assert list(r.survey.groups) == ["ngo", "jst"]
    assert any(p.code == "group-option-fills-blanks" for p in r.report)


def test_no_group_column_needs_group_option(tmp_path):
    """Without a group column the user must say --group; with it, every row gets the group."""
    sheets = {"Odp": [["q1", "q2"], ["4", "4"]]}
    assert problems(tmp_path, sheets) == [("no-group-column", "Odp", None, None)]
    r = read_round(tmp_path / "dane.xlsx", tiny(), group="jst")
    assert list(r.survey.groups) == ["jst"]


def test_unknown_group_option_is_an_error(tmp_path):
    """--group must be one of the questionnaire's groups."""
    assert ("unknown-group-option", None, None, None) in problems(
        tmp_path, {"Odp": [["q1"], ["4"]]}, group="rdpp"
    )


def test_duplicate_question_columns_answered_differently(tmp_path):
    """Two columns for one question, both answered in a row and differently: an error at
    that row in the second copy's column."""
    found = problems(tmp_path, {"Odp": [["grupa", "q1", "Jak oceniasz konsultacje?"], ["ngo", "1", "2"]]})
    assert found == [("duplicate-column-conflict", "Odp", 2, "C")]


def test_no_recognisable_question_column(tmp_path):
    """A sheet of something else entirely says which row was taken as the header."""
    assert problems(tmp_path, {"Arkusz1": [["imię", "nazwisko"], ["Jan", "Kowalski"]]}) == [
        ("no-question-columns", "Arkusz1", None, None)
    ]


def test_empty_sheet(tmp_path):
    """An empty responses sheet with nothing else is an error."""
    assert problems(tmp_path, {"Odp": []}) == [("empty-sheet", "Odp", None, None)]


def test_unknown_columns_are_ignored_and_noted(tmp_path):
    """Timestamps are recognised as platform columns; other columns are listed as a note."""
    path = write_workbook(
        tmp_path / "d.xlsx",
        {"Odp": [["Sygnatura czasowa", "Komentarz", "grupa", "q1"], ["2024-01-01", "x", "ngo", "3"]]},
    )
    r = read_round(path, tiny())
    codes = {p.code: p.value for p in r.report.notes}
    assert codes["metadata-columns"] == "A (Sygnatura czasowa)"
    assert codes["unknown-columns"] == "B (Komentarz)"


def test_blank_rows_are_skipped_and_rows_keep_excel_numbers(tmp_path):
    """Blank rows in between do not become respondents; row numbers stay the sheet's."""
    path = write_workbook(
        tmp_path / "d.xlsx", {"Odp": [["grupa", "q1"], ["ngo", "3"], [], [None, " "], ["jst", "x"]]}
    )
    with pytest.raises(InputError) as exc:
        read_round(path, tiny())
    assert [(p.code, p.row) for p in exc.value.report.errors] == [("unknown-answer", 5)]


def test_open_answers_are_kept_with_group_and_row(tmp_path):
    """Open answers keep their text exactly (trimmed), group and row."""
    path = write_workbook(
        tmp_path / "d.xlsx", {"Odp": [["grupa", "q1", "uwagi"], ["ngo", "3", " =2+2 "], ["jst", "3", None]]}
    )
    r = read_round(path, tiny())
    [answer] = r.survey.open_answers
    assert (answer.question, answer.group, answer.text, answer.row) == ("uwagi", "ngo", "=2+2", 2)


def test_grades_errors_are_located(tmp_path):
    """Out of range, off the step, not a number, unknown and duplicate areas in 'oceny'."""
    grades = [["obszar", "ocena"], ["A1", 5.5], ["A2", 3.3], ["A3", "dobra"], ["A9", 3], ["A1", 3]]
    found = problems(tmp_path, {"oceny": grades})
    assert found == [
        ("grade-out-of-range", "oceny", 2, "B"),
        ("grade-off-step", "oceny", 3, "B"),
        ("grade-not-number", "oceny", 4, "B"),
        ("unknown-area", "oceny", 5, "A"),
        ("duplicate-grade", "oceny", 6, "A"),
    ]


def test_grades_accept_decimal_comma_and_area_labels(tmp_path):
    """'3,5' is 3.5 and an area may be named by its label."""
    path = write_workbook(tmp_path / "d.xlsx", {"oceny": [["Obszar", "Ocena"], ["Obszar pierwszy", "3,5"]]})
    r = read_round(path, tiny())
    assert r.grades["A1"].value == 3.5


def test_grades_sheet_without_grade_column(tmp_path):
    """'oceny' needs the columns obszar and ocena."""
    assert problems(tmp_path, {"oceny": [["obszar", "wynik"], ["A1", 3]]}) == [
        ("grades-missing-column", "oceny", 1, None)
    ]


def test_metryka_is_read_and_unknown_etap_is_a_warning(tmp_path):
    """jst, rok and etap come from 'metryka'; 'wstepna' without ę is suggested, not accepted."""
    path = write_workbook(
        tmp_path / "d.xlsx",
        {
            "oceny": [["obszar", "ocena"], ["A1", 3]],
            "metryka": [["jst", "Gmina X"], ["rok", 2024], ["etap", "wstepna"]],
        },
    )
    r = read_round(path, tiny())
    assert (r.meta.jst, r.meta.rok, r.meta.etap) == ("Gmina X", 2024, None)
    [warning] = r.report.warnings
    assert warning.code == "bad-etap" and "wstępna" in warning.message("pl")


def test_workbook_with_only_metryka_has_no_data(tmp_path):
    """Neither answers nor grades: nothing to score."""
    assert problems(tmp_path, {"metryka": [["jst", "X"]]}) == [("no-data", None, None, None)]


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("brak.xlsx", None, "file-not-found"),
        ("pusty.xlsx", b"", "file-empty"),
        ("tekst.xlsx", b"a;b\n1;2\n", "text-as-workbook"),
        ("stary.xlsx", b"\xd0\xcf\x11\xe0" + b"\0" * 600, "not-a-workbook"),
        ("~$dane.xlsx", b"lock", "lock-file"),
        ("dane.pdf", b"%PDF-1.4", "unsupported-format"),
        ("zepsuty.xlsx", b"PK\x03\x04" + b"\0" * 100, "not-a-workbook"),
    ],
)
def test_files_that_are_not_workbooks(tmp_path, name, content, code):
    """Each bad file ends in one clear problem naming the file."""
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError) as exc:
        read_round(path, tiny())
    [problem] = exc.value.report.errors
    assert problem.code == code and problem.file == str(path)


def test_directory_instead_of_file(tmp_path):
    """A directory is named as such."""
    with pytest.raises(InputError) as exc:
        read_round(tmp_path, tiny())
    assert exc.value.report.errors[0].code == "file-is-directory"


def test_sheet_option_suggests_the_closest_sheet(tmp_path):
    """--sheet with a typo names the sheets and suggests the closest."""
    path = write_workbook(tmp_path / "d.xlsx", {"Odpowiedzi": [["grupa", "q1"], ["ngo", "3"]]})
    with pytest.raises(InputError) as exc:
        read_round(path, tiny(), sheet="Odpowiedz")
    assert "„Odpowiedzi”?" in exc.value.report.errors[0].message("pl")


def test_special_sheets_first_do_not_hide_the_responses(tmp_path):
    """When 'metryka' is the first sheet, the responses sheet is the first other one."""
    path = write_workbook(
        tmp_path / "d.xlsx", {"metryka": [["rok", 2025]], "Dane": [["grupa", "q1", "q2"], ["ngo", "3", "3"]]}
    )
    r = read_round(path, tiny())
    assert r.survey.sheet == "Dane" and r.meta.rok == 2025


def test_multiple_choice_context_split_respects_commas_inside_labels(tmp_path):
    """Google Forms joins choices with ', ' even when a label itself has a comma."""
    from liwindex.api import load_standard

    q = load_standard()
    multi = next(c for c in q.context_questions if c.id == "formy_wspolpracy")
    path = write_workbook(
        tmp_path / "d.xlsx",
        {
            "Odp": [
                ["grupa", "o1_n1", multi.text.pl],
                [
                    "ngo",
                    "4",
                    "wymiana informacji, wsparcie pozafinansowe (lokal, sprzęt, pracownicy), inicjatywa lokalna",
                ],
            ]
        },
    )
    r = read_round(path, q)
    # one answer per respondent, in their order (the first respondent is row 2)
    assert r.survey.rows.tolist() == [2]
    assert r.survey.context["formy_wspolpracy"][0] == ["informacja", "pozafinansowe", "inicjatywa"]


def test_input_file_is_not_modified(tmp_path):
    """Reading and scoring leave the workbook byte for byte as it was."""
    path = write_workbook(tmp_path / "d.xlsx", {"Odp": [["grupa", "q1", "q2"], ["ngo", "3", "3"]]})
    before = path.read_bytes()
    from liwindex.api import score_round

    score_round(read_round(path, tiny()))
    assert path.read_bytes() == before


def test_branching_form_copies_are_merged(tmp_path):
    """A Google Form with sections: the shared question o1_n1 once for NGOs (B) and once for
    officials (D), each copy filled only in its branch; the same answer in both copies is
    fine. Scores equal those of the clean one-column sheet, with a note naming both columns."""
    from conftest import score_rows, tiny

    branching = [
        ["grupa", "q1", "q2", "q1"],
        ["ngo", "4", "3", None],
        ["jst", None, "2", "2"],
        ["jst", "5", "5", "5"],
    ]
    clean = [["grupa", "q1", "q2"], ["ngo", "4", "3"], ["jst", "2", "2"], ["jst", "5", "5"]]
    merged = score_rows(tmp_path, branching, tiny())
    (tmp_path / "dane.xlsx").unlink()
    expected = score_rows(tmp_path, clean, tiny())
    assert [a.survey for a in merged.areas] == [a.survey for a in expected.areas]
    assert merged.index.value == expected.index.value
    note = next(p for p in merged.problems if p.code == "duplicate-columns-merged")
    assert note.params["columns"] == "B, D" and note.value == "q1"


def test_answers_typed_with_their_code_resolve_when_code_and_label_agree(tmp_path):
    """'4 - raczej dobrze', '3 – ani dobrze, ani źle', '(2) raczej źle', '5. zdecydowanie
    dobrze' and '1 zdecydowanie źle' score as their codes, with a note; '4 - raczej źle' is
    an error naming the cell and both codes."""
    from conftest import score_rows, tiny

    typed = [
        ["grupa", "q1", "q2"],
        ["ngo", "4 - raczej dobrze", "3 – ani dobrze, ani źle"],
        ["ngo", "(2) raczej źle", "5. zdecydowanie dobrze"],
        ["jst", "1 zdecydowanie źle", "4"],
    ]
    plain = [["grupa", "q1", "q2"], ["ngo", "4", "3"], ["ngo", "2", "5"], ["jst", "1", "4"]]
    result = score_rows(tmp_path, typed, tiny())
    (tmp_path / "dane.xlsx").unlink()
    expected = score_rows(tmp_path, plain, tiny())
    assert [a.survey for a in result.areas] == [a.survey for a in expected.areas]
    assert {p.code for p in result.problems} >= {"code-label-answers"}
    found = problems(tmp_path, {"Odp": [["grupa", "q1"], ["ngo", "4 - raczej źle"]]})
    assert found == [("answer-contradiction", "Odp", 2, "B")]


def test_group_names_people_write(tmp_path):
    """'Organizacja pozarzadowa' (no Polish letters), 'Fundacja', 'Stowarzyszenie', 'Urząd
    Gminy', 'Starostwo' are recognised for the standard groups; a near miss gets a
    suggestion."""
    from liwindex.api import load_standard
    from liwindex.responses.matching import GroupLookup

    lookup = GroupLookup(load_standard())
    assert [
        lookup.group(v)
        for v in (
            "Organizacja pozarzadowa",
            "Fundacja",
            "STOWARZYSZENIE",
            "Urząd Gminy",
            "urzad gminy",
            "Starostwo",
            "radna",
        )
    ] == ["ngo", "ngo", "ngo", "jst", "jst", "jst", "jst"]
    assert lookup.group("Firma") is None
    assert lookup.suggest("Administracja samorzadowaa") == "Administracja samorządowa"
