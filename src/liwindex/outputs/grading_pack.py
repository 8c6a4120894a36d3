"""The working group's meeting pack (``grading-pack``): the grades workbook ready to fill
(read back as the round's ``oceny``) and the printable page with one card per area."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation

from liwindex.outputs.excel.style import SCORE, header, layout, put
from liwindex.outputs.numeric_block import area_data_block
from liwindex.responses.grades import CHECKLIST_SHEET

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


CHECK_ANSWERS = {"pl": ("tak", "nie", "częściowo"), "en": ("yes", "no", "partly")}


def _checklist_sheet(wb: Workbook, q: Questionnaire, lang: str) -> None:
    """The sheet of the areas' checklists (``checklist:`` in the questionnaire), each item
    answered tak / nie / częściowo from a dropdown; none when no area has a checklist."""
    items = [(area, item) for area in q.areas for item in area.checklist]
    if not items:
        return
    ws = wb.create_sheet(CHECKLIST_SHEET)
    words = {
        "pl": ("obszar", "mechanizm", "odpowiedź", "uwagi"),
        "en": ("area", "mechanism", "answer", "notes"),
    }
    header(ws, 1, words.get(lang, words["pl"]))
    for row, (area, item) in enumerate(items, 2):
        put(ws, row, 1, area.id)
        put(ws, row, 2, item.get(lang), wrap=True)
    answers = CHECK_ANSWERS.get(lang, CHECK_ANSWERS["pl"])
    validation = DataValidation(type="list", formula1='"' + ",".join(answers) + '"', allow_blank=True)
    validation.error = " / ".join(answers)
    validation.errorTitle = "liwindex"
    validation.showErrorMessage = True
    ws.add_data_validation(validation)
    validation.add(f"C2:C{len(items) + 1}")
    layout(ws, [8, 60, 12, 40], landscape=True)


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

    _checklist_sheet(wb, q, lang)

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


_HTML_WORDS = {
    "pl": {
        "title": "Materiały na spotkanie grupy roboczej",
        "round": "Etap oceny",
        "respondents": "Ankiety wypełniło {n} osób: {groups}.",
        "how": "Jak korzystać z tych materiałów",
        "who": "Kto się spotyka: grupa robocza, czyli przedstawiciele urzędu, radni i organizacje "
        "pozarządowe, którzy razem oceniają współpracę samorządu z organizacjami.",
        "what": "Co oglądacie: dla każdego obszaru współpracy jedna karta. Na karcie są pytania "
        "ankiety z tego obszaru i to, jak odpowiadały na nie organizacje i administracja (liczba "
        "odpowiedzi i udział), średnie obu grup i różnica między nimi{previous}.",
        "what_previous": " oraz ocena i rekomendacje grupy roboczej z poprzedniego etapu",
        "scale": "Jak oceniać: po omówieniu obszaru uzgodnijcie jedną ocenę w skali od {lo} do {hi}, "
        "co {step} ({lo} – współpraca nie działa, {hi} – działa bardzo dobrze). Wynik ankiet to "
        "podpowiedź, nie obowiązek: ocena może się od niego różnić, jeśli grupa zna powody.",
        "where": "Gdzie zapisać ocenę: zaznaczcie ją w ramce na dole karty i zapiszcie krótkie "
        "uzasadnienie i rekomendacje. Potem przepiszcie je do arkusza ocen (liwindex grading-pack "
        "… -o oceny.xlsx, arkusz „oceny”), a plik zapiszcie w folderze etapu obok ankiet. "
        "Polecenie liwindex score policzy wtedy indeks z ocen grupy roboczej.",
        "areas": "Obszary",
        "area": "Obszar",
        "dimension": "Płaszczyzna",
        "means": "Średnie obszaru",
        "group": "Grupa",
        "mean": "Średnia",
        "n": "Liczba osób",
        "gap": "Różnica: organizacje minus administracja",
        "survey": "Wynik ankiet (obie grupy)",
        "questions": "Pytania i odpowiedzi",
        "question": "Pytanie",
        "answers": "Odpowiedzi: liczba (udział)",
        "no_answers": "brak odpowiedzi",
        "asked": "pyta: {groups}",
        "previous": "Poprzedni etap ({round})",
        "previous_grade": "Ocena grupy roboczej",
        "justification": "Uzasadnienie",
        "recommendations": "Rekomendacje",
        "no_previous": "W poprzednim etapie grupa robocza nie oceniła tego obszaru.",
        "grade_box": "Ocena grupy roboczej",
        "grade_pick": "Zaznaczcie jedną ocenę:",
        "checklist": "Lista kontrolna mechanizmów",
        "mechanism": "Mechanizm",
        "none": "—",
    },
    "en": {
        "title": "Materials for the working group's meeting",
        "round": "Round",
        "respondents": "{n} people answered the survey: {groups}.",
        "how": "How to use these materials",
        "who": "Who meets: the working group, officials, councillors and NGOs, who assess the "
        "cooperation of the local government with NGOs together.",
        "what": "What you look at: one card per area of cooperation. It shows the area's survey "
        "questions and how NGOs and the administration answered them (counts and shares), both "
        "groups' means and the gap between them{previous}.",
        "what_previous": ", and the previous round's grade and recommendations",
        "scale": "How to grade: when the area has been discussed, agree one grade from {lo} to "
        "{hi} in steps of {step} ({lo}: cooperation does not work, {hi}: it works very well). "
        "The survey score is a hint, not a rule: the grade may differ when the group knows why.",
        "where": "Where to write it: tick it in the box at the bottom of the card and write a "
        "short justification and recommendations. Then copy them into the grades workbook "
        "(liwindex grading-pack … -o oceny.xlsx, sheet 'oceny') and save it in the round's "
        "folder beside the surveys: liwindex score then computes the index from the grades.",
        "areas": "Areas",
        "area": "Area",
        "dimension": "Płaszczyzna",
        "means": "The area's means",
        "group": "Group",
        "mean": "Mean",
        "n": "People",
        "gap": "Gap: NGOs minus administration",
        "survey": "Survey score (both groups)",
        "questions": "Questions and answers",
        "question": "Question",
        "answers": "Answers: count (share)",
        "no_answers": "no answers",
        "asked": "asked of: {groups}",
        "previous": "Previous round ({round})",
        "previous_grade": "Working group's grade",
        "justification": "Justification",
        "recommendations": "Recommendations",
        "no_previous": "The working group did not grade this area in the previous round.",
        "grade_box": "The working group's grade",
        "grade_pick": "Tick one grade:",
        "checklist": "Checklist of mechanisms",
        "mechanism": "Mechanism",
        "none": "—",
    },
}

_CSS = (
    "body{font-family:Calibri,Carlito,'Segoe UI',Arial,sans-serif;color:#1f1f1f;"
    "max-width:50rem;margin:1.5rem auto;padding:0 1rem;line-height:1.4}"
    "h1{font-size:1.5rem}h2{font-size:1.2rem;margin:0 0 .3rem}h3{font-size:1rem;margin:.8rem 0 .3rem}"
    "table{border-collapse:collapse;width:100%;margin:.2rem 0}"
    "th,td{border:1px solid #767676;padding:.15rem .35rem;text-align:left;vertical-align:top}"
    "td.num,th.num{text-align:right;white-space:nowrap}th[scope=row]{font-weight:normal}"
    "thead th{background:#e7e6e6}.dim{margin:0 0 .4rem;color:#444}"
    ".answers{margin:0;padding:0;list-style:none}.answers li{display:inline-block;margin-right:.7rem}"
    ".asked{color:#444;font-size:.85rem}"
    ".grade{border:2px solid #1f1f1f;padding:.4rem .6rem;margin-top:.8rem;break-inside:avoid;"
    "page-break-inside:avoid}.grade h3{margin-top:0}"
    ".boxes{margin:.2rem 0 .5rem;padding:0;list-style:none}"
    ".boxes li{display:inline-block;margin-right:.9rem}"
    ".box{display:inline-block;width:.9rem;height:.9rem;border:1.5px solid #1f1f1f;"
    "vertical-align:-.15rem;margin-right:.25rem}"
    ".lines{border-bottom:1px solid #767676;height:1.6rem}"
    ".previous{background:#f3f3f3;padding:.3rem .6rem;border-left:4px solid #767676}"
    ".previous p{margin:.2rem 0}"
    ".tick{text-align:center;width:5.5rem}.checklist .box{margin:0}"
    ".card{margin-top:2rem}td p{margin:0 0 .1rem}td ul+p{margin-top:.25rem}"
    "@media print{body{max-width:none;margin:0;padding:0;font-size:9.5pt;line-height:1.25}"
    "h1{font-size:16pt}h2{font-size:13pt}h3{font-size:10.5pt;margin:.5rem 0 .2rem}"
    ".grade{margin-top:.5rem;padding:.3rem .6rem}.grade p{margin:.2rem 0}.lines{height:1.3rem}"
    ".card{break-before:page;page-break-before:always;margin-top:0}"
    "table{font-size:8.5pt}thead{display:table-header-group}tr{break-inside:avoid;page-break-inside:avoid}}"
    "@page{size:A4;margin:1.4cm 1.5cm}"
)


def pack_html(result: ScoreResult, previous: ScoreResult | None, lang: str = "pl") -> str:
    """The printable meeting pack: a cover saying how to use it, then one card per area
    (page break before each) with the questions' answers per group, the groups' means and
    their gap, the previous round's grade and recommendations, and a box for the grade."""
    from html import escape

    from liwindex.compare.comparison import round_label
    from liwindex.i18n import fmt, fmt_signed

    q = result.questionnaire
    assert q is not None
    words = _HTML_WORDS.get(lang, _HTML_WORDS["pl"])
    lang = "en" if lang == "en" else "pl"
    scoring = q.scoring
    bounds = {"lo": fmt(scoring.lo, lang, 0), "hi": fmt(scoring.hi, lang, 0)}
    bounds["step"] = f"{scoring.grade_step:g}".replace(".", "," if lang == "pl" else ".")
    labels = q.group_labels(lang)
    groups = q.group_ids
    jst = str(result.meta.get("jst") or "")
    subject = " · ".join(x for x in (jst, round_label(result, lang)) if x)
    who = ", ".join(f"{labels.get(g, g)}: {n}" for g, n in result.respondents_by_group.items())

    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="liwindex">',
        f"<title>{escape(words['title'])} – {escape(subject)}</title>",
        f"<style>{_CSS}</style></head><body><main>",
        '<section class="cover" aria-labelledby="cover">',
        f'<h1 id="cover">{escape(words["title"])}</h1>',
        f"<p><strong>{escape(subject)}</strong></p>",
        f"<p>{escape(words['respondents'].format(n=result.respondents_total, groups=who))}</p>",
        f"<h2>{escape(words['how'])}</h2>",
        "<ol>",
        f"<li>{escape(words['who'])}</li>",
        f"<li>{escape(words['what'].format(previous=words['what_previous'] if previous else ''))}</li>",
        f"<li>{escape(words['scale'].format(**bounds))}</li>",
        f"<li>{escape(words['where'])}</li>",
        "</ol>",
        f"<h2>{escape(words['areas'])}</h2><ol>",
    ]
    out += [f"<li>{escape(a.id)}. {escape(a.label.get(lang) or a.label['pl'])}</li>" for a in result.areas]
    out.append("</ol></section>")

    items = {i.id: i for i in result.items}
    dimensions = {d.id: d.label.get(lang) or d.label["pl"] for d in result.dimensions}
    grades_allowed = allowed_grades(q)
    for n, area in enumerate(result.areas, 1):
        name = area.label.get(lang) or area.label["pl"]
        out.append(f'<section class="card" aria-labelledby="area{n}">')
        out.append(f'<h2 id="area{n}">{escape(words["area"])} {escape(area.id)}. {escape(name)}</h2>')
        out.append(
            f'<p class="dim">{escape(words["dimension"])}: {escape(dimensions.get(area.dimension, ""))}</p>'
        )
        # the groups' means and their gap
        out.append(f"<h3>{escape(words['means'])}</h3>")
        out.append(
            f'<table><thead><tr><th scope="col">{escape(words["group"])}</th>'
            f'<th scope="col" class="num">{escape(words["mean"])}</th>'
            f'<th scope="col" class="num">{escape(words["n"])}</th></tr></thead><tbody>'
        )
        for g in groups:
            out.append(
                f'<tr><th scope="row">{escape(labels.get(g, g))}</th>'
                f'<td class="num">{fmt(area.by_group.get(g), lang)}</td>'
                f'<td class="num">{area.n_by_group.get(g, 0)}</td></tr>'
            )
        if len(groups) >= 2:
            a, b = area.by_group.get(groups[0]), area.by_group.get(groups[1])
            gap = fmt_signed(a - b, lang) if a is not None and b is not None else words["none"]
            out.append(
                f'<tr><th scope="row">{escape(words["gap"])}</th><td class="num">{gap}</td><td></td></tr>'
            )
        out.append(
            f'<tr><th scope="row">{escape(words["survey"])}</th>'
            f'<td class="num">{fmt(area.survey, lang)}</td><td class="num">{area.n}</td></tr>'
        )
        out.append("</tbody></table>")
        # the questions and the answers of each group asked
        out.append(f"<h3>{escape(words['questions'])}</h3>")
        out.append(
            f'<table><thead><tr><th scope="col">{escape(words["question"])}</th>'
            f'<th scope="col">{escape(words["answers"])}</th></tr></thead><tbody>'
        )
        for x in q.questions:
            if q.question_area.get(x.id) != area.id:
                continue
            item = items.get(x.id)
            scale = q.scale_by_id[x.scale]
            cells = []
            for g in q.question_groups(x):
                stats = item.by_group.get(g) if item is not None else None
                total = sum(stats.distribution.values()) if stats is not None else 0
                head = f"<strong>{escape(labels.get(g, g))}</strong>"
                if stats is not None:
                    head += f" (n = {stats.n}, {escape(words['mean'].lower())} {fmt(stats.mean, lang)})"
                if not total or stats is None:
                    cells.append(f"<p>{head}: {escape(words['no_answers'])}</p>")
                    continue
                shares = "".join(
                    f"<li>{escape(c.label.get(lang))}: {stats.distribution.get(c.code, 0)} "
                    f"({fmt(100 * stats.distribution.get(c.code, 0) / total, lang, 0)}%)</li>"
                    for c in scale.choices
                )
                cells.append(f'<p>{head}</p><ul class="answers">{shares}</ul>')
            out.append(f'<tr><th scope="row">{escape(x.text.get(lang))}</th><td>{"".join(cells)}</td></tr>')
        out.append("</tbody></table>")
        # the area's numeric data (dane liczbowe), when the round carries them
        out += area_data_block(result, previous, area.id, lang)
        if previous is not None:
            out += _previous_block(previous, area.id, words, lang)
        out += _checklist_block(q, area.id, words, lang)
        # the box for the grade
        boxes = "".join(
            f'<li><span class="box" aria-hidden="true"></span>{fmt(v, lang, 1)}</li>' for v in grades_allowed
        )
        out.append(
            f'<div class="grade"><h3>{escape(words["grade_box"])}</h3>'
            f'<p>{escape(words["grade_pick"])}</p><ul class="boxes">{boxes}</ul>'
            f"<p>{escape(words['justification'])}:</p>"
            '<div class="lines"></div><div class="lines"></div><div class="lines"></div>'
            f"<p>{escape(words['recommendations'])}:</p>"
            '<div class="lines"></div><div class="lines"></div></div>'
        )
        out.append("</section>")
    out.append("</main></body></html>")
    return "\n".join(out)


