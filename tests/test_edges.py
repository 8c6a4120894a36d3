"""Thin data never crashes a command: no respondents, only 'nie wiem', one respondent."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import write_workbook
from liwindex.cli import cli


@pytest.fixture
def thin(tmp_path):
    empty = write_workbook(tmp_path / "pusty.xlsx", {"O": [["grupa", "o1_n1", "o1_n2"]]})
    dont_know = write_workbook(tmp_path / "nw.xlsx", {"O": [["grupa", "o1_n1", "o1_n2"], ["ngo", "nw", "nw"]]})
    one = write_workbook(tmp_path / "jeden.xlsx", {"O": [["grupa", "o1_j1"], ["jst", "4"]]})
    return tmp_path, empty, dont_know, one


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_every_command_copes_with_thin_data(thin):
    """Each command ends normally (exit 0) on files with almost no answers."""
    folder, empty, dont_know, one = thin
    for args in (["score", empty], ["score", dont_know, "--bootstrap", "50"], ["compare", empty, one],
                 ["analyze", one, "--bootstrap", "50"], ["export", one, "-o", folder / "r.xlsx"],
                 ["export", empty, one, "-o", folder / "r2.xlsx", "--bootstrap", "50"],
                 ["report", empty, one, "-o", folder / "r.html", "--bootstrap", "50"],
                 ["trend", empty, one], ["benchmark", empty, one], ["validate", dont_know]):
        result = run(*args)
        assert result.exit_code == 0, (args, result.output)
        assert result.exception is None


def test_areas_without_values_are_named_in_one_warning_per_round(thin):
    """An empty first round: one warning lists every area without a value in both rounds."""
    _, empty, _, one = thin
    data = json.loads(run("compare", empty, one, "--json", "--bootstrap", "0").stdout)
    both = [w for w in data["warnings"] if "w obu etapach" in w]
    assert len(both) == 1 and "O2, O3" in both[0]
    assert data["index"]["before"] is None and data["index"]["pct"] is None
