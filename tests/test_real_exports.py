"""The files people actually make, built from the example round as each tool exports it:
every variant scores without a mapping and gives the same survey index as the clean file.

The example's 75 respondents are rewritten as two separate forms (NGO and administration),
a branching Google Form (CSV and xlsx), an MS Forms export with numbered headers, a workbook
with a notes sheet first, answers typed with their code, and group names without Polish
letters.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

from conftest import write_workbook
from liwindex.api import RoundFiles, compare_files, load_standard, score_file
from liwindex.cli import cli
from liwindex.problems import InputError
from liwindex.responses.matching import ChoiceLookup, GroupLookup, HeaderMatcher
from liwindex.text import strip_diacritics

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "gmina-przykladowa-2024-wstepna.xlsx"
LATER = ROOT / "examples" / "gmina-przykladowa-2025-powdrozeniowa.xlsx"
Q = load_standard()


def example(path: Path = EXAMPLE) -> tuple[list[Any], list[list[Any]]]:
    """The header and the respondents' rows of an example round."""
    wb = openpyxl.load_workbook(path, read_only=True)
    rows = [list(r) for r in wb["Odpowiedzi na formularz 1"].iter_rows(values_only=True)]
    wb.close()
    return rows[0], [r for r in rows[1:] if any(v is not None for v in r)]


HEADER, ROWS = example()
MATCH = HeaderMatcher(Q)
TARGETS = [MATCH.match(h) for h in HEADER]
GROUP_COL = next(i for i, t in enumerate(TARGETS) if t is not None and t.kind == "group")
GROUPS = GroupLookup(Q)
OWNER = {**{q.id: q.groups for q in Q.questions}, **{c.id: c.groups for c in Q.context_questions}}


def group_of(row: list[Any]) -> str:
    found = GROUPS.group(row[GROUP_COL])
    assert found is not None
    return found


def asked_of(index: int, group: str) -> bool:
    """Whether the column ``index`` belongs in the form sent to ``group``."""
    target = TARGETS[index]
    if target is None or target.kind == "group":
        return False
    owners = OWNER.get(target.id)
    return owners is None or group in owners


def write_csv(path: Path, rows: list[list[Any]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["" if v is None else v for v in r] for r in rows])
    return path


def survey_index(result: Any) -> float:
    assert result.index.survey is not None
    return float(result.index.survey)


CLEAN = score_file(EXAMPLE)


def assert_same_as_clean(result: Any) -> None:
    assert survey_index(result) == pytest.approx(survey_index(CLEAN), abs=1e-12)
    assert result.respondents_by_group == CLEAN.respondents_by_group
    for area in Q.areas:
        assert result.area(area.id).survey == pytest.approx(CLEAN.area(area.id).survey, nan_ok=True)


def two_forms(tmp_path: Path) -> tuple[Path, Path]:
    """What two Google Forms (one sent to NGOs, one to the office) export: no group column,
    each form with the shared questions and its group's own."""
    out = []
    for group, name in (("ngo", "organizacje.csv"), ("jst", "urzad.csv")):
        keep = [0] + [i for i in range(len(HEADER)) if asked_of(i, group)]
        rows = [[HEADER[i] for i in keep]]
        rows += [[r[i] for i in keep] for r in ROWS if group_of(r) == group]
        out.append(write_csv(tmp_path / name, rows))
    return out[0], out[1]


def branching(rows: list[list[Any]]) -> list[list[Any]]:
    """A Google Form with sections: the group question, then the NGO section, then the
    administration section; the shared questions appear once in each section."""
    sections = {g: [i for i in range(len(HEADER)) if asked_of(i, g)] for g in ("ngo", "jst")}
    header = [HEADER[0], HEADER[GROUP_COL]] + [HEADER[i] for g in sections for i in sections[g]]
    out = [header]
    for r in rows:
        mine = group_of(r)
        out.append(
            [r[0], r[GROUP_COL]] + [r[i] if g == mine else None for g in sections for i in sections[g]]
        )
    return out


def test_separate_ngo_and_administration_files_score_as_one_round(tmp_path):
    ngo, jst = two_forms(tmp_path)
    result = score_file([ngo, jst])
    assert_same_as_clean(result)
    notes = [p for p in result.problems if p.code == "group-from-columns"]
    assert [(p.file, p.value) for p in notes] == [(str(ngo), "ngo"), (str(jst), "jst")]
    assert not [p for p in result.problems if p.code == "group-missing"]
    [files] = [p for p in result.problems if p.code == "round-files"]
    assert files.value == "organizacje.csv: 60, urzad.csv: 15"


