"""The context questions (unscored single and multiple choice): their distributions per
group and overall, across the files of a round, in JSON, on the page and in the workbook."""

from __future__ import annotations

import json
import re

import numpy as np
import openpyxl
import pytest
import yaml

from conftest import ROOT, TINY, score_rows, write_workbook
from liwindex.api import Round, RoundFiles, parse_questionnaire, read_round_files, score_round
from liwindex.model.questionnaire import Questionnaire
from liwindex.outputs.excel.context import write_context_sheet
from liwindex.outputs.excel.style import marked_workbook
from liwindex.outputs.html.context import context_section
from liwindex.responses.data import SurveyData

SCALES = [
    {
        "id": "tn",
        "choices": [
            {"code": "tak", "label": {"pl": "tak", "en": "yes"}},
            {"code": "nie", "label": {"pl": "nie", "en": "no"}},
            {"code": "nw", "label": {"pl": "nie wiem", "en": "don't know"}, "na": True},
        ],
    },
    {
        "id": "formy",
        "choices": [
            {"code": "info", "label": {"pl": "wymiana informacji", "en": "information"}},
            {"code": "projekty", "label": {"pl": "wspólne projekty", "en": "joint projects"}},
            {"code": "lokal", "label": {"pl": "lokal, sprzęt", "en": "rooms, equipment"}},
        ],
    },
]
CONTEXT = [
    {
        "id": "wspolpraca",
        "type": "single",
        "scale": "tn",
        "groups": ["ngo"],
        "text": {"pl": "Czy organizacja współpracowała?", "en": "Did the organisation cooperate?"},
    },
    {"id": "formy", "type": "multi", "scale": "formy", "text": {"pl": "W jakich formach?"}},
    {"id": "uwagi", "type": "open", "text": {"pl": "Uwagi"}},
]
# a choice label that is markup and a formula, a question text that is a script
HOSTILE_LABEL = '=HYPERLINK("http://zly.example","<b>kliknij</b>")'
HOSTILE_TEXT = '<script>alert(1)</script> & "formy"'
ROWS = [
    ["grupa", "q1", "wspolpraca", "formy", "uwagi"],
    ["ngo", "4", "tak", "wymiana informacji, wspólne projekty", "dobrze"],
    ["ngo", "3", "nie", "wspólne projekty", None],
    ["ngo", "5", None, None, None],
    ["ngo", "2", "nie wiem", "lokal, sprzęt, wymiana informacji", None],
    ["jst", "4", "tak", "wspólne projekty", None],  # wspolpraca is not asked of jst
    ["jst", "3", None, None, None],
]


def with_context(labels: dict[str, str] | None = None, texts: dict[str, str] | None = None) -> Questionnaire:
    """The tiny questionnaire with two context questions (single, NGOs only; multi, both
    groups) and an open one; ``labels`` replaces choice labels (pl) by code, ``texts``
    question texts (pl) by id."""
    data = yaml.safe_load(TINY)
    scales = json.loads(json.dumps(SCALES))
    for scale in scales:
        for choice in scale["choices"]:
            choice["label"]["pl"] = (labels or {}).get(choice["code"], choice["label"]["pl"])
    questions = json.loads(json.dumps(CONTEXT))
    for question in questions:
        question["text"]["pl"] = (texts or {}).get(question["id"], question["text"]["pl"])
    data["scales"] += scales
    data["context_questions"] = questions
    return parse_questionnaire(yaml.safe_dump(data, allow_unicode=True), "tiny.yaml")


def context(result, question_id):
    return next(c for c in result.context if c.id == question_id)


def test_single_choice_is_counted_per_group_asked_with_blanks_left_out(tmp_path):
    """A single choice: per group it is asked of and overall, how many answered (a blank
    is no answer) and chose each choice in scale order, "nie wiem" included; an answer from
    a group not asked is not counted."""
    result = score_rows(tmp_path, ROWS, with_context())
    c = context(result, "wspolpraca")
    assert (c.type, c.text["pl"], [x.code for x in c.choices]) == (
        "single",
        "Czy organizacja współpracowała?",
        ["tak", "nie", "nw"],
    )
    assert [x.na for x in c.choices] == [False, False, True]
    assert list(c.by_group) == ["ngo"]
    ngo = c.by_group["ngo"]
    assert ngo.answered == 3 and ngo.counts == {"tak": 1, "nie": 1, "nw": 1}
    assert list(ngo.counts) == ["tak", "nie", "nw"]
    assert c.overall == ngo
    assert ngo.share("tak") == pytest.approx(1 / 3)


