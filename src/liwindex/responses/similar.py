"""Fuzzy comparison of a file's texts with the questionnaire's, for ``mapping init``.

Comparing every header with every question text by :class:`difflib.SequenceMatcher` costs
about half a millisecond a pair: a file of 2,000 unknown columns against 150 question texts
took minutes. Here each text is compared only with the candidates it could be like enough:

- what is compared is the folded text's first :data:`MAX_COMPARED` characters (a question's
  text is far shorter; a 100 kB header is not worth comparing in full);
- a candidate whose length, or whose letters counted as a multiset, rule out a similarity
  of ``threshold`` is skipped (exact bounds: :meth:`difflib.SequenceMatcher.real_quick_ratio`
  and ``quick_ratio``);
- of longer texts, only candidates sharing at least :data:`MIN_SHARED` of the shorter text's
  letter triples (Polish letters folded) are compared; the triples are looked up in an
  index, so unrelated candidates cost nothing;
- a text like dozens of candidates is compared in full only with the most alike of them
  (most triples shared), at most :data:`MAX_FULL`, fewer when thousands of texts are
  compared: the whole costs at most about :data:`FULL_BUDGET` full comparisons.

A similarity below ``threshold`` is reported as 0: nothing uses a value below it.
"""

from __future__ import annotations

import difflib
from collections import Counter

from liwindex.text import fold, strip_diacritics

MAX_COMPARED = 1_000
MIN_SHARED = 0.25
# how many candidates one text is compared with in full, the most alike first: at most
# MAX_FULL, fewer when many texts are compared (FULL_BUDGET comparisons for all of them)
MAX_FULL = 40
MIN_FULL = 3
FULL_BUDGET = 6_000
_SHORT = 16  # texts this short are compared without the triple filter (few triples)


def compared(text: str) -> str:
    """What of ``text`` is compared: folded, at most :data:`MAX_COMPARED` characters."""
    return fold(text)[:MAX_COMPARED]


def _triples(key: str) -> set[str]:
    padded = f" {strip_diacritics(key)} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a: str, b: str) -> float:
    """How alike two texts are once folded (0–1); containment counts as a strong match."""
    a, b = compared(a), compared(b)
    if not a or not b:
        return 0.0
    if a in b or b in a:
        return 0.5 + 0.5 * min(len(a), len(b)) / max(len(a), len(b))
    return difflib.SequenceMatcher(None, a, b).ratio()


class Candidates:
    """Texts of candidates (question ids, group ids, choice codes) ready for comparison."""

    def __init__(self, candidates: dict[str, list[str]], count: int = 1) -> None:
        """``count``: about how many texts will be compared with the candidates."""
        import numpy as np

        self._full = max(MIN_FULL, min(MAX_FULL, FULL_BUDGET // max(1, count)))

        self._keys: list[str] = []
        self._owners: list[str] = []
        self._letters: list[Counter[str]] = []
        sizes: list[int] = []  # how many triples
        index: dict[str, list[int]] = {}
        seen: set[tuple[str, str]] = set()
        for ident, texts in candidates.items():
            for text in texts:
                key = compared(text) if text else ""
                if not key or (ident, key) in seen:
                    continue
                seen.add((ident, key))
                number = len(self._keys)
                triples = _triples(key)
                for triple in triples:
                    index.setdefault(triple, []).append(number)
                self._keys.append(key)
                self._owners.append(ident)
                self._letters.append(Counter(key))
                sizes.append(len(triples))
        self._index = {t: np.array(found, dtype=np.int64) for t, found in index.items()}
        self._sizes = np.array(sizes, dtype=np.int64)
        self._lengths = np.array([len(k) for k in self._keys], dtype=np.int64)
        self._memo: dict[tuple[str, float], dict[str, tuple[float, int]]] = {}
        self._matchers: dict[int, difflib.SequenceMatcher[str]] = {}  # (the candidate's side prepared once)

    def scores(self, text: str, threshold: float) -> dict[str, float]:
        """Candidate id → its best similarity with ``text``, for those of at least
        ``threshold``."""
        return {ident: score for ident, (score, _) in self._found(text, threshold).items()}

    def _found(self, text: str, threshold: float) -> dict[str, tuple[float, int]]:
        """Candidate id → (best similarity, the first of its texts that has it), remembered:
        headers and answers repeat."""
        key = compared(text)
        memo_key = (key, threshold)
        found = self._memo.get(memo_key)
        if found is None:
            found = self._scores(key, threshold)
            if len(self._memo) < 100_000:
                self._memo[memo_key] = found
        return found

    def _scores(self, key: str, threshold: float) -> dict[str, tuple[float, int]]:
        import numpy as np

        best: dict[str, tuple[float, int]] = {}
        if not key or not self._keys:
            return best
        size = len(key)
        short = np.minimum(self._lengths, size)
        long_ = np.maximum(self._lengths, size)
        # neither containment nor a ratio (at most 2·short/(short+long), less than the
        # containment's score) can reach the threshold
        possible = 0.5 + 0.5 * short / long_ >= threshold
        triples = _triples(key)
        postings = [self._index[t] for t in triples if t in self._index]
        shared = (
            np.bincount(np.concatenate(postings), minlength=len(self._keys))
            if postings
            else np.zeros(len(self._keys), dtype=np.int64)
        )
        # (a contained text shares all its inner triples: containment always passes)
        possible &= (short <= _SHORT) | (shared >= MIN_SHARED * np.minimum(self._sizes, len(triples)))
        letters: Counter[str] | None = None
        alike: list[tuple[float, int]] = []  # (share of triples, candidate) to compare in full
        for number in np.flatnonzero(possible).tolist():
            other = self._keys[number]
            if key == other:
                self._keep(best, number, 1.0, threshold)
            elif key in other or other in key:
                self._keep(best, number, 0.5 + 0.5 * min(size, len(other)) / max(size, len(other)), threshold)
            elif 2 * min(size, len(other)) / (size + len(other)) >= threshold:
                if letters is None:
                    letters = Counter(key)
                common = sum((letters & self._letters[number]).values())
                if 2 * common / (size + len(other)) < threshold:  # quick_ratio
                    continue
                if max(size, len(other)) <= _SHORT:
                    self._keep(best, number, difflib.SequenceMatcher(None, key, other).ratio(), threshold)
                else:
                    share = 2 * int(shared[number]) / (len(triples) + int(self._sizes[number]))
                    alike.append((-share, number))
        # a text like dozens of candidates is compared in full with the most alike of them
        for _, number in sorted(alike)[: self._full]:
            matcher = self._matchers.get(number)
            if matcher is None:
                matcher = self._matchers[number] = difflib.SequenceMatcher(None, "", self._keys[number])
            matcher.set_seq1(key)
            self._keep(best, number, matcher.ratio(), threshold)
        return best

    def _keep(self, best: dict[str, tuple[float, int]], number: int, ratio: float, threshold: float) -> None:
        owner = self._owners[number]
        if ratio >= threshold:
            known = best.get(owner)
            if known is None or (ratio, -number) > (known[0], -known[1]):
                best[owner] = (ratio, number)

    def best(self, text: str, threshold: float) -> tuple[str | None, float]:
        """The candidate most like ``text`` and how alike, or ``(None, 0.0)`` when none
        reaches ``threshold``."""
        found = self._found(text, threshold)
        if not found:
            return None, 0.0
        # of equals, the one whose text comes first
        ident = max(found, key=lambda i: (found[i][0], -found[i][1]))
        return ident, found[ident][0]
