"""Broken and hostile files: each ends in exit 1 with a located message within seconds,
never a traceback, a hang or a changed input."""

from __future__ import annotations

import hashlib
import time

import pytest
from click.testing import CliRunner

import badfiles
from liwindex.cli import cli
from liwindex.questionnaire_yaml import load_questionnaire


@pytest.mark.parametrize(("build", "code", "sheet", "row", "column", "args", "env"), badfiles.CORPUS,
                         ids=[c[0].__name__ for c in badfiles.CORPUS])
def test_bad_file_ends_in_one_clear_problem(tmp_path, monkeypatch, build, code, sheet, row, column,
                                            args, env):
    """validate --json names the problem and where it is; exit 1 in under 10 seconds."""
    import json

    for key, value in env.items():
        monkeypatch.setenv(key, value)
    path = build(tmp_path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    started = time.monotonic()
    result = CliRunner().invoke(cli, ["validate", str(path), "--json", *args])
    elapsed = time.monotonic() - started
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    errors = [p for p in json.loads(result.stdout)["problems"] if p["severity"] == "error"]
    assert [(p["code"], p["sheet"], p["row"], p["column"]) for p in errors] == [(code, sheet, row, column)]
    assert errors[0]["file"] == str(path) and errors[0]["message"]
    assert elapsed < 10
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def test_bad_file_score_has_no_traceback(tmp_path):
    """The same files through score print a message, not a traceback."""
    path = badfiles.xml_bomb(tmp_path)
    result = CliRunner().invoke(cli, ["score", str(path)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "nie jest skoroszytem" in result.stderr


def test_yaml_alias_bomb_is_refused_quickly(tmp_path):
    """A questionnaire with nested aliases is refused before anything expands it."""
    from liwindex.problems import InputError

    path = badfiles.yaml_alias_bomb(tmp_path)
    started = time.monotonic()
    with pytest.raises(InputError) as exc:
        load_questionnaire(path)
    assert time.monotonic() - started < 5
    assert exc.value.report.errors[0].code == "yaml-too-complex"


def test_openpyxl_fallback_does_not_expand_entities(tmp_path):
    """Even the openpyxl path refuses the billion laughs (it parses with defusedxml)."""
    from liwindex.readers import read_spreadsheet
    from liwindex.workbook import Limits

    path = badfiles.xml_bomb(tmp_path)
    started = time.monotonic()
    with pytest.raises(Exception) as exc:
        read_spreadsheet(path, Limits(), engine="openpyxl")
    assert time.monotonic() - started < 5
    chain, error = [], exc.value
    while error is not None:
        chain.append(type(error).__name__)
        error = error.__cause__ or error.__context__
    assert "EntitiesForbidden" in chain