def test_multi_choice_shares_are_of_those_who_answered(tmp_path):
    """A multiple choice: every chosen choice counts once per respondent, and its share is
    of the respondents who answered the question, so the shares add up to more than 1."""
    result = score_rows(tmp_path, ROWS, with_context())
    c = context(result, "formy")
    assert c.type == "multi" and list(c.by_group) == ["ngo", "jst"]
    assert c.by_group["ngo"].answered == 3
    assert c.by_group["ngo"].counts == {"info": 2, "projekty": 2, "lokal": 1}
    assert c.by_group["jst"].answered == 1 and c.by_group["jst"].counts == {
        "info": 0,
        "projekty": 1,
        "lokal": 0,
    }
    assert c.overall.answered == 4 and c.overall.counts == {"info": 2, "projekty": 3, "lokal": 1}
    shares = {code: c.overall.share(code) for code in c.overall.counts}
    assert shares == pytest.approx({"info": 0.5, "projekty": 0.75, "lokal": 0.25})
    assert sum(shares.values()) == pytest.approx(1.5)


def test_open_questions_stay_open_answers(tmp_path):
    """An open question has no distribution; its texts stay the open answers."""
    result = score_rows(tmp_path, ROWS, with_context())
    assert [c.id for c in result.context] == ["wspolpraca", "formy"]
    assert [a.text for a in result.open_answers] == ["dobrze"]


def test_a_question_without_a_column_is_left_out(tmp_path):
    """A context question the file has no column for is not in the result."""
    rows = [[cell for k, cell in enumerate(row) if k != 2] for row in ROWS]
    result = score_rows(tmp_path, rows, with_context())
    assert [c.id for c in result.context] == ["formy"]


def test_respondents_without_a_group_count_in_the_overall_only():
    """In a hand-built round a respondent without a group (position -1) is counted in the
    overall distribution and in no group's."""
    q = with_context()
    tables = q.tables
    survey = SurveyData(
        sheet="Odpowiedzi",
        header_row=1,
        rows=np.array([2, 3, 4]),
        matrix=np.full((3, len(q.questions)), -1, dtype=np.int16, order="F"),
        group_index=np.array([-1, 0, 1]),
        question_ids=tables.question_ids,
        choices=tables.choices,
        group_ids=tables.group_ids,
        context={"wspolpraca": ["tak", "nie", "tak"], "formy": [["info"], ["info", "lokal"], []]},
    )
    result = score_round(Round(source="reczny", questionnaire=q, survey=survey))
    single, multi = context(result, "wspolpraca"), context(result, "formy")
    assert single.by_group["ngo"].counts == {"tak": 0, "nie": 1, "nw": 0}
    assert single.overall.answered == 2 and single.overall.counts == {"tak": 1, "nie": 1, "nw": 0}
    assert multi.by_group["jst"].answered == 0 and multi.by_group["jst"].share("info") is None
    assert multi.overall.answered == 2 and multi.overall.counts == {"info": 2, "projekty": 0, "lokal": 1}


def test_a_round_of_two_files_counts_the_answers_of_both(tmp_path):
    """The NGO file and the office file make one distribution; a file without the
    question's column adds no answers to it."""
    q = with_context()
    ngo = write_workbook(tmp_path / "ngo.xlsx", {"Odp": [row[:3] for row in ROWS[:5]]})
    office = [["grupa", "q1", "formy"], ["jst", "4", "wspólne projekty"], ["jst", "2", "lokal, sprzęt"]]
    jst = write_workbook(tmp_path / "jst.xlsx", {"Odp": office})
    result = score_round(read_round_files(RoundFiles.of([ngo, jst]), q))
    assert result.respondents_total == 6
    single, multi = context(result, "wspolpraca"), context(result, "formy")
    assert single.overall.answered == 3 and single.overall.counts == {"tak": 1, "nie": 1, "nw": 1}
    assert multi.by_group["ngo"].answered == 0
    assert multi.by_group["jst"].answered == 2 and multi.overall.counts == {
        "info": 0,
        "projekty": 1,
        "lokal": 1,
    }


def test_json_carries_the_distributions_unrounded(tmp_path):
    """``score --json`` has a ``context`` list: id, type, both texts, the choices in scale
    order, and per group and overall the number answering, the counts and unrounded shares."""
    data = json.loads(json.dumps(score_rows(tmp_path, ROWS, with_context()).to_dict("en")))
    single = data["context"][0]
    assert single == {
        "id": "wspolpraca",
        "type": "single",
        "text": {"pl": "Czy organizacja współpracowała?", "en": "Did the organisation cooperate?"},
        "choices": [
            {"code": "tak", "label": {"pl": "tak", "en": "yes"}, "na": False},
            {"code": "nie", "label": {"pl": "nie", "en": "no"}, "na": False},
            {"code": "nw", "label": {"pl": "nie wiem", "en": "don't know"}, "na": True},
        ],
        "overall": {
            "answered": 3,
            "counts": {"tak": 1, "nie": 1, "nw": 1},
            "shares": {"tak": 1 / 3, "nie": 1 / 3, "nw": 1 / 3},
        },
        "by_group": {
            "ngo": {
                "answered": 3,
                "counts": {"tak": 1, "nie": 1, "nw": 1},
                "shares": {"tak": 1 / 3, "nie": 1 / 3, "nw": 1 / 3},
            }
        },
    }
    assert data["context"][1]["by_group"]["jst"]["shares"] == {"info": 0.0, "projekty": 1.0, "lokal": 0.0}


