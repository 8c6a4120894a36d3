"""The working group's meeting pack (``grading-pack``): the grades workbook ready to fill
(read back as the round's ``oceny``) and the printable page with one card per area."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation

from liwindex.outputs.excel.style import SCORE, header, layout, put

if TYPE_CHECKING:
    from liwindex.model.questionnaire import Questionnaire
    from liwindex.scoring.results import ScoreResult

INSTRUCTIONS_SHEET = "Instrukcja"  # see INSTRUCTION_SHEETS in responses.grades

_XLSX_WORDS = {
    "pl": {
        "name": "nazwa obszaru",
        "survey": "wynik ankiet",
        "ngo_admin": "NGO / administracja",
        "previous": "poprzednia ocena",
        "grades_list": "dozwolone oceny",
        "pick": "Wybierz ocenę z listy (skala {lo}–{hi}, co {step}).",
    },
    "en": {
        "name": "area name",
        "survey": "survey score",
        "ngo_admin": "NGOs / administration",
        "previous": "previous grade",
        "grades_list": "allowed grades",
        "pick": "Choose a grade from the list (scale {lo}–{hi}, in steps of {step}).",
    },
}
_LINES = {
    "pl": [
        "Jak wypełnić ten arkusz",
        "1. Arkusz „oceny”: jeden wiersz to jeden obszar współpracy. Po omówieniu obszaru na "
        "spotkaniu grupy roboczej wybierz z listy w kolumnie „ocena” ocenę, na którą grupa się "
        "zgodziła (skala {lo}–{hi}, co {step}).",
        "2. W kolumnie „uzasadnienie” zapisz krótko, dlaczego grupa wybrała tę ocenę (na "
        "podstawie ankiet, danych liczbowych i dyskusji). W kolumnie „rekomendacje” zapisz, "
        "co warto zmienić do następnej oceny.",
        "3. Kolumny „wynik ankiet” i „poprzednia ocena” są tylko pomocą: program ich nie "
        "czyta. Obszar bez oceny zostaje oceniony tylko na podstawie ankiet.",
        "4. Arkusz „metryka” jest wypełniony danymi tego etapu oceny. Nie zmieniaj go.",
        "5. Nie zmieniaj nazw arkuszy ani nagłówków. Zapisz plik w folderze etapu oceny, obok "
        "plików z ankietami, i policz wyniki: liwindex score FOLDER. Gdy wszystkie obszary mają "
        "ocenę, indeks liczy się z ocen grupy roboczej.",
    ],
    "en": [
        "How to fill in this workbook",
        "1. Sheet 'oceny': one row is one area of cooperation. When the working group has "
        "discussed the area, choose the grade it agreed on from the list in the 'ocena' "
        "column (scale {lo}–{hi}, in steps of {step}).",
        "2. In 'uzasadnienie' write briefly why the group chose this grade; in 'rekomendacje' "
        "what should change before the next assessment.",
        "3. The 'survey score' and 'previous grade' columns are only a help: liwindex does "
        "not read them. An area without a grade is scored from the surveys alone.",
        "4. The 'metryka' sheet holds this round's details. Do not change it.",
        "5. Do not rename the sheets or headers. Save the file in the round's folder beside "
        "the survey files and run: liwindex score FOLDER. When every area has a grade, the "
        "index is computed from the working group's grades.",
    ],
}


def _num(value: float) -> str:
    return f"{value:g}"


def allowed_grades(q: Questionnaire) -> list[float]:
    """Every grade on the questionnaire's ``grade_step`` within its ``index_range``."""
    scoring = q.scoring
    steps = round((scoring.hi - scoring.lo) / scoring.grade_step)
    return [round(scoring.lo + i * scoring.grade_step, 6) for i in range(steps + 1)]


def write_grades_workbook(
    path: Path, result: ScoreResult, previous: ScoreResult | None, lang: str = "pl"
) -> None:
    """The grades workbook: sheet ``oceny`` (obszar, ocena with a dropdown of the allowed
    grades, uzasadnienie, rekomendacje, and columns the reader passes over), ``metryka``
    filled in from the round and the instructions. It is not marked as liwindex's own
    output: it is filled in and read back as the round's grades."""
    q = result.questionnaire
    assert q is not None
    words = _XLSX_WORDS.get(lang, _XLSX_WORDS["pl"])
    scoring = q.scoring
    bounds = {"lo": _num(scoring.lo), "hi": _num(scoring.hi), "step": _num(scoring.grade_step)}
    wb = Workbook()
    grades = wb.active
    assert grades is not None
    grades.title = "oceny"
    meta = wb.create_sheet("metryka")
    guide = wb.create_sheet(INSTRUCTIONS_SHEET)

    values = allowed_grades(q)
    put(guide, 1, 3, words["grades_list"], bold=True)
    for row, value in enumerate(values, 2):
        put(guide, row, 3, value)
    source = f"'{INSTRUCTIONS_SHEET}'!$C$2:$C${len(values) + 1}"

    titles = ["obszar", words["name"], "ocena", "uzasadnienie", "rekomendacje", words["survey"]]
    titles.append(words["ngo_admin"])
    if previous is not None:
        titles.append(words["previous"])
    header(grades, 1, titles)
    before = {g.area: g for g in previous.grades.values()} if previous is not None else {}
    groups = q.group_ids
    for row, area in enumerate(result.areas, 2):
        put(grades, row, 1, area.id)
        put(grades, row, 2, area.label.get(lang) or area.label["pl"], wrap=True)
        put(grades, row, 6, area.survey, SCORE)
        means = [area.by_group.get(g) for g in groups[:2]]
        put(grades, row, 7, " / ".join("–" if m is None else f"{m:.2f}" for m in means))
        if previous is not None and area.id in before:
            put(grades, row, 8, before[area.id].value, SCORE)
    validation = DataValidation(type="list", formula1=source, allow_blank=True)
    validation.error = words["pick"].format(**bounds)
    validation.errorTitle = "liwindex"
    validation.showErrorMessage = True
    validation.prompt = words["pick"].format(**bounds)
    validation.showInputMessage = True
    grades.add_data_validation(validation)
    validation.add(f"C2:C{len(result.areas) + 1}")
    layout(grades, [8, 46, 9, 50, 50, 11, 16, 11][: len(titles)], landscape=True)

    m = result.meta
    rows = [("jst", m.get("jst")), ("teryt", m.get("teryt")), ("rok", m.get("rok")), ("etap", m.get("etap"))]
    if m.get("zaproszonych"):
        rows.append(("zaproszonych", m.get("zaproszonych")))
    for row, (key, given) in enumerate(rows, 1):
        put(meta, row, 1, key, bold=True)
        put(meta, row, 2, None if given is None else str(given) if key == "teryt" else given)
    layout(meta, [14, 40], freeze=None)

    for row, line in enumerate(_LINES.get(lang, _LINES["pl"]), 1):
        put(guide, row, 1, line.format(**bounds), wrap=True)
    guide.cell(row=1, column=1).font = Font(bold=True, size=14)
    layout(guide, [100, 2, 16], freeze=None)
    wb.save(path)
