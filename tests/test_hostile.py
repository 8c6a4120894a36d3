"""Broken and hostile files: each ends in exit 1 with a located message within seconds,
never a traceback, a hang or a changed input."""

from __future__ import annotations

import hashlib
import json
import time

import pytest
from click.testing import CliRunner

import badfiles
from conftest import errors, problems, run
from liwindex.cli import cli
from liwindex.model.loading import load_questionnaire


@pytest.mark.parametrize(
    ("build", "code", "sheet", "row", "column", "args", "env"),
    badfiles.CORPUS,
    ids=[c[0].__name__ for c in badfiles.CORPUS],
)
def test_bad_file_ends_in_one_clear_problem(
    tmp_path, monkeypatch, build, code, sheet, row, column, args, env
):
    """validate --json names the problem and where it is; exit 1 in under 10 seconds."""
    import json

    for key, value in env.items():
        monkeypatch.setenv(key, value)
    path = build(tmp_path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    started = time.monotonic()
    result = run("validate", path, "--json", *args)
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
    result = run("score", path)
    assert "Traceback" not in result.output
    [problem] = problems(result)
    assert (problem.code, problem.file) == ("not-a-workbook", str(path)) and "DTD" in problem.params["kind"][
        "en"
    ]


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
    from liwindex.io.readers import read_spreadsheet
    from liwindex.io.sheets import Limits

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


def test_markup_mathtext_and_control_characters_are_data(tmp_path):
    """A JST and a file named with rich markup and TeX dollars: score, compare and report
    succeed. Terminal escapes and a bidi override in CSV cells (an open answer, a wrong
    answer that validate echoes) never reach the terminal or the page raw."""
    from conftest import TINY, write_workbook

    q = tmp_path / "tiny.yaml"
    q.write_text(TINY, "utf-8")
    rows = [["grupa", "q1", "q2", "uwagi"]] + [["ngo", "3", "4", "[/b] $x^2$ [red]"]] * 6
    name = "Gmina [/b] $a$ [bold"
    a = write_workbook(tmp_path / "[b]$x$.xlsx", {"O": rows, "metryka": [["jst", name], ["rok", 2024]]})
    b = write_workbook(tmp_path / "b.xlsx", {"O": rows, "metryka": [["jst", name], ["rok", 2025]]})
    for args in (
        ["score", a, "-q", q],
        ["compare", a, b, "-q", q, "--bootstrap", "50"],
        ["report", a, b, "-q", q, "-o", tmp_path / "r.html", "--bootstrap", "0"],
    ):
        result = run(*args)
        assert result.exit_code == 0, result.output
    assert "Gmina [/b] $a$ [bold" in run("score", a, "-q", q).stdout
    escape = "\x1b]0;tytuł\x07\x1b[2J\u202e"
    raw = escape.encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
    csv_path = tmp_path / "e.csv"
    csv_path.write_text(
        "grupa,q1,q2,uwagi\n" + "".join(f"ngo,3,4,{raw}\n" for _ in range(5)) + f"ngo,{raw},4,x\n", "utf-8"
    )
    result = run("validate", csv_path, "-q", q)
    assert result.exit_code == 1
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout and "\\x1b" in result.stdout
    csv_path.write_text("grupa,q1,q2,uwagi\n" + "".join(f"ngo,3,4,{raw}\n" for _ in range(6)), "utf-8")
    result = run("report", csv_path, "-q", q, "-o", tmp_path / "e.html", "--bootstrap", "0")
    assert result.exit_code == 0, result.output
    page = (tmp_path / "e.html").read_text("utf-8")
    assert "\x1b" not in page and "\u202e" not in page and "\\x1b[2J" in page


def test_non_finite_and_runaway_settings_are_located_errors(tmp_path):
    """index_range [1, .inf], min_area_coverage 1e400, a weight of 1e-320 and a grade step of
    1e-9 (which would make template enumerate 4·10⁹ grades): exit 1, each with its YAML path."""
    from conftest import TINY

    text = TINY.replace("index_range: [1, 5]", "index_range: [1, .inf]\n  min_area_coverage: 1e400")
    text = text.replace("weight: 3,", "weight: 1e-320,")
    path = tmp_path / "q.yaml"
    path.write_text(text, "utf-8")
    result = run("questionnaire", "check", path)
    places = {p.yaml_path for p in problems(result)}
    assert {"scoring.index_range[1]", "scoring.min_area_coverage"} <= places
    assert any(place.endswith(".weight") for place in places)
    step = tmp_path / "step.yaml"
    step.write_text(TINY.replace("grade_step: 0.5", "grade_step: 1e-9"), "utf-8")
    started = time.monotonic()
    result = run("template", "-q", step, "-o", tmp_path / "t.xlsx")
    assert [(p.code, p.yaml_path) for p in problems(result)] == [("too-many-grades", "scoring.grade_step")]
    assert time.monotonic() - started < 10


def test_a_fraction_too_big_for_a_float_is_a_located_error(tmp_path):
    """min_area_coverage: 10**400/1 (a fraction past any float): exit 1 at its YAML path."""
    from conftest import TINY

    path = tmp_path / "q.yaml"
    path.write_text(
        TINY.replace("index_range: [1, 5]", f"index_range: [1, 5]\n  min_area_coverage: 1{'0' * 400}/1")
    )
    result = run("questionnaire", "check", path)
    assert [p.yaml_path for p in problems(result)] == ["scoring.min_area_coverage"]


def test_metryka_year_that_overflows_is_a_warning(tmp_path):
    """rok: inf or 999999 in metryka: a located warning, the round still scores."""
    from conftest import TINY, write_workbook

    q = tmp_path / "tiny.yaml"
    q.write_text(TINY, "utf-8")
    for year in ("inf", "1e400", 999999):
        path = write_workbook(
            tmp_path / "m.xlsx", {"O": [["grupa", "q1"], ["ngo", "3"]], "metryka": [["rok", year]]}
        )
        result = run("score", path, "-q", q)
        assert result.exit_code == 0, result.output
        assert "metryka" in result.stderr


def test_negative_seed_is_a_usage_error():
    """--seed -1: exit 2 from the option's range, not a program error."""
    from conftest import POST

    assert run("score", POST, "--bootstrap", "10", "--seed", "-1").exit_code == 2


def test_no_command_replaces_a_file_it_read(tmp_path):
    """template -q moj.yaml -o moj.yaml --force, questionnaire docs onto its questionnaire,
    benchmark FOLDER -o FOLDER/input.xlsx --force, grading-pack onto a file of its round:
    exit 1, every input unchanged."""
    import shutil

    from conftest import EXAMPLES, TINY

    q = tmp_path / "moj.yaml"
    q.write_text(TINY, "utf-8")
    md = tmp_path / "moj.md"  # a questionnaire under a name questionnaire docs could write
    md.write_text(TINY, "utf-8")
    folder = tmp_path / "jst"
    shutil.copytree(EXAMPLES / "inne-jst", folder)
    target = folder / "powiat-lesny-2025.xlsx"
    digests = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in [q, md, *folder.iterdir()]}
    for args, code in (
        (["template", "-q", q, "-o", q, "--force"], "output-extension"),
        (["xlsform", "-q", q, "-o", q, "--force"], "output-extension"),
        (["questionnaire", "docs", md, "-o", tmp_path / "." / "moj.md", "--force"], "output-is-input"),
        (["benchmark", folder, "-o", target, "--force"], "output-is-input"),
        (["grading-pack", folder, "-o", tmp_path / "ok.xlsx", "-o", target, "--force"], "output-is-input"),
        (["grading-pack", target, "--previous", q, "-o", q, "--force"], "output-extension"),
    ):
        assert errors(run(*args)) == [code], args
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in digests} == digests
    assert not (tmp_path / "ok.xlsx").exists()  # every output checked before any is written