def test_docs_name_every_key_of_the_json(tmp_path):
    """docs/json.md lists exactly the top-level keys of ``score --json`` and every key of a
    context entry."""
    data = score_rows(tmp_path, ROWS, with_context()).to_dict()
    text = (ROOT / "docs" / "json.md").read_text("utf-8")
    block = text.split("```text\n", 1)[1].split("```", 1)[0]
    assert re.findall(r'^[{ ]"(\w+)"', block, re.M) == list(data)
    entry = data["context"][0]
    for key in [*entry, *entry["choices"][0], *entry["overall"]]:
        assert f'"{key}"' in block


def hostile_result(tmp_path):
    q = with_context(labels={"nie": HOSTILE_LABEL}, texts={"formy": HOSTILE_TEXT})
    return score_rows(tmp_path, ROWS, q)


def test_the_page_section_escapes_every_text_and_heads_its_tables(tmp_path):
    """The section has its h2, an h3 per question, tables with th scope col and row, the
    number answering in each column's header, the multiple choice note, shares with a
    decimal comma; a hostile label and question text are shown as text."""
    html = "\n".join(context_section(hostile_result(tmp_path), "pl"))
    assert "<h2>Kontekst współpracy</h2>" in html and html.count("<h3>") == 2
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;formy&quot;" in html
    assert "<b>" not in html and "&lt;b&gt;kliknij&lt;/b&gt;" in html
    assert '<th scope="col"' in html and '<th scope="row">tak</th>' in html
    single, multi = html.split("<h3>")[1:]
    assert "Organizacja pozarządowa (n\u00a0=\u00a03)" in single and "Ogółem" not in single
    assert "Administracja (n\u00a0=\u00a01)" in multi and "Ogółem (n\u00a0=\u00a04)" in multi
    assert "1\u00a0(33,3%)" in single and 'data-value="0.3333333333333333"' in single
    assert "wskazać kilka odpowiedzi" in multi and "wskazać kilka" not in single
    assert "3\u00a0(75,0%)" in multi  # wspólne projekty, everyone: 3 of the 4 who answered


def test_the_page_section_speaks_english_and_is_empty_without_context(tmp_path):
    """In English the shares have a decimal point; a round without context questions gets no section."""
    html = "\n".join(context_section(score_rows(tmp_path, ROWS, with_context()), "en"))
    assert "<h2>Context of cooperation</h2>" in html and "1\u00a0(33.3%)" in html and "Overall" in html
    assert context_section(score_rows(tmp_path, [row[:2] for row in ROWS]), "pl") == []


def test_the_sheet_holds_the_numbers_as_numbers_and_every_text_as_text(tmp_path):
    """The "Kontekst" sheet: per question the number answering per group and overall,
    then per choice its count and share (numbers, not text); a label that looks like a
    formula stays text; printed on A4 fitted to the width with the header on every page."""
    wb = marked_workbook()
    ws = write_context_sheet(wb, hostile_result(tmp_path), "pl")
    path = tmp_path / "kontekst.xlsx"
    wb.save(path)
    ws = openpyxl.load_workbook(path)["Kontekst"]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    assert rows[2][:5] == ["Pytanie", "Odpowiedź", "Organizacja pozarządowa", None, "Administracja"]
    assert rows[3][2:8] == ["liczba", "odsetek"] * 3
    answering = [r for r in rows if r[1] == "Odpowiadający (n)"]
    assert [r[0] for r in answering] == ["Czy organizacja współpracowała?", HOSTILE_TEXT]
    assert answering[0][2:8] == [3, None, None, None, 3, None]  # not asked of the administration
    assert answering[1][2:8] == [3, None, 1, None, 4, None]
    projects = next(r for r in rows if r[1] == "wspólne projekty")
    assert projects[2:8] == [2, pytest.approx(2 / 3), 1, 1.0, 3, 0.75]
    cell = next(c for r in ws.iter_rows() for c in r if c.value == HOSTILE_LABEL)
    assert cell.data_type == "s" and cell.quotePrefix
    assert not [c for r in ws.iter_rows() for c in r if c.data_type == "f"]
    assert ws.print_title_rows == "$1:$4"
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4 and ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage


def test_the_sheet_is_named_in_english(tmp_path):
    """With lang="en" the sheet is "Context"."""
    wb = marked_workbook()
    assert write_context_sheet(wb, score_rows(tmp_path, ROWS, with_context()), "en").title == "Context"
