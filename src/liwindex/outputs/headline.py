"""The headline of a document about one round or a comparison (SPEC §2, Headline v3).

Every document leads with the latest round's "Indeks LIJW" as ``score`` gives it (grades
where the working group graded every area, otherwise the survey), labelled with its
source; a comparison adds the change on its basis under that basis's own name. Where the
official index and the compared value differ, one sentence says why. The terminal, the
Excel summary and the HTML page all take their headline from :func:`headline`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from liwindex.compare.comparison import Comparison, round_phrase
from liwindex.i18n import fmt
from liwindex.scoring.results import ScoreResult

WORDS: dict[str, dict[str, str]] = {
    "pl": {
        "index": "Indeks LIJW",
        "source_grades": "z ocen grupy roboczej",
        "source_survey": "z wyników ankiety",
        "change_survey": "Zmiana wyniku ankiety względem {before}",
        "change_grades": "Zmiana oceny grupy roboczej względem {before}",
        "from_to": "z {before} na {after}",
        "reconcile": "Indeks LIJW {index} to średnia ocen grupy roboczej. Wynik ankiety w {after} "
        "to {survey} — od niego liczymy zmianę, bo w {before} grupa robocza nie oceniła wszystkich "
        "obszarów, a ocen nie porównuje się z wynikiem ankiety.",
        "reconcile_after": "Zmianę liczymy z wyników ankiety, bo w {after} grupa robocza nie "
        "oceniła wszystkich obszarów, a ocen nie porównuje się z wynikiem ankiety.",
        "reconcile_none": "Zmianę liczymy z wyników ankiety: grupa robocza nie oceniła wszystkich "
        "obszarów w żadnej z ocen.",
        "grades_basis": "Zmianę liczymy z ocen grupy roboczej, które obejmują wszystkie obszary "
        "w obu ocenach; zmianę wyniku ankiety podano obok pod własną nazwą.",
        "common": "Zmianę indeksu i płaszczyzn liczymy na obszarach, które mają wartość w obu "
        "ocenach ({before} → {after}); pominięto: {areas}.",
    },
    "en": {
        "index": "LIJW index",
        "source_grades": "from the working group's grades",
        "source_survey": "from the survey",
        "change_survey": "Change of the survey score since {before}",
        "change_grades": "Change of the working group's grade since {before}",
        "from_to": "from {before} to {after}",
        "reconcile": "The LIJW index {index} is the mean of the working group's grades. The survey "
        "score in {after} is {survey}; the change is computed from it, because in {before} the "
        "working group did not grade every area, and grades are never compared with survey scores.",
        "reconcile_after": "The change is computed from the survey scores, because in {after} the "
        "working group did not grade every area, and grades are never compared with survey scores.",
        "reconcile_none": "The change is computed from the survey scores: the working group did not "
        "grade every area in either round.",
        "grades_basis": "The change is computed from the working group's grades, which cover every "
        "area in both rounds; the change of the survey score is shown beside it under its own name.",
        "common": "The change of the index and płaszczyzny is computed over the areas with a value "
        "in both rounds ({before} → {after}); left out: {areas}.",
    },
}


@dataclass(frozen=True)
class Headline:
    """What a document says first: the official index and, for a comparison, the change."""

    label: str  # "Indeks LIJW · ocena powdrożeniowa 2025"
    index: float | None  # the latest round's LIJW index, as ``score`` gives it
    source: str  # "grades" or "survey"
    source_words: str  # "z ocen grupy roboczej"
    thin: bool  # the official value rests on too few answers of a group
    change_label: str | None = None  # "Zmiana wyniku ankiety względem oceny wstępnej 2024"
    change: float | None = None  # on the comparison's basis
    before: float | None = None  # the compared values on the basis
    after: float | None = None
    significant: bool | None = None  # the survey change's interval excludes 0 (survey basis)
    thin_change: bool = False
    explanation: str | None = None  # how the index and the change fit together
    common_note: str | None = None  # the areas left out of the change (not in both rounds)

    def from_to(self, lang: str) -> str:
        """``z 2,85 na 3,43``."""
        words = WORDS["en" if lang == "en" else "pl"]
        return words["from_to"].format(before=fmt(self.before, lang), after=fmt(self.after, lang))


def headline(rounds: Sequence[ScoreResult], comparison: Comparison | None, lang: str) -> Headline:
    """The headline of ``rounds`` (the last one is the latest) and their comparison."""
    words = WORDS["en" if lang == "en" else "pl"]
    last = rounds[-1]
    source = last.index.source
    thin = source == "survey" and last.provisional
    label = f"{words['index']} · {round_phrase(last, lang)}"
    base = Headline(label, last.index.value, source, words[f"source_{source}"], thin)
    if comparison is None:
        return base
    row = comparison.index
    before_gen = round_phrase(comparison.before, lang, "gen")
    if comparison.basis == "grades":
        explanation = words["grades_basis"]
    elif source == "grades":
        explanation = words["reconcile"].format(
            index=fmt(last.index.value, lang),
            survey=fmt(last.index.survey, lang),
            after=round_phrase(last, lang, "loc"),
            before=round_phrase(comparison.before, lang, "loc"),
        )
    elif comparison.before.index.source == "grades":
        explanation = words["reconcile_after"].format(after=round_phrase(last, lang, "loc"))
    elif comparison.has_grades:
        explanation = words["reconcile_none"]
    else:
        explanation = None
    return Headline(
        label=base.label,
        index=base.index,
        source=base.source,
        source_words=base.source_words,
        thin=base.thin,
        change_label=words[f"change_{comparison.basis}"].format(before=before_gen),
        change=row.value.delta,
        before=row.value.before,
        after=row.value.after,
        significant=row.significant if comparison.basis == "survey" else None,
        thin_change=row.provisional,
        explanation=explanation,
        common_note=words["common"].format(
            areas=", ".join(row.left_out),
            before=fmt(row.value.before, lang),
            after=fmt(row.value.after, lang),
        )
        if row.left_out and row.value.delta is not None
        else None,
    )
