"""The questionnaire's scoring settings in words: one name and one value per setting, for
people who never read the YAML (``questionnaire show``, and the settings table of a
report's appendix). The YAML keys (``index_range``, ``min_answered``, …) stay in ``--json``
and in the questionnaire file only."""

from __future__ import annotations

import math
from fractions import Fraction
from typing import TYPE_CHECKING

from liwindex.i18n import plural, with_form

if TYPE_CHECKING:
    from liwindex.model.questionnaire import Questionnaire

NAMES: dict[str, dict[str, str]] = {
    "pl": {
        "index_range": "Skala indeksu",
        "aggregation": "Indeks liczony jako",
        "group_weighting": "Grupy liczą się",
        "min_answered": "Wynik obszaru, gdy respondent odpowiedział na co najmniej",
        "min_area_coverage": "Indeks, gdy wynik ma co najmniej",
        "min_group_n": "Wynik orientacyjny, gdy w którejś grupie jest mniej niż",
        "grade_step": "Oceny grupy roboczej",
    },
    "en": {
        "index_range": "Index scale",
        "aggregation": "Index computed as",
        "group_weighting": "Groups count",
        "min_answered": "Area score when the respondent answered at least",
        "min_area_coverage": "The index when a score exists for at least",
        "min_group_n": "Indicative (†) when a group has fewer than",
        "grade_step": "Working-group grades",
    },
}

VALUES: dict[str, dict[str, str]] = {
    "pl": {
        "areas": "średnia obszarów",
        "dimensions": "średnia płaszczyzn (każda to średnia swoich obszarów)",
        "equal": "po równo (średnia wyników grup)",
        "pooled": "według liczby osób (wszyscy respondenci razem)",
        "questions": "{share} pytań obszaru",
        "coverage": "{count} z {total} {areas} ({share})",
        "grades": "od {lo} do {hi} co {step}",
        "range": "{lo}–{hi}",
    },
    "en": {
        "areas": "the mean of the areas",
        "dimensions": "the mean of the dimensions (each the mean of its areas)",
        "equal": "equally (the mean of the group scores)",
        "pooled": "by their number of respondents (all respondents together)",
        "questions": "{share} of its questions",
        "coverage": "{count} of {total} {areas} ({share})",
        "grades": "from {lo} to {hi} in steps of {step}",
        "range": "{lo}–{hi}",
    },
}
_POINTS = ("punkt", "punkty", "punktów")
# "8 z 12 obszarów": after "z" the genitive, whatever the number ("z 1 obszaru")
_OF_AREAS = {"pl": ("obszaru", "obszarów"), "en": ("area", "areas")}


def number(value: float, lang: str = "pl") -> str:
    """``1``, ``0,5``, ``2,25``: no trailing zeros, a decimal comma in Polish."""
    text = f"{value:.6g}"
    return text.replace(".", ",") if lang == "pl" else text


def share(value: float, lang: str = "pl") -> str:
    """A fraction as people write it: ``50%``, ``2/3`` (a simple fraction that a percentage
    would round), ``66,7%``."""
    percent = value * 100
    if abs(percent - round(percent)) < 1e-6:
        return f"{round(percent)}%"
    simple = Fraction(value).limit_denominator(12)
    if math.isclose(float(simple), value, abs_tol=1e-9):
        return f"{simple.numerator}/{simple.denominator}"
    return number(round(percent, 1), lang) + "%"


def _step(step: float, lang: str) -> str:
    """``0,5 punktu``, ``1 punkt``, ``2 punkty``; ``0.5`` in English."""
    if lang != "pl":
        return number(step, lang)
    return with_form(int(step), _POINTS) if step.is_integer() else f"{number(step, lang)} punktu"


def settings_rows(questionnaire: Questionnaire, lang: str = "pl") -> list[tuple[str, str]]:
    """The scoring settings as (name, value in words), in the order a reader needs them."""
    lang = lang if lang in NAMES else "pl"
    names, values = NAMES[lang], VALUES[lang]
    s = questionnaire.scoring
    lo, hi = number(s.lo, lang), number(s.hi, lang)
    areas = len(questionnaire.areas)
    needed = max(1, math.ceil(s.min_area_coverage * areas - 1e-9)) if areas else 0
    coverage = values["coverage"].format(
        count=needed, total=areas, areas=_OF_AREAS[lang][areas != 1], share=share(s.min_area_coverage, lang)
    )
    return [
        (names["index_range"], values["range"].format(lo=lo, hi=hi)),
        (names["aggregation"], values[s.aggregation]),
        (names["group_weighting"], values[s.group_weighting]),
        (names["min_answered"], values["questions"].format(share=share(s.min_answered, lang))),
        (names["min_area_coverage"], coverage),
        (names["min_group_n"], plural(s.min_group_n, "respondent", lang)),
        (names["grade_step"], values["grades"].format(lo=lo, hi=hi, step=_step(s.grade_step, lang))),
    ]
