"""Collecting answers: the typing-in template, the XLSForm, the printable questionnaire,
the JSON Schema and the CLI reference."""

from __future__ import annotations

import json
import random

import openpyxl
import pytest
import yaml

from conftest import ROOT, run, write_workbook
from liwindex.api import load_standard, score_file
from liwindex.model.loading import standard_questionnaire_text

Q = load_standard()


def test_filled_template_scores_without_mapping(tmp_path):
    """Fill the template as a person would (labels from the dropdowns) and score it."""
    path = tmp_path / "ankieta.xlsx"
    assert run("template", "-o", path).exit_code == 0
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Odpowiedzi", "oceny", "metryka", "dane", "Instrukcja", "listy"]
    assert wb["listy"].sheet_state == "hidden"
    answers = wb["Odpowiedzi"]
    assert len(answers.data_validations.dataValidation) > 40
    assert answers.freeze_panes == "B2"
    headers = [c.value for c in answers[1]]
    lists = {
        c.value: [x.value for x in col[1:] if x.value is not None]
        for col in wb["listy"].iter_cols()
        for c in col[:1]
    }
    rng = random.Random(3)
    by_id = {x.id: x for x in (*Q.questions, *Q.context_questions)}
    for row in range(2, 12):
        group = rng.choice(Q.groups)
        answers.cell(row, 1, group.label.pl)
        for col, title in enumerate(headers[1:], 2):
            item = by_id[title[1 : title.index("]")]]
            if group.id not in Q.question_groups(item):
                continue
            if getattr(item, "type", "single") == "open":
                answers.cell(row, col, "Dobra współpraca")
            elif getattr(item, "type", "single") == "multi":
                answers.cell(row, col, "wymiana informacji, inicjatywa lokalna")
            else:
                answers.cell(row, col, rng.choice(lists[item.scale]))
    for row in range(2, 14):
        wb["oceny"].cell(row, 3, 3.5)
    wb["metryka"]["B1"], wb["metryka"]["B2"], wb["metryka"]["B3"] = "Gmina Testowa", 2026, "roczna"
    wb.save(path)
    result = score_file(path)
    assert result.respondents_total == 10
    assert result.meta == {
        "jst": "Gmina Testowa",
        "rok": 2026,
        "etap": "roczna",
        "source": str(path),
        "zaproszonych": None,
        "teryt": None,
    }
    assert result.index.value == 3.5 and result.index.survey is not None
    assert not [p for p in result.problems if p.code == "unknown-columns"]


def test_template_for_one_group(tmp_path):
    """--group jst: only the administration's questions."""
    path = tmp_path / "jst.xlsx"
    assert run("template", "-o", path, "--group", "jst").exit_code == 0
    headers = [c.value for c in openpyxl.load_workbook(path)["Odpowiedzi"][1]]
    assert any("[o1_j1]" in h for h in headers) and not any("[o1_n1]" in h for h in headers)


def test_template_refuses_to_overwrite(tmp_path):
    """Like every output: no --force, no overwrite."""
    path = tmp_path / "ankieta.xlsx"
    path.write_bytes(b"stary")
    assert run("template", "-o", path).exit_code == 1 and path.read_bytes() == b"stary"


@pytest.mark.parametrize("group", [None, "ngo"])
def test_xlsform_converts_with_pyxform(tmp_path, group):
    """pyxform turns the XLSForm into an XForm without errors or warnings."""
    from pyxform.xls2xform import convert

    path = tmp_path / "formularz.xlsx"
    args = ["xlsform", "-o", path] + (["--group", group] if group else [])
    assert run(*args).exit_code == 0
    warnings: list[str] = []
    result = convert(str(path), warnings=warnings)
    assert "<h:html" in result.xform and warnings == []
    assert 'nodeset="/lijw-standard' in result.xform or "o1_n1" in result.xform