def test_separate_files_on_the_command_line_and_as_a_folder(tmp_path):
    folder = tmp_path / "2024"
    folder.mkdir()
    two_forms(folder)
    runner = CliRunner()
    by_files = runner.invoke(
        cli, ["score", str(folder / "organizacje.csv"), str(folder / "urzad.csv"), "--json"]
    )
    by_folder = runner.invoke(cli, ["score", str(folder), "--json"])
    assert by_files.exit_code == 0, by_files.output
    assert by_folder.exit_code == 0, by_folder.output
    for output in (by_files.stdout, by_folder.stdout):
        data = json.loads(output)
        assert data["index"]["survey"]["value"] == pytest.approx(survey_index(CLEAN))
        assert data["respondents"]["by_group"] == {"ngo": 60, "jst": 15}
    assert json.loads(by_files.stdout)["meta"]["source"] == (
        f"{folder / 'organizacje.csv'} + {folder / 'urzad.csv'}"
    )


def test_group_given_per_file(tmp_path):
    """Files whose columns do not tell the group (one form with every question, exported
    per group, without the group column) take it from --group FILE=ID; a FILE that is not
    in the round is an error naming the files."""
    columns = [i for i in range(len(HEADER)) if i != GROUP_COL]
    paths = []
    for group in ("ngo", "jst"):
        rows = [[HEADER[i] for i in columns]] + [
            [r[i] for i in columns] for r in ROWS if group_of(r) == group
        ]
        paths.append(write_csv(tmp_path / f"{group}-wspolne.csv", rows))
    with pytest.raises(InputError) as failed:
        score_file(paths)
    assert [p.code for p in failed.value.report.errors] == ["no-group-column", "no-group-column"]
    result = score_file(
        RoundFiles(paths=tuple(map(str, paths)), groups=(("ngo-wspolne.csv", "ngo"), (str(paths[1]), "jst")))
    )
    assert result.respondents_by_group == {"ngo": 60, "jst": 15}
    runner = CliRunner()
    wrong = runner.invoke(cli, ["score", *map(str, paths), "--group", "inny.csv=ngo"])
    assert wrong.exit_code == 1
    assert "inny.csv" in wrong.stderr and "„ngo-wspolne.csv”, „jst-wspolne.csv”" in wrong.stderr
    two = runner.invoke(cli, ["score", *map(str, paths), "--group", "ngo", "--group", "jst"])
    assert two.exit_code == 2 and "--group PLIK=ID" in two.stderr


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_branching_google_form(tmp_path, suffix):
    rows = branching(ROWS)
    path = (
        write_csv(tmp_path / "sekcje.csv", rows)
        if suffix == ".csv"
        else write_workbook(tmp_path / "sekcje.xlsx", {"Odpowiedzi na formularz 1": rows})
    )
    result = score_file(path)
    assert_same_as_clean(result)
    assert "duplicate-columns-merged" in {p.code for p in result.problems}


def test_ms_forms_with_numbered_headers(tmp_path):
    platform = ["ID", "Godzina rozpoczęcia", "Godzina ukończenia", "Adres e-mail", "Nazwa"]
    header = platform + [f"{n}. {h}" for n, h in enumerate(HEADER[1:], 1)]
    rows = [header] + [
        [k, "1/15/24 9:00:00", "1/15/24 9:09:00", "anonymous", "", *r[1:]] for k, r in enumerate(ROWS, 1)
    ]
    result = score_file(write_workbook(tmp_path / "msforms.xlsx", {"Arkusz1": rows}))
    assert_same_as_clean(result)
    assert "unknown-columns" not in {p.code for p in result.problems}


def test_notes_sheet_first(tmp_path):
    notes = [["Ankieta LIJW — Gmina Przykładowa"], ["Eksport z dnia 2024-01-31"]]
    path = write_workbook(tmp_path / "z-notatkami.xlsx", {"Informacje": notes, "Odpowiedzi": [HEADER, *ROWS]})
    result = score_file(path)
    assert_same_as_clean(result)
    [note] = [p for p in result.problems if p.code == "survey-sheet-found"]
    assert note.value == "Odpowiedzi"


