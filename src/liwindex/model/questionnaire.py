"""The questionnaire: pydantic models of the YAML format (SPEC §3) and lookups on them.

Areas, questions and wording are data; nothing about the standard LIJW questionnaire is
hard-coded here. Structural rules (types, required fields) live in the models; the rules
that need the whole document (references, duplicates) are checked in
:mod:`liwindex.model.loading`, which reports every problem with its YAML line.
"""

from __future__ import annotations

from fractions import Fraction
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

if TYPE_CHECKING:
    from liwindex.model.tables import QuestionTables

# Ids end up in XLSForm expressions, column headers and file names: letters, digits and
# "_" only, starting with a letter (o1_n1, O1, P1, ngo).
IDENTIFIER = r"^[A-Za-z][A-Za-z0-9_]{0,63}$"
QUESTIONNAIRE_ID = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"


class _Model(BaseModel):
    # inf and nan (YAML .inf, 1e400) are never valid settings: they would end in overflow.
    # defer_build: the validators are built when a questionnaire is first validated, not at
    # import — a run that loads the standard questionnaire from its cache never builds them.
    model_config = ConfigDict(
        extra="forbid", frozen=True, coerce_numbers_to_str=True, allow_inf_nan=False, defer_build=True
    )


class Text(_Model):
    """A text in Polish with an optional English version (Polish is used when it is missing)."""

    pl: str = Field(min_length=1)
    en: str | None = None

    def get(self, lang: str = "pl") -> str:
        """The text in ``lang``, falling back to Polish."""
        return (self.en or self.pl) if lang == "en" else self.pl

    def to_dict(self) -> dict[str, str]:
        """Both language versions, English filled from Polish when absent."""
        return {"pl": self.pl, "en": self.en or self.pl}


class Scoring(_Model):
    """How survey answers become scores (SPEC §2)."""

    index_range: tuple[float, float] = (1.0, 5.0)
    grade_step: float = Field(default=0.5, gt=0)
    aggregation: Literal["areas", "dimensions"] = "areas"
    group_weighting: Literal["equal", "pooled"] = "equal"
    min_answered: float = Field(default=0.5, gt=0, le=1)
    min_area_coverage: float = Field(default=2 / 3, ge=0, le=1)
    # an area score resting on fewer respondents of an asked group is provisional and gets
    # no interval and no significance mark (SPEC §2, Small samples)
    min_group_n: int = Field(default=5, ge=1, le=10_000)

    @field_validator("min_area_coverage", "min_answered", mode="before")
    @classmethod
    def _fraction(cls, value: Any) -> Any:
        # "2/3" is allowed: a rounded decimal such as 0.667 would exclude 8 of 12 areas.
        if isinstance(value, str) and "/" in value:
            try:
                return float(Fraction(value.replace(" ", "")))
            except (ValueError, ZeroDivisionError, OverflowError):  # 10**400/1: not a float
                return value
        return value

    @property
    def lo(self) -> float:
        """Lowest value of the index range."""
        return self.index_range[0]

    @property
    def hi(self) -> float:
        """Highest value of the index range."""
        return self.index_range[1]


class Group(_Model):
    """A respondent group, e.g. NGO representatives or the administration."""

    id: str = Field(pattern=IDENTIFIER)
    label: Text
    aliases: tuple[str, ...] = ()


class Choice(_Model):
    """One answer of a scale: a code, labels, and points or ``na`` (counts as missing)."""

    code: str = Field(min_length=1)
    label: Text
    points: float | None = None
    na: bool = False
    aliases: tuple[str, ...] = ()


class Scale(_Model):
    """A named list of choices shared by questions."""

    id: str = Field(pattern=IDENTIFIER)
    choices: tuple[Choice, ...] = Field(min_length=1)

    @property
    def scored(self) -> tuple[Choice, ...]:
        """Choices that carry points."""
        return tuple(c for c in self.choices if not c.na and c.points is not None)

    @property
    def pmin(self) -> float:
        """Lowest points of the scale."""
        return min(c.points for c in self.scored if c.points is not None)

    @property
    def pmax(self) -> float:
        """Highest points of the scale."""
        return max(c.points for c in self.scored if c.points is not None)