def test_write_errors_are_messages(tmp_path, monkeypatch):
    """A full disk and a folder without write permission: exit 1, a sentence, no temp file."""
    import errno
    import os

    from conftest import POST

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = run("export", POST, "-o", tmp_path / "r.xlsx", "--bootstrap", "0")
    assert errors(result) == ["output-disk-full"]
    assert list(tmp_path.iterdir()) == []
    monkeypatch.undo()
    locked = tmp_path / "tylko-odczyt"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        if os.access(locked, os.W_OK):  # root ignores the mode: simulate the refusal
            import tempfile

            def refuse(*_args, **_kwargs):
                raise PermissionError(errno.EACCES, "Permission denied")

            monkeypatch.setattr(tempfile, "mkstemp", refuse)
        result = run("export", POST, "-o", locked / "r.xlsx", "--bootstrap", "0")
        assert errors(result) == ["output-no-permission"]
    finally:
        locked.chmod(0o755)


def test_special_files_are_refused_without_reading(tmp_path):
    """-q /dev/zero and a FIFO named .csv: exit 1 at once, 'not a regular file'."""
    import os

    from conftest import POST

    started = time.monotonic()
    result = run("score", POST, "-q", "/dev/zero")
    assert [(p.code, p.file) for p in problems(result)] == [("not-a-regular-file", "/dev/zero")]
    fifo = tmp_path / "dane.csv"
    os.mkfifo(fifo)
    result = run("score", fifo)
    assert [(p.code, p.file) for p in problems(result)] == [("not-a-regular-file", str(fifo))]
    assert time.monotonic() - started < 10


