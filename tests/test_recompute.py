"""Scores recomputed by hand from `questionnaire show --json` equal `score --json`."""

from __future__ import annotations

import json
import random

import pytest
import yaml
from click.testing import CliRunner

from conftest import write_workbook
from liwindex.cli import cli
from liwindex.model.loading import standard_questionnaire_text
from reference import reference_scores


def random_round(rng: random.Random, q: dict, n: int) -> tuple[list[list], list[tuple[str, dict]]]:
    """A Google-Forms-like sheet (labels or codes, blanks, 'nie wiem') and the same answers
    as codes for the reference implementation."""
    scales = {s["id"]: s for s in q["scales"]}
    questions = [x for d in q["dimensions"] for a in d["areas"] for x in a["questions"]]
    header = ["grupa"] + [x["id"] if rng.random() < 0.5 else x["text"]["pl"] for x in questions]
    rows, respondents = [header], []
    for _ in range(n):
        group = rng.choice(q["groups"])
        answers: dict[str, str] = {}
        row: list = [group["label"]["pl"] if rng.random() < 0.5 else group["id"]]
        for x in questions:
            if group["id"] not in x["groups"] or rng.random() < 0.25:
                row.append(None)
                continue
            choice = rng.choice(scales[x["scale"]]["choices"])
            answers[x["id"]] = choice["code"]
            row.append(choice["label"]["pl"] if rng.random() < 0.5 else choice["code"])
        rows.append(row)
        respondents.append((group["id"], answers))
    return rows, respondents


SETTINGS = [
    {},
    {"aggregation": "dimensions", "group_weighting": "pooled"},
    {"min_answered": 0.7, "min_area_coverage": 0.5},
    {"min_answered": 0.3, "aggregation": "dimensions"},
]


@pytest.mark.parametrize("seed", range(len(SETTINGS)))
def test_score_json_equals_hand_computation(tmp_path, seed):
    """Random answers to the standard questionnaire, under several scoring settings."""
    rng = random.Random(seed)
    data = yaml.safe_load(standard_questionnaire_text())
    data["scoring"].update(SETTINGS[seed])
    qpath = tmp_path / "q.yaml"
    qpath.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    runner = CliRunner()
    q = json.loads(runner.invoke(cli, ["questionnaire", "show", str(qpath), "--json"]).stdout)
    rows, respondents = random_round(rng, q, n=rng.randint(5, 40))
    path = write_workbook(tmp_path / "losowe.xlsx", {"Odpowiedzi": rows})

    result = runner.invoke(cli, ["score", str(path), "-q", str(qpath), "--json"])
    assert result.exit_code == 0, result.output
    scored = json.loads(result.stdout)
    expected = reference_scores(q, respondents)

    assert {a["id"]: a["survey"]["value"] for a in scored["areas"]} == pytest.approx(expected["areas"])
    for a in scored["areas"]:
        assert a["by_group"] == pytest.approx(expected["by_group"][a["id"]])
    assert {d["id"]: d["survey"]["value"] for d in scored["dimensions"]} == pytest.approx(
        expected["dimensions"]
    )
    assert scored["index"]["survey"]["value"] == pytest.approx(expected["index"])