def test_answers_typed_with_their_code(tmp_path):
    lookups = {
        i: ChoiceLookup(Q.scale_by_id[next(q.scale for q in Q.questions if q.id == t.id)])
        for i, t in enumerate(TARGETS)
        if t is not None and t.kind == "question"
    }

    def typed(value: Any, i: int) -> Any:
        if i not in lookups or value is None:
            return value
        code = lookups[i].code(value)
        return value if code is None else f"{code} - {value}"

    rows = [HEADER] + [[typed(v, i) for i, v in enumerate(r)] for r in ROWS]
    result = score_file(write_csv(tmp_path / "kody.csv", rows))
    assert_same_as_clean(result)
    assert "code-label-answers" in {p.code for p in result.problems}


def test_group_names_without_polish_letters(tmp_path):
    rows = [HEADER] + [[strip_diacritics(v) if i == GROUP_COL else v for i, v in enumerate(r)] for r in ROWS]
    assert {r[GROUP_COL] for r in rows[1:]} == {"Organizacja pozarzadowa", "Administracja samorzadowa"}
    assert_same_as_clean(score_file(write_csv(tmp_path / "bez-ogonkow.csv", rows)))


def test_compare_rounds_made_of_two_files_each(tmp_path):
    """--before A --before B --after C --after D, and folders, give the comparison of the
    clean files; --rok and --etap name the rounds of CSV files that have no metryka."""
    before_dir, after_dir = tmp_path / "2024", tmp_path / "2025"
    before_dir.mkdir()
    after_dir.mkdir()
    two_forms(before_dir)
    global HEADER, ROWS  # the helpers read the module's example; switch it to the later round
    saved = HEADER, ROWS
    HEADER, ROWS = example(LATER)
    try:
        two_forms(after_dir)
    finally:
        HEADER, ROWS = saved
    clean = compare_files(EXAMPLE, LATER, basis="survey")
    runner = CliRunner()
    by_option = runner.invoke(
        cli,
        [
            "compare",
            "--before",
            str(before_dir / "organizacje.csv"),
            "--before",
            str(before_dir / "urzad.csv"),
            "--after",
            str(after_dir / "organizacje.csv"),
            "--after",
            str(after_dir / "urzad.csv"),
            "--basis",
            "survey",
            "--bootstrap",
            "0",
            "--jst",
            "Gmina Przykładowa",
            "--rok",
            "2024",
            "--rok",
            "2025",
            "--etap",
            "wstępna",
            "--etap",
            "powdrożeniowa",
            "--json",
        ],
    )
    assert by_option.exit_code == 0, by_option.output
    data = json.loads(by_option.stdout)
    assert data["index"]["delta"] == pytest.approx(clean.to_dict()["index"]["delta"])
    assert data["before"]["meta"] | {"source": None} == {
        "jst": "Gmina Przykładowa",
        "teryt": None,
        "rok": 2024,
        "etap": "wstępna",
        "source": None,
    }
    by_folder = runner.invoke(
        cli, ["compare", str(before_dir), str(after_dir), "--basis", "survey", "--bootstrap", "0", "--json"]
    )
    assert by_folder.exit_code == 0, by_folder.output
    assert json.loads(by_folder.stdout)["index"]["delta"] == pytest.approx(data["index"]["delta"])
    # CSV rounds without metadata: the names suggest the year, never silently used
    assert "--rok 2024" in by_folder.stderr and "--rok 2025" in by_folder.stderr
    mixed = runner.invoke(cli, ["compare", str(before_dir), "--after", str(after_dir)])
    assert mixed.exit_code == 2 and "nie w obu formach naraz" in mixed.stderr
    wrong_count = runner.invoke(cli, ["compare", str(before_dir), str(after_dir), "--rok", "2024"])
    assert wrong_count.exit_code == 2
    assert "--rok podaj raz dla każdego etapu (2)" in wrong_count.stderr