def test_sigterm_during_a_write_leaves_no_temporary_file(tmp_path):
    """A report being written when SIGTERM arrives: the temporary file is removed."""
    import os
    import signal
    import subprocess
    import sys

    script = (
        "import os, signal, time\n"
        "from pathlib import Path\n"
        "from liwindex.outputs.files import install_signal_cleanup, write_atomically\n"
        "install_signal_cleanup()\n"
        "def slow(tmp):\n"
        "    tmp.write_text('x')\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(30)\n"
        f"write_atomically(Path({str(tmp_path / 'r.xlsx')!r}), slow)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
    assert any(p.name.endswith(".tmp") for p in tmp_path.iterdir())
    os.kill(proc.pid, signal.SIGTERM)
    assert proc.wait(10) == 128 + signal.SIGTERM
    assert list(tmp_path.iterdir()) == []


def test_a_far_cell_is_named_and_refused_before_reading(tmp_path):
    """XFD1048576: the message names the cell and the fix, well under the time limit, and
    the process is not aborted by the reader's allocation."""
    started = time.monotonic()
    result = run("score", badfiles.last_excel_cell(tmp_path))
    [problem] = problems(result)
    assert (problem.code, problem.value) == ("cell-beyond-limits", "XFD1048576")
    assert time.monotonic() - started < 10


@pytest.mark.parametrize(
    ("content", "code", "env"),
    [
        (lambda: b"grupa," + b"," * 1_000_000 + b"\n", "too-many-columns", {}),
        (lambda: b"grupa,o1_n1\n" + b"ngo,4," * 1_000_000, "csv-line-too-long", {}),
        (lambda: b"grupa;o1_n1\n" + b";;;\n" * 5000, "too-many-rows", {"LIWINDEX_MAX_ROWS": "1000"}),
        (lambda: b"grupa,o1_n1\n" + b"\x00" * 100_000, "csv-not-text", {}),
    ],
    ids=["million-columns", "no-newline", "separator-lines", "nul-bytes"],
)
def test_csv_shapes_are_bounded_while_streaming(tmp_path, monkeypatch, content, code, env):
    """Runaway CSV shapes end in exit 1 naming the CSV problem in seconds, before a parser
    holds the line (these once took 15 minutes, 4.5–9.6 GB, or said 'not an Excel file')."""
    import json

    for key, value in env.items():
        monkeypatch.setenv(key, value)
    path = tmp_path / "dane.csv"
    path.write_bytes(content())
    started = time.monotonic()
    result = run("validate", path, "--json")
    assert result.exit_code == 1
    assert [p["code"] for p in json.loads(result.stdout)["problems"] if p["severity"] == "error"] == [code]
    assert time.monotonic() - started < 10


def test_a_huge_sparse_csv_is_refused_by_its_size(tmp_path):
    """A 10 GB sparse file named .csv: refused at once by its size, with the CSV message."""
    path = tmp_path / "wielki.csv"
    with path.open("wb") as fh:
        fh.truncate(10 * 10**9)
    started = time.monotonic()
    result = run("score", path)
    assert [(p.code, p.file) for p in problems(result)] == [("csv-too-large", str(path))]
    assert time.monotonic() - started < 5


def test_ragged_csv_keeps_the_fast_parser_and_its_values(tmp_path):
    """Rows with fewer fields than the header (trailing blanks cut by the exporting tool)
    are read with the missing cells empty."""
    from liwindex.io.csvfile import read_csv
    from liwindex.io.sheets import Limits
    from liwindex.problems import Report

    path = tmp_path / "d.csv"
    path.write_text("grupa,o1_n1,o1_n2\nngo,4\njst,3,2\nngo\n", "utf-8")
    sheet = read_csv(path, Report(), Limits())
    assert [list(v) for _, v in sheet.rows] == [
        ["grupa", "o1_n1", "o1_n2"],
        ["ngo", "4", None],
        ["jst", "3", "2"],
        ["ngo", None, None],
    ]


def test_small_hostile_inputs_round_two(tmp_path):
    """Leading spaces before '=' in CSV export text; a YAML bomb of long strings; an id
    written to attack XLSForm expressions; 600 areas; --bootstrap beyond 10⁹ draws."""
    import yaml

    from conftest import POST, TINY
    from liwindex.outputs.csv_table import csv_text

    assert [csv_text(v) for v in (" =1+1", "\u00a0=1+1", "  +A1", "ok =1")] == [
        "' =1+1",
        "'\u00a0=1+1",
        "'  +A1",
        "ok =1",
    ]

    bomb = tmp_path / "napisy.yaml"
    lines = [f"a0: &a0 {'x' * 5000}"] + [
        f"a{i}: &a{i} [{', '.join(['*a' + str(i - 1)] * 10)}]" for i in range(1, 5)
    ]
    bomb.write_text("\n".join(lines) + "\nid: x\n", "utf-8")
    started = time.monotonic()
    result = run("questionnaire", "docs", bomb)
    assert result.exit_code == 1 and time.monotonic() - started < 5

    data = yaml.safe_load(TINY)
    data["groups"][0]["id"] = "ngo' or '1'='1"
    evil = tmp_path / "evil.yaml"
    evil.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    result = run("xlsform", "-q", evil, "-o", tmp_path / "f.xlsx")
    assert ("yaml-invalid", "groups[0].id") in [(p.code, p.yaml_path) for p in problems(result)]

    data = yaml.safe_load(TINY)
    question = data["dimensions"][0]["areas"][0]["questions"][0]
    data["dimensions"][0]["areas"] = [
        {"id": f"A{i}", "label": {"pl": "x"}, "questions": [{**question, "id": f"x{i}", "text": {"pl": "t"}}]}
        for i in range(600)
    ]
    big = tmp_path / "duzy.yaml"
    big.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    started = time.monotonic()
    result = run("questionnaire", "check", big)
    [problem] = problems(result)
    assert (problem.code, problem.value, problem.params["max"]) == ("too-many-items", 601, 500)
    assert time.monotonic() - started < 10

    result = run("analyze", POST, "--bootstrap", "100000", "--lang", "en")
    assert result.exit_code == 0  # 70 respondents × 100,000 is within the limit
    from liwindex.analysis.analyze import MAX_DRAWS, draws_for
    from liwindex.api import score_file
    from liwindex.problems import InputError

    result_ = score_file(POST)
    with pytest.raises(InputError) as exc:
        draws_for(result_, MAX_DRAWS // 70 + 10, 1)
    assert exc.value.report.errors[0].code == "bootstrap-too-large"


def test_sheet_lists_are_capped_and_sheet_names_stay_comments(tmp_path):
    """--sheet on a workbook of 60 sheets lists 20 and says how many more; a sheet name with
    a line break stays inside mapping init's header comment."""
    import yaml

    from conftest import write_workbook

    sheets = {f"Arkusz{i}": [["grupa"], ["ngo"]] for i in range(60)}
    path = write_workbook(tmp_path / "many.xlsx", sheets)
    result = run("score", path, "--sheet", "Brak")
    assert result.exit_code == 1 and "… i 40 innych" in result.stderr
    odd = write_workbook(tmp_path / "odd.xlsx", {"Dane\nklucz": [["grupa", "Pytanie"], ["ngo", "4"]]})
    out = tmp_path / "m.yaml"
    result = run("mapping", "init", odd, "-o", out)
    assert result.exit_code == 0, result.output
    text = out.read_text("utf-8")
    assert "klucz" not in yaml.safe_load(text) and text.splitlines()[0].startswith("# liwindex")


def test_xls_claiming_four_billion_rows_is_a_message_not_an_abort(tmp_path):
    """An .xls whose DIMENSIONS record claims 4 billion rows aborts python-calamine's process;
    read in a guarded child it ends in exit 1 naming the damaged .xls."""
    from pathlib import Path

    data = bytearray((Path(__file__).parent / "data" / "ankieta-libreoffice.xls").read_bytes())
    at = data.find(b"\x00\x02\x0e\x00")  # BIFF8 DIMENSIONS: rwMic, rwMac, colMic, colMac
    data[at + 8 : at + 12] = (0xFFFFFFF0).to_bytes(4, "little")
    data[at + 14 : at + 16] = (0xFF).to_bytes(2, "little")
    path = tmp_path / "wymiary.xls"
    path.write_bytes(bytes(data))
    started = time.monotonic()
    result = run("score", path)
    [problem] = problems(result)
    assert (problem.code, problem.file, problem.params["format"]) == ("not-a-workbook", str(path), ".xls")
    assert time.monotonic() - started < 10


def test_xlsx_renamed_xls_says_rename_it(tmp_path):
    """An .xlsx saved as .xls: the message names the real format and the fix."""
    from conftest import POST

    path = tmp_path / "ankieta.xls"
    path.write_bytes(POST.read_bytes())
    result = run("score", path)
    [problem] = problems(result)
    assert (problem.code, problem.file) == ("xlsx-named-xls", str(path))


def test_questionnaire_labels_with_markup_show_as_written(tmp_path):
    """questionnaire show of a question text like '[/b] [bold red]X': printed as written."""
    from conftest import TINY

    path = tmp_path / "q.yaml"
    path.write_text(TINY.replace('"Jak oceniasz konsultacje?"', '"[/b] [bold red]X"'), "utf-8")
    result = run("questionnaire", "show", path)
    assert result.exit_code == 0, result.output
    assert "[/b] [bold red]X" in result.stdout


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

CONTROLS = "\x1b\x00\x9b\u202e\r"
HOSTILE_TEXT = st.lists(
    st.sampled_from(
        [
            *"ab $^_[]/\\{}<>&\"'=",
            "[/b]",
            "[bold]",
            "$x$",
            "\x1b[2J",
            "\x1b]0;t\x07",
            "\u202e",
            "\x00",
            "\x9b",
            "\r",
        ]
    ),
    min_size=1,
    max_size=8,
).map("".join)
# names no one would type, given at once to the JST and to every area of one round
HOSTILE_NAMES = [
    "[/b] [bold red]X",
    "$x$ \\frac{a}{b}",
    "\x1b[2J\x1b]0;tytuł\x07",
    "a\u202eb",
    "nul\x00 csi\x9b cr\r",
    '<script>alert("x")</script>',
    '=HYPERLINK("http://x")',
    "{} {0} %s _^",
]


@given(HOSTILE_TEXT)
def test_visible_text_has_no_control_character(text):
    """Text from a file shown to a person carries no raw control character, and showing it
    twice changes nothing more."""
    from liwindex.text import visible

    shown = visible(text)
    assert not any(ch in shown for ch in CONTROLS)
    assert visible(shown) == shown


@given(HOSTILE_TEXT)
def test_terminal_text_is_never_markup(text):
    """A name in a terminal table is printed as written: rich markup in it stays text."""
    import io

    from rich.console import Console

    from liwindex.cli.terminal import plain
    from liwindex.text import visible

    out = io.StringIO()
    Console(file=out, width=200, force_terminal=False, soft_wrap=True).print(plain(text))
    assert out.getvalue().rstrip("\n") == visible(text)


def test_hostile_names_render_as_data():
    """A hostile JST name and area labels (markup, TeX, controls, HTML, a formula) render in
    the terminal table, the HTML page and its charts without an error, a raw control
    character or live markup."""
    import io

    from rich.console import Console

    from conftest import POST
    from liwindex.api import score_file
    from liwindex.cli.render import render_score
    from liwindex.outputs.html.page import build_page

    result = score_file(POST)
    result.meta["jst"] = HOSTILE_NAMES[0]
    for area, name in zip(result.areas, HOSTILE_NAMES * 2, strict=False):
        area.label = {"pl": name, "en": name}
    out = io.StringIO()
    render_score(result, Console(file=out, width=160, force_terminal=False), "pl")
    html = build_page([result], None, [], "pl")
    for text in (out.getvalue(), html):
        assert not any(ch in text for ch in CONTROLS)
    assert "[/b] [bold red]X" in out.getvalue()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_mostly_empty_range_is_refused_only_when_large_and_far_emptier_than_its_xml():
    """The range check: more than five million cells and more cells than bytes of XML."""
    from liwindex.io.readers import SPARSE_FROM_CELLS, _check_range
    from liwindex.io.sheets import TooLarge

    _check_range("Odp", 50_000, 100, None)  # no XML size known (CSV, .ods): not judged
    _check_range("Odp", 50_000, 100, 5_000_000)  # as many bytes as cells: read
    _check_range("Odp", SPARSE_FROM_CELLS // 100, 100, 1000)  # small enough to read anyway
    with pytest.raises(TooLarge) as caught:
        _check_range("Odp", 60_000, 100, 4_999_999)
    assert caught.value.code == "sheet-mostly-empty"
    assert caught.value.params == {"value": "CV60000", "cells": "6 000 000", "size": "5000"}


def test_a_stray_cell_within_reach_is_still_read(tmp_path):
    """A stray cell a few thousand rows below the answers keeps the file readable, with the
    same scores as without it."""
    plain = badfiles._far(tmp_path, "bez.xlsx", "")
    stray = badfiles._far(
        tmp_path, "z.xlsx", '<row r="4000"><c r="Z4000" t="inlineStr"><is><t>uwaga</t></is></c></row>'
    )
    runner = CliRunner()
    without, with_stray = (runner.invoke(cli, ["score", str(p), "--json"]) for p in (plain, stray))
    assert without.exit_code == 0 and with_stray.exit_code == 0, with_stray.output
    assert json.loads(with_stray.stdout)["index"] == json.loads(without.stdout)["index"]


def test_mostly_empty_sheet_through_the_slow_path_is_refused_too(tmp_path):
    """A comment sends the sheet to the tokenizer; its XML is still measured."""
    path = badfiles._far(
        tmp_path, "komentarz.xlsx", '<!-- x --><row r="60000"><c r="CV60000"><v>1</v></c></row>'
    )
    result = run("validate", path, "--json")
    assert result.exit_code == 1
    assert [p["code"] for p in json.loads(result.stdout)["problems"] if p["severity"] == "error"] == [
        "sheet-mostly-empty"
    ]


def test_members_are_inflated_exactly_as_zipfile_reads_them(tmp_path, monkeypatch):
    """The checks read members straight from the archive: the same bytes as zipfile gives,
    stored or deflated, whole or only their start; more than the declared size is refused."""
    import zipfile

    from liwindex.io import archive
    from liwindex.io.archive import MemberTooLong, member_chunks

    body = b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (i, i, i) for i in range(1, 150_000))
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("deflated.xml", body, zipfile.ZIP_DEFLATED)
        z.writestr("stored.xml", body[:5000], zipfile.ZIP_STORED)
        z.writestr("empty.xml", b"", zipfile.ZIP_DEFLATED)
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            size = [0]
            whole = b"".join(member_chunks(z, info, size))
            assert whole == z.read(info) and size[0] == len(whole) == info.file_size
            assert b"".join(member_chunks(z, info, head=4096)) == z.read(info)[:4096]
        assert len(list(member_chunks(z, z.getinfo("deflated.xml")))) == 2  # 6.6 MB in 4 MB pieces
        # odd small pieces: input held back and output pending in zlib at every boundary
        with monkeypatch.context() as patch:
            patch.setattr(archive, "SCAN_CHUNK", 997)
            info = z.getinfo("deflated.xml")
            assert b"".join(member_chunks(z, info)) == z.read(info)
    with zipfile.ZipFile(badfiles.understated_size(tmp_path)) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
        assert len(z.read(info)) == info.file_size  # zipfile stops at the declared size
        with pytest.raises(MemberTooLong):
            b"".join(member_chunks(z, info))


def test_special_files_are_refused_as_outputs(tmp_path):
    """A FIFO, a socket, a device, a link to nowhere or a folder named as the output: exit 1,
    with or without --force, and the thing itself is left as it was."""
    import os
    import socket

    from conftest import POST

    fifo, link, sock, folder, null = (
        tmp_path / n for n in ("p.xlsx", "l.xlsx", "s.xlsx", "d.xlsx", "n.xlsx")
    )
    os.mkfifo(fifo)
    link.symlink_to(tmp_path / "nowhere.xlsx")
    null.symlink_to("/dev/null")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock))
    folder.mkdir()
    try:
        for target, code in [
            (fifo, "output-special-file"),
            (link, "output-special-file"),
            (sock, "output-special-file"),
            (null, "output-special-file"),
            (folder, "file-is-directory"),
        ]:
            for force in ((), ("--force",)):
                result = run("export", POST, "-o", target, "--bootstrap", "0", *force)
                assert [(p.code, p.file) for p in problems(result)] == [(code, str(target))]
    finally:
        server.close()
    assert fifo.is_fifo() and link.is_symlink() and not link.exists() and sock.is_socket()


