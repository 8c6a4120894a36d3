"""What the sections of the report page share: the report's rounds and words, number
cells with their marks (a value that rests on few answers carries † on the round it
belongs to), the respondent counts by group, comparison tables without empty columns, and
sections whose tables are named by their heading."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from liwindex.analysis.analyze import Gap
from liwindex.compare.comparison import ComparedRow, Comparison, round_label
from liwindex.i18n import fmt, fmt_interval
from liwindex.model.questionnaire import Questionnaire
from liwindex.outputs.headline import WORDS as HEADLINE_WORDS
from liwindex.outputs.headline import Headline
from liwindex.outputs.html.parts import num_cell, row
from liwindex.outputs.words import reason_words, w
from liwindex.scoring.results import ScoreResult


def interval(
    low: float | None,
    high: float | None,
    lang: str,
    significant: bool | None = None,
    reason: str | None = None,
) -> str:
    """An interval cell, ``*`` marking a significant change; where there is no interval,
    the dash and why (``— wynik orientacyjny``)."""
    why = reason_words(reason, lang) if low is None or high is None else None
    shown = f"— {why}" if why else fmt_interval(low, high, lang)
    return f'<td class="num">{escape(shown)}{" *" if significant else ""}</td>'


def figure(svg: str, caption: str, css: str = "") -> str:
    return f"<figure{f' class={css}' if css else ''}>{svg}<figcaption>{escape(caption)}</figcaption></figure>"


@dataclass
class Report:
    rounds: Sequence[ScoreResult]
    comparison: Comparison | None
    gaps: list[Gap]
    lang: str

    @property
    def last(self) -> ScoreResult:
        return self.rounds[-1]

    @property
    def q(self) -> Questionnaire:
        assert self.last.questionnaire is not None
        return self.last.questionnaire

    @property
    def labels(self) -> list[str]:
        return [round_label(r, self.lang) for r in self.rounds]

    def t(self, key: str) -> str:
        return escape(w(key, self.lang))

    def name(self, ident: str, label: dict[str, str]) -> str:
        return f"{ident} {label[self.lang]}"


def from_to(h: Headline, lang: str) -> str:
    """``z 2,85 na 3,43``, each number carrying its exact value."""

    def number(value: float | None) -> str:
        data = "" if value is None else f' data-value="{value!r}"'
        return f"<span{data}>{escape(fmt(value, lang))}</span>"

    words = HEADLINE_WORDS["en" if lang == "en" else "pl"]["from_to"]
    start, rest = words.split("{before}", 1)
    middle = rest.split("{after}", 1)[0]
    return f"{escape(start)}{number(h.before)}{escape(middle)}{number(h.after)}"


def star_note(r: Report, rows: Sequence[ComparedRow]) -> list[str]:
    """What the marks of a comparison table mean: the star and the dash where the table
    has intervals, the dagger where a value in it is provisional."""
    c = r.comparison
    if c is None:
        return []
    minimum = r.last.min_group_n
    if c.resamples and any(x.ci_low is not None for x in rows):
        return [f'<p class="note">{escape(w("star_note", r.lang).format(min=minimum))}</p>']
    if any(c.thin(x.id, side) for x in rows for side in ("before", "after")):
        return [f'<p class="note">{escape(w("thin_note", r.lang).format(min=minimum))}</p>']
    return []


def mark(r: Report, side: str, ident: str) -> str:
    """`` †`` on the value of ``ident`` in the round ``side`` where that value is provisional."""
    return " †" if r.comparison is not None and r.comparison.thin(ident, side) else ""


def counts_head(r: Report) -> str:
    """``Odpowiedzi (NGO / JST)``: the column of respondent counts by group."""
    return f"{w('n', r.lang)} ({' / '.join(g.upper() for g in r.q.group_ids)})"


def counts_cell(r: Report, area_id: str) -> str:
    """An area's respondents in the latest round, by group (``56 / 14``); the total in
    data-value."""
    area = r.last.area(area_id)
    shown = " / ".join(str(area.n_by_group.get(g, 0)) for g in r.q.group_ids)
    return f'<td class="num" data-value="{area.n}">{escape(shown)}</td>'


Column = tuple[str, Callable[[ComparedRow], str]]


def other_columns(r: Report, rows: Sequence[ComparedRow]) -> list[Column]:
    """The columns beside the basis change: the survey change beside a grades headline,
    its interval, the grades change beside a survey headline — each only where some row
    has a value (a column of dashes says nothing)."""
    c, lang = r.comparison, r.lang
    assert c is not None
    columns: list[Column] = []
    if c.basis == "grades" and any(x.survey.delta is not None for x in rows):
        columns.append((w("survey_change_col", lang), lambda x: num_cell(x.survey.delta, lang, signed=True)))
    if c.resamples and any(x.ci_low is not None or reason_words(x.ci_reason, lang) for x in rows):
        columns.append(
            (w("interval", lang), lambda x: interval(x.ci_low, x.ci_high, lang, x.significant, x.ci_reason))
        )
    if c.basis == "survey" and c.has_grades and any(x.grades and x.grades.delta is not None for x in rows):
        columns.append(
            (
                w("grades_change_col", lang),
                lambda x: num_cell(x.grades.delta if x.grades else None, lang, signed=True),
            )
        )
    return columns


def compared_rows(
    r: Report, rows: Sequence[ComparedRow], kind: str, counts: bool
) -> tuple[list[str], list[str]]:
    """Header and rows of a comparison table: before, after (each † where that round's
    value is provisional), the change, the other columns and the respondents by group."""
    c, lang = r.comparison, r.lang
    assert c is not None
    others = other_columns(r, rows)
    head = [w(k, lang) for k in (kind, "before", "after", "change")] + [h for h, _ in others]
    if counts:
        head.append(counts_head(r))
    body = [
        row(
            r.name(x.id, x.label),
            num_cell(x.value.before, lang, mark=mark(r, "before", x.id)),
            num_cell(x.value.after, lang, mark=mark(r, "after", x.id)),
            num_cell(x.value.delta, lang, signed=True),
            *(cell(x) for _, cell in others),
            *([counts_cell(r, x.id)] if counts else []),
        )
        for x in rows
    ]
    return head, body


def section(r: Report, key: str, *body: str) -> list[str]:
    """A section headed by the report word ``key``; its tables are named by the heading
    (``aria-labelledby``) instead of a caption that would repeat it."""
    return [f'<section aria-labelledby="s_{key}"><h2 id="s_{key}">{r.t(key)}</h2>', *body, "</section>"]
