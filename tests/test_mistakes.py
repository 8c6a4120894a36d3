"""User mistakes not covered elsewhere: each gives its exit code and a message that names
the problem (and, for warnings, the run still succeeds)."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, INITIAL, POST, tiny, write_workbook
from liwindex.cli import cli
from liwindex.problems import InputError


def run(*args, **env):
    return CliRunner(env=env or None).invoke(cli, [str(a) for a in args])


def test_output_in_a_missing_folder(tmp_path):
    """export -o into a folder that does not exist: exit 1, the folder named."""
    result = run("export", POST, "-o", tmp_path / "nie" / "ma" / "r.xlsx")
    assert result.exit_code == 1
    assert f"katalog „{tmp_path / 'nie' / 'ma'}” nie istnieje" in result.stderr


def test_output_that_cannot_be_written(tmp_path, monkeypatch):
    """A report open in Excel (the rename is refused): exit 1, 'close the file'."""
    import os

    def refuse(*_args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    result = run("export", POST, "-o", tmp_path / "r.xlsx", "--bootstrap", "0")
    assert result.exit_code == 1 and "Zamknij go w Excelu" in result.stderr
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind


def test_folder_without_workbooks(tmp_path):
    """benchmark on an empty folder: exit 1, 'no file was given'."""
    result = run("benchmark", tmp_path, "--lang", "en")
    assert result.exit_code == 1 and "no file was given" in result.stderr


def test_pdf_without_a_renderer(tmp_path, monkeypatch):
    """--pdf where neither WeasyPrint nor Chromium exists: exit 1 with what to install."""
    monkeypatch.setattr("liwindex.outputs.pdf.engine", lambda: None)
    result = run("report", POST, "-o", tmp_path / "r.html", "--pdf", tmp_path / "r.pdf", "--bootstrap", "0")
    assert result.exit_code == 1 and "WeasyPrint" in result.stderr


def test_rounds_scored_with_different_questionnaires_cannot_form_a_trend(tmp_path):
    """trend of results from two questionnaires: refused, both ids named."""
    import yaml

    from conftest import TINY
    from liwindex.api import score_file
    from liwindex.compare.many import trend
    from liwindex.model.loading import parse_questionnaire

    other = yaml.safe_load(TINY)
    other["id"] = "inny"
    path = write_workbook(tmp_path / "d.xlsx", {"O": [["grupa", "q1", "q2"], ["ngo", "3", "3"]]})
    results = [score_file(path, tiny()), score_file(path, parse_questionnaire(yaml.safe_dump(other)))]
    with pytest.raises(InputError) as exc:
        trend(results)
    [problem] = exc.value.report.errors
    assert problem.code == "mixed-questionnaires" and "inny, tiny" in problem.message("pl")


def test_trend_warns_about_other_jst_and_missing_year(tmp_path):
    """Rounds of two JSTs, one without a year: both warnings, exit 0."""
    undated = write_workbook(tmp_path / "bez-roku.xlsx", {"O": [["grupa", "o1_n1"], ["ngo", "3"]]})
    result = run("trend", INITIAL, EXAMPLES / "inne-jst" / "powiat-lesny-2025.xlsx", undated)
    assert result.exit_code == 0
    assert "etapy pochodzą z różnych JST" in result.stderr
    assert "brak roku w arkuszu „metryka” plików bez-roku.xlsx" in result.stderr


def test_benchmark_warns_when_grades_meet_surveys():
    """One JST with working-group grades among survey-only ones: all are ranked on their
    survey scores, and a warning names the graded one."""
    result = run("benchmark", POST, EXAMPLES / "inne-jst")
    assert result.exit_code == 0
    assert "oceny mają: Gmina Przykładowa 2025 · powdrożeniowa" in result.stderr
    assert "zestawiono wyniki ankiety" in result.stderr
    data = json.loads(run("benchmark", POST, EXAMPLES / "inne-jst", "--json").stdout)
    survey = json.loads(run("score", POST, "--json").stdout)["index"]["survey"]
    assert data["basis"] == "survey" and data["index"]["jst"]["Gmina Przykładowa"]["value"] == survey


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("questionnaire: inny\n", "mapowanie przygotowano dla kwestionariusza „inny”"),
        ("colums: {}\n", "nieznany klucz „colums”"),
        ("answers: [1, 2]\n", "tu powinna być lista par"),
    ],
)
def test_mapping_file_mistakes(tmp_path, text, expected):
    """A mapping for another questionnaire, a misspelt key, a list where pairs belong."""
    path = write_workbook(tmp_path / "d.xlsx", {"O": [["grupa", "o1_n1"], ["ngo", "4"]]})
    mapping = tmp_path / "m.yaml"
    mapping.write_text(text, "utf-8")
    result = run("validate", path, "--mapping", mapping)
    assert result.exit_code == 1 and expected in result.stdout


def test_two_group_columns(tmp_path):
    """'grupa' and 'group' both present: exit 1 at the second column."""
    path = write_workbook(tmp_path / "d.xlsx", {"O": [["grupa", "o1_n1", "group"], ["ngo", "4", "ngo"]]})
    result = run("validate", path)
    assert result.exit_code == 1
    assert "wiersz 1, kolumna C: druga kolumna grupy respondenta (pierwsza: A)" in result.stdout


def test_metryka_mistakes_are_warnings(tmp_path):
    """An unknown key is noted and a bad year warned about; the round still scores."""
    path = write_workbook(
        tmp_path / "d.xlsx",
        {
            "O": [["grupa", "o1_n1"], ["ngo", "4"]],
            "metryka": [["jst", "Gmina X"], ["rok", "dwa tysiące"], ["wojewodztwo", "mazowieckie"]],
        },
    )
    result = run("validate", path)
    assert result.exit_code == 0
    assert "rok „dwa tysiące” nie jest rokiem" in result.stdout
    assert "nieznany klucz metryki „wojewodztwo” pominięto" in result.stdout


def test_input_copy_is_untouched_by_a_failed_export(tmp_path):
    """A refused export (output exists) reads nothing and changes nothing."""
    src = shutil.copy(POST, tmp_path / "dane.xlsx")
    out = tmp_path / "r.xlsx"
    out.write_bytes(b"x")
    before = src.read_bytes()
    assert run("export", src, "-o", out).exit_code == 1
    assert src.read_bytes() == before and out.read_bytes() == b"x"


@pytest.mark.parametrize(
    "args",
    [
        ["export", "BRAK.xlsx", "-o", "raport"],
        ["export", "BRAK.xlsx", "-o", "nowy.docx"],
        ["export", "BRAK.xlsx", "-o", "a.xlsx", "--format", "csv"],
        ["benchmark", "BRAK.xlsx", "-o", "b.docx"],
        ["report", "BRAK.xlsx", "-o", "r.docx"],
        ["template", "-o", "t.csv"],
        ["questionnaire", "docs", "-o", "k.html"],
    ],
)
def test_wrong_output_extension_is_refused_before_any_work(tmp_path, args):
    """The format follows the extension: one the command cannot write ends in exit 1
    naming it, before the (missing) input is even looked at; nothing is written."""
    result = CliRunner().invoke(
        cli,
        [
            a
            if a.startswith("-")
            or a in ("export", "benchmark", "report", "template", "questionnaire", "docs", "csv")
            else str(tmp_path / a)
            for a in args
        ],
    )
    assert result.exit_code == 1
    assert "nie zapisuje plików z rozszerzeniem" in result.stderr
    assert "plik nie istnieje" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_report_named_pdf_writes_a_real_pdf_or_says_why(tmp_path):
    """report -o raport.pdf writes the PDF only (never HTML under a .pdf name), or, with no
    PDF renderer installed, says so and writes nothing."""
    out = tmp_path / "raport.pdf"
    result = run("report", POST, "-o", out, "--bootstrap", "0")
    if result.exit_code == 0:
        assert out.read_bytes().startswith(b"%PDF")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["raport.pdf"]
    else:
        assert "PDF" in result.stderr and list(tmp_path.iterdir()) == []
