"""``liwindex xlsform``: the questionnaire as an XLSForm for KoboToolbox and ODK.

Question names are the questionnaire's ids and choice names its codes, so the data those
tools export (``group/name`` headers, codes or labels as values) scores with no mapping.
"""

from __future__ import annotations

from pathlib import Path

from liwindex.model.questionnaire import ContextQuestion, Question, Questionnaire
from liwindex.outputs.excel.style import header, layout, marked_workbook, put

PL, EN = "label::Polski (pl)", "label::English (en)"


def _relevant(q: Questionnaire, item: Question | ContextQuestion, group: str | None) -> str:
    """Show a question only to the groups it is asked of (nothing to add for one group)."""
    asked = q.question_groups(item)
    if group is not None or set(asked) == set(q.group_ids):
        return ""
    return " or ".join(f"${{{q.group_question.id}}} = '{g}'" for g in asked)


def write_xlsform(path: Path, q: Questionnaire, group: str | None) -> None:
    """Write the XLSForm (survey, choices and settings sheets)."""
    wb = marked_workbook()
    survey = wb.active
    survey.title = "survey"
    choices = wb.create_sheet("choices")
    settings = wb.create_sheet("settings")
    gq = q.group_question
    rows: list[list[str]] = []
    if group is None:
        text = gq.asked
        rows.append([f"select_one {gq.id}", gq.id, text.pl, text.en or text.pl, "yes", "", ""])
    else:  # one group: the group is a constant, exported as the group column
        rows.append(["calculate", gq.id, "", "", "", "", f"'{group}'"])

    def asked(item: Question | ContextQuestion) -> bool:
        return group is None or group in q.question_groups(item)

    used_scales: list[str] = []

    def question_row(item: Question | ContextQuestion, kind: str, required: bool) -> list[str]:
        if kind.startswith("select") and item.scale and item.scale not in used_scales:
            used_scales.append(item.scale)
        return [
            kind,
            item.id,
            item.text.pl,
            item.text.en or item.text.pl,
            "yes" if required else "",
            _relevant(q, item, group),
            "",
        ]

    for ctx in q.context_questions:
        if ctx.type != "open" and asked(ctx):
            kind = f"select_one {ctx.scale}" if ctx.type == "single" else f"select_multiple {ctx.scale}"
            rows.append(question_row(ctx, kind, False))
    for area in q.areas:
        questions = [x for x in area.questions if asked(x)]
        if not questions:
            continue
        rows.append(["begin_group", area.id, area.label.pl, area.label.en or area.label.pl, "", "", ""])
        rows += [question_row(x, f"select_one {x.scale}", x.required) for x in questions]
        rows.append(["end_group", area.id, "", "", "", "", ""])
    for ctx in q.context_questions:
        if ctx.type == "open" and asked(ctx):
            rows.append(question_row(ctx, "text", False))

    header(survey, 1, ["type", "name", PL, EN, "required", "relevant", "calculation"])
    for r, row in enumerate(rows, 2):
        for c, value in enumerate(row, 1):
            if value:
                put(survey, r, c, value)
    layout(survey, [24, 16, 60, 60, 9, 30, 14])

    header(choices, 1, ["list_name", "name", PL, EN])
    r = 2
    lists = [(gq.id, [(g.id, g.label) for g in q.groups if group is None or g.id == group])]
    lists += [(s, [(c.code, c.label) for c in q.scale_by_id[s].choices]) for s in used_scales]
    for list_name, entries in lists:
        for name, label in entries:
            for c, value in enumerate([list_name, name, label.pl, label.en or label.pl], 1):
                put(choices, r, c, value)
            r += 1
    layout(choices, [16, 16, 50, 50])

    form_id = f"{q.id}-{group}" if group else q.id
    header(settings, 1, ["form_title", "form_id", "version", "default_language"])
    for c, value in enumerate([q.title.pl, form_id, q.version, "Polski (pl)"], 1):
        put(settings, 2, c, value)
    layout(settings, [50, 24, 10, 18], freeze=None)
    wb.save(path)