class Question(_Model):
    """A scored question of an area."""

    id: str = Field(pattern=IDENTIFIER)
    text: Text
    scale: str
    groups: tuple[str, ...] | None = None
    weight: float = Field(default=1.0, ge=1e-6, le=1e6)
    reverse: bool = False
    required: bool = False
    aliases: tuple[str, ...] = ()


class Area(_Model):
    """An area (obszar) with its scored questions."""

    id: str = Field(pattern=IDENTIFIER)
    label: Text
    questions: tuple[Question, ...] = ()
    # mechanisms the working group checks off (tak / nie / częściowo) on the area's card
    checklist: tuple[Text, ...] = Field(default=(), max_length=50)


class Dimension(_Model):
    """A płaszczyzna grouping areas."""

    id: str = Field(pattern=IDENTIFIER)
    label: Text
    areas: tuple[Area, ...] = ()


class ContextQuestion(_Model):
    """An unscored question: context (single or multiple choice) or open text."""

    id: str = Field(pattern=IDENTIFIER)
    type: Literal["single", "multi", "open"]
    text: Text
    scale: str | None = None
    groups: tuple[str, ...] | None = None
    aliases: tuple[str, ...] = ()


INDICATOR_UNITS = ("count", "PLN", "percent")


class Indicator(_Model):
    """A numeric indicator (dane liczbowe) a round reports beside the survey, e.g. the number
    of open competitions; it informs an area or a płaszczyzna and never enters the index."""

    id: str = Field(pattern=IDENTIFIER)
    label: Text
    unit: Literal["count", "PLN", "percent"]
    area: str | None = Field(default=None, pattern=IDENTIFIER)
    dimension: str | None = Field(default=None, pattern=IDENTIFIER)
    higher_is_better: bool | None = None
    min: float | None = None
    max: float | None = None

    @field_validator("min", "max", mode="before")
    @classmethod
    def _bound(cls, value: Any) -> Any:
        # a bound is a number; True/False would otherwise be read as 1/0
        if isinstance(value, bool):
            raise ValueError("bool")
        return value

    @property
    def place(self) -> str:
        """The area or płaszczyzna id it informs."""
        return self.area or self.dimension or ""


# the group question of forms and of the printed questionnaire where a questionnaire
# gives none (the standard questionnaire's words)
DEFAULT_GROUP_QUESTION = {
    "pl": "Kogo Pan/Pani reprezentuje, wypełniając ankietę?",
    "en": "Whom do you represent in this survey?",
}


class GroupQuestion(_Model):
    """How the respondent's group is asked in survey forms (recognises the group column)."""

    id: str = Field(default="grupa", pattern=IDENTIFIER)
    text: Text | None = None

    @property
    def asked(self) -> Text:
        """The words forms and the printed questionnaire ask it in: the questionnaire's own,
        else the standard questionnaire's (a column headed with either is the group column)."""
        return self.text or Text.model_construct(
            pl=DEFAULT_GROUP_QUESTION["pl"], en=DEFAULT_GROUP_QUESTION["en"]
        )


