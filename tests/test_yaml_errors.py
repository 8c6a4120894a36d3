"""YAML typos in metryka.yaml, questionnaires and mapping files: each mistake has its own code,
placed at the line and column where the user has to type (PyYAML often reports the next line)."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES, TINY, errors, problems, run
from liwindex.io.yamldoc import parse_yaml
from liwindex.problems import InputError, Report

META = "jst: Gmina Przykładowa\nrok: 2025\netap: powdrożeniowa\n"


def mistake(text: str, kind: str = "metryka") -> tuple[str, int | None, str | None, dict[str, object]]:
    """(code, line, column, parameters) of the one problem of ``text``."""
    report = Report()
    with pytest.raises(InputError):
        parse_yaml(text, "metryka.yaml", report, kind=kind)
    (found,) = report.problems
    return found.code, found.line, found.column, found.params


@pytest.mark.parametrize(
    ("text", "code", "line", "column"),
    [
        # PyYAML: "could not find expected ':'" at line 4
        (META.replace("etap: ", "etap "), "yaml-missing-colon", 3, "5"),
        (META.replace("etap: ", "etap ") + "zaproszonych: 40\n", "yaml-missing-colon", 3, "5"),
        # PyYAML: "mapping values are not allowed here" at line 2
        (META.replace("jst: ", "jst "), "yaml-missing-colon", 1, "4"),
        ("groups:\n  - id ngo\n    label: x\n", "yaml-missing-colon", 2, "7"),
        ("scoring:\n  index_range: [1, 5]\n  grade_step 0.5\ngroups: []\n", "yaml-missing-colon", 3, "13"),
        (META.replace("etap: ", "etap:"), "yaml-missing-space", 3, "5"),
        ("etap:powdrożeniowa\n", "yaml-missing-space", 1, "5"),
        ("jst Gmina\n", "yaml-missing-colon", 1, "4"),
    ],
)
def test_a_field_without_its_colon_is_named_on_its_own_line(text, code, line, column):
    """A key written without ': ' is reported on its line, where the colon goes."""
    assert mistake(text)[:3] == (code, line, column)


def test_the_missing_colon_says_how_to_write_the_field():
    """The fix is the user's own line with the colon in place."""
    params = mistake(META.replace("etap: ", "etap "))[3]
    assert params == {"key": "etap", "fixed": "etap: powdrożeniowa"}


@pytest.mark.parametrize(
    ("text", "column"),
    [("jst: Gmina\n\trok: 2025\n", "1"), ("scoring:\n  a: 1\n  \tb: 2\n", "3"), ("jst:\tGmina\n", "5")],
)
def test_a_tab_is_named_where_it_is(text, column):
    """A tab in the indentation or after a colon is its own mistake, at the tab."""
    code, line, col, _ = mistake(text)
    assert (code, col) == ("yaml-tab", column) and line == text.count("\n", 0, text.index("\t")) + 1


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ('jst: "Gmina X\nrok: 2025\n', 1, "6"),  # PyYAML: end of stream at line 3
        ("jst: 'Gmina X\nrok: 2025\netap: 'wstępna'\n", 1, "6"),  # PyYAML: line 3
    ],
)
def test_an_unclosed_quote_is_named_where_it_opens(text, line, column):
    """A quote left open is reported where it was opened, not where the file ends."""
    assert mistake(text)[:3] == ("yaml-unclosed-quote", line, column)


def test_text_after_a_closing_quote():
    """'jst: "Gmina" X' is text after the quote, at that text."""
    assert mistake('jst: "Gmina" Wielka\n')[:3] == ("yaml-text-after-quote", 1, "14")


