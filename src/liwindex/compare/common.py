"""The index and płaszczyzny of two rounds over the areas both have (SPEC §2, Comparison v3).

When an area has a value in one round only, each round's own index averages a different
set of areas, and their difference mixes a real change with the area that came or went.
A change of the index or of a płaszczyzna is therefore computed over the areas that have a
value (of the kind compared: survey score or grade) in both rounds: both sides are
recomputed by the scoring rules on those areas, and so are their bootstrap replicates. The
areas left out are named wherever the change is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from liwindex.scoring.engine import aggregate_many
from liwindex.scoring.results import AreaResult, ScoreResult

if TYPE_CHECKING:
    from liwindex.analysis.bootstrap import Draws


@dataclass(frozen=True)
class Common:
    """The areas a change of one kind (``survey`` or ``grades``) is computed over."""

    kind: str
    kept: tuple[str, ...]
    left_out: tuple[str, ...]  # areas of either round without a value of the kind in both

    @property
    def partial(self) -> bool:
        """The change does not cover every area of the rounds."""
        return bool(self.left_out)


def area_value(area: AreaResult, kind: str) -> float | None:
    """The area's survey score or grade."""
    return area.grade if kind == "grades" else area.survey


def common_areas(before: ScoreResult, after: ScoreResult, kind: str) -> Common:
    """The areas with a value of ``kind`` in both rounds, and those left out."""
    b = {a.id: a for a in before.areas}
    a = {a.id: a for a in after.areas}
    every = list(dict.fromkeys([*b, *a]))
    kept = tuple(
        i
        for i in every
        if i in b and i in a and area_value(b[i], kind) is not None and area_value(a[i], kind) is not None
    )
    return Common(kind, kept, tuple(i for i in every if i not in kept))


def _mask(result: ScoreResult, keep: Sequence[str]) -> np.ndarray:
    """True at the positions of the round's areas in ``keep`` (questionnaire order)."""
    assert result.questionnaire is not None
    kept = set(keep)
    return np.array([i in kept for i in result.questionnaire.tables.area_ids], dtype=bool)


def _values(result: ScoreResult, kind: str, group: str | None = None) -> np.ndarray:
    """The round's area values of ``kind`` (a group's survey scores with ``group``), as a
    row in questionnaire order, NaN where missing."""
    assert result.questionnaire is not None
    by_id = {a.id: a for a in result.areas}
    out = []
    for area_id in result.questionnaire.tables.area_ids:
        area = by_id[area_id]
        value = area.by_group.get(group) if group is not None else area_value(area, kind)
        out.append(np.nan if value is None else value)
    return np.array(out, dtype=float)


def _summary(
    result: ScoreResult, values: np.ndarray, keep: Sequence[str]
) -> tuple[dict[str, float | None], float | None]:
    """Płaszczyzny and index of ``values`` with only the areas in ``keep``."""
    assert result.questionnaire is not None
    masked = np.where(_mask(result, keep), values, np.nan)[None, :]
    dims, index = aggregate_many(masked, result.questionnaire)
    ids = [d.id for d in result.questionnaire.dimensions]
    as_value = lambda v: None if np.isnan(v) else float(v)  # noqa: E731
    return {i: as_value(v) for i, v in zip(ids, dims[0], strict=True)}, as_value(index[0])


def on_common(
    result: ScoreResult, kind: str, keep: Sequence[str]
) -> tuple[dict[str, float | None], float | None]:
    """The round's płaszczyzny and index of ``kind`` over the areas in ``keep``."""
    return _summary(result, _values(result, kind), keep)


Summary = tuple[dict[str, float | None], float | None]


def group_on_common(
    before: ScoreResult, after: ScoreResult, group: str, keep: Sequence[str]
) -> tuple[Summary, Summary] | None:
    """A group's płaszczyzny and index in both rounds over the areas of ``keep`` where the
    group itself has a survey score in both; None where that is every area (the rounds'
    own values then hold)."""
    b, a = _values(before, "survey", group), _values(after, "survey", group)
    b_ids = dict(zip(before.questionnaire.tables.area_ids, b, strict=True)) if before.questionnaire else {}
    a_ids = dict(zip(after.questionnaire.tables.area_ids, a, strict=True)) if after.questionnaire else {}
    own = [i for i in keep if not np.isnan(b_ids.get(i, np.nan)) and not np.isnan(a_ids.get(i, np.nan))]
    if set(own) == set(b_ids) == set(a_ids):  # every area: the rounds' own values hold
        return None
    return _summary(before, b, own), _summary(after, a, own)


def draws_on_common(draws: Draws, result: ScoreResult, keep: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """The replicates of the round's płaszczyzny (B × d) and index (B) over ``keep``."""
    assert result.questionnaire is not None
    q, mask = result.questionnaire, _mask(result, keep)
    dims, index = aggregate_many(np.where(mask, draws.areas, np.nan), q)
    return dims, index


@dataclass
class OnCommon:
    """Both rounds' płaszczyzny and index of each kind over its common areas, where those are
    not every area (the rounds' own values hold otherwise), and each group's."""

    commons: dict[str, Common]
    summaries: dict[str, tuple[Summary, Summary]]
    groups: dict[str, tuple[Summary, Summary]]
    dimension_of: dict[str, str]

    @classmethod
    def of(cls, before: ScoreResult, after: ScoreResult, graded: bool, groups: Sequence[str]) -> OnCommon:
        """The common areas of the survey change (and of the grades change when ``graded``)."""
        commons = {"survey": common_areas(before, after, "survey")}
        if graded:
            commons["grades"] = common_areas(before, after, "grades")
        restricted = before.questionnaire is not None and after.questionnaire is not None
        summaries = {
            kind: (on_common(before, kind, c.kept), on_common(after, kind, c.kept))
            for kind, c in commons.items()
            if c.partial and restricted
        }
        by_group = {
            g: found
            for g in groups
            if restricted and (found := group_on_common(before, after, g, commons["survey"].kept)) is not None
        }
        dimension_of = {a.id: a.dimension for a in (*before.areas, *after.areas)}
        return cls(commons, summaries, by_group, dimension_of)

    def pair(
        self, kind: str, ident: str | None, own: tuple[float | None, float | None]
    ) -> tuple[float | None, float | None]:
        """Before and after of the index (``ident`` None) or a płaszczyzna of ``kind``."""
        if kind not in self.summaries:
            return own
        (b_dims, b_index), (a_dims, a_index) = self.summaries[kind]
        return (b_index, a_index) if ident is None else (b_dims.get(ident), a_dims.get(ident))

    def group_values(
        self, ident: str | None, side: int, own: dict[str, float | None]
    ) -> dict[str, float | None]:
        """Each group's index or płaszczyzna in the round ``side`` (0 before, 1 after)."""
        out = dict(own)
        for g, pair in self.groups.items():
            dims, value = pair[side]
            out[g] = value if ident is None else dims.get(ident)
        return out

    def left_out(self, kind: str, dimension: str | None = None) -> tuple[str, ...]:
        """The areas left out of the change of ``kind`` (of one płaszczyzna's)."""
        c = self.commons.get(kind)
        if c is None or kind not in self.summaries:
            return ()
        return tuple(i for i in c.left_out if dimension is None or self.dimension_of.get(i) == dimension)