class Questionnaire(_Model):
    """A whole questionnaire definition."""

    id: str = Field(pattern=QUESTIONNAIRE_ID)
    version: str = Field(min_length=1)
    title: Text
    scoring: Scoring = Scoring.model_construct()  # no validation at import (defer_build)
    groups: tuple[Group, ...] = Field(min_length=1)
    group_question: GroupQuestion = GroupQuestion.model_construct()
    scales: tuple[Scale, ...] = Field(min_length=1)
    dimensions: tuple[Dimension, ...] = Field(min_length=1)
    context_questions: tuple[ContextQuestion, ...] = ()
    indicators: tuple[Indicator, ...] = ()

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        coerce_numbers_to_str=True,
        ignored_types=(cached_property,),
        defer_build=True,
    )

    @cached_property
    def scale_by_id(self) -> dict[str, Scale]:
        """Scales by id."""
        return {s.id: s for s in self.scales}

    @cached_property
    def areas(self) -> tuple[Area, ...]:
        """All areas in questionnaire order."""
        return tuple(a for d in self.dimensions for a in d.areas)

    @cached_property
    def area_dimension(self) -> dict[str, str]:
        """The dimension id of each area id."""
        return {a.id: d.id for d in self.dimensions for a in d.areas}

    @cached_property
    def questions(self) -> tuple[Question, ...]:
        """All scored questions in questionnaire order."""
        return tuple(q for a in self.areas for q in a.questions)

    @cached_property
    def question_area(self) -> dict[str, str]:
        """The area id of each scored question id."""
        return {q.id: a.id for a in self.areas for q in a.questions}

    @cached_property
    def indicator_by_id(self) -> dict[str, Indicator]:
        """Numeric indicators by id."""
        return {i.id: i for i in self.indicators}

    @property
    def group_ids(self) -> tuple[str, ...]:
        """Group ids in questionnaire order."""
        return tuple(g.id for g in self.groups)

    def group_labels(self, lang: str) -> dict[str, str]:
        """Each group's label in ``lang`` by its id (what people read instead of the id)."""
        return {g.id: g.label.get(lang) for g in self.groups}

    def question_groups(self, question: Question | ContextQuestion) -> tuple[str, ...]:
        """The groups a question is asked of (all groups when it does not say)."""
        return question.groups if question.groups is not None else self.group_ids

    @cached_property
    def asked(self) -> tuple[tuple[bool, ...], ...]:
        """For each group (in order) and each scored question: is the question asked of it."""
        return tuple(tuple(g in self.question_groups(q) for q in self.questions) for g in self.group_ids)

    @cached_property
    def tables(self) -> QuestionTables:
        """The questions as numpy arrays for the scoring engine, built once."""
        from liwindex.model.tables import QuestionTables

        return QuestionTables.of(self)

    def to_dict(self) -> dict[str, Any]:
        """The whole structure as SPEC §4 describes for ``questionnaire show --json``."""
        s = self.scoring
        return {
            "id": self.id,
            "version": self.version,
            "title": self.title.to_dict(),
            "scoring": {
                "index_range": [s.lo, s.hi],
                "grade_step": s.grade_step,
                "aggregation": s.aggregation,
                "group_weighting": s.group_weighting,
                "min_answered": s.min_answered,
                "min_area_coverage": s.min_area_coverage,
                "min_group_n": s.min_group_n,
            },
            "groups": [{"id": g.id, "label": g.label.to_dict()} for g in self.groups],
            "scales": [
                {
                    "id": sc.id,
                    "choices": [
                        {
                            "code": c.code,
                            "label": c.label.to_dict(),
                            "points": None if c.na else c.points,
                            "na": c.na,
                        }
                        for c in sc.choices
                    ],
                }
                for sc in self.scales
            ],
            "dimensions": [
                {
                    "id": d.id,
                    "label": d.label.to_dict(),
                    "areas": [
                        {
                            "id": a.id,
                            "label": a.label.to_dict(),
                            "questions": [
                                {
                                    "id": q.id,
                                    "text": q.text.to_dict(),
                                    "scale": q.scale,
                                    "groups": list(self.question_groups(q)),
                                    "weight": q.weight,
                                    "reverse": q.reverse,
                                    "required": q.required,
                                }
                                for q in a.questions
                            ],
                        }
                        for a in d.areas
                    ],
                }
                for d in self.dimensions
            ],
            "context_questions": [
                {
                    "id": c.id,
                    "type": c.type,
                    "text": c.text.to_dict(),
                    "scale": c.scale,
                    "groups": list(self.question_groups(c)),
                }
                for c in self.context_questions
            ],
            "indicators": [
                {
                    "id": i.id,
                    "label": i.label.to_dict(),
                    "unit": i.unit,
                    "area": i.area,
                    "dimension": i.dimension,
                    "higher_is_better": i.higher_is_better,
                    "min": i.min,
                    "max": i.max,
                }
                for i in self.indicators
            ],
        }


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the YAML format, generated from the models; fractions such as
    "2/3" are allowed where the loader accepts them."""
    schema = Questionnaire.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "liwindex questionnaire"
    scoring = schema.get("$defs", {}).get("Scoring", {}).get("properties", {})
    for name in ("min_answered", "min_area_coverage"):
        if name in scoring:
            number = {k: v for k, v in scoring[name].items() if k not in ("title", "default")}
            scoring[name] = {
                "title": scoring[name].get("title", name),
                "default": scoring[name].get("default"),
                "anyOf": [number, {"type": "string", "pattern": r"^\s*\d+\s*/\s*\d+\s*$"}],
            }
    return schema
