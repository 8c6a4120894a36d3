"""``liwindex template``: a workbook for typing in answers (paper surveys, interviews).

Every answer column has a dropdown of the allowed answers, the group column a dropdown of
the groups, ``oceny`` lists every area with a grade dropdown on the grade step, and
``metryka`` asks for the JST, year and round, ``dane`` lists the questionnaire's numeric
indicators for their values. A filled template scores with no mapping.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from liwindex.model.questionnaire import Questionnaire
from liwindex.outputs.excel.style import header, layout, put

ROWS = 1000  # rows prepared with dropdowns
LISTS = "listy"

INSTRUCTIONS = {
    "pl": [
        "Jak wypełnić ten skoroszyt",
        "1. Arkusz „Odpowiedzi”: jeden wiersz = jedna ankieta. W kolumnie „grupa” wybierz, kogo "
        "reprezentuje respondent; w kolumnach pytań wybierz odpowiedź z listy rozwijanej.",
        "2. Puste komórki i „nie wiem / trudno powiedzieć” nie obniżają wyniku: liczą się jako "
        "brak odpowiedzi.",
        "3. Pytania wielokrotnego wyboru: wpisz wybrane odpowiedzi oddzielone przecinkami. "
        "Pytania otwarte: przepisz odpowiedź tak, jak została zapisana.",
        "4. Arkusz „oceny”: po spotkaniu grupy roboczej wpisz ocenę każdego obszaru, "
        "uzasadnienie i rekomendacje.",
        "5. Arkusz „metryka”: nazwa JST, rok i etap oceny (wstępna, powdrożeniowa, roczna), "
        "liczba osób zaproszonych do ankiety (raport poda odsetek odpowiedzi) i kod TERYT JST "
        "(7 cyfr gminy, 4 powiatu, 2 województwa; odróżnia JST o tej samej nazwie).",
        "6. Arkusz „dane”: dane liczbowe ze sprawozdania z realizacji programu współpracy "
        "(liczba konkursów, kwoty dotacji…). Wpisz wartość w kolumnie „wartosc” (kwoty w zł, "
        "odsetki w %), puste wiersze pomiń. Pokazujemy je obok wyników ankiety; nie wchodzą do "
        "indeksu.",
        "7. Nie zmieniaj nagłówków ani nazw arkuszy. Sprawdź plik poleceniem: "
        "liwindex validate PLIK; policz wyniki: liwindex score PLIK.",
    ],
    "en": [
        "How to fill in this workbook",
        "1. Sheet 'Odpowiedzi': one row = one questionnaire. In the 'grupa' column choose whom "
        "the respondent represents; in the question columns pick the answer from the list.",
        "2. Blank cells and 'don't know' do not lower the score: they count as no answer.",
        "3. Multiple choice: type the chosen answers separated by commas. Open questions: "
        "copy the answer as written.",
        "4. Sheet 'oceny': after the working group meets, enter each area's grade, the "
        "justification and recommendations.",
        "5. Sheet 'metryka': the local government's name, the year, the round, the number of "
        "people invited to the survey (the report gives the response rate) and the TERYT code "
        "(7 digits a gmina, 4 a powiat, 2 a województwo; it tells apart JSTs of one name).",
        "6. Sheet 'dane': the numeric data of the yearly report on the cooperation programme "
        "(number of competitions, grant amounts…). Enter each value in the 'wartosc' column "
        "(amounts in PLN, shares in %); leave unknown rows blank. They are shown beside the "
        "survey results and never enter the index.",
        "7. Do not change the headers or sheet names. Check the file with: liwindex validate "
        "FILE; compute the results with: liwindex score FILE.",
    ],
}


def _dropdown(ws: Worksheet, source: str, cells: str, lang: str) -> None:
    validation = DataValidation(type="list", formula1=source, allow_blank=True)
    validation.error = "Wybierz odpowiedź z listy." if lang == "pl" else "Choose an answer from the list."
    validation.errorTitle = "liwindex"
    validation.showErrorMessage = True
    ws.add_data_validation(validation)
    validation.add(cells)


def write_template(path: Path, q: Questionnaire, group: str | None, lang: str) -> None:
    """Write the typing-in template for ``q`` (only ``group``'s questions when given)."""
    wb = Workbook()
    answers = wb.active
    answers.title = "Odpowiedzi"
    grades = wb.create_sheet("oceny")
    meta = wb.create_sheet("metryka")
    data = wb.create_sheet("dane") if q.indicators else None
    guide = wb.create_sheet("Instrukcja")
    lists = wb.create_sheet(LISTS)
    lists.sheet_state = "hidden"

    groups = [g for g in q.groups if group is None or g.id == group]
    columns: list[tuple[str, str]] = []  # (list name or "", header)
    columns.append(("grupa", q.group_question.id))
    for ctx in q.context_questions:
        if ctx.type != "open" and (group is None or group in q.question_groups(ctx)):
            dropdown = ctx.scale if ctx.type == "single" and ctx.scale else ""
            columns.append((dropdown, f"[{ctx.id}] {ctx.text.get(lang)}"))
    for x in q.questions:
        if group is None or group in q.question_groups(x):
            columns.append((x.scale, f"[{x.id}] {x.text.get(lang)}"))
    for ctx in q.context_questions:
        if ctx.type == "open" and (group is None or group in q.question_groups(ctx)):
            columns.append(("", f"[{ctx.id}] {ctx.text.get(lang)}"))

    # The hidden sheet holds the dropdown lists, one column each.
    ranges: dict[str, str] = {}
    list_columns: list[tuple[str, list[str | float]]] = [("grupa", [g.label.get(lang) for g in groups])]
    list_columns += [(s.id, [c.label.get(lang) for c in s.choices]) for s in q.scales]
    steps = round((q.scoring.hi - q.scoring.lo) / q.scoring.grade_step)
    list_columns.append(("ocena", [q.scoring.lo + i * q.scoring.grade_step for i in range(steps + 1)]))
    list_columns.append(("etap", ["wstępna", "powdrożeniowa", "roczna"]))
    for col, (name, values) in enumerate(list_columns, 1):
        letter = get_column_letter(col)
        put(lists, 1, col, name, bold=True)
        for row, value in enumerate(values, 2):
            put(lists, row, col, value)
        ranges[name] = f"={LISTS}!${letter}$2:${letter}${len(values) + 1}"

    header(answers, 1, [title for _, title in columns])
    answers.row_dimensions[1].height = 120
    for col, (list_name, _) in enumerate(columns, 1):
        letter = get_column_letter(col)
        if list_name:
            _dropdown(answers, ranges[list_name], f"{letter}2:{letter}{ROWS + 1}", lang)
    layout(answers, [26] + [24] * (len(columns) - 1), freeze="B2", landscape=True)

    header(grades, 1, ["obszar", "nazwa", "ocena", "uzasadnienie", "rekomendacje"])
    for row, area in enumerate(q.areas, 2):
        put(grades, row, 1, area.id)
        put(grades, row, 2, area.label.get(lang), wrap=True)
    _dropdown(grades, ranges["ocena"], f"C2:C{len(q.areas) + 1}", lang)
    layout(grades, [8, 50, 10, 50, 50], landscape=True)

    for row, key in enumerate(("jst", "rok", "etap", "zaproszonych", "teryt"), 1):
        put(meta, row, 1, key, bold=True)
    _dropdown(meta, ranges["etap"], "B3", lang)
    layout(meta, [10, 40], freeze=None)

    if data is not None:
        header(data, 1, ["wskaznik", "nazwa", "jednostka", "wartosc", "uwagi"])
        units = {"count": "liczba", "PLN": "zł", "percent": "%"}
        for row, indicator in enumerate(q.indicators, 2):
            put(data, row, 1, indicator.id)
            put(data, row, 2, f"{indicator.label.get(lang)} ({indicator.place})", wrap=True)
            put(data, row, 3, units[indicator.unit])
            if indicator.unit == "percent":  # Excel would store a typed "0,9%" as 0.009
                data.cell(row=row, column=4).number_format = "@"
        layout(data, [28, 60, 10, 16, 40], landscape=True)

    for row, line in enumerate(INSTRUCTIONS.get(lang, INSTRUCTIONS["pl"]), 1):
        put(guide, row, 1, line, wrap=True)
    guide.cell(row=1, column=1).font = Font(bold=True, size=14)
    layout(guide, [110], freeze=None)
    wb.save(path)
