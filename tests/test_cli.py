"""The command line: exit codes, messages and output for each kind of use and mistake."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path as _Path

import pytest
from click.testing import CliRunner

from conftest import INITIAL, POST, TINY, problems, run, write_workbook
from liwindex.cli import cli
from liwindex.problems import Severity

ROOT = _Path(__file__).resolve().parents[1]


def test_score_prints_tables_in_polish():
    """The default output is Polish with a decimal comma."""
    result = run("score", POST)
    assert result.exit_code == 0
    assert "Indeks LIJW" in result.stdout and "Obszary" in result.stdout
    assert "Gmina Przykładowa · 2025 · ocena powdrożeniowa" in result.stdout
    assert "," in result.stdout.split("Indeks LIJW:")[1].split()[0]


def test_score_in_english_uses_decimal_point():
    """--lang en switches labels and number format."""
    result = run("score", INITIAL, "--lang", "en")
    assert result.exit_code == 0
    assert "LIJW index: " in result.stdout and "initial assessment" in result.stdout
    value = result.stdout.split("LIJW index:")[1].split()[0]
    assert "." in value and "," not in value


def test_score_json_follows_spec():
    """--json gives exactly the SPEC §4 keys and the context questions (docs/json.md), 12
    areas in 3 dimensions, values in [1, 5]."""
    result = run("score", POST, "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert set(data) == {
        "questionnaire",
        "meta",
        "respondents",
        "index",
        "dimensions",
        "areas",
        "items",
        "context",
        "indicators",
        "open_answers",
        "warnings",
    }
    assert data["questionnaire"] == {"id": "lijw-standard", "version": "1.0"}
    assert set(data["meta"]) == {"jst", "teryt", "rok", "etap", "source"}
    assert data["respondents"] == {
        "total": 70,
        "by_group": {"ngo": 56, "jst": 14},
        "missing_groups": [],
        "min_group_n": 5,
        "invited": 130,
        "response_rate": pytest.approx(70 / 130),
    }
    assert set(data["index"]) == {"value", "survey", "grades", "source", "provisional"}
    # the survey score carries its interval (none without --bootstrap), never the grade
    assert data["index"]["survey"] == {
        "value": pytest.approx(data["index"]["survey"]["value"]),
        "ci_low": None,
        "ci_high": None,
        "ci_reason": "not computed",
    }
    assert data["index"]["source"] == "grades"
    assert len(data["dimensions"]) == 3 and len(data["areas"]) == 12
    assert set(data["areas"][0]) == {
        "id",
        "dimension",
        "label",
        "value",
        "survey",
        "grade",
        "n",
        "by_group",
        "n_by_group",
        "provisional",
        "provisional_reason",
    }
    assert set(data["items"][0]) == {"id", "area", "n", "mean", "distribution"}
    assert [c["id"] for c in data["context"]] == [
        "wspolpraca_12m",
        "formy_wspolpracy",
        "intensywnosc",
        "jakosc_ogolna",
    ]
    assert set(data["context"][0]) == {"id", "type", "text", "choices", "overall", "by_group"}
    assert set(data["context"][0]["overall"]) == {"answered", "counts", "shares"}
    for a in data["areas"]:
        assert 1 <= a["value"] <= 5 and 1 <= a["survey"]["value"] <= 5


def test_invalid_workbook_exits_1_with_located_messages(tmp_path):
    """Bad cells: exit 1, every problem with sheet, row and column, no traceback, no scores."""
    path = write_workbook(
        tmp_path / "zle.xlsx", {"Odp": [["grupa", "o1_n1"], ["ngo", "super"], ["kot", "4"]]}
    )
    result = run("score", path)
    found = [(p.code, p.sheet, p.row, p.column) for p in problems(result) if p.severity is Severity.ERROR]
    assert found == [("unknown-group", "Odp", 3, "A"), ("unknown-answer", "Odp", 2, "B")]
    assert "Traceback" not in result.output and "Indeks" not in result.stdout


def test_invalid_workbook_messages_in_english(tmp_path):
    """--lang en also translates the problems."""
    path = write_workbook(tmp_path / "zle.xlsx", {"Odp": [["grupa", "o1_n1"], ["ngo", "super"]]})
    result = run("score", path, "--lang", "en")
    assert result.exit_code == 1
    assert "sheet 'Odp', row 2, column B: the answer 'super' does not fit question o1_n1" in result.stderr


@pytest.mark.parametrize("name", ["brak.xlsx", "dane.csv"])
def test_unreadable_inputs_exit_1(tmp_path, name):
    """Missing files and unsupported formats are input errors (exit 1)."""
    if name.endswith(".csv"):
        (tmp_path / name).write_text("a,b\n")
    result = run("score", tmp_path / name)
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_wrong_usage_exits_2():
    """An unknown option is a usage error."""
    result = run("score", POST, "--bogus")
    assert result.exit_code == 2


def test_broken_questionnaire_exits_1_with_yaml_location(tmp_path):
    """--questionnaire with an unknown scale names the YAML path and line."""
    path = tmp_path / "q.yaml"
    path.write_text(TINY.replace("{id: q4, scale: s5,", "{id: q4, scale: skala7,"), "utf-8")
    [problem] = problems(run("score", POST, "--questionnaire", path))
    assert (problem.code, problem.yaml_path, problem.value) == (
        "unknown-scale",
        "dimensions[0].areas[1].questions[0].scale",
        "skala7",
    )
    assert problem.line is not None


def test_questionnaire_check_ok_and_broken(tmp_path):
    """check says what a valid file holds; a broken one exits 1."""
    good = tmp_path / "good.yaml"
    good.write_text(TINY, "utf-8")
    result = run("questionnaire", "check", good)
    assert result.exit_code == 0 and "2 płaszczyzny, 3 obszarów, 7 pytań" in result.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [", "utf-8")
    assert run("questionnaire", "check", bad).exit_code == 1


def test_questionnaire_show_json_and_table():
    """show prints the standard questionnaire; --json is its to_dict()."""
    data = json.loads(run("questionnaire", "show", "--json").stdout)
    assert data["id"] == "lijw-standard" and len(data["dimensions"]) == 3
    table = run("questionnaire", "show", "--lang", "en")
    assert table.exit_code == 0 and "o1_n1" in table.stdout and "strongly agree" in table.stdout


def test_program_error_is_one_clean_line(monkeypatch):
    """An unexpected failure is reported without a traceback and exits 1."""

    def boom(_round):
        raise RuntimeError("simulated")

    monkeypatch.setattr("liwindex.workflows.rounds.score_round", boom)
    result = run("score", POST)
    assert result.exit_code == 1
    assert "RuntimeError: simulated" in result.stderr and "Traceback" not in result.output


def test_help_does_not_import_pandas():
    """liwindex --help stays fast: pandas, numpy and openpyxl are not imported, nor the
    app's server (starlette, uvicorn, jinja2)."""
    code = (
        "import sys; from liwindex.cli import cli\n"
        "try:\n    cli(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('pandas', 'numpy', 'openpyxl', 'rich', 'pydantic', "
        "'starlette', 'uvicorn', 'jinja2') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_score_and_benchmark_do_not_import_pandas(tmp_path):
    """Reading and scoring a file needs numpy alone: `score` and `benchmark` (the per-file
    path of many JSTs) pay no pandas import."""
    code = (
        "import sys; from liwindex.cli import cli\n"
        "try:\n    cli(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print('pandas' in sys.modules, file=sys.stderr)"
    )
    for args in (["score", str(POST), "--json"], ["benchmark", str(INITIAL), str(POST), "--json"]):
        out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
        assert json.loads(out.stdout), out.stderr
        assert out.stderr.strip().splitlines()[-1] == "False"


def test_python_dash_m_runs_the_cli():
    """python -m liwindex is the same program."""
    out = subprocess.run(
        [sys.executable, "-m", "liwindex", "--version"], capture_output=True, text=True, check=True
    )
    assert "liwindex" in out.stdout


def test_validate_json_lists_every_problem_at_once(tmp_path):
    """Several mistakes in one file: validate --json has each with code, place and message."""
    rows = [["grupa", "o1_n1", "o1_n2"], ["ngo", "super", "4"], ["kot", "4", "4"], ["jst", "4", "7"]]
    grades = [["obszar", "ocena"], ["O1", 9], ["O77", 3]]
    path = write_workbook(tmp_path / "wiele.xlsx", {"Odp": rows, "oceny": grades})
    result = run_raw("validate", path, "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["valid"] is False and data["errors"] == 5
    found = {
        (p["code"], p["sheet"], p["row"], p["column"]) for p in data["problems"] if p["severity"] == "error"
    }
    assert found == {
        ("unknown-answer", "Odp", 2, "B"),
        ("unknown-group", "Odp", 3, "A"),
        ("unknown-answer", "Odp", 4, "C"),
        ("grade-out-of-range", "oceny", 2, "B"),
        ("unknown-area", "oceny", 3, "A"),
    }
    assert all(p["message"] for p in data["problems"])


def test_validate_valid_file_exits_0():
    """A valid file: exit 0 and a short confirmation."""
    result = run_raw("validate", POST)
    assert result.exit_code == 0 and "Plik jest poprawny" in result.stdout


def run_raw(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_every_help_text_has_a_polish_version():
    """The help is Polish by default: no command or option is left untranslated."""
    from liwindex.cli.help_texts import POLISH, _key, _texts

    missing = [
        _key(item.help)
        for item in _texts(cli)
        if getattr(item, "help", None)
        and _key(item.help) not in POLISH
        and _key(item.help) not in POLISH.values()
    ]
    assert missing == []


def test_help_language_follows_liwindex_lang(monkeypatch):
    """liwindex --help is Polish by default and English with LIWINDEX_LANG=en."""
    for lang, expected in (("pl", "Policz wyniki etapu"), ("en", "Score one round")):
        monkeypatch.setenv("LIWINDEX_LANG", lang)
        out = subprocess.run(
            [sys.executable, "-m", "liwindex", "score", "--help"], capture_output=True, text=True, check=True
        )
        assert expected in out.stdout


def test_clicks_own_messages_are_polish_by_default():
    """Usage, missing argument, unknown command, a wrong choice: in Polish from the real
    entry point; English with LIWINDEX_LANG=en."""
    import os
    import subprocess
    import sys

    def run_main(*args, lang="pl"):
        env = {**os.environ, "LIWINDEX_LANG": lang}
        return subprocess.run(
            [sys.executable, "-m", "liwindex", *args], capture_output=True, text=True, env=env, check=False
        )

    missing = run_main("score")
    assert missing.returncode == 2
    assert (
        "Użycie: liwindex score" in missing.stderr
        and "Brak argumentu 'PLIKI...'" in missing.stderr
        and "[OPCJE]" in missing.stderr
    )
    assert "Nie ma polecenia 'nieznane'" in run_main("nieznane").stderr
    assert "nie jest jedną z wartości" in run_main("compare", "--basis", "x", "a", "b").stderr
    assert "Opcje:" in run_main("--help").stdout
    assert "Missing argument 'FILES...'" in run_main("score", lang="en").stderr


@pytest.mark.parametrize(
    "args",
    [
        ["score", "examples/gmina-przykladowa-2025-powdrozeniowa.xlsx"],
        [
            "compare",
            "examples/gmina-przykladowa-2024-wstepna.xlsx",
            "examples/gmina-przykladowa-2025-powdrozeniowa.xlsx",
            "--bootstrap",
            "0",
        ],
        ["benchmark", "examples/gmina-przykladowa-2025-powdrozeniowa.xlsx", "examples/inne-jst"],
        [
            "trend",
            "examples/gmina-przykladowa-2024-wstepna.xlsx",
            "examples/gmina-przykladowa-2025-powdrozeniowa.xlsx",
        ],
    ],
)
def test_area_names_are_whole_in_an_80_column_terminal(args, monkeypatch):
    """Long area names wrap onto further lines; nothing is cut with "…" (O5 and O6 differ
    only at their end)."""
    import os

    monkeypatch.chdir(ROOT)
    monkeypatch.setitem(os.environ, "COLUMNS", "80")
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert "…" not in result.stdout
    assert "pozakonkursowym" in result.stdout.replace("\n", " ") or args[0] == "trend"


SETTING_KEYS = ("index_range", "aggregation", "group_weighting", "min_answered", "min_area_coverage",
                "grade_step", "min_group_n")  # fmt: skip


def test_questionnaire_show_names_the_settings_in_words():
    """show starts with the scoring settings in plain Polish (English with --lang en), never
    the YAML keys; --json keeps the keys."""
    polish = run("questionnaire", "show").stdout
    head = polish.split("Grupy:")[0]
    assert "Skala indeksu: 1–5" in head and "Indeks liczony jako: średnia obszarów" in head
    assert "co najmniej: 50% pytań obszaru" in head and "8 z 12 obszarów (2/3)" in head
    english = run("questionnaire", "show", "--lang", "en").stdout
    assert "Index scale: 1–5" in english and "the mean of the areas" in english
    for key in SETTING_KEYS:
        assert key not in polish and key not in english
    data = json.loads(run("questionnaire", "show", "--json").stdout)
    assert set(SETTING_KEYS) <= set(data["scoring"])


def test_a_group_label_with_its_code_in_brackets_is_that_group(tmp_path):
    """Forms write a choice with its code: "organizacja pozarządowa (NGO)", "Urząd Miasta
    [UM]" are those groups; a label and a code of two different groups is still an error.
    mapping init proposes nothing for such values either."""
    import json

    rows = [
        "grupa,o1_n1,o1_j1",
        "organizacja pozarządowa (NGO),4,",
        "Organizacja pozarzadowa [ngo],5,",
        "Administracja samorządowa (JST),,3",
        "Urząd Miasta [UM],,4",
        "urząd gminy (administracja),,2",
    ]
    path = tmp_path / "grupy.csv"
    path.write_text("\n".join(rows) + "\n", "utf-8")
    result = run("score", path, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["respondents"]["by_group"] == {"ngo": 2, "jst": 3}
    out = tmp_path / "m.yaml"
    assert run("mapping", "init", path, "-o", out).exit_code == 0
    assert "groups: {}" in out.read_text("utf-8")

    path.write_text("\n".join([*rows, "Organizacja pozarządowa (JST),3,"]) + "\n", "utf-8")
    result = run("score", path)
    found = [(p.code, p.row, p.column) for p in problems(result) if p.severity is Severity.ERROR]
    assert found == [("unknown-group", 7, "A")]