def test_names_that_are_not_utf8_are_shown_not_a_program_error(tmp_path):
    """A round file whose name is not UTF-8 (Linux keeps its bytes) in a batch, and --autor
    given in such bytes: the documents are written, the bytes shown as �."""
    import os
    import shutil

    from conftest import INITIAL, POST

    folder = tmp_path / "in"
    folder.mkdir()
    for source in (INITIAL, POST):
        shutil.copy(source, os.path.join(os.fsencode(folder), b"gmina-\xff-" + os.fsencode(source.name)))
    out = tmp_path / "out"
    result = run("batch", folder, "-o", out, "--bootstrap", "0", "--quiet")
    assert result.exit_code == 0, result.output
    assert (out / "podsumowanie.html").exists() and (out / "lijw.csv").exists()
    author = os.fsdecode(b"Jan \xff")
    for command, inputs in (("report", [POST]), ("trend", [INITIAL, POST])):
        page = tmp_path / f"{command}.html"
        result = run(
            command, *inputs, "-o", page, "--autor", author, *(["--jobs", "1"] * (command == "trend"))
        )
        assert result.exit_code == 0, result.output
        assert "Jan \ufffd" in page.read_text("utf-8")


def test_a_chromium_crash_is_a_message_naming_its_exit_code(tmp_path):
    """Chromium that exits 1 while printing: exit 1 with pdf-print-failed naming the PDF,
    Chromium's exit code and the first line it wrote; no PDF left behind."""
    import os

    from conftest import POST

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "chromium"
    fake.write_text("#!/bin/sh\necho 'Trace/breakpoint trap: GPU process crashed' >&2\nexit 1\n")
    fake.chmod(0o755)
    env = {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "LIWINDEX_PDF_ENGINE": "chromium"}
    target = tmp_path / "raport.pdf"
    result = run("report", POST, "-o", target, "--bootstrap", "0", env=env)
    [problem] = problems(result)
    assert (problem.code, problem.file, problem.value) == ("pdf-print-failed", str(target), "1")
    assert "GPU process crashed" in problem.params["detail"]
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".*.tmp")) == []