@pytest.mark.parametrize(
    ("text", "code", "line", "column", "anchor_line", "spaces"),
    [
        # a key indented deeper than the key with a value above it (PyYAML: ': ' not allowed)
        ("jst: Gmina X\n  rok: 2025\n", "yaml-indentation", 2, "3", 1, 0),
        ("dimensions:\n  - id: D1\n    label: x\n      areas: []\n", "yaml-indentation", 4, "7", 3, 4),
        # a key at a column no open block has
        ("scoring:\n    a: 1\n  b: 2\n", "yaml-indentation", 3, "3", 2, 4),
        ("groups:\n  - id: a\n  label: b\n", "yaml-indentation", 3, "3", 2, 4),
        # a list item out of line with its list
        ("groups:\n    - id: a\n  - id: b\n", "yaml-list-indentation", 3, "3", 2, 4),
        ("groups:\n  - id: a\n    label: x\n   - id: b\n", "yaml-list-indentation", 4, "4", 2, 2),
    ],
)
def test_bad_indentation_names_the_line_and_the_level_to_align_with(
    text, code, line, column, anchor_line, spaces
):
    """A line indented to no level says which line above to align with, and how many spaces."""
    found, at, col, params = mistake(text)
    assert (found, at, col) == (code, line, column)
    assert (params["anchor_line"], params["spaces"]) == (anchor_line, spaces)


def test_a_list_item_among_fields():
    """'- rok: 2025' under 'jst: …' is a list item where a field should be."""
    assert mistake("jst: Gmina\n- rok: 2025\n")[:3] == ("yaml-list-item-unexpected", 2, "1")


@pytest.mark.parametrize("kind", ["metryka", "questionnaire", "mapping"])
def test_a_list_where_the_file_should_hold_fields(kind):
    """A document that is a list is refused with what the file should hold."""
    code, line, _, params = mistake("- jst: Gmina\n- rok: 2025\n", kind)
    assert (code, line) == ("yaml-not-mapping", 1)
    assert params["found"]["pl"].startswith("listę")


def test_a_colon_inside_a_value():
    """'jst: Gmina: X' is a value to quote, at the second colon."""
    code, line, column, params = mistake("jst: Gmina: Wielka Wieś\n")
    assert (code, line, column) == ("yaml-colon-in-value", 1, "11")
    assert params["fixed"] == 'jst: "Gmina: Wielka Wieś"'


@pytest.mark.parametrize(
    ("text", "code", "line", "column"),
    [
        ("id: x\ntitle: {pl: [\n", "yaml-unclosed-bracket", 2, "13"),  # PyYAML: line 3
        ('id: x\ntitle: {pl: a, en: b\nversion: "1"\n', "yaml-unclosed-bracket", 2, "8"),
        ("groups: [ngo, jst\nversion: 1\n", "yaml-unclosed-bracket", 1, "9"),
        ("title: {pl: a en: b}\n", "yaml-flow-separator", 1, "17"),
        ("groups: [a, b]]\n", "yaml-unmatched-bracket", 1, "15"),
    ],
)
def test_brackets(text, code, line, column):
    """An unclosed bracket is named where it opens; a missing comma where it is missing."""
    assert mistake(text)[:3] == (code, line, column)


@pytest.mark.parametrize(
    ("text", "char"),
    [("jst: @gmina\n", "@"), ("uwagi: *ważne*\n", "*"), ("jst: !gmina\n", "!"), ("jst: `x`\n", "`")],
)
def test_a_value_starting_with_a_reserved_character(text, char):
    """A value that starts with a character YAML reserves is to be quoted."""
    code, line, _, params = mistake(text)
    assert (code, line, params["char"]) == ("yaml-reserved-character", 1, char)


def test_a_backslash_in_double_quotes():
    """'"C:\\dane"' starts an escape; single quotes read it as written."""
    assert mistake('plik: "C:\\dane"\n')[:3] == ("yaml-backslash", 1, "7")


def test_a_control_character_is_named_at_its_line_and_column():
    """An invisible control character gets its line, column and code point."""
    assert mistake("jst: Gmina\nrok: 20\x0725\n")[:3] == ("yaml-bad-character", 2, "8")


def test_a_duplicate_key_names_both_lines():
    """The second 'jst' is reported with the line of the first."""
    report = Report()
    parse_yaml("jst: A\nrok: 2025\njst: B\n", "metryka.yaml", report, kind="metryka")
    (found,) = report.problems
    assert (found.code, found.line, found.column, found.params["first"]) == ("yaml-duplicate-key", 3, "1", 1)


