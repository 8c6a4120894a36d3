"""``liwindex grading-pack``: the working group's grades workbook, read back as the round's
``oceny``, and the printable cards."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from liwindex.api import load_standard, score_file, write_grading_pack
from liwindex.cli import cli
from many_jst import ROUNDS, forms

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
BEFORE = EXAMPLES / "gmina-przykladowa-2025-powdrozeniowa.xlsx"  # graded by its working group
AFTER = EXAMPLES / "gmina-przykladowa-2026-roczna.xlsx"


def round_folder(root: Path) -> Path:
    """A round folder as facilitators keep it: an NGO and an office form and a metryka.yaml."""
    folder = root / "runda"
    folder.mkdir()
    forms(folder, seed=7)
    rok, etap = ROUNDS[1]
    (folder / "metryka.yaml").write_text(
        f"jst: Gmina Próbna\nteryt: '0201011'\nrok: {rok}\netap: {etap}\n", "utf-8"
    )
    return folder


def test_the_workbook_filled_by_a_script_is_the_rounds_grades(tmp_path):
    folder = round_folder(tmp_path)
    survey_only = score_file(folder)
    assert survey_only.index.source == "survey"
    [pack] = write_grading_pack(folder, [tmp_path / "pakiet.xlsx"])

    wb = openpyxl.load_workbook(pack)
    assert wb.sheetnames[:2] == ["oceny", "metryka"]
    q = load_standard()
    ws = wb["oceny"]
    assert [c.value for c in ws[1]][:5] == [
        "obszar",
        "nazwa obszaru",
        "ocena",
        "uzasadnienie",
        "rekomendacje",
    ]
    assert [ws.cell(row=r, column=1).value for r in range(2, len(q.areas) + 2)] == [a.id for a in q.areas]
    assert ws.cell(row=2, column=2).value == q.areas[0].label.pl
    [validation] = ws.data_validations.dataValidation
    assert str(validation.sqref) == f"C2:C{len(q.areas) + 1}"
    guide = wb["Instrukcja"]
    allowed = [guide.cell(row=r, column=3).value for r in range(2, 11)]
    assert allowed == [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]
    assert validation.formula1 == "'Instrukcja'!$C$2:$C$10"
    meta = {r[0]: r[1] for r in wb["metryka"].iter_rows(values_only=True)}
    assert meta == {"jst": "Gmina Próbna", "teryt": "0201011", "rok": 2025, "etap": "powdrożeniowa"}
    assert "Jak wypełnić" in guide.cell(row=1, column=1).value

    # the working group fills it in (a script standing in for the officer at the meeting)
    for r, area in enumerate(q.areas, 2):
        ws.cell(row=r, column=3).value = allowed[r % len(allowed)]
        ws.cell(row=r, column=4).value = f"Uzasadnienie {area.id}"
        ws.cell(row=r, column=5).value = f"Rekomendacja {area.id}"
    wb.save(folder / "oceny-grupy-roboczej.xlsx")
    pack.unlink()

    graded = score_file(folder)
    assert graded.index.source == "grades"
    for r, area in enumerate(q.areas, 2):
        grade = graded.grades[area.id]
        assert grade.value == allowed[r % len(allowed)]
        assert grade.recommendations == f"Rekomendacja {area.id}"
    assert graded.meta["jst"] == "Gmina Próbna"
    assert not [p for p in graded.problems if p.severity.name in ("ERROR", "WARNING")]


def test_an_unfilled_workbook_in_the_folder_changes_nothing(tmp_path):
    folder = round_folder(tmp_path)
    before = score_file(folder)
    write_grading_pack(folder, [folder / "pakiet.xlsx"])
    after = score_file(folder)
    assert after.index.value == before.index.value
    assert after.index.source == "survey"


def test_cli_writes_the_workbook_with_the_previous_grade(tmp_path):
    out = tmp_path / "pakiet.xlsx"
    result = CliRunner().invoke(cli, ["grading-pack", str(AFTER), "--previous", str(BEFORE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(out)["oceny"]
    assert ws.cell(row=1, column=8).value == "poprzednia ocena"
    previous = score_file(BEFORE)
    assert ws.cell(row=2, column=8).value == previous.grades["O1"].value
    again = CliRunner().invoke(cli, ["grading-pack", str(AFTER), "-o", str(out)])
    assert again.exit_code == 1  # no overwrite without --force
    assert out.stat().st_size > 0


def test_cli_refuses_an_unknown_extension_before_reading(tmp_path):
    result = CliRunner().invoke(cli, ["grading-pack", str(AFTER), "-o", str(tmp_path / "pakiet.docx")])
    assert result.exit_code == 1
    assert not (tmp_path / "pakiet.docx").exists()


@pytest.mark.parametrize("name", ["Instrukcja", "instructions"])
def test_an_instructions_sheet_is_never_read_as_responses(tmp_path, name):
    source = tmp_path / "a.xlsx"
    shutil.copy(AFTER, source)
    wb = openpyxl.load_workbook(source)
    guide = wb.create_sheet(name, 0)
    guide["A1"] = "Jak wypełnić"
    wb.save(source)
    assert score_file(source).respondents_total == score_file(AFTER).respondents_total


def test_the_cards_have_a_cover_and_one_card_per_area(tmp_path):
    [page] = write_grading_pack(AFTER, [tmp_path / "pakiet.html"], previous=BEFORE)
    html = page.read_text("utf-8")
    q = load_standard()
    assert html.count('<section class="card"') == len(q.areas)
    assert "Jak korzystać z tych materiałów" in html
    assert "skali od 1 do 5, co 0,5" in html
    for area in q.areas:
        assert f"Obszar {area.id}. {area.label.pl}" in html
    # the answers of a question, counted and as shares, and the previous recommendation
    item = next(i for i in score_file(AFTER).items if i.id == "o1_n1")
    stats = item.by_group["ngo"]
    assert f"raczej dobrze: {stats.distribution['4']} (" in html
    assert "Zapraszać organizacje do zespołów" in html
    assert "Poprzedni etap (2025 · powdrożeniowa)" in html
    assert html.count('class="box"') == 9 * len(q.areas)


def test_the_cards_escape_what_the_files_say(tmp_path):
    folder = round_folder(tmp_path)
    (folder / "metryka.yaml").write_text("jst: <script>alert(1)</script>\nrok: 2025\n", "utf-8")
    [page] = write_grading_pack(folder, [tmp_path / "pakiet.html"])
    html = page.read_text("utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "Poprzedni etap" not in html


PDF_ENGINES = [
    pytest.param(
        "chromium",
        marks=pytest.mark.skipif(
            not any(shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")),
            reason="Chromium is not installed",
        ),
    ),
    pytest.param(
        "weasyprint",
        marks=pytest.mark.skipif(
            importlib.util.find_spec("weasyprint") is None, reason="WeasyPrint is not installed"
        ),
    ),
]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
@pytest.mark.parametrize("engine", PDF_ENGINES)
def test_the_pdf_prints_each_card_on_its_own_page(tmp_path, monkeypatch, engine):
    """A cover, then each area's card starting a page and fitting one A4 page."""
    monkeypatch.setenv("LIWINDEX_PDF_ENGINE", engine)
    [pdf] = write_grading_pack(AFTER, [tmp_path / "pakiet.pdf"], previous=BEFORE)
    q = load_standard()
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) <= 1 + 2 * len(q.areas)
    assert "Jak korzystać" in pages[0]
    starts = [n for n, p in enumerate(pages) if p.lstrip().startswith("Obszar O")]
    assert len(starts) == len(q.areas)
    # every card ends with its grade box before the next card starts
    for n, first in enumerate(starts):
        last = starts[n + 1] if n + 1 < len(starts) else len(pages)
        assert "Ocena grupy roboczej" in "".join(pages[first:last])
        assert last - first <= 2