@pytest.mark.parametrize(
    "header",
    [
        "1" + " " * 100_000 + "\u00a0",
        "Pyt" + " " * 100_000 + "x",
        "[o1_n1]" + " " * 100_000,
        "o1_n1" + " " * 50_000 + "." + " " * 50_000,
        "1." * 50_000,
        "o1_n1[" + "a" * 100_000,
        "ą" * 100_000 + "/o1_n1",
    ],
    ids=["numbering", "pyt", "bracket-id", "id-dot", "dotted-numbers", "subquestion", "kobo-path"],
)
def test_a_100_kb_adversarial_header_is_matched_in_under_a_second(header):
    """Header matching is linear: runs of spaces before a no-break space, a bracketed id or a
    dot do not backtrack (such headers took 4–12 s at 20,000 spaces)."""
    from liwindex.responses.matching import HeaderMatcher

    matcher = HeaderMatcher(load_questionnaire())
    started = time.monotonic()
    matcher.match(header)
    matcher.match(header + "x")  # not remembered
    assert time.monotonic() - started < 1


def test_long_space_headers_in_a_csv_are_read_quickly(tmp_path):
    """Eight 32,000-space headers (a 257 kB CSV, over 100 s before) end in seconds."""
    import csv

    path = tmp_path / "spacje.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["grupa", "o1_n1", *("1" + " " * (32_000 + i) + "\u00a0" for i in range(8))])
        writer.writerow(["ngo", "4", *["x"] * 8])
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    started = time.monotonic()
    result = run("validate", path)
    assert time.monotonic() - started < 10 and "Traceback" not in result.output
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


