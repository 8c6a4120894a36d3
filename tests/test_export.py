"""The Excel report and the CSV area table: same numbers as JSON, charts, safety."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import zipfile

import openpyxl
import pytest

from conftest import INITIAL, POST, run, write_workbook
from liwindex.outputs.csv_table import csv_text

SHEETS_PL = [
    "Podsumowanie",
    "Obszary",
    "Pytania",
    "Kontekst",
    "Odpowiedzi otwarte",
    "Oceny i rekomendacje",
    "Dane liczbowe",
    "Analiza",
    "Uwagi",
    "Metodologia",
]
HOSTILE = ['=HYPERLINK("http://zlo.example","klik")', "+48 123", "-1+1", "@SUM(A1)", "\tukryte", "=1+1"]


@pytest.fixture(scope="module")
def comparison_report(tmp_path_factory):
    path = tmp_path_factory.mktemp("raport") / "raport.xlsx"
    result = run("export", INITIAL, POST, "-o", path)
    assert result.exit_code == 0, result.output
    return path


def test_report_has_all_sheets_and_same_numbers_as_json(comparison_report):
    """The Obszary sheet holds exactly compare --json's before, after and delta, under
    headers that name the basis (ankieta: 2024 has no grades)."""
    data = json.loads(run("compare", INITIAL, POST, "--json").stdout)
    wb = openpyxl.load_workbook(comparison_report)
    assert wb.sheetnames == SHEETS_PL
    ws = wb["Obszary"]
    headers = [c.value for c in ws[1]]
    assert headers[:7] == [
        "Obszar",
        "Nazwa",
        "Płaszczyzna",
        "Przed (ankieta)",
        "Po (ankieta)",
        "Zmiana (ankieta)",
        "Zmiana w % wartości przed (ankieta)",
    ]
    for row, area in zip(ws.iter_rows(min_row=2, values_only=True), data["areas"], strict=True):
        assert row[0] == area["id"]
        # openpyxl writes 16 significant digits; Excel itself keeps 15
        assert row[3] == pytest.approx(area["before"], rel=1e-14)
        assert row[4] == pytest.approx(area["after"], rel=1e-14)
        assert row[5] == pytest.approx(area["delta"])
        assert row[6] == pytest.approx(area["pct"] / 100)
    assert ws["D2"].number_format == "0.00" and ws.freeze_panes == "D2"
    summary = wb["Podsumowanie"]
    index_row = next(r for r in summary.iter_rows(values_only=True) if r[0] == "Indeks LIJW")
    assert index_row[1:4] == pytest.approx(
        (data["index"]["before"], data["index"]["after"], data["index"]["delta"]), rel=1e-14
    )
    assert int(summary.page_setup.paperSize) == 9  # A4
    assert ("Podstawa porównania: zmiana wyniku ankiety",) in [
        r[:1] for r in summary.iter_rows(values_only=True)
    ]


def test_report_has_one_bar_chart_on_the_summary_page(comparison_report):
    """One native Excel chart, the areas before vs after as bars, under the summary's text:
    the summary prints as one page (a radar of twelve areas repeated the bars)."""
    with zipfile.ZipFile(comparison_report) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        kinds = {next(k for k in ("barChart", "radarChart") if k in z.read(n).decode()) for n in charts}
    assert kinds == {"barChart"}
    summary = openpyxl.load_workbook(comparison_report).worksheets[0]
    assert int(summary.page_setup.fitToHeight) == 1 and not summary.row_breaks.brk


def test_analysis_sheet_describes_the_later_round(comparison_report):
    """Analiza: the gap per area with its interval, alpha per area and group, sensitivity."""
    rows = [r for r in openpyxl.load_workbook(comparison_report)["Analiza"].iter_rows(values_only=True)]
    gap_rows = [r for r in rows if r[0] in {f"O{i}" for i in range(1, 13)} and isinstance(r[3], float)]
    assert len(gap_rows) >= 12
    assert all(r[4] <= r[3] <= r[5] for r in gap_rows[:12] if r[4] is not None)


def test_questions_grades_and_notes_sheets_are_filled(comparison_report):
    """Pytania has shares per answer, Oceny the grades with recommendations, Uwagi the quality table."""
    wb = openpyxl.load_workbook(comparison_report)
    questions = list(wb["Pytania"].iter_rows(values_only=True))
    o1 = next(r for r in questions if r[0] == "o1_n1")
    assert (
        o1[3] == "Organizacja pozarządowa"
        and o1[4] > 0
        and sum(v for v in o1[6:12] if v) == pytest.approx(1.0)
    )
    grades = list(wb["Oceny i rekomendacje"].iter_rows(min_row=2, values_only=True))
    assert len(grades) == 12 and grades[0][3] == 3.5
    assert any(r[6] for r in grades)
    notes = [r for r in wb["Uwagi"].iter_rows(values_only=True) if r and r[0]]
    assert any("Jakość danych" in str(r[0]) for r in notes)
    open_answers = list(wb["Odpowiedzi otwarte"].iter_rows(min_row=2, values_only=True))
    assert len(open_answers) > 50


def test_hostile_open_answers_stay_plain_text(tmp_path):
    """No cell of the report is a formula, even when respondents typed =, +, -, @ or a tab."""
    rows = [["grupa", "o1_n1", "o1_n2", "mocne_strony", "slabe_strony"]]
    rows += [["ngo", "4", "4", text, text] for text in HOSTILE]
    src = write_workbook(tmp_path / "zle.xlsx", {"Odp": rows})
    out = tmp_path / "raport.xlsx"
    assert run("export", src, "-o", out).exit_code == 0
    wb = openpyxl.load_workbook(out)
    texts = [c.value for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert texts == []
    answers = [r[3] for r in wb["Odpowiedzi otwarte"].iter_rows(min_row=2, values_only=True)]
    assert sorted(set(answers)) == sorted({h.strip() for h in HOSTILE})
    with zipfile.ZipFile(out) as z:
        xml = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))
    assert "<f>" not in xml


# a control or invisible character before the formula sign: the workbook drops the control
# character, so "\x01=1+1" would be stored as the formula "=1+1" without a guard that looks past it
HIDDEN_SIGN = ["\x01=1+1", "\x1f+A1", "\u200b=2+2", " \x02@SUM(A1)", "\x7f-3+3"]


def test_open_answers_with_a_control_character_before_a_formula_stay_text(tmp_path):
    """An answer starting with a control character and "=" is a text cell with the quote
    prefix in the xlsx (never a formula), still readable; the CSV dataset quotes it too."""
    lines = ["grupa;o1_n1;o1_n2;mocne_strony"] + [f"ngo;4;4;{text}" for text in HIDDEN_SIGN]
    src = tmp_path / "zle.csv"
    src.write_text("\n".join(lines) + "\n", "utf-8")
    out = tmp_path / "raport.xlsx"
    result = run("export", src, "-o", out)
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(out)
    assert [c.coordinate for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f"] == []
    cells = [c for c in wb["Odpowiedzi otwarte"]["D"][1:] if c.value]
    assert len(cells) == len(HIDDEN_SIGN)
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)
    readable = sorted("".join(ch for ch in str(c.value) if ch.isprintable()).strip() for c in cells)
    assert readable == sorted(["=1+1", "+A1", "=2+2", "@SUM(A1)", "-3+3"])
    with zipfile.ZipFile(out) as z:
        xml = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))
    assert "<f>" not in xml
    assert all(csv_text(text).startswith("'") for text in HIDDEN_SIGN)


def test_existing_output_is_not_replaced_without_force(tmp_path):
    """Exit 1 and the old file byte for byte unchanged; --force replaces it."""
    out = tmp_path / "raport.xlsx"
    out.write_bytes(b"old report")
    result = run("export", POST, "-o", out)
    assert result.exit_code == 1 and "--force" in result.stderr
    assert out.read_bytes() == b"old report"
    assert run("export", POST, "-o", out, "--force").exit_code == 0
    assert zipfile.is_zipfile(out)
    assert [p.name for p in tmp_path.iterdir()] == ["raport.xlsx"]  # no temporary file left


def test_output_may_never_be_an_input(tmp_path):
    """Even with --force, the report cannot overwrite the responses."""
    src = tmp_path / "dane.xlsx"
    shutil.copy(POST, src)
    before = src.read_bytes()
    result = run("export", src, "-o", src, "--force")
    assert result.exit_code == 1 and src.read_bytes() == before


def test_inputs_are_unchanged_by_export(tmp_path):
    """Exporting a comparison leaves both inputs byte for byte as they were."""
    a, b = shutil.copy(INITIAL, tmp_path / "a.xlsx"), shutil.copy(POST, tmp_path / "b.xlsx")
    before = (a.read_bytes(), b.read_bytes())
    assert run("export", a, b, "-o", tmp_path / "r.xlsx").exit_code == 0
    assert (a.read_bytes(), b.read_bytes()) == before


def test_single_round_report_in_english(tmp_path):
    """One file gives the one-round report; --lang en names sheets in English."""
    out = tmp_path / "report.xlsx"
    assert run("export", POST, "-o", out, "--lang", "en").exit_code == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:2] == ["Summary", "Areas"]
    assert [c.value for c in wb["Areas"][1]][:5] == ["Area", "Name", "Dimension", "Value", "Survey"]


def test_csv_area_table_opens_in_polish_excel(tmp_path):
    """UTF-8 with BOM, semicolons and decimal commas in Polish; unrounded values."""
    out = tmp_path / "obszary.csv"
    assert run("export", INITIAL, POST, "-o", out).exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    data = json.loads(run("compare", INITIAL, POST, "--json").stdout)
    assert rows[0][:4] == ["Obszar", "Nazwa", "Płaszczyzna", "Przed (ankieta)"]
    assert float(rows[1][3].replace(",", ".")) == data["areas"][0]["before"]
    assert "Współtworzenie" in rows[1][1]


def test_csv_text_cannot_become_a_formula():
    """Text starting with =, +, -, @, tab or CR gets a leading apostrophe."""
    assert [csv_text(h) for h in HOSTILE] == ["'" + h for h in HOSTILE]
    assert csv_text("Gmina") == "Gmina"


def test_the_formula_guard_looks_past_leading_controls_in_linear_time():
    """Spaces, control and invisible characters before =, +, -, @ are passed over; 100 kB of
    them take well under a second."""
    import time

    from liwindex.outputs.files import looks_like_formula

    assert [looks_like_formula(t) for t in HIDDEN_SIGN] == [True] * len(HIDDEN_SIGN)
    assert not looks_like_formula("\x01ok =1") and not looks_like_formula("")
    start = time.perf_counter()
    assert looks_like_formula("\x01 \u200b" * 35_000 + "=1")
    assert not looks_like_formula("\x01" * 100_000)
    assert time.perf_counter() - start < 1


def test_more_than_two_files_is_a_usage_error(tmp_path):
    """export takes one or two files."""
    result = run("export", POST, POST, POST, "-o", tmp_path / "r.xlsx")
    assert result.exit_code == 2


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_report_opens_in_libreoffice(comparison_report, tmp_path):
    """A headless conversion to PDF succeeds: the workbook opens without repair."""
    done = subprocess.run(
        [
            "soffice",
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(comparison_report),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    pdf = tmp_path / "raport.pdf"
    assert done.returncode == 0 and pdf.exists() and pdf.stat().st_size > 10_000


def test_report_gets_the_usual_file_mode(tmp_path):
    """The temporary file's owner-only mode is not carried over to the report."""
    import os
    import stat

    out = tmp_path / "raport.xlsx"
    assert run("export", POST, "-o", out).exit_code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask


def test_chart_legends_name_the_rounds_and_names_are_whole(tmp_path):
    """The charts' series are the rounds ("2024 · wstępna"), not "Przed"/"Po"; the summary
    wraps area names in column A (never cut) and breaks the page before each chart."""
    import zipfile

    import openpyxl

    out = tmp_path / "r.xlsx"
    result = run("export", INITIAL, POST, "-o", out, "--bootstrap", "0")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as z:
        charts = [z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 1
    for xml in charts:
        assert "2024 · wstępna" in xml and "2025 · powdrożeniowa" in xml
        assert ">Przed<" not in xml and ">Po<" not in xml
    ws = openpyxl.load_workbook(out).worksheets[0]
    long_names = [
        c for c in ws["A"] if isinstance(c.value, str) and c.value.startswith("O") and len(c.value) > 58
    ]
    assert long_names and all(c.alignment.wrap_text for c in long_names)


def test_polish_workbook_has_no_internal_names(tmp_path):
    """In Polish the method sheet names the settings in words (no group_weighting, no
    index_range, no ceil(...)), and open answers show group labels, not ngo/jst."""
    import openpyxl

    out = tmp_path / "r.xlsx"
    assert run("export", POST, "-o", out, "--bootstrap", "0").exit_code == 0
    wb = openpyxl.load_workbook(out)
    texts = [str(c.value) for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    for internal in (
        "group_weighting",
        "index_range",
        "min_answered",
        "min_area_coverage",
        "aggregation",
        "ceil(",
        "pooled",
    ):
        assert not [t for t in texts if internal in t], internal
    assert not {"ngo", "jst"} & set(texts)  # groups by their labels in every sheet
    [open_sheet] = [ws for ws in wb if ws.title.startswith("Odpowiedzi")]
    groups = {row[2] for row in open_sheet.iter_rows(min_row=2, values_only=True) if row[2]}
    assert groups and groups <= {"Organizacja pozarządowa", "Administracja samorządowa"}


def test_summary_sheet_opens_with_the_findings_and_how_to_read(comparison_report):
    """The summary sheet carries the report page's findings, word for word, before the
    numbers, and the "Jak czytać wyniki" lines (the star explained) before the charts."""
    from liwindex.analysis.analyze import gaps_for
    from liwindex.api import compare, score_file
    from liwindex.outputs.findings import findings

    ws = openpyxl.load_workbook(comparison_report).worksheets[0]
    column = [c.value for c in ws["A"]]
    start = column.index("Najważniejsze wnioski")
    before, after = score_file(INITIAL), score_file(POST)
    comparison = compare(before, after, 2000)
    expected = findings([before, after], comparison, gaps_for(after, comparison.after_draws), "pl")
    assert column[start + 1 : start + 1 + len(expected)] == [f"• {t}" for t in expected]
    assert start < column.index("Podstawa porównania: zmiana wyniku ankiety")
    how = column.index("Jak czytać wyniki")
    assert any(str(v).startswith("* przy zmianie") for v in column[how : how + 5])


@pytest.mark.parametrize(
    "command",
    [
        ["export", INITIAL, POST],
        ["analyze", POST],
        ["trend", INITIAL, POST],
        ["benchmark", POST, INITIAL.parent / "inne-jst"],
        ["template"],
    ],
)
def test_every_sheet_prints_on_a4(tmp_path, command):
    """Every sheet of every workbook liwindex writes prints on A4, fitted to the page's
    width (a very wide one to two pages, its first columns repeated); wide sheets are
    landscape, and a sheet with a frozen header repeats it on each printed page. The
    report's summary is one page."""
    out = tmp_path / "w.xlsx"
    result = run(*command, "-o", out)
    assert result.exit_code == 0, result.output
    for ws in openpyxl.load_workbook(out).worksheets:
        if ws.sheet_state != "visible":
            continue  # the template's dropdown lists are not printed
        setup = ws.page_setup
        assert int(setup.paperSize) == int(ws.PAPERSIZE_A4), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        if int(setup.fitToWidth) == 2:
            assert ws.max_column > 12 and ws.print_title_cols, ws.title
        else:
            assert int(setup.fitToWidth) == 1, ws.title
        # as many pages down as the rows need; the report's summary is one page
        one_page = command[0] in ("export", "analyze") and ws.title == "Podsumowanie"
        assert int(setup.fitToHeight) == (1 if one_page else 0), ws.title
        if ws.max_column > 9:
            assert setup.orientation == "landscape", ws.title
        frozen = ws.freeze_panes
        if frozen and int(frozen[1:]) > 1:
            assert ws.print_title_rows, ws.title


def test_summary_leads_with_the_official_index_and_its_source(comparison_report):
    """The Excel summary shows the latest round's LIJW index as score gives it (the grades,
    3,33 on the examples), named with its source, and the survey change under its own name."""
    data = json.loads(run("score", POST, "--json").stdout)
    summary = openpyxl.load_workbook(comparison_report).worksheets[0]
    rows = [r for r in summary.iter_rows(values_only=True)]
    official = next(r for r in rows if r[0] == "Indeks LIJW · ocena powdrożeniowa 2025")
    assert official[1] == pytest.approx(data["index"]["value"], rel=1e-14)
    assert official[2] == "z ocen grupy roboczej" and data["index"]["source"] == "grades"
    assert ("Podstawa porównania: zmiana wyniku ankiety",) in [r[:1] for r in rows]