def test_a_date_that_does_not_exist_is_a_wrong_value_not_a_crash(tmp_path):
    """'rok: 2025-02-30' reaches metryka's own check of the year as text."""
    report = Report()
    doc = parse_yaml("rok: 2025-02-30\n", "metryka.yaml", report, kind="metryka")
    assert doc.data == {"rok": "2025-02-30"} and report.valid


def test_a_typo_in_metryka_yaml_stops_score_at_its_line(tmp_path):
    """score reads metryka.yaml beside the file and names the line of the typo."""
    (tmp_path / "dane.xlsx").write_bytes(
        (EXAMPLES / "gmina-przykladowa-2025-powdrozeniowa.xlsx").read_bytes()
    )
    (tmp_path / "metryka.yaml").write_text(META.replace("etap: ", "etap "), "utf-8")
    result = run("score", tmp_path / "dane.xlsx")
    assert errors(result) == ["yaml-missing-colon"]
    (found,) = problems(result)
    assert (found.file, found.line, found.column) == (str(tmp_path / "metryka.yaml"), 3, "5")
    assert "metryka.yaml, linia 3, kolumna 5" in result.output


@pytest.mark.parametrize(
    "text, shape",
    [
        ("", "empty"),
        ("   \n\n", "empty"),
        ("# tylko komentarz\n", "empty"),
        ("\ufeff", "empty"),
        ("---\n", "empty"),
        ("- jst: Gmina A\n- rok: 2025\n", "list"),
        ("[]\n", "list"),
        ('"Gmina A"\n', "text"),
        ("2025\n", "text"),
    ],
)
def test_a_metryka_yaml_without_fields_says_what_it_holds(tmp_path, text, shape):
    """An empty metryka.yaml (or one of blanks or comments), a list or a lone value stops the
    round with a message about that file at line 1 — "the file is empty" — and its fix, in
    score and in batch, never a word about the questionnaire."""
    from liwindex.messages.fragments import YAML_KINDS, YAML_SHAPES

    round_dir = tmp_path / "runda"
    round_dir.mkdir()
    (round_dir / "dane.xlsx").write_bytes(
        (EXAMPLES / "gmina-przykladowa-2025-powdrozeniowa.xlsx").read_bytes()
    )
    meta = round_dir / "metryka.yaml"
    meta.write_text(text, "utf-8")
    result = run("score", round_dir / "dane.xlsx")
    assert errors(result) == ["yaml-not-mapping"]
    (found,) = problems(result)
    assert (found.file, found.line) == (str(meta), 1)
    assert found.params["found"] == YAML_SHAPES[shape] and found.params["kind"] == YAML_KINDS["metryka"]
    assert YAML_SHAPES[shape]["pl"] in result.output and "kwestionariusz" not in result.output
    batch = run("batch", round_dir, "-o", tmp_path / "wyniki")
    assert batch.exit_code == 1 and f"{meta}, linia 1" in batch.output
    assert YAML_SHAPES[shape]["pl"] in batch.output and "kwestionariusz" not in batch.output


def test_a_typo_in_a_questionnaire_stops_check_at_its_line(tmp_path):
    """questionnaire check names the line of a key without its colon."""
    path = tmp_path / "q.yaml"
    path.write_text(TINY.replace("  grade_step: 0.5", "  grade_step 0.5"), "utf-8")
    result = run("questionnaire", "check", path)
    assert errors(result) == ["yaml-missing-colon"]
    assert problems(result)[0].line == TINY.splitlines().index("  grade_step: 0.5") + 1


def test_a_typo_in_a_mapping_file_stops_score_at_its_line(tmp_path):
    """A tab in a mapping file is named at its line."""
    mapping = tmp_path / "mapowanie.yaml"
    mapping.write_text('columns:\n  "Kolumna": null\n\t"Inna": null\n', "utf-8")
    result = run("score", EXAMPLES / "gmina-przykladowa-2025-powdrozeniowa.xlsx", "--mapping", mapping)
    assert errors(result) == ["yaml-tab"]
    assert problems(result)[0].line == 3