@pytest.mark.parametrize(
    "headers",
    [
        [f"Zupełnie nieznana kolumna numer {i} o czymś innym" for i in range(1_999)],
        ["Jakaś nieznana kolumna"] * 1_500,
        [f"Jak ocenia Pan/Pani współpracę w obszarze {i}?" for i in range(1_999)],
    ],
    ids=["unknown", "identical", "alike"],
)
def test_mapping_init_on_thousands_of_columns_takes_seconds(tmp_path, headers):
    """mapping init compares each distinct header only with the questions it could be like,
    and assigns over the smaller side (2,000 unknown columns took over 200 s)."""
    import csv

    import yaml

    path = tmp_path / "szerokie.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["grupa", *headers])
        writer.writerow(["ngo", *["4"] * len(headers)])
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    out = tmp_path / "m.yaml"
    started = time.monotonic()
    result = run("mapping", "init", path, "-o", out)
    assert result.exit_code == 0, result.output
    assert time.monotonic() - started < 10
    columns = yaml.safe_load(out.read_text("utf-8"))["columns"]
    assert len(columns) == len(set(headers)) + 1
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


_HOSTILE_HEADER = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40),
    st.text(
        st.sampled_from(":#-?&*!|>%@`\"'\\{}[],\n\r\t\x00\x01\x1b\x7f\x85\u2028\ufeff ąż"),
        min_size=1,
        max_size=30,
    ),
    st.sampled_from(
        [
            "- a",
            "? b",
            "&x",
            "*x",
            "!tag",
            "|",
            ">",
            "%YAML",
            "@",
            "`",
            "'q'",
            '"q"',
            "a: b",
            "#c",
            "~",
            "null",
        ]
    ),
    st.integers(min_value=1_000, max_value=3_000).map(lambda n: ("Długi: „nagłówek” # " * n)[:n]),
)


def _mapping_round_trip(tmp_path, headers):
    """mapping init on a CSV with ``headers``; the keys its mapping's ``columns`` reads back
    as, the file and the text the tool wrote."""
    import csv

    from liwindex.io.yamldoc import parse_yaml
    from liwindex.problems import Report
    from liwindex.responses.mapping_init import propose_mapping

    path = tmp_path / "dane.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["grupa", *headers])
        writer.writerow(["ngo", *[""] * len(headers)])
    text = propose_mapping(path, load_questionnaire())
    doc = parse_yaml(text, "m.yaml", Report(), kind="mapping")
    return path, doc.data["columns"], text


@settings(max_examples=40, deadline=None)
@given(st.lists(_HOSTILE_HEADER, min_size=1, max_size=6))
def test_what_mapping_init_writes_reads_back_as_the_same_headers(tmp_path_factory, headers):
    """Hostile headers (long, control characters, quotes, colons, #, a leading -, ?, &, *, !,
    unicode, line breaks, NUL) written by mapping init load with the mapping loader and come
    back as the very headers the file has (as the matcher sees them)."""
    from liwindex.responses.mapping import load_mapping
    from liwindex.responses.matching import HeaderMatcher
    from liwindex.text import clean_text, fold

    tmp_path = tmp_path_factory.mktemp("rt")
    _, columns, text = _mapping_round_trip(tmp_path, headers)
    titles = [clean_text(h) for h in ["grupa", *headers]]
    expected = {t for t in titles if t and not HeaderMatcher.is_platform_column(t)}
    # (headers alike once folded share one entry)
    assert set(columns) <= expected and {fold(c) for c in columns} == {fold(t) for t in expected}
    out = tmp_path / "m.yaml"
    out.write_text(text.replace(': "?', ': "'), "utf-8")  # what a user confirming it does
    mapping = load_mapping(out, load_questionnaire())
    assert set(mapping.columns) == {fold(t) for t in expected}


def test_a_header_longer_than_1024_characters_is_written_so_that_it_loads(tmp_path):
    """A plain YAML key may be 1,024 characters at most: a longer header is written as an
    explicit key ("? …"), and score with the mapping reads the file."""
    from liwindex.text import clean_text

    header = ("Bardzo długie pytanie: czy „współpraca” # układa się dobrze? " * 40)[:2_500]
    path, columns, text = _mapping_round_trip(tmp_path, [header, "o1_n1"])
    assert list(columns) == ["grupa", clean_text(header), "o1_n1"] and "\n  ? " in text
    out = tmp_path / "m.yaml"
    out.write_text(text, "utf-8")
    result = run("validate", path, "--mapping", out)
    assert result.exit_code == 0, result.output


MOVED_SHEETS = {
    "folder-of-its-own.xlsx": ("xl/data/arkusz.xml", "data/arkusz.xml", False),
    "capitals.xlsx": ("xl/worksheets/SHEET1.XML", "worksheets/sheet1.xml", False),
    "backslashes.xlsx": ("xl\\data\\a.xml", "data/a.xml", False),
    "absolute.xlsx": ("Data/A.xml", "/data/a.xml", False),
    "at-the-root.xlsx": ("sheet.bin", "/sheet.bin", False),
    "dot-dot.xlsx": ("xl/data/a.xml", "../xl/data/a.xml", False),
    "entity.xlsx": ("xl/data/a.xml", "data/&#97;.xml", False),
    "utf16-relationships.xlsx": ("xl/data/a.xml", "data/a.xml", True),
}


def test_a_far_cell_in_a_sheet_stored_anywhere_is_refused_before_reading(tmp_path):
    """The sheet holding XFD1048576 stored outside xl/worksheets/*.xml, under any name or
    case and found through the workbook's relationships as either reader finds it: each
    file is refused naming the cell (once, the reader aborted asking for 550 GB); so is a
    workbook part moved to a folder of its own with its sheet. Read in
    a child process under a 2 GB memory ceiling, so that a miss fails the test instead of
    aborting it."""
    import subprocess
    import sys

    paths = [badfiles.moved_sheet(tmp_path, name, *spec) for name, spec in MOVED_SHEETS.items()]
    paths.append(badfiles.moved_workbook(tmp_path))
    digests = [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]
    script = (
        "import json, resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))\n"
        "from liwindex.io.workbook import open_workbook\n"
        "from liwindex.problems import Report\n"
        "for path in sys.argv[1:]:\n"
        "    report = Report()\n"
        "    assert open_workbook(path, report) is None\n"
        "    print(json.dumps([(p.code, p.value) for p in report.problems]), flush=True)\n"
    )
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", script, *map(str, paths)], capture_output=True, text=True, timeout=60
    )
    assert time.monotonic() - started < 20
    assert result.returncode == 0, result.stderr[-2000:]
    found = [json.loads(line) for line in result.stdout.splitlines()]
    assert found == [[["cell-beyond-limits", "XFD1048576"]]] * len(paths), dict(
        zip(MOVED_SHEETS, found, strict=False)
    )
    assert [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths] == digests
    result = run("validate", paths[0])
    assert result.exit_code == 1 and "XFD1048576" in result.output


