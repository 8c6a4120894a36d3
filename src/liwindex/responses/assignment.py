"""One-to-one matching of columns to questions (and answers to choices) by similarity.

``mapping init`` must never propose one question for two columns: among all one-to-one
assignments it takes the one with the largest total similarity (the Hungarian method),
and a pair below the threshold is left unassigned rather than forced.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def assign(scores: Sequence[Sequence[float]], threshold: float) -> dict[int, int]:
    """Row → column of the one-to-one assignment with the largest total score, using only
    pairs scoring at least ``threshold``; rows left out have no good enough column.

    ``scores`` is rows × columns (0–1). Leaving a row unassigned scores ``threshold``
    minus a hair, so a pair is used only when it beats that.

    Rows and columns with no pair good enough are left out first, and the method runs over
    the smaller side (a file of 2,000 unknown columns against 60 questions: 60 rounds, each
    a few array operations): its cost grows with the square of the smaller side times the
    larger, not with the cube of the number of columns.
    """
    import numpy as np

    table = np.asarray(scores, dtype=float)
    if table.size == 0:
        return {}
    good = table >= threshold
    rows = np.flatnonzero(good.any(axis=1))
    columns = np.flatnonzero(good.any(axis=0))
    if rows.size == 0:
        return {}
    table = table[np.ix_(rows, columns)]
    flipped = rows.size > columns.size
    if flipped:
        table = table.T
    chosen = _hungarian(table, threshold)
    if flipped:
        return {int(rows[i]): int(columns[j]) for j, i in chosen.items()}
    return {int(rows[i]): int(columns[j]) for i, j in chosen.items()}


def _hungarian(table: Any, threshold: float) -> dict[int, int]:
    """The assignment of :func:`assign` for a table with no more rows than columns."""
    import numpy as np

    n, m = table.shape
    big = 1e6
    skip = 1.0 - threshold + 1e-9  # the cost of leaving a row unassigned
    # columns: the m real ones, then one "unassigned" column per row; 1-based inside, with
    # column 0 and row 0 as the method's sentinels
    width = m + n
    cost = np.full((n + 1, width + 1), skip)
    cost[1:, 1 : m + 1] = np.where(table >= threshold, 1.0 - table, big)
    u = np.zeros(n + 1)
    v = np.zeros(width + 1)
    owner = np.zeros(width + 1, dtype=np.int64)  # owner[j]: the row assigned to column j
    way = np.zeros(width + 1, dtype=np.int64)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        low = np.full(width + 1, np.inf)
        used = np.zeros(width + 1, dtype=bool)
        while True:
            used[j0] = True
            i0 = owner[j0]
            current = cost[i0] - u[i0] - v
            better = ~used & (current < low)
            low[better] = current[better]
            way[better] = j0
            candidates = np.where(used, np.inf, low)
            j1 = int(np.argmin(candidates))
            delta = candidates[j1]
            u[owner[used]] += delta
            v[used] -= delta
            low[~used] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = int(way[j0])
            owner[j0] = owner[j1]
            j0 = j1
    return {
        int(owner[j]) - 1: j - 1
        for j in range(1, m + 1)
        if owner[j] and table[owner[j] - 1, j - 1] >= threshold
    }