def _previous_block(previous: ScoreResult, area: str, words: dict[str, str], lang: str) -> list[str]:
    """The previous round's grade, justification and recommendations of ``area``."""
    from html import escape

    from liwindex.compare.comparison import round_label
    from liwindex.i18n import fmt

    heading = words["previous"].format(round=round_label(previous, lang))
    out = [f'<div class="previous"><h3>{escape(heading)}</h3>']
    grade = previous.grades.get(area)
    if grade is None or grade.value is None:
        out.append(f"<p>{escape(words['no_previous'])}</p>")
    else:
        value = fmt(grade.value, lang, 1)
        out.append(f"<p><strong>{escape(words['previous_grade'])}: {value}</strong></p>")
        for key, text in (("justification", grade.justification), ("recommendations", grade.recommendations)):
            if text:
                out.append(f"<p>{escape(words[key])}: {escape(text)}</p>")
    out.append("</div>")
    return out


def _checklist_block(q: Questionnaire, area_id: str, words: dict[str, str], lang: str) -> list[str]:
    """The area's checklist, each mechanism with boxes for tak / nie / częściowo."""
    from html import escape

    area = next(a for a in q.areas if a.id == area_id)
    if not area.checklist:
        return []
    answers = CHECK_ANSWERS.get(lang, CHECK_ANSWERS["pl"])
    box = '<span class="box" aria-hidden="true"></span>'
    out = [
        f'<h3>{escape(words["checklist"])}</h3><table class="checklist"><thead><tr>'
        f'<th scope="col">{escape(words["mechanism"])}</th>'
        + "".join(f'<th scope="col" class="tick">{escape(a)}</th>' for a in answers)
        + "</tr></thead><tbody>"
    ]
    for item in area.checklist:
        out.append(
            f'<tr><th scope="row">{escape(item.get(lang))}</th>'
            + "".join(f'<td class="tick">{box}</td>' for _ in answers)
            + "</tr>"
        )
    out.append("</tbody></table>")
    return out
