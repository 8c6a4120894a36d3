"""User mistakes not covered elsewhere: each gives its exit code and a message that names
the problem (and, for warnings, the run still succeeds)."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import EXAMPLES, INITIAL, POST, errors, problems, run, tiny, write_workbook
from liwindex.problems import InputError, Severity


def test_output_in_a_missing_folder(tmp_path):
    """export -o into a folder that does not exist: exit 1, the folder named."""
    target = tmp_path / "nie" / "ma" / "r.xlsx"
    [problem] = problems(run("export", POST, "-o", target))
    assert (problem.code, problem.file, problem.value) == (
        "output-folder-missing",
        str(target),
        str(target.parent),
    )


def test_output_that_cannot_be_written(tmp_path, monkeypatch):
    """A report open in Excel (the rename is refused): exit 1, 'close the file'."""
    import os

    def refuse(*_args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    result = run("export", POST, "-o", tmp_path / "r.xlsx", "--bootstrap", "0")
    assert [(p.code, p.file) for p in problems(result)] == [("output-not-writable", str(tmp_path / "r.xlsx"))]
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind


def test_folder_without_workbooks(tmp_path):
    """benchmark on an empty folder: exit 1, 'no file was given'."""
    assert errors(run("benchmark", tmp_path, "--lang", "en")) == ["no-files"]


def test_pdf_without_a_renderer(tmp_path, monkeypatch):
    """--pdf where neither WeasyPrint nor Chromium exists: exit 1 with what to install."""
    monkeypatch.setattr("liwindex.outputs.pdf.engine", lambda: None)
    result = run("report", POST, "-o", tmp_path / "r.html", "--pdf", tmp_path / "r.pdf", "--bootstrap", "0")
    assert errors(result) == ["pdf-unavailable"]


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
    from liwindex.api import trend_files

    data = trend_files([str(INITIAL), str(EXAMPLES / "inne-jst" / "powiat-lesny-2025.xlsx"), str(undated)])
    found = {(p.code, p.severity) for p in data.problems}
    assert {("trend-many-jst", Severity.WARNING), ("trend-undated", Severity.WARNING)} <= found
    assert run("trend", INITIAL, EXAMPLES / "inne-jst" / "powiat-lesny-2025.xlsx", undated).exit_code == 0


def test_benchmark_warns_when_grades_meet_surveys():
    """One JST with working-group grades among survey-only ones: all are ranked on their
    survey scores, and a warning names the graded one."""
    from liwindex.api import benchmark_files

    [warning] = [
        p
        for p in benchmark_files([str(POST), str(EXAMPLES / "inne-jst")]).problems
        if p.code == "many-basis-survey"
    ]
    assert "Gmina Przykładowa 2025 · powdrożeniowa" in warning.value
    result = run("benchmark", POST, EXAMPLES / "inne-jst", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    survey = json.loads(run("score", POST, "--json").stdout)["index"]["survey"]["value"]
    assert data["basis"] == "survey" and data["index"]["jst"]["Gmina Przykładowa"]["value"] == survey


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("questionnaire: inny\n", "mapping-other-questionnaire"),
        ("colums: {}\n", "mapping-unknown-key"),
        ("answers: [1, 2]\n", "mapping-not-a-mapping"),
    ],
)
def test_mapping_file_mistakes(tmp_path, text, code):
    """A mapping for another questionnaire, a misspelt key, a list where pairs belong."""
    path = write_workbook(tmp_path / "d.xlsx", {"O": [["grupa", "o1_n1"], ["ngo", "4"]]})
    mapping = tmp_path / "m.yaml"
    mapping.write_text(text, "utf-8")
    result = run("validate", path, "--mapping", mapping, "--json")
    assert result.exit_code == 1
    assert [(p["code"], p["file"], p["line"]) for p in json.loads(result.stdout)["problems"]] == [
        (code, str(mapping), 1)
    ]


def test_two_group_columns(tmp_path):
    """'grupa' and 'group' both present: exit 1 at the second column."""
    path = write_workbook(tmp_path / "d.xlsx", {"O": [["grupa", "o1_n1", "group"], ["ngo", "4", "ngo"]]})
    result = run("validate", path, "--json")
    assert result.exit_code == 1
    [error] = [p for p in json.loads(result.stdout)["problems"] if p["severity"] == "error"]
    assert (error["code"], error["row"], error["column"]) == ("duplicate-group-column", 1, "C")


def test_metryka_mistakes_are_warnings(tmp_path):
    """An unknown key is noted and a bad year warned about; the round still scores."""
    path = write_workbook(
        tmp_path / "d.xlsx",
        {
            "O": [["grupa", "o1_n1"], ["ngo", "4"]],
            "metryka": [["jst", "Gmina X"], ["rok", "dwa tysiące"], ["wojewodztwo", "mazowieckie"]],
        },
    )
    result = run("validate", path, "--json")
    assert result.exit_code == 0
    found = {(p["code"], p["sheet"], p["value"]) for p in json.loads(result.stdout)["problems"]}
    assert {("bad-year", "metryka", "dwa tysiące"), ("unknown-meta-key", "metryka", "wojewodztwo")} <= found


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
    words = ("export", "benchmark", "report", "template", "questionnaire", "docs", "csv")
    result = run(*(a if a.startswith("-") or a in words else tmp_path / a for a in args))
    assert errors(result) == ["output-extension"]  # the missing input is never looked at
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