def test_an_unfilled_workbook_beside_a_graded_file_leaves_its_grades(tmp_path):
    """The workbook written before the meeting, saved beside a file that has its own
    ``oceny``, is no second set of grades."""
    folder = tmp_path / "etap"
    folder.mkdir()
    shutil.copy(BEFORE, folder / "ankiety.xlsx")
    write_grading_pack(folder, [folder / "a-oceny.xlsx"])  # read first, by name
    result = score_file(folder)
    expected = {a: (g.value, g.recommendations) for a, g in score_file(BEFORE).grades.items()}
    assert {a: (g.value, g.recommendations) for a, g in result.grades.items()} == expected
    assert result.index.source == "grades"


def questionnaire_with_checklist(folder: Path, checklist: str) -> Path:
    """The standard questionnaire with ``checklist`` (YAML) under area O1."""
    from liwindex.model.loading import standard_questionnaire_text

    text = standard_questionnaire_text()
    anchor = "      - id: O1\n"
    assert text.count(anchor) == 1
    path = folder / "q.yaml"
    path.write_text(text.replace(anchor, anchor + checklist, 1), "utf-8")
    return path


CHECKLIST = (
    "        checklist:\n"
    "          - {pl: Program współpracy konsultowano z organizacjami, en: The programme was consulted}\n"
    "          - {pl: Organizacje są w zespole piszącym strategię}\n"
)


