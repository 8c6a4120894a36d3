"""Reliability of an area's questions: Cronbach's alpha and item–rest correlations,
computed directly from the respondents who answered every question of the area, and only
from at least 10 of them (below that alpha is noise, e.g. −12 from three officials)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

ALPHA_LOW = 0.6
# a variance or an alpha smaller than this is zero: what is left is floating-point rounding
ZERO = 1e-9
ALPHA_GAIN = 0.05  # dropping a question "clearly" raises alpha by more than this
# below this many complete answers alpha swings wildly (−12 at n = 3): it is not reported
MIN_COMPLETE = 10


@dataclass
class ItemReliability:
    """One question: its correlation with the sum of the others, alpha without it."""

    id: str
    item_rest: float | None
    alpha_if_deleted: float | None


@dataclass
class Reliability:
    """Cronbach's alpha of an area's questions for one group."""

    area: str
    group: str
    n: int  # respondents with every question answered
    k: int  # questions
    alpha: float | None
    items: list[ItemReliability] = field(default_factory=list)

    @property
    def low(self) -> bool:
        """Alpha below the usual threshold of 0.6."""
        return self.alpha is not None and self.alpha < ALPHA_LOW

    @property
    def status(self) -> str:
        """``ok``, ``low`` (< 0.6), ``negative`` (answers pull opposite ways), ``too_few``
        (fewer than 10 complete answers) or ``undefined`` (no variance of the total)."""
        if self.n < MIN_COMPLETE:
            return "too_few"
        if self.alpha is None:
            return "undefined"
        if self.alpha < 0:
            return "negative"
        return "low" if self.alpha < ALPHA_LOW else "ok"

    def better_without(self) -> list[str]:
        """Questions whose removal would clearly raise alpha."""
        if self.alpha is None:
            return []
        return [
            i.id
            for i in self.items
            if i.alpha_if_deleted is not None and i.alpha_if_deleted > self.alpha + ALPHA_GAIN
        ]


def cronbach_alpha(data: np.ndarray) -> float | None:
    """alpha = k/(k−1) · (1 − Σ var(item) / var(total)) over complete rows (n × k)."""
    n, k = data.shape
    if k < 2 or n < 3:
        return None
    total_var = data.sum(axis=1).var(ddof=1)
    if not total_var > ZERO:
        return None
    alpha = float(k / (k - 1) * (1 - data.var(axis=0, ddof=1).sum() / total_var))
    # −4e-16 is rounding, not answers pulling opposite ways
    return 0.0 if abs(alpha) < ZERO else alpha


def reliability(values: np.ndarray, ids: list[str], area: str, group: str) -> Reliability:
    """Alpha and item statistics for one area and group; ``values`` is respondents × the
    area's questions asked of the group (NaN = not answered)."""
    complete = values[~np.isnan(values).any(axis=1)]
    items = []
    for j, ident in enumerate(ids):
        rest = np.delete(complete, j, axis=1)
        item_rest = None
        if len(complete) >= MIN_COMPLETE and rest.shape[1] >= 1:
            x, y = complete[:, j], rest.sum(axis=1)
            if x.std() > 0 and y.std() > 0:
                item_rest = float(np.corrcoef(x, y)[0, 1])
        enough = len(complete) >= MIN_COMPLETE and len(ids) > 2
        items.append(ItemReliability(ident, item_rest, cronbach_alpha(rest) if enough else None))
    alpha = cronbach_alpha(complete) if len(complete) >= MIN_COMPLETE else None
    return Reliability(area=area, group=group, n=len(complete), k=len(ids), alpha=alpha, items=items)