def test_metryka_yaml_beside_the_files(tmp_path):
    ngo, jst = two_forms(tmp_path)
    (tmp_path / "metryka.yaml").write_text("jst: Gmina Przykładowa\nrok: 2024\netap: wstępna\n", "utf-8")
    result = score_file([ngo, jst])
    assert (result.meta["jst"], result.meta["rok"], result.meta["etap"]) == (
        "Gmina Przykładowa",
        2024,
        "wstępna",
    )
    assert "meta-from-name" not in {p.code for p in result.problems}
    # a file's own NAME.metryka.yaml wins over the folder's, and bad values are located
    (tmp_path / "urzad.metryka.yaml").write_text("rok: dwa tysiące\netap: wstepna\nwojewodztwo: x\n", "utf-8")
    result = score_file(jst)
    codes = {p.code: p for p in result.problems}
    assert codes["bad-year"].line == 1 and codes["bad-etap"].line == 2
    assert codes["unknown-meta-key"].yaml_path == "wojewodztwo"
    # the command line wins over the files, with a warning when it changes a value
    runner = CliRunner()
    out = runner.invoke(cli, ["score", str(ngo), str(jst), "--rok", "2025", "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["meta"]["rok"] == 2025
    assert "rok: użyto „2025”" in out.stderr


def test_files_of_one_round_that_disagree(tmp_path):
    """Two metryka sheets naming different years, two different sets of grades, one file
    given twice, and exports that overlap."""
    half = len(ROWS) // 2
    a = write_workbook(
        tmp_path / "a.xlsx",
        {
            "Odpowiedzi": [HEADER, *ROWS[:half]],
            "metryka": [["rok", 2024]],
            "oceny": [["obszar", "ocena"], ["O1", 3]],
        },
    )
    b = write_workbook(
        tmp_path / "b.xlsx",
        {
            "Odpowiedzi": [HEADER, *ROWS[half - 3 :]],
            "metryka": [["rok", 2025]],
            "oceny": [["obszar", "ocena"], ["O1", 4]],
        },
    )
    with pytest.raises(InputError) as failed:
        score_file([a, b])
    codes = [p.code for p in failed.value.report.errors]
    assert codes == ["round-grades-twice", "round-meta-differs"]
    with pytest.raises(InputError) as twice:
        score_file([a, tmp_path / "." / "a.xlsx"])
    assert [p.code for p in twice.value.report.errors] == ["round-file-twice"]
    c = write_workbook(tmp_path / "c.xlsx", {"Odpowiedzi": [HEADER, *ROWS[half - 3 :]]})
    result = score_file([write_workbook(tmp_path / "d.xlsx", {"Odpowiedzi": [HEADER, *ROWS[:half]]}), c])
    [overlap] = [p for p in result.problems if p.code == "rows-in-two-files"]
    assert overlap.params["count"] == 3 and overlap.file == str(c)
    assert result.respondents_total == len(ROWS) + 3  # counted, and said so


# A form that words the five-point answers its own way
FORM_WORDS = {
    "5": "bardzo dobrze",
    "4": "dobrze",
    "3": "średnio",
    "2": "źle",
    "1": "bardzo źle",
    "nw": "nie mam zdania",
}
SCALE_OF = {
    **{q.id: q.scale for q in Q.questions},
    **{c.id: c.scale for c in Q.context_questions if c.type == "single"},
}
OCENA5 = ChoiceLookup(Q.scale_by_id["ocena5"])
LABELS = {c.code: c.label.pl for c in Q.scale_by_id["ocena5"].choices}


def renamed_form(
    header: list[Any], rows: list[list[Any]], without_worst: bool, own_words: bool
) -> list[list[Any]]:
    """An MS Forms export of a form typed anew: numbered, reworded questions, the group
    asked as "Kim Pan/Pani jest?" with answers such as "Fundacja", and the five-point
    answers in the form's words. ``without_worst``: nobody chose "bardzo źle" (it becomes
    "źle"); ``own_words`` False writes the questionnaire's headers and labels instead (the
    clean twin)."""
    out_header = ["ID", "Godzina rozpoczęcia", "Kim Pan/Pani jest?" if own_words else "grupa"]
    keep = [i for i, t in enumerate(TARGETS) if t is not None and t.kind != "group"]
    out_header += [
        f"{n}. " + header[i].replace("Jak ocenia Pan/Pani", "Jak oceniasz") if own_words else header[i]
        for n, i in enumerate(keep, 1)
    ]
    out = [out_header]
    for k, r in enumerate(rows, 1):
        group = group_of(r)
        cells: list[Any] = [k, "", ("Fundacja", "Stowarzyszenie")[k % 2] if group == "ngo" else "Urząd Gminy"]
        for i in keep:
            value, target = r[i], TARGETS[i]
            if value is not None and SCALE_OF.get(target.id) == "ocena5":
                code = OCENA5.code(value)
                assert code is not None
                code = "2" if without_worst and code == "1" else code
                value = FORM_WORDS[code] if own_words else LABELS[code]
            cells.append(value)
        out.append(cells)
    return out


def test_mapping_init_reads_this_round_and_the_next(tmp_path):
    """`mapping init` on a renamed MS Forms export: every question proposed once, the group
    column found by its values, the form's answers assigned one to one and the answer the
    round lacks predicted; once confirmed, the mapping scores this round and the next (which
    has that answer) exactly like their clean twins, and `mapping check` passes."""
    first = write_workbook(tmp_path / "runda1.xlsx", {"Arkusz1": renamed_form(HEADER, ROWS, True, True)})
    twin = write_workbook(
        tmp_path / "runda1-czysta.xlsx", {"Arkusz1": renamed_form(HEADER, ROWS, True, False)}
    )
    runner = CliRunner()
    made = runner.invoke(cli, ["mapping", "init", str(first), "-o", str(tmp_path / "m.yaml")])
    assert made.exit_code == 0, made.output
    text = (tmp_path / "m.yaml").read_text("utf-8")
    proposal = yaml_load(text)
    ids = [str(v).lstrip("?") for v in proposal["columns"].values() if v]
    assert len(ids) == len(set(ids)) == 1 + len(Q.questions) + len(Q.context_questions)
    assert proposal["columns"]["Kim Pan/Pani jest?"] == "grupa"
    assert proposal["answers"]["ocena5"] == {
        "bardzo dobrze": "?5",
        "dobrze": "?4",
        "średnio": "?3",
        "źle": "?2",
        "nie mam zdania": "?nw",
        "bardzo źle": "?1",
    }
    assert proposal["groups"] == {}  # Fundacja, Stowarzyszenie and Urząd Gminy are known
    unconfirmed = runner.invoke(cli, ["mapping", "check", str(first), "--mapping", str(tmp_path / "m.yaml")])
    assert unconfirmed.exit_code == 1 and "linia" in unconfirmed.stdout
    # the user checks the proposals and removes the "?"
    confirmed = tmp_path / "potwierdzone.yaml"
    confirmed.write_text(text.replace('"?', '"'), "utf-8")
    check = runner.invoke(cli, ["mapping", "check", str(first), "--mapping", str(confirmed)])
    assert check.exit_code == 0, check.output
    assert "50 z 50 pytań" in check.stdout
    this_round = score_file(first, mapping=confirmed)
    assert survey_index(this_round) == pytest.approx(survey_index(score_file(twin)), abs=1e-12)
    next_round = write_workbook(
        tmp_path / "runda2.xlsx", {"Arkusz1": renamed_form(HEADER, ROWS, False, True)}
    )
    assert any("bardzo źle" in row for row in renamed_form(HEADER, ROWS, False, True))
    assert_same_as_clean(score_file(next_round, mapping=confirmed))


def yaml_load(text: str) -> Any:
    import yaml

    return yaml.safe_load(text)


def test_group_question_in_the_forms_own_words(tmp_path):
    """A group column whose header nothing recognises is found by its values (every value
    a group name), with a note naming it."""
    header = [("Kim Pan/Pani jest?" if i == GROUP_COL else h) for i, h in enumerate(HEADER)]
    rows = [header] + [
        [
            ("Fundacja" if group_of(r) == "ngo" else "Urząd Gminy") if i == GROUP_COL else v
            for i, v in enumerate(r)
        ]
        for r in ROWS
    ]
    result = score_file(write_csv(tmp_path / "wlasne-slowa.csv", rows))
    assert_same_as_clean(result)
    [note] = [p for p in result.problems if p.code == "group-column-by-values"]
    assert note.column == "B" and note.value == "Kim Pan/Pani jest?"


def test_round_arguments_that_do_not_fit(tmp_path):
    """Three rounds to compare, and an empty folder given as a round: a usage error (exit 2)
    and a located message (exit 1)."""
    runner = CliRunner()
    three = runner.invoke(cli, ["compare", str(EXAMPLE), str(LATER), str(EXAMPLE)])
    assert three.exit_code == 2 and "oczekiwano od 2 do 2 etapów, podano 3" in three.stderr
    (tmp_path / "pusty").mkdir()
    empty = runner.invoke(cli, ["score", str(tmp_path / "pusty")])
    assert empty.exit_code == 1
    assert f"{tmp_path / 'pusty'}: folder nie zawiera plików z odpowiedziami" in empty.stderr