def test_damaged_archives_are_messages_and_liwindex_errors_are_not(tmp_path, monkeypatch):
    """Random damage to a workbook (bytes of the archive, or of one member's XML) ends in a
    problem of the file or a workbook, never an exception; but an error in liwindex's own
    code while reading is a program error, not "a damaged workbook archive"."""
    import random
    import zipfile

    from conftest import write_workbook
    from liwindex.io import readers
    from liwindex.io.workbook import open_workbook
    from liwindex.problems import Report

    src = write_workbook(tmp_path / "src.xlsx", {"Odp": [["grupa", "o1_n1"], ["ngo", 4], ["jst", 3]]})
    raw = src.read_bytes()
    with zipfile.ZipFile(src) as z:
        members = {i.filename: z.read(i) for i in z.infolist()}
    pieces = [b"<", b">", b'"', b"&", b"&#0;", b"\xff", b"<!--", b"]]>", b'r="ZZ9"', b"<c>", b"</row>"]
    rng = random.Random(27)
    path = tmp_path / "zepsuty.xlsx"
    for _ in range(120):
        if rng.random() < 0.4:
            data = bytearray(raw)
            for _ in range(rng.randint(1, 8)):
                data[rng.randrange(len(data))] = rng.randrange(256)
            path.write_bytes(bytes(data))
        else:
            name = rng.choice(list(members))
            body = bytearray(members[name])
            for _ in range(rng.randint(1, 6)):
                at = rng.randrange(len(body) + 1)
                if rng.random() < 0.4:
                    del body[at : at + rng.randint(1, 20)]
                else:
                    body[at:at] = rng.choice(pieces)
            with zipfile.ZipFile(path, "w", rng.choice([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])) as z:
                for key, value in members.items():
                    z.writestr(key, bytes(body) if key == name else value)
        report = Report()
        open_workbook(path, report)  # raises nothing
        assert {p.code for p in report.problems} <= {"not-a-workbook", "zip-bomb", "cell-beyond-limits"}

    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(readers, "to_sheet", broken)
    with pytest.raises(ValueError, match="a bug"):
        open_workbook(src, Report())
    result = CliRunner().invoke(cli, ["validate", str(src)])
    assert result.exit_code == 1 and "Błąd programu: ValueError: a bug" in result.output
    assert "uszkodzone" not in result.output
    result = CliRunner().invoke(cli, ["--debug", "validate", str(src)])
    assert isinstance(result.exception, ValueError)


def test_what_the_readers_raise_is_a_damaged_file(tmp_path):
    """calamine's and openpyxl's own errors (and a native panic) are the file's problem."""
    import python_calamine

    from liwindex.io import readers
    from liwindex.io.readers import ReaderFailed, _reader_calls

    class PanicException(BaseException):
        pass

    for error in (python_calamine.XmlError("x"), OSError("failed to fill whole buffer"), PanicException("x")):
        with pytest.raises(ReaderFailed), _reader_calls((python_calamine.CalamineError,)):
            raise error
    with pytest.raises(PermissionError), _reader_calls((python_calamine.CalamineError,)):
        raise PermissionError(13, "denied")
    with pytest.raises(KeyboardInterrupt), _reader_calls((python_calamine.CalamineError,)):
        raise KeyboardInterrupt
    # both readers fail on a zip without a workbook: the message says the file is damaged
    path = badfiles.zip_without_workbook(tmp_path)
    with pytest.raises(ReaderFailed) as caught:
        readers.read_spreadsheet(path, readers.Limits())
    assert isinstance(caught.value.__cause__, KeyError)  # openpyxl's, after calamine's
    result = run("validate", path, "--json")
    assert [p["code"] for p in json.loads(result.stdout)["problems"]] == ["not-a-workbook"]


def test_an_error_of_our_own_in_the_guarded_reader_is_a_program_error(monkeypatch):
    """.ods is read in a child process: a liwindex bug there reaches the user as a program
    error with the child's traceback, not as a damaged file."""
    from pathlib import Path

    from liwindex.io import readers
    from liwindex.io.workbook import open_workbook
    from liwindex.problems import Report

    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(readers, "to_sheet", broken)  # the forked child inherits it
    path = Path(__file__).parent / "data" / "ankieta-libreoffice.ods"
    with pytest.raises(RuntimeError, match="ValueError: a bug"):
        open_workbook(path, Report())


@pytest.mark.parametrize(
    "tail",
    ["<!--" + "a" * 40_000, "<!-- x -->" + "<a" * 20_000, "<!-- x --><c " + "a" * 40_000 + ">"],
    ids=["comment-without-end", "many-openings", "long-name"],
)
def test_a_sheet_that_once_hung_the_scan_is_refused_quickly(tmp_path, tail):
    """5 kB workbooks whose sheet the scan once read for 34 s to over a minute."""
    path = badfiles.sheet_cut_after(tmp_path, "zawieszenie.xlsx", tail)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    started = time.monotonic()
    result = run("validate", path, "--json")
    assert time.monotonic() - started < 5
    assert result.exit_code == 1
    assert [p["code"] for p in json.loads(result.stdout)["problems"]] == ["not-a-workbook"]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def test_a_far_cell_in_a_utf16_sheet_is_refused(tmp_path):
    """openpyxl reads a UTF-16 sheet (python-calamine reads none of it): scanned too."""
    import zipfile

    path = badfiles.last_excel_cell(tmp_path)
    with zipfile.ZipFile(path) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    sheet = sheet.replace('encoding="UTF-8"', 'encoding="UTF-16"')
    path = badfiles._rezip(
        path, tmp_path / "utf16.xlsx", {"xl/worksheets/sheet1.xml": sheet.encode("utf-16")}
    )
    [problem] = problems(run("score", path))
    assert (problem.code, problem.value) == ("cell-beyond-limits", "XFD1048576")


