"""One-to-one matching of columns to questions (and answers to choices) by similarity.

``mapping init`` must never propose one question for two columns: among all one-to-one
assignments it takes the one with the largest total similarity (the Hungarian method),
and a pair below the threshold is left unassigned rather than forced.
"""

from __future__ import annotations

from collections.abc import Sequence


def assign(scores: Sequence[Sequence[float]], threshold: float) -> dict[int, int]:
    """Row → column of the one-to-one assignment with the largest total score, using only
    pairs scoring at least ``threshold``; rows left out have no good enough column.

    ``scores`` is rows × columns (0–1). Leaving a row unassigned scores ``threshold``
    minus a hair, so a pair is used only when it beats that.
    """
    n = len(scores)
    if n == 0:
        return {}
    m = len(scores[0])
    big = 1e6
    skip = 1.0 - threshold + 1e-9  # the cost of leaving a row unassigned
    # columns: the m real ones, then one "unassigned" column per row
    cost = [[(1.0 - s) if s >= threshold else big for s in row] + [skip] * n for row in scores]
    width = m + n
    # Hungarian method (potentials, O(n² · width)); rows and columns are 1-based inside
    u = [0.0] * (n + 1)
    v = [0.0] * (width + 1)
    owner = [0] * (width + 1)  # owner[j]: the row assigned to column j
    way = [0] * (width + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        low = [float("inf")] * (width + 1)
        used = [False] * (width + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = owner[j0], float("inf"), 0
            for j in range(1, width + 1):
                if used[j]:
                    continue
                current = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if current < low[j]:
                    low[j], way[j] = current, j0
                if low[j] < delta:
                    delta, j1 = low[j], j
            for j in range(width + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    low[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    return {
        owner[j] - 1: j - 1 for j in range(1, m + 1) if owner[j] and scores[owner[j] - 1][j - 1] >= threshold
    }
