"""Shared helpers: inline questionnaires and small workbooks built from lists of rows."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

# the questionnaire cache of this test run (inherited by the commands tests start), never
# the user's own
os.environ.setdefault("LIWINDEX_CACHE_DIR", tempfile.mkdtemp(prefix="liwindex-cache-"))

import openpyxl
import pytest
import yaml
from click.testing import CliRunner, Result

from liwindex.api import ScoreResult, parse_questionnaire, read_round, score_round
from liwindex.cli import cli
from liwindex.model.questionnaire import Questionnaire
from liwindex.problems import InputError, Problem, Severity

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
INITIAL = EXAMPLES / "gmina-przykladowa-2024-wstepna.xlsx"
POST = EXAMPLES / "gmina-przykladowa-2025-powdrozeniowa.xlsx"


def run(*args: object, env: dict[str, str] | None = None) -> Result:
    """Run ``liwindex ARGS`` in this process (every argument as text), as the tests'
    one command-line runner; a program error fails the test instead of hiding in the
    result."""
    return CliRunner(env=env).invoke(cli, [str(a) for a in args], catch_exceptions=False)


def problems(result: Result) -> list[Problem]:
    """The problems a command stopped on (exit 1), as records: tests assert their codes and
    places, and the catalogue's words are tested once per code (test_messages.py)."""
    error = result.exception.__context__ if result.exception is not None else None
    assert result.exit_code == 1 and isinstance(error, InputError), result.output
    return list(error.report.problems)


def errors(result: Result) -> list[str]:
    """The codes of the errors a command stopped on, in order."""
    return [p.code for p in problems(result) if p.severity is Severity.ERROR]


# A small questionnaire whose scores are easy to compute by hand.
#   D1: A1 = q1, q2 (both groups), q3 (ngo only); A2 = q4, q5 (weight 3)
#   D2: A3 = q6 (reverse-coded), q7 (0–10 scale)
TINY = """
id: tiny
version: "1"
title: {pl: Mały kwestionariusz, en: Tiny questionnaire}
scoring:
  index_range: [1, 5]
  grade_step: 0.5
groups:
  - {id: ngo, label: {pl: Organizacja pozarządowa, en: NGO}, aliases: [NGO]}
  - {id: jst, label: {pl: Administracja, en: Administration}}
scales:
  - id: s5
    choices:
      - {code: "1", label: {pl: zdecydowanie źle, en: very poor}, points: 1}
      - {code: "2", label: {pl: raczej źle, en: rather poor}, points: 2}
      - {code: "3", label: {pl: "ani dobrze, ani źle", en: neutral}, points: 3}
      - {code: "4", label: {pl: raczej dobrze, en: rather good}, points: 4}
      - {code: "5", label: {pl: zdecydowanie dobrze, en: very good}, points: 5}
      - {code: nw, label: {pl: nie wiem, en: don't know}, na: true}
  - id: s10
    choices:
      - {code: "0", label: {pl: zero}, points: 0}
      - {code: "5", label: {pl: pięć}, points: 5}
      - {code: "10", label: {pl: dziesięć}, points: 10}
dimensions:
  - id: D1
    label: {pl: Płaszczyzna pierwsza, en: First dimension}
    areas:
      - id: A1
        label: {pl: Obszar pierwszy, en: First area}
        questions:
          - {id: q1, scale: s5, text: {pl: "Jak oceniasz konsultacje?", en: "How do you rate consultations?"}}
          - {id: q2, scale: s5, text: {pl: "Jak oceniasz informację?"}}
          - {id: q3, scale: s5, groups: [ngo], text: {pl: "Jak oceniasz dotacje?"}}
      - id: A2
        label: {pl: Obszar drugi}
        questions:
          - {id: q4, scale: s5, text: {pl: Pytanie cztery}}
          - {id: q5, scale: s5, weight: 3, text: {pl: Pytanie pięć}}
  - id: D2
    label: {pl: Płaszczyzna druga}
    areas:
      - id: A3
        label: {pl: Obszar trzeci}
        questions:
          - {id: q6, scale: s5, reverse: true, text: {pl: Procedury są zbyt trudne.}}
          - {id: q7, scale: s10, text: {pl: Pytanie siedem}}
context_questions:
  - {id: uwagi, type: open, text: {pl: Uwagi}}
"""


def tiny(**scoring: Any) -> Questionnaire:
    """The tiny questionnaire, with scoring settings overridden."""
    data = yaml.safe_load(TINY)
    data["scoring"].update(scoring)
    return parse_questionnaire(yaml.safe_dump(data, allow_unicode=True), "tiny.yaml")


def write_workbook(path: Path, sheets: dict[str, Sequence[Sequence[Any]]]) -> Path:
    """Write ``{sheet name: rows}`` to ``path`` (first sheet first)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(list(row))
        for cells in ws.iter_rows():
            for cell in cells:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # text typed by a respondent, not a formula
    wb.save(path)
    return path


def score_rows(
    tmp_path: Path,
    rows: Sequence[Sequence[Any]],
    questionnaire: Questionnaire | None = None,
    **extra_sheets: Sequence[Sequence[Any]],
) -> ScoreResult:
    """Score a responses sheet given as rows (first row: header) plus optional sheets."""
    q = questionnaire or tiny()
    sheets: dict[str, Sequence[Sequence[Any]]] = {"Odpowiedzi": rows}
    sheets.update(extra_sheets)
    path = write_workbook(tmp_path / "dane.xlsx", sheets)
    return score_round(read_round(path, q))


def area(result: ScoreResult, area_id: str) -> Any:
    """The area result with ``area_id``."""
    return next(a for a in result.areas if a.id == area_id)


@pytest.fixture
def q_tiny() -> Questionnaire:
    return tiny()