def test_a_csv_in_neither_utf8_nor_windows_1250_is_a_located_message(tmp_path):
    """Bytes Windows-1250 leaves undefined (once a program error, before that "a damaged
    workbook archive"): the line of the first one and the fix; 100 kB before it, quickly."""
    path = tmp_path / "kodowanie.csv"
    path.write_bytes(b"grupa,o1_n1\n" + b"ngo,4\n" * 20_000 + b"ngo,\x90\x81\n")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    started = time.monotonic()
    [problem] = problems(run("score", path))
    assert time.monotonic() - started < 5
    assert (problem.code, problem.row, problem.value) == ("csv-unknown-encoding", 20_002, "0x90")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


@pytest.mark.parametrize("quote", ["", '"'], ids=["plain", "quoted-to-the-end"])
def test_a_csv_field_past_the_csv_modules_bound_is_a_long_cell(tmp_path, quote):
    """200,000 characters in one field (the csv module stops at 131,072 with an error that
    was once "a damaged workbook archive", then a program error): the cell is named."""
    path = tmp_path / "dlugie.csv"
    path.write_text("grupa,o1_n1,uwagi\nngo,4," + quote + "x" * 200_000 + "\n", "utf-8")
    [problem] = [p for p in problems(run("score", path)) if p.severity == "error"]
    assert (problem.code, problem.row, problem.column) == ("cell-too-long", 2, "C")


@pytest.mark.parametrize(
    ("entries", "flow", "code", "line"),
    [
        (200_000, False, "mapping-too-large", None),
        (25_000, False, "mapping-too-many-entries", 20_500),
        (100_000, True, "mapping-too-many-entries", 2),
    ],
    ids=["200000-by-size", "25000-lines", "100000-on-one-line"],
)
def test_a_huge_mapping_is_refused_by_its_size_first(tmp_path, entries, flow, code, line):
    """A mapping over 2 MB is refused before it is read; one of more than 20,000 entries
    while it is parsed, at the line where the limit is passed (200,000 entries took 24–41 s
    to be refused, with a message about aliases)."""
    path = tmp_path / "dane.csv"
    path.write_text("grupa,o1_n1\nngo,4\n", "utf-8")
    mapping = tmp_path / "mapowanie.yaml"
    if flow:
        body = "columns: {" + ", ".join(f'"k{i}": null' for i in range(entries)) + "}"
    else:
        body = "columns:\n" + "".join(f'  "kolumna {i}": null\n' for i in range(entries))
    mapping.write_text("questionnaire: lijw-standard\n" + body + "\n", "utf-8")
    digest = hashlib.sha256(mapping.read_bytes()).hexdigest()
    started = time.monotonic()
    result = run("score", path, "--mapping", mapping, "--lang", "en")
    elapsed = time.monotonic() - started
    [problem] = problems(result)
    assert (problem.code, problem.file, problem.line) == (code, str(mapping), line)
    assert "liwindex mapping init" in result.stderr and "Traceback" not in result.output
    assert elapsed < (2 if code == "mapping-too-large" else 10)
    assert hashlib.sha256(mapping.read_bytes()).hexdigest() == digest


def test_mapping_init_refuses_a_proposal_the_loader_would_refuse(tmp_path):
    """Headers of 30,000 characters in 80 columns would make a 2.4 MB mapping: mapping init
    says so instead of writing a file that cannot be read."""
    import csv

    from liwindex.problems import Severity

    path = tmp_path / "dlugie.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["grupa", *(f"{i} " + "nagłówek " * 3_300 for i in range(80))])
        writer.writerow(["ngo", *[""] * 80])
    out = tmp_path / "m.yaml"
    result = run("mapping", "init", path, "-o", out)
    [problem] = [p for p in problems(result) if p.severity is Severity.ERROR]
    assert (problem.code, problem.file) == ("mapping-init-too-large", str(path)) and not out.exists()


@pytest.mark.parametrize(
    "text",
    [
        "1" + " " * 100_000 + "\u00a0",
        "1" + " " * 50_000 + "." + " " * 50_000,
        "Pytanie" + " " * 100_000,
        "pyt" + " " * 50_000 + "." + " " * 50_000,
        "[o1_n1]" + " " * 100_000,
        "o1_n1" + " " * 100_000,
        "1." * 50_000,
        "o" * 100_000,
        "o1_n1[" + " " * 100_000,
    ],
)
def test_header_patterns_are_linear_on_100_kb(text):
    """The numbering, id-prefix and subquestion patterns on 100 kB of what backtracks most
    (runs of spaces between optional parts), applied raw, each in well under a second."""
    from liwindex.responses.matching import _ID_PREFIX, _SUBQUESTION, NUMBERING

    started = time.monotonic()
    for pattern in (NUMBERING, _ID_PREFIX, _SUBQUESTION):
        pattern.match(text)
        pattern.match(text + "x")
    assert time.monotonic() - started < 1


def test_mapping_init_on_thousands_of_distinct_answers_and_groups_takes_seconds(tmp_path):
    """10,000 distinct texts in a scale's column and 3,000 in the group column: the first
    200 of each get proposals, the rest a comment counting them; the file parses."""
    import csv

    from liwindex.io.yamldoc import parse_yaml
    from liwindex.problems import Report

    path = tmp_path / "odpowiedzi.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["grupa", "o1_n1"])
        for i in range(10_000):
            writer.writerow(["ngo" if i % 3 else f"grupa {i}", f"odpowiedź bardzo dobrze numer {i}"])
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    out = tmp_path / "m.yaml"
    started = time.monotonic()
    result = run("mapping", "init", path, "-o", out)
    assert result.exit_code == 0, result.output
    assert time.monotonic() - started < 10
    text = out.read_text("utf-8")
    assert "i jeszcze 9800 innych wartości" in text and "i jeszcze 3134 innych wartości" in text
    data = parse_yaml(text, "m.yaml", Report(), kind="mapping").data
    assert 200 <= len(data["answers"]["ocena5"]) <= 210 and len(data["groups"]) == 200  # (+ predicted)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
