"""Thin data never crashes a command: no respondents, only 'nie wiem', one respondent."""

from __future__ import annotations

import json

import pytest

from conftest import run, write_workbook


@pytest.fixture
def thin(tmp_path):
    empty = write_workbook(tmp_path / "pusty.xlsx", {"O": [["grupa", "o1_n1", "o1_n2"]]})
    dont_know = write_workbook(
        tmp_path / "nw.xlsx", {"O": [["grupa", "o1_n1", "o1_n2"], ["ngo", "nw", "nw"]]}
    )
    one = write_workbook(tmp_path / "jeden.xlsx", {"O": [["grupa", "o1_j1"], ["jst", "4"]]})
    return tmp_path, empty, dont_know, one


def test_every_command_copes_with_thin_data(thin):
    """Each command ends normally (exit 0) on files with almost no answers."""
    folder, empty, dont_know, one = thin
    for args in (
        ["score", empty],
        ["score", dont_know, "--bootstrap", "50"],
        ["compare", empty, one],
        ["analyze", one, "--bootstrap", "50"],
        ["export", one, "-o", folder / "r.xlsx"],
        ["export", empty, one, "-o", folder / "r2.xlsx", "--bootstrap", "50"],
        ["report", empty, one, "-o", folder / "r.html", "--bootstrap", "50"],
        ["trend", empty, one],
        ["benchmark", empty, one],
        ["validate", dont_know],
    ):
        result = run(*args)
        assert result.exit_code == 0, (args, result.output)
        assert result.exception is None


def test_areas_without_values_are_named_in_one_warning_per_round(thin):
    """An empty first round: one warning lists every area without a value in both rounds."""
    _, empty, _, one = thin
    data = json.loads(run("compare", empty, one, "--json", "--bootstrap", "0").stdout)
    both = [w for w in data["warnings"] if "bez wartości w obu etapach" in w]
    assert len(both) == 1 and "O2, O3" in both[0]
    assert data["index"]["before"] is None and data["index"]["pct"] is None


def test_submission_keys_ignore_column_order_and_need_five_answers():
    """One submission has one key whatever the order of the questions' columns; a row with
    fewer than five answers gets none; another group or one other answer is another key."""
    import numpy as np

    from liwindex.responses.checks import submission_keys
    from liwindex.responses.data import SurveyData

    def data(columns: list[str], rows: list[list[int]], groups: list[int]) -> SurveyData:
        return SurveyData(
            "O",
            1,
            rows=np.arange(2, 2 + len(rows)),
            matrix=np.array(rows, dtype=np.int16),
            group_index=np.array(groups),
            question_ids=tuple(columns),
            choices=(("1", "2", "3"),) * len(columns),
            group_ids=("ngo", "jst"),
        )

    names = ["a", "b", "c", "d", "e"]
    rows = [[0, 1, 2, 0, 1], [0, 1, 2, 0, 1], [0, 1, 2, 0, 2], [0, 1, 2, 0, -1], [0, 1, 2, 0, 1]]
    keys = dict(submission_keys(data(names, rows, [0, 0, 0, 0, 1])))
    assert list(keys) == [2, 3, 4, 6]  # row 5 has four answers
    assert keys[2] == keys[3] and len({keys[2], keys[4], keys[6]}) == 3
    swapped = dict(submission_keys(data(names[::-1], [r[::-1] for r in rows], [0] * 5)))
    assert swapped[2] == keys[2]
