"""The questionnaire format: the standard questionnaire and every kind of YAML mistake."""

from __future__ import annotations

import pytest
import yaml

from conftest import ROOT, TINY
from liwindex.api import InputError, load_questionnaire, load_standard, parse_questionnaire
from liwindex.model.loading import standard_questionnaire_text


def problems_of(text: str) -> list[tuple[str, str | None, int | None]]:
    """(code, yaml path, line) of every problem in ``text``."""
    with pytest.raises(InputError) as exc:
        parse_questionnaire(text, "q.yaml")
    return [(p.code, p.yaml_path, p.line) for p in exc.value.report.problems]


def test_standard_questionnaire_has_three_dimensions_and_twelve_areas():
    """P1–P3 with O1–O12, NGO and administration questions in every area, range [1, 5]."""
    q = load_standard()
    assert [d.id for d in q.dimensions] == ["P1", "P2", "P3"]
    assert [a.id for a in q.areas] == [f"O{i}" for i in range(1, 13)]
    assert q.group_ids == ("ngo", "jst")
    for a in q.areas:
        ngo = [x for x in a.questions if q.question_groups(x) == ("ngo",)]
        jst = [x for x in a.questions if q.question_groups(x) == ("jst",)]
        assert 2 <= len(ngo) <= 5 and 2 <= len(jst) <= 5, a.id
    assert (q.scoring.lo, q.scoring.hi, q.scoring.grade_step) == (1, 5, 0.5)
    assert q.scoring.min_area_coverage == pytest.approx(2 / 3)
    assert q.areas[0].label.pl == "Współtworzenie strategii i programów realizacji polityk publicznych"
    types = {c.id: c.type for c in q.context_questions}
    assert types["formy_wspolpracy"] == "multi" and types["mocne_strony"] == "open"


def test_shipped_and_repository_copies_of_the_standard_are_identical():
    """questionnaires/lijw-standard.yaml is the file the package ships."""
    repo_copy = (ROOT / "questionnaires" / "lijw-standard.yaml").read_text("utf-8")
    assert repo_copy == standard_questionnaire_text()


def test_every_text_has_an_english_version():
    """--lang en never falls back to Polish in the standard questionnaire."""
    q = load_standard()
    texts = [q.title] + [d.label for d in q.dimensions] + [a.label for a in q.areas]
    texts += [x.text for x in q.questions] + [c.text for c in q.context_questions]
    texts += [c.label for s in q.scales for c in s.choices]
    assert all(t.en for t in texts)


def test_unknown_scale_is_reported_with_path_and_line():
    """A question naming a scale that does not exist points at its own line."""
    text = TINY.replace("{id: q4, scale: s5,", "{id: q4, scale: skala7,")
    line = next(i for i, x in enumerate(text.splitlines(), 1) if "skala7" in x)
    assert problems_of(text) == [("unknown-scale", "dimensions[0].areas[1].questions[0].scale", line)]


def test_all_problems_are_reported_at_once():
    """Duplicate ids, unknown groups, empty areas, bad points and a bad range together."""
    data = yaml.safe_load(TINY)
    data["scoring"]["index_range"] = [5, 1]
    data["dimensions"][0]["areas"][1]["questions"][0]["id"] = "q1"
    data["dimensions"][0]["areas"][0]["questions"][2]["groups"] = ["rdpp"]
    data["dimensions"][1]["areas"].append({"id": "A4", "label": {"pl": "Pusty"}, "questions": []})
    data["scales"][0]["choices"][1]["points"] = "dużo"
    data["scales"][1]["choices"] = [
        {"code": "0", "label": {"pl": "a"}, "points": 2},
        {"code": "1", "label": {"pl": "b"}, "points": 2},
    ]
    found = {(code, path) for code, path, _ in problems_of(yaml.safe_dump(data, allow_unicode=True))}
    assert found == {
        ("bad-index-range", "scoring.index_range"),
        ("duplicate-id", "dimensions[0].areas[1].questions[0].id"),
        ("unknown-group-ref", "dimensions[0].areas[0].questions[2].groups[0]"),
        ("empty-area", "dimensions[1].areas[1]"),
        ("yaml-invalid", "scales[0].choices[1].points"),
        ("scale-constant-points", "scales[1].choices"),
    }


