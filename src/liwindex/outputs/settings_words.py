"""The questionnaire's scoring settings under names people read, with their values in words
— one place for the report's appendix, the Excel method sheet and ``questionnaire show``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from liwindex.i18n import fmt

if TYPE_CHECKING:
    from liwindex.model.questionnaire import Questionnaire

NAMES = {
    "pl": {
        "index_range": "Skala indeksu",
        "grade_step": "Oceny grupy roboczej co",
        "aggregation": "Indeks liczony jako",
        "group_weighting": "Grupy w wyniku obszaru liczą się",
        "min_answered": "Wynik obszaru respondenta, gdy odpowiedział na co najmniej",
        "min_area_coverage": "Indeks podawany, gdy wynik ma co najmniej",
        "min_group_n": "Wynik orientacyjny (†), gdy grupa ma mniej odpowiedzi niż",
    },
    "en": {
        "index_range": "Index scale",
        "grade_step": "Working-group grades in steps of",
        "aggregation": "Index computed as",
        "group_weighting": "Groups in an area's score count",
        "min_answered": "A respondent's area score when they answered at least",
        "min_area_coverage": "Index given when a score exists for at least",
        "min_group_n": "Indicative (†) when a group has fewer answers than",
    },
}

VALUES = {
    "pl": {
        "range": "od {lo} do {hi}",
        "areas": "średnia obszarów",
        "dimensions": "średnia płaszczyzn",
        "equal": "po równo (średnia wyników grup)",
        "pooled": "według liczby osób (średnia wszystkich respondentów)",
        "questions": "{share} pytań obszaru",
        "of_areas": "{share} obszarów",
    },
    "en": {
        "range": "{lo} to {hi}",
        "areas": "the mean of the areas",
        "dimensions": "the mean of the płaszczyzny",
        "equal": "equally (the mean of the group scores)",
        "pooled": "by headcount (the mean of all respondents)",
        "questions": "{share} of the area's questions",
        "of_areas": "{share} of the areas",
    },
}


def settings_rows(questionnaire: Questionnaire, lang: str = "pl") -> list[tuple[str, str]]:
    """(name, value in words) of every scoring setting, numbers with the reader's decimal
    separator."""
    key = "en" if lang == "en" else "pl"
    names, values = NAMES[key], VALUES[key]
    s = questionnaire.scoring

    def share(value: float) -> str:
        return f"{fmt(100 * value, lang, 0 if abs(100 * value - round(100 * value)) < 0.05 else 1)}%"

    return [
        (names["index_range"], values["range"].format(lo=fmt(s.lo, lang, 0), hi=fmt(s.hi, lang, 0))),
        (names["grade_step"], fmt(s.grade_step, lang, 1)),
        (names["aggregation"], values.get(s.aggregation, s.aggregation)),
        (names["group_weighting"], values.get(s.group_weighting, s.group_weighting)),
        (names["min_answered"], values["questions"].format(share=share(s.min_answered))),
        (names["min_area_coverage"], values["of_areas"].format(share=share(s.min_area_coverage))),
        (names["min_group_n"], str(s.min_group_n)),
    ]
