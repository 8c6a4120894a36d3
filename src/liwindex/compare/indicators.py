"""The numeric data (dane liczbowe) of two or more rounds side by side, changed in their own
units: a count by a count, an amount in złoty, a percentage in percentage points — never a
percent of a percent. They stand beside the survey comparison and never enter it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from liwindex.scoring.results import IndicatorResult, ScoreResult

# the unit of a change: a percentage changes in percentage points
DELTA_UNITS = {"count": "count", "PLN": "PLN", "percent": "pp"}


@dataclass(frozen=True)
class IndicatorSeries:
    """One indicator across rounds: its values in round order (None where a round gives
    none) and the change from the first value to the last."""

    id: str
    label: dict[str, str]
    unit: str
    area: str | None
    dimension: str | None
    values: tuple[float | None, ...]
    notes: tuple[str, ...] = ()
    higher_is_better: bool | None = None

    @property
    def place(self) -> str:
        """The area or płaszczyzna it informs."""
        return self.area or self.dimension or ""

    @property
    def before(self) -> float | None:
        """The first round's value."""
        return self.values[0] if self.values else None

    @property
    def after(self) -> float | None:
        """The last round's value."""
        return self.values[-1] if self.values else None

    @property
    def delta(self) -> float | None:
        """After minus before, in the indicator's unit (percentage points for a percent)."""
        if self.before is None or self.after is None:
            return None
        return round(self.after - self.before, 9)  # 1.1 − 0.9 is 0.2, not 0.2000000000000001

    @property
    def delta_unit(self) -> str:
        """``count``, ``PLN`` or ``pp`` (percentage points)."""
        return DELTA_UNITS[self.unit]

    def to_dict(self, lang: str = "pl") -> dict[str, Any]:
        """``{"id", "label", "unit", "area", "dimension", "before", "after", "delta",
        "delta_unit", "higher_is_better"}``."""
        return {
            "id": self.id,
            "label": self.label.get(lang) or self.label["pl"],
            "unit": self.unit,
            "area": self.area,
            "dimension": self.dimension,
            "before": self.before,
            "after": self.after,
            "delta": self.delta,
            "delta_unit": self.delta_unit,
            "higher_is_better": self.higher_is_better,
        }


def indicator_series(rounds: Sequence[ScoreResult]) -> list[IndicatorSeries]:
    """Every indicator any of ``rounds`` gives, in the order of the latest round's
    questionnaire (then of the rounds), with each round's value."""
    first: dict[str, IndicatorResult] = {}
    questionnaire = rounds[-1].questionnaire if rounds else None
    order = [i.id for i in questionnaire.indicators] if questionnaire is not None else []
    for r in rounds:
        for i in r.indicators:
            first.setdefault(i.id, i)
            if i.id not in order:
                order.append(i.id)
    series = []
    for ident in order:
        if ident not in first:
            continue
        found = [next((i for i in r.indicators if i.id == ident), None) for r in rounds]
        latest = next(i for i in reversed(found) if i is not None)
        series.append(
            IndicatorSeries(
                id=ident,
                label=latest.label,
                unit=latest.unit,
                area=latest.area,
                dimension=latest.dimension,
                values=tuple(i.value if i is not None else None for i in found),
                notes=tuple(i.note if i is not None else "" for i in found),
                higher_is_better=latest.higher_is_better,
            )
        )
    return series
