"""Exports as each survey platform writes them score without a mapping file, or with one
made by `mapping init` once its uncertain entries are confirmed."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from click.testing import CliRunner

from conftest import run, write_workbook
from liwindex.api import load_standard, score_file
from liwindex.cli import cli

Q = load_standard()
O1 = [x for x in Q.areas[0].questions]  # o1_n1, o1_n2 (NGO), o1_j1, o1_j2 (administration)
LABEL = {s.id: {c.code: c.label.pl for c in s.choices} for s in Q.scales}


def o1(result):
    return result.area("O1")


def test_google_forms_export(tmp_path):
    """Timestamp, the group question's text, full question texts, labels, multi choice joined
    with ', '."""
    header = [
        "Sygnatura czasowa",
        "Adres e-mail",
        Q.group_question.text.pl,
        O1[0].text.pl,
        O1[1].text.pl,
        Q.context_questions[1].text.pl,
    ]
    rows = [
        header,
        [
            dt.datetime(2025, 1, 10, 9, 30),
            "a@example.org",
            "Organizacja pozarządowa",
            LABEL["ocena5"]["4"],
            LABEL["zgoda5"]["2"],
            "wymiana informacji, inicjatywa lokalna",
        ],
    ]
    result = score_file(write_workbook(tmp_path / "google.xlsx", {"Odpowiedzi na formularz 1": rows}))
    assert o1(result).by_group["ngo"] == pytest.approx(3.0)
    notes = [p.code for p in result.problems]
    assert "metadata-columns" in notes and "unknown-columns" not in notes


def test_ms_forms_export(tmp_path):
    """ID, start and completion time, e-mail, name, last modified, then question texts."""
    header = [
        "ID",
        "Godzina rozpoczęcia",
        "Godzina ukończenia",
        "Adres e-mail",
        "Nazwa",
        "Czas ostatniej modyfikacji",
        "grupa",
        O1[2].text.pl,
        O1[3].text.pl,
    ]
    rows = [
        header,
        [
            1,
            "1/10/25 9:00:00",
            "1/10/25 9:05:00",
            "anonymous",
            "",
            "",
            "jst",
            LABEL["ocena5"]["5"],
            LABEL["zgoda5"]["3"],
        ],
    ]
    result = score_file(write_workbook(tmp_path / "msforms.xlsx", {"Arkusz1": rows}))
    assert o1(result).by_group["jst"] == pytest.approx(4.0)
    assert not [p for p in result.problems if p.code == "unknown-columns"]


def test_ms_forms_english_export(tmp_path):
    """The English interface's column names are platform columns too."""
    header = [
        "ID",
        "Start time",
        "Completion time",
        "Email",
        "Name",
        "Last modified time",
        "group",
        "o1_j1",
        "o1_j2",
    ]
    rows = [header, [1, "", "", "anonymous", "", "", "jst", "very good", "neither agree nor disagree"]]
    result = score_file(write_workbook(tmp_path / "msforms-en.xlsx", {"Sheet1": rows}))
    assert o1(result).by_group["jst"] == pytest.approx(4.0)


def test_limesurvey_export_with_codes(tmp_path):
    """LimeSurvey: id, submitdate, lastpage, startlanguage, seed; code headers O1N1 and
    array subquestions O1[J1]; answer codes."""
    header = [
        "id",
        "submitdate",
        "lastpage",
        "startlanguage",
        "seed",
        "grupa",
        "O1N1",
        "O1N2",
        "O1[J1]",
        "O1[J2]",
    ]
    rows = [
        header,
        [1, "2025-01-10 10:00:00", 4, "pl", 123, "ngo", "5", "nw", None, None],
        [2, "2025-01-10 11:00:00", 4, "pl", 456, "jst", None, None, "2", "4"],
    ]
    result = score_file(write_workbook(tmp_path / "lime.xlsx", {"results": rows}))
    assert o1(result).by_group == {"ngo": pytest.approx(5.0), "jst": pytest.approx(3.0)}


def test_kobotoolbox_export(tmp_path):
    """KoboToolbox: start, end, group/name headers, codes, multiple choice as space-separated
    codes plus one-hot columns, _id, _uuid, _submission_time, _index."""
    header = [
        "start",
        "end",
        "metryczka/grupa",
        "O1/o1_n1",
        "O1/o1_n2",
        "formy_wspolpracy",
        "formy_wspolpracy/informacja",
        "formy_wspolpracy/projekty",
        "_id",
        "_uuid",
        "_submission_time",
        "_validation_status",
        "_index",
    ]
    rows = [
        header,
        [
            "2025-01-10T09:00",
            "2025-01-10T09:10",
            "ngo",
            "4",
            "4",
            "informacja projekty",
            1,
            1,
            101,
            "abc",
            "2025-01-10T09:11",
            "",
            1,
        ],
    ]
    result = score_file(write_workbook(tmp_path / "kobo.xlsx", {"LIJW": rows}))
    assert o1(result).by_group["ngo"] == pytest.approx(4.0)
    assert not [p for p in result.problems if p.code in ("unknown-columns", "other-context-answer")]


def test_unrecognised_export_scores_after_confirming_mapping_init(tmp_path):
    """LimeSurvey with its own answer codes (A1…A5) and a custom group question: mapping
    init proposes, the user confirms the '?' entries, and the file scores."""
    header = ["id", "Kim Pan/Pani jest?", "O1N1", "O1N2"]
    rows = [header, [1, "Stowarzyszenie", "A5", "A4"], [2, "Fundacja", "A2", "A2"]]
    path = write_workbook(tmp_path / "lime-a.xlsx", {"results": rows})
    runner = CliRunner()
    proposal = tmp_path / "mapowanie.yaml"
    result = runner.invoke(cli, ["mapping", "init", str(path), "-o", str(proposal)])
    assert result.exit_code == 0, result.output
    text = proposal.read_text("utf-8")
    assert '"O1N1": o1_n1' in text and '"A5": "?' in text
    # Unconfirmed entries are refused ...
    refused = runner.invoke(cli, ["score", str(path), "--mapping", str(proposal)])
    assert refused.exit_code == 1 and "nie jest potwierdzone" in refused.stderr
    # ... the user checks them, fixes what is wrong and removes the question marks.
    data = yaml.safe_load(text)
    data["columns"]["Kim Pan/Pani jest?"] = "grupa"
    data["answers"] = {"*": {f"A{i}": str(i) for i in range(1, 6)}}
    data["groups"] = {"Stowarzyszenie": "ngo", "Fundacja": "ngo"}
    proposal.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    scored = runner.invoke(cli, ["score", str(path), "--mapping", str(proposal), "--json"])
    assert scored.exit_code == 0, scored.output
    import json

    area = json.loads(scored.stdout)["areas"][0]
    assert area["by_group"]["ngo"] == pytest.approx(((5 + 4) / 2 + 2) / 2)


def test_mapping_file_problems_have_yaml_locations(tmp_path):
    """Unknown questions and codes in a mapping file are named with their line."""
    path = write_workbook(tmp_path / "d.xlsx", {"O": [["grupa", "o1_n1"], ["ngo", "4"]]})
    mapping = tmp_path / "m.yaml"
    mapping.write_text('columns:\n  "Pyt 1": o99\nanswers:\n  ocena5:\n    "super": "9"\n', "utf-8")
    result = run("validate", path, "--mapping", mapping, "--lang", "en")
    assert result.exit_code == 1
    assert "columns.Pyt 1, line 2: unknown question 'o99'" in result.stdout
    assert "answers.ocena5.super, line 5: unknown answer code '9'" in result.stdout