@pytest.mark.parametrize(
    ("change", "code", "path"),
    [
        (lambda d: d["scoring"].update(grade_step=0.3), "bad-grade-step", "scoring.grade_step"),
        (lambda d: d["scoring"].update(aggregation="median"), "yaml-invalid", "scoring.aggregation"),
        (
            lambda d: d["scales"][0]["choices"][0].pop("points"),
            "choice-without-points",
            "scales[0].choices[0]",
        ),
        (
            lambda d: d["scales"][0]["choices"][1].update(code="1"),
            "duplicate-code",
            "scales[0].choices[1].code",
        ),
        (lambda d: d.pop("groups"), "yaml-invalid", "groups"),
        (lambda d: d["dimensions"][0].update(colour="red"), "yaml-invalid", "dimensions[0].colour"),
        (lambda d: d["dimensions"][1].update(areas=[]), "empty-dimension", "dimensions[1]"),
        (
            lambda d: d["dimensions"][0]["areas"][0]["questions"][0].update(weight=0),
            "yaml-invalid",
            "dimensions[0].areas[0].questions[0].weight",
        ),
    ],
)
def test_each_mistake_has_its_code_and_path(change, code, path):
    """Each kind of mistake is named by code at its YAML path."""
    data = yaml.safe_load(TINY)
    change(data)
    found = problems_of(yaml.safe_dump(data, allow_unicode=True))
    assert (code, path) in {(c, p) for c, p, _ in found}


def test_duplicate_yaml_key_is_reported():
    """PyYAML would silently keep the last of two equal keys; we say so instead."""
    text = TINY.replace('version: "1"', 'version: "1"\nversion: "2"')
    assert ("yaml-duplicate-key", "version", 4) in problems_of(text)  # TINY opens with a newline


def test_syntax_error_names_the_line():
    """Broken YAML gives one syntax problem at the line of the mistake (the bracket left
    open), not where PyYAML stumbles (the end of the file); test_yaml_errors.py has each kind."""
    assert problems_of("id: x\ntitle: {pl: [\n") == [("yaml-unclosed-bracket", None, 2)]


def test_missing_questionnaire_file(tmp_path):
    """A path that does not exist is a clear problem, not a traceback."""
    with pytest.raises(InputError) as exc:
        load_questionnaire(tmp_path / "brak.yaml")
    assert exc.value.report.problems[0].code == "file-not-found"


def test_fraction_for_min_area_coverage():
    """'2/3' is read exactly, so 8 of 12 areas meet it."""
    data = yaml.safe_load(TINY)
    data["scoring"]["min_area_coverage"] = "2/3"
    q = parse_questionnaire(yaml.safe_dump(data), "q.yaml")
    assert q.scoring.min_area_coverage == 2 / 3


def test_show_json_has_everything_to_recompute_scores():
    """to_dict() lists scales with points, questions with scale, groups, weight, reverse."""
    d = load_standard().to_dict()
    assert d["scoring"]["index_range"] == [1.0, 5.0]
    first = d["dimensions"][0]["areas"][0]["questions"][0]
    assert set(first) == {"id", "text", "scale", "groups", "weight", "reverse", "required"}
    ocena5 = next(s for s in d["scales"] if s["id"] == "ocena5")
    assert [c["points"] for c in ocena5["choices"]] == [1, 2, 3, 4, 5, None]
    assert ocena5["choices"][-1]["na"] is True


def test_standard_questionnaire_comments_are_polish():
    """A Polish editor adapting the standard questionnaire reads its comments in Polish:
    every section is explained and no comment is in English."""
    import re

    text = (ROOT / "questionnaires" / "lijw-standard.yaml").read_text("utf-8")
    comments = [line.split("#", 1)[1] for line in text.splitlines() if line.lstrip().startswith("#")]
    assert len(comments) >= 20
    english = re.compile(r"\b(the|and|of|with|is|are|shipped|questions?)\b", re.I)
    assert not [c for c in comments if english.search(c)]
    for section in ("scoring:", "groups:", "scales:", "dimensions:", "context_questions:"):
        before = text[: text.index(f"\n{section}")].rstrip().splitlines()[-1]
        assert before.startswith("#"), section  # each section opens with its explanation
