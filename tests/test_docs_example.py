"""The worked example of docs/scoring.md gives the numbers the document states."""

from __future__ import annotations

import pytest

from conftest import ROOT, area, score_rows, tiny

ROWS = [
    ["grupa", "q1", "q2", "q3", "q4", "q5", "q6", "q7"],
    ["ngo", "4", "nw", "2", "2", "2", None, None],
    ["ngo", "5", None, None, "4", "4", None, None],
    ["ngo", None, None, None, "5", "5", "1", "10"],
    ["jst", "2", "2", None, "1", "5", "4", None],
]


def test_worked_example_numbers(tmp_path):
    """A1 2.5, A2 23/6, A3 3.5, D1 and D2, index 3.28 (areas) and 3.33 (dimensions)."""
    result = score_rows(tmp_path, ROWS)
    assert [area(result, a).survey for a in ("A1", "A2", "A3")] == pytest.approx([2.5, 23 / 6, 3.5])
    assert [d.value for d in result.dimensions] == pytest.approx([(2.5 + 23 / 6) / 2, 3.5])
    assert result.index.value == pytest.approx((2.5 + 23 / 6 + 3.5) / 3)
    assert round(result.index.value, 2) == 3.28
    by_dims = score_rows(tmp_path, ROWS, tiny(aggregation="dimensions"))
    assert round(by_dims.index.value, 2) == 3.33
    text = (ROOT / "docs" / "scoring.md").read_text("utf-8")
    assert "**3.28**" in text and "3.33" in text
