"""Comparing rounds (SPEC §2 Comparison, §4 compare --json)."""

from __future__ import annotations

import json

import pytest
import yaml
from click.testing import CliRunner

from conftest import INITIAL, POST, TINY, tiny, write_workbook
from liwindex.api import compare, read_round, score_round
from liwindex.cli import cli
from liwindex.comparison import Change


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_delta_and_percent_follow_the_spec():
    """delta = after − before; pct = delta / before · 100; null without before or at 0."""
    assert Change(2.0, 3.0).delta == 1.0 and Change(2.0, 3.0).pct == 50.0
    assert Change(4.0, 3.0).pct == -25.0
    assert Change(None, 3.0).delta is None and Change(None, 3.0).pct is None
    assert Change(0.0, 3.0).delta == 3.0 and Change(0.0, 3.0).pct is None
    assert Change(2.0, None).pct is None


def test_compare_json_equals_the_two_score_outputs():
    """Every before/after of compare --json is the value score --json gives for that round."""
    before = json.loads(run("score", INITIAL, "--json").stdout)
    after = json.loads(run("score", POST, "--json").stdout)
    result = run("compare", INITIAL, POST, "--json", "--bootstrap", "0")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["before"] == before and data["after"] == after
    assert data["index"]["before"] == before["index"]["value"]
    assert data["index"]["after"] == after["index"]["value"]
    assert data["index"]["delta"] == pytest.approx(after["index"]["value"] - before["index"]["value"])
    assert data["index"]["pct"] == pytest.approx(data["index"]["delta"] / before["index"]["value"] * 100)
    for key in ("dimensions", "areas"):
        for row, b, a in zip(data[key], before[key], after[key], strict=True):
            assert (row["id"], row["before"], row["after"]) == (b["id"], b["value"], a["value"])
            assert row["delta"] == pytest.approx(a["value"] - b["value"])
            assert row["survey"]["after"] == a["survey"]
    area = data["areas"][0]
    assert area["by_group"]["ngo"]["after"] == after["areas"][0]["by_group"]["ngo"]


def test_compare_table_marks_changes_and_names_largest():
    """The table shows ▲/▼ and names the largest gain and drop of the final values."""
    data = json.loads(run("compare", INITIAL, POST, "--json", "--bootstrap", "0").stdout)
    gain = max(data["areas"], key=lambda a: a["delta"])["id"]
    drop = min(data["areas"], key=lambda a: a["delta"])["id"]
    result = run("compare", INITIAL, POST, "--bootstrap", "200")
    assert result.exit_code == 0
    assert "▲" in result.stdout and "▼" in result.stdout
    assert f"Największe wzrosty: {gain} " in result.stdout
    assert f"Największe spadki: {drop} " in result.stdout
    assert "2024 · wstępna → 2025 · powdrożeniowa" in result.stdout
    assert "Największe rozbieżności NGO–JST" in result.stdout


def test_compare_intervals_and_significance():
    """With the bootstrap every change carries ci_low ≤ survey delta ≤ ci_high, and
    significant says whether the interval excludes zero; same seed, same intervals."""
    first = json.loads(run("compare", INITIAL, POST, "--json", "--bootstrap", "400").stdout)
    again = json.loads(run("compare", INITIAL, POST, "--json", "--bootstrap", "400").stdout)
    assert first == again
    assert first["index"]["bootstrap"] == 400
    for row in [first["index"], *first["dimensions"], *first["areas"]]:
        assert row["ci_low"] <= row["survey"]["delta"] <= row["ci_high"]
        assert row["significant"] == (row["ci_low"] > 0 or row["ci_high"] < 0)
    assert first["after"]["index"]["ci_low"] < first["after"]["index"]["survey"] < first["after"]["index"]["ci_high"]


def test_rounds_with_grades_and_without_are_flagged():
    """A grades-based round against a survey-only round gets a warning about it."""
    result = run("compare", INITIAL, POST, "--lang", "en")
    assert "working-group grades" in result.stderr


def test_different_questionnaires_cannot_be_compared(tmp_path):
    """Rounds scored with questionnaires of different ids: exit 1 with a message."""
    other = yaml.safe_load(TINY)
    other["id"] = "inny"
    path = tmp_path / "inny.yaml"
    path.write_text(yaml.safe_dump(other, allow_unicode=True), "utf-8")
    tiny_path = tmp_path / "tiny.yaml"
    tiny_path.write_text(TINY, "utf-8")
    rows = {"Odp": [["grupa", "q1", "q2"], ["ngo", "3", "3"]]}
    a = write_workbook(tmp_path / "a.xlsx", rows)
    b = write_workbook(tmp_path / "b.xlsx", rows)
    result = run("compare", a, b, "-q", tiny_path, "--questionnaire-before", path)
    assert result.exit_code == 1
    assert "różnych kwestionariuszy" in result.stderr


def test_other_version_compares_common_areas_with_warning(tmp_path):
    """A new version without area A3: A1 and A2 are compared, with warnings."""
    newer = yaml.safe_load(TINY)
    newer["version"] = "2"
    newer["dimensions"] = newer["dimensions"][:1]
    q_new = tiny().model_validate(newer)
    rows = [["grupa", "q1", "q2", "q4", "q5", "q6"], ["jst", "2", "2", "3", "3", "3"]]
    before = score_round(read_round(write_workbook(tmp_path / "a.xlsx", {"O": rows}), tiny()))
    after = score_round(read_round(write_workbook(tmp_path / "b.xlsx", {"O": [r[:5] for r in rows]}), q_new))
    comparison = compare(before, after)
    assert [a.id for a in comparison.areas] == ["A1", "A2"]
    codes = {p.code: p.value for p in comparison.problems}
    assert codes["different-versions"] == "2" and codes["areas-not-in-both"] == "A3"


def test_errors_of_both_files_are_reported_together(tmp_path):
    """Two broken rounds: the problems of both appear in one run."""
    a = write_workbook(tmp_path / "a.xlsx", {"O": [["grupa", "o1_n1"], ["ngo", "zle"]]})
    b = tmp_path / "b.xlsx"
    result = run("compare", a, b)
    assert result.exit_code == 1
    assert "a.xlsx, arkusz „O”, wiersz 2, kolumna B" in result.stderr
    assert "b.xlsx: plik nie istnieje" in result.stderr