def test_kobo_export_of_the_xlsform_scores_without_mapping(tmp_path):
    """Data as KoboToolbox exports it from our form (group/name headers, choice names,
    select_multiple as space-separated names) scores directly."""
    path = tmp_path / "formularz.xlsx"
    run("xlsform", "-o", path)
    rows = list(openpyxl.load_workbook(path)["survey"].iter_rows(min_row=2, values_only=True))
    headers, kinds, stack = ["start", "end"], [], []
    for kind, name, *_ in rows:
        if kind == "begin_group":
            stack.append(name)
        elif kind == "end_group":
            stack.pop()
        else:
            headers.append("/".join([*stack, name]))
            kinds.append(kind)
    headers += ["_id", "_uuid", "_submission_time", "_index"]
    rng = random.Random(5)
    data = [headers]
    for i in range(8):
        group = rng.choice(["ngo", "jst"])
        row = ["2026-01-10T10:00", "2026-01-10T10:09"]
        for header, kind in zip(headers[2:], kinds, strict=False):
            name = header.rsplit("/", 1)[-1]
            item = next((x for x in (*Q.questions, *Q.context_questions) if x.id == name), None)
            if name == "grupa":
                row.append(group)
            elif item is None or group not in Q.question_groups(item):
                row.append(None)
            elif kind.startswith("select_multiple"):
                row.append("informacja projekty")
            elif kind.startswith("select_one"):
                row.append(rng.choice(Q.scale_by_id[kind.split()[1]].choices).code)
            else:
                row.append("Tekst odpowiedzi")
        row += [i, f"uuid-{i}", "2026-01-10T10:10", i + 1]
        data.append(row)
    result = score_file(write_workbook(tmp_path / "kobo.xlsx", {"LIJW": data}))
    assert result.respondents_total == 8
    assert not [p for p in result.problems if p.code in ("unknown-columns", "other-context-answer")]
    assert all(a.survey is not None for a in result.areas)


def test_questionnaire_docs_markdown_and_html(tmp_path):
    """Every question appears; HTML is self-contained and escapes text; --group limits."""
    md = run("questionnaire", "docs").stdout
    assert all(x.text.pl in md for x in Q.questions)
    assert "☐ zdecydowanie źle" in md and "## Ankieta — Organizacja pozarządowa" in md
    ngo_only = run("questionnaire", "docs", "--group", "ngo", "--lang", "en").stdout
    assert "o1_n1" in ngo_only and Q.questions[2].text.en not in ngo_only.split("For the working group")[0]
    out = tmp_path / "ankieta.html"
    assert run("questionnaire", "docs", "--format", "html", "-o", out).exit_code == 0
    page = out.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and "http" not in page.replace("http-equiv", "")
    assert "Jak ocenia Pan/Pani" in page


def test_questionnaire_docs_escape_html(tmp_path):
    """Text of a custom questionnaire cannot inject markup into the HTML page."""
    data = yaml.safe_load(standard_questionnaire_text())
    data["dimensions"][0]["areas"][0]["questions"][0]["text"]["pl"] = "<script>alert(1)</script>"
    path = tmp_path / "q.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    page = run("questionnaire", "docs", path, "--format", "html").stdout
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_schema_accepts_the_standard_and_rejects_a_broken_questionnaire():
    """The JSON Schema validates the shipped questionnaire and catches a bad type."""
    import jsonschema

    schema = json.loads(run("questionnaire", "schema").stdout)
    standard = yaml.safe_load(standard_questionnaire_text())
    jsonschema.validate(standard, schema)
    standard["scales"][0]["choices"][0]["points"] = "dużo"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(standard, schema)


def test_questionnaire_new_copies_the_standard(tmp_path):
    """new writes the standard questionnaire, which then checks clean."""
    path = tmp_path / "moj.yaml"
    assert run("questionnaire", "new", "-o", path).exit_code == 0
    assert path.read_text("utf-8") == standard_questionnaire_text()
    assert run("questionnaire", "check", path).exit_code == 0
    assert run("questionnaire", "new", "-o", path).exit_code == 1


def test_cli_reference_is_up_to_date():
    """docs/cli.md equals the reference generated from --help (regenerate with
    `python -m liwindex.cli.reference > docs/cli.md`)."""
    from liwindex.cli.reference import reference

    assert (ROOT / "docs" / "cli.md").read_text("utf-8") == reference()