def test_a_checklist_is_printed_on_its_card_and_in_the_workbook(tmp_path):
    q = questionnaire_with_checklist(tmp_path, CHECKLIST)
    folder = round_folder(tmp_path)
    page, book = write_grading_pack(folder, [tmp_path / "p.html", tmp_path / "p.xlsx"], questionnaire=q)
    html = page.read_text("utf-8")
    assert html.count("Lista kontrolna mechanizmów") == 1
    assert "Program współpracy konsultowano z organizacjami" in html
    assert '<th scope="col" class="tick">częściowo</th>' in html
    wb = openpyxl.load_workbook(book)
    ws = wb["lista kontrolna"]
    assert [c.value for c in ws[1]] == ["obszar", "mechanizm", "odpowiedź", "uwagi"]
    assert [ws.cell(row=r, column=1).value for r in (2, 3)] == ["O1", "O1"]
    [validation] = ws.data_validations.dataValidation
    assert validation.formula1 == '"tak,nie,częściowo"'
    # filled in and put into the folder, the checklist sheet is never read as responses
    wb["oceny"]["C2"] = 4
    ws["C2"] = "tak"
    wb.save(folder / "oceny.xlsx")
    result = score_file(folder, questionnaire=q)
    assert result.grades["O1"].value == 4
    assert result.respondents_total == score_file(
        folder / "organizacje.csv", questionnaire=q
    ).respondents_total + (score_file(folder / "urzad.csv", questionnaire=q).respondents_total)


def test_a_checklist_item_without_polish_is_a_located_error(tmp_path):
    q = questionnaire_with_checklist(tmp_path, "        checklist:\n          - {en: Only English}\n")
    result = CliRunner().invoke(cli, ["questionnaire", "check", str(q)])
    assert result.exit_code == 1
    assert "checklist" in result.output
    assert "Traceback" not in result.output


def test_hostile_checklist_text_is_escaped_and_never_a_formula(tmp_path):
    hostile = "        checklist:\n          - {pl: '=HYPERLINK(\"x\")<img src=x onerror=alert(1)>'}\n"
    q = questionnaire_with_checklist(tmp_path, hostile)
    folder = round_folder(tmp_path)
    page, book = write_grading_pack(folder, [tmp_path / "p.html", tmp_path / "p.xlsx"], questionnaire=q)
    html = page.read_text("utf-8")
    assert "<img" not in html and "&lt;img" in html
    cell = openpyxl.load_workbook(book)["lista kontrolna"]["B2"]
    assert cell.data_type == "s" and cell.quotePrefix
