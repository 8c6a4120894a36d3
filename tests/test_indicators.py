"""Numeric data (dane liczbowe): the questionnaire's ``indicators:``, their values in a
``dane`` sheet or ``dane.yaml``, and where they are shown (never in the index)."""

from __future__ import annotations

from pathlib import Path
from shutil import copy

import openpyxl
import pytest
from tests.conftest import INITIAL, POST

from liwindex.api import RoundFiles, read_round_files
from liwindex.model.loading import load_standard, parse_questionnaire, standard_questionnaire_text
from liwindex.problems import InputError, Severity
from liwindex.responses.indicators import parse_value


def _errors(text: str) -> list[tuple[str, str | None]]:
    with pytest.raises(InputError) as info:
        parse_questionnaire(text, "q.yaml")
    return [(p.code, p.yaml_path) for p in info.value.report.problems]


def _with_indicators(block: str) -> str:
    text = standard_questionnaire_text()
    head = text.split("\nindicators:\n", 1)[0]
    return head + "\nindicators:\n" + block


def test_standard_questionnaire_ships_documented_indicators() -> None:
    q = load_standard()
    assert 12 <= len(q.indicators) <= 15
    areas = {a.id for a in q.areas} | {d.id for d in q.dimensions}
    assert all(i.place in areas for i in q.indicators)
    assert {i.unit for i in q.indicators} == {"count", "PLN", "percent"}
    assert {i.area for i in q.indicators} >= {"O2", "O3", "O5", "O6", "O8", "O10", "O11"}
    assert all(i.label.en for i in q.indicators)
    shown = q.to_dict()["indicators"]
    assert shown[0]["id"] == q.indicators[0].id and shown[0]["label"]["pl"]


def test_indicator_errors_are_located_at_their_yaml_path() -> None:
    block = """\
  - {id: a1, label: {pl: A}, unit: count, area: O99}
  - {id: a2, label: {pl: B}, unit: zł, area: O1}
  - {id: a3, label: {pl: C}, unit: count}
  - {id: a4, label: {pl: D}, unit: count, area: O1, dimension: P1}
  - {id: a5, label: {pl: E}, unit: percent, dimension: P9, min: 10, max: 5}
  - {id: a1, label: {pl: F}, unit: count, area: O1, higher_is_better: moze}
"""
    found = _errors(_with_indicators(block))
    assert ("unknown-area-ref", "indicators[0].area") in found
    assert ("yaml-invalid", "indicators[1].unit") in found
    assert ("indicator-no-place", "indicators[2]") in found
    assert ("indicator-two-places", "indicators[3].dimension") in found
    assert ("unknown-dimension-ref", "indicators[4].dimension") in found
    assert ("indicator-bad-bounds", "indicators[4].min") in found
    assert ("duplicate-id", "indicators[5].id") in found
    assert ("yaml-invalid", "indicators[5].higher_is_better") in found


def test_a_questionnaire_without_indicators_has_none() -> None:
    text = standard_questionnaire_text().split("\nindicators:\n", 1)[0]
    assert parse_questionnaire(text).indicators == ()


def test_json_schema_describes_indicators() -> None:
    from liwindex.model.questionnaire import json_schema

    schema = json_schema()
    unit = schema["$defs"]["Indicator"]["properties"]["unit"]
    assert set(unit["enum"]) == {"count", "PLN", "percent"}


# --- reading the values -------------------------------------------------------------------


GOOD_ROWS = [
    ["wskaznik", "nazwa", "wartosc", "uwagi"],
    ["konkursy_ofert", "Ogłoszone otwarte konkursy ofert", 12, "w tym 2 unieważnione"],
    ["kwota_dotacji", "", "1 234 500,50 zł", None],
    ["udzial_w_wydatkach", "", "1,5%", None],
    ["Posiedzenia Rady Działalności Pożytku Publicznego", "", "4", None],
    ["male_granty", "", None, "nie zbierano"],
]


def with_data_sheet(tmp_path: Path, rows: list[list[object]], source: Path = INITIAL) -> Path:
    path = tmp_path / source.name
    copy(source, path)
    wb = openpyxl.load_workbook(path)
    if "dane" in wb.sheetnames:
        del wb["dane"]
    ws = wb.create_sheet("dane")
    for row in rows:
        ws.append(row)
    for cells in ws.iter_rows():
        for cell in cells:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text typed by an officer, not a formula
    wb.save(path)
    return path


def without_data(tmp_path: Path, source: Path = INITIAL) -> Path:
    """A copy of an example round without its "dane" sheet."""
    path = tmp_path / f"bez-danych-{source.name}"
    copy(source, path)
    wb = openpyxl.load_workbook(path)
    del wb["dane"]
    wb.save(path)
    return path


def read(path: Path | str) -> dict[str, object]:
    return read_round_files(RoundFiles.of(str(path)), load_standard()).indicators  # type: ignore[return-value]


def located(path: Path | str) -> list[tuple[object, ...]]:
    with pytest.raises(InputError) as info:
        read_round_files(RoundFiles.of(str(path)), load_standard())
    return [(p.code, p.sheet, p.row, p.column, p.yaml_path) for p in info.value.report.errors]


@pytest.mark.parametrize(
    ("raw", "unit", "value"),
    [
        (12, "count", 12.0),
        ("1 234", "count", 1234.0),
        ("1\u00a0234,50 zł", "PLN", 1234.5),
        ("1.234,50", "PLN", 1234.5),
        ("2500 PLN", "PLN", 2500.0),
        ("12%", "percent", 12.0),
        ("12,5 %", "percent", 12.5),
    ],
)
def test_numbers_are_read_the_polish_way(raw: object, unit: str, value: float) -> None:
    assert parse_value(raw, unit) == (value, None)


@pytest.mark.parametrize(
    ("raw", "unit", "code"),
    [
        ("dużo", "count", "data-not-number"),
        ("12%", "count", "data-wrong-unit"),
        ("100 zł", "percent", "data-wrong-unit"),
        ("1e400", "PLN", "data-not-number"),
        (True, "count", "data-not-number"),
        ("9" * 400, "PLN", "data-not-number"),
    ],
)
def test_bad_numbers_are_refused(raw: object, unit: str, code: str) -> None:
    assert parse_value(raw, unit) == (None, code)


def test_values_are_read_from_the_dane_sheet(tmp_path: Path) -> None:
    values = read(with_data_sheet(tmp_path, GOOD_ROWS))
    assert {k: v.value for k, v in values.items()} == {  # type: ignore[attr-defined]
        "konkursy_ofert": 12,
        "kwota_dotacji": 1234500.5,
        "udzial_w_wydatkach": 1.5,
        "posiedzenia_rdpp": 4,
    }
    assert values["konkursy_ofert"].note == "w tym 2 unieważnione"  # type: ignore[attr-defined]


def test_every_bad_value_in_the_sheet_is_located(tmp_path: Path) -> None:
    rows = [
        ["wskaznik", "wartosc", "uwagi"],
        ["konkursy", 3, None],  # 2: unknown id
        ["konkursy_ofert", "dwanaście", None],  # 3: not a number
        ["dotacje_konkursowe", "12%", None],  # 4: wrong unit
        ["zespoly_doradcze", -1, None],  # 5: negative count
        ["posiedzenia_rdpp", "2,5", None],  # 6: not an integer
        ["udzial_w_wydatkach", "120%", None],  # 7: above max
        ["konkursy_ofert", 4, None],  # 8: twice
        ["kwota_dotacji", "-5 zł", None],  # 9: negative amount
    ]
    found = located(with_data_sheet(tmp_path, rows))
    assert found == [
        ("data-unknown-indicator", "dane", 2, "A", None),
        ("data-not-number", "dane", 3, "B", None),
        ("data-wrong-unit", "dane", 4, "B", None),
        ("data-negative", "dane", 5, "B", None),
        ("data-not-integer", "dane", 6, "B", None),
        ("data-out-of-range", "dane", 7, "B", None),
        ("data-duplicate", "dane", 8, "A", None),
        ("data-negative", "dane", 9, "B", None),
    ]


def test_the_dane_sheet_needs_its_columns(tmp_path: Path) -> None:
    found = located(with_data_sheet(tmp_path, [["id wskaźnika", "liczba"], ["konkursy_ofert", 3]]))
    assert found == [("data-missing-column", "dane", 1, None, None)]


def test_values_are_read_from_dane_yaml_beside_the_files(tmp_path: Path) -> None:
    folder = tmp_path / "etap"
    folder.mkdir()
    copy(INITIAL, folder / INITIAL.name)
    (folder / "dane.yaml").write_text(
        "konkursy_ofert: 12\nkwota_dotacji: {wartosc: '1 234,50 zł', uwagi: po korekcie}\n"
        "udzial_w_wydatkach: 12%\n",
        "utf-8",
    )
    values = read(folder)
    assert values["kwota_dotacji"].value == 1234.5  # type: ignore[attr-defined]
    assert values["kwota_dotacji"].note == "po korekcie"  # type: ignore[attr-defined]
    assert values["udzial_w_wydatkach"].value == 12  # type: ignore[attr-defined]


def test_every_bad_value_in_dane_yaml_is_located(tmp_path: Path) -> None:
    folder = tmp_path / "etap"
    folder.mkdir()
    copy(INITIAL, folder / INITIAL.name)
    (folder / "dane.yaml").write_text(
        "konkursy: 3\n"
        "konkursy_ofert: dużo\n"
        "dotacje_konkursowe: 12%\n"
        "zespoly_doradcze: -2\n"
        "posiedzenia_rdpp: {wartosc: 2.5}\n"
        "udzial_w_wydatkach: {wartosc: 101, komentarz: x}\n"
        "male_granty: [1, 2]\n",
        "utf-8",
    )
    found = [(code, path) for code, _, _, _, path in located(folder)]
    assert found == [
        ("data-unknown-indicator", "konkursy"),
        ("data-not-number", "konkursy_ofert"),
        ("data-wrong-unit", "dotacje_konkursowe"),
        ("data-negative", "zespoly_doradcze"),
        ("data-not-integer", "posiedzenia_rdpp.wartosc"),
        ("data-yaml-key", "udzial_w_wydatkach.komentarz"),
        ("data-out-of-range", "udzial_w_wydatkach.wartosc"),
        ("data-not-number", "male_granty"),
    ]


def test_dane_yaml_overrides_the_sheet_with_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "etap"
    folder.mkdir()
    with_data_sheet(folder, GOOD_ROWS)
    (folder / "dane.yaml").write_text("konkursy_ofert: 13\n", "utf-8")
    r = read_round_files(RoundFiles.of(str(folder)), load_standard())
    assert r.indicators["konkursy_ofert"].value == 13
    assert "data-overridden" in [p.code for p in r.report.problems if p.severity is Severity.WARNING]


def test_the_cli_stops_on_a_bad_value_with_exit_1(tmp_path: Path) -> None:
    from tests.conftest import problems, run

    path = with_data_sheet(tmp_path, [["wskaznik", "wartosc"], ["konkursy_ofert", "x"]])
    found = [p for p in problems(run("score", path)) if p.severity is Severity.ERROR]
    assert [(p.code, p.sheet, p.row, p.column) for p in found] == [("data-not-number", "dane", 2, "B")]


def test_a_hostile_value_is_refused_quickly(tmp_path: Path) -> None:
    import time

    start = time.perf_counter()
    for raw in ("1" * 100_000 + "x", "1," * 50_000, " " * 100_000 + "%", "-" * 100_000):
        assert parse_value(raw, "percent")[0] is None
    folder = tmp_path / "etap"
    folder.mkdir()
    copy(INITIAL, folder / INITIAL.name)
    text = "konkursy_ofert: '" + "1 " * 50_000 + "'\n"
    (folder / "dane.yaml").write_text(text, "utf-8")
    before = (folder / "dane.yaml").read_bytes()
    assert [code for code, *_ in located(folder)] == ["data-not-number"]
    assert (folder / "dane.yaml").read_bytes() == before
    assert time.perf_counter() - start < 1.0


def test_a_responses_sheet_called_dane_stays_the_responses(tmp_path: Path) -> None:
    from tests.conftest import tiny, write_workbook

    path = write_workbook(tmp_path / "d.xlsx", {"Dane": [["grupa", "q1", "q2"], ["ngo", "3", "3"]]})
    r = read_round_files(RoundFiles.of(str(path)), tiny())
    assert r.survey is not None and r.indicators == {}


# --- results ------------------------------------------------------------------------------


def _score_json(path: Path | str) -> dict[str, object]:
    import json

    from tests.conftest import run

    result = run("score", path, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_score_json_carries_the_values_and_the_index_is_unchanged(tmp_path: Path) -> None:
    plain = _score_json(without_data(tmp_path))
    with_data = _score_json(with_data_sheet(tmp_path, GOOD_ROWS))
    assert plain["indicators"] == []
    found = {i["id"]: i for i in with_data["indicators"]}  # type: ignore[attr-defined]
    assert found["kwota_dotacji"] == {
        "id": "kwota_dotacji",
        "label": "Łączna kwota dotacji w otwartych konkursach ofert",
        "unit": "PLN",
        "area": "O5",
        "dimension": None,
        "value": 1234500.5,
        "note": None,
        "higher_is_better": None,
    }
    assert found["konkursy_ofert"]["note"] == "w tym 2 unieważnione"
    assert found["udzial_w_wydatkach"]["dimension"] == "P2"
    for key in ("index", "dimensions", "areas", "items"):
        assert with_data[key] == plain[key]


def test_score_shows_a_table_only_when_values_exist(tmp_path: Path) -> None:
    from tests.conftest import run

    assert "Dane liczbowe" not in run("score", without_data(tmp_path)).output
    shown = run("score", with_data_sheet(tmp_path, GOOD_ROWS), env={"COLUMNS": "120"}).output
    assert "Dane liczbowe" in shown and "1\u00a0234\u00a0500,50\u00a0zł" in shown and "1,5%" in shown


AFTER_ROWS = [
    ["wskaznik", "wartosc"],
    ["konkursy_ofert", 14],
    ["kwota_dotacji", "1 500 000 zł"],
    ["udzial_w_wydatkach", "2,5%"],
    ["male_granty", 3],
]


def _two_rounds(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    return with_data_sheet(tmp_path / "a", GOOD_ROWS), with_data_sheet(tmp_path / "b", AFTER_ROWS, POST)


def test_compare_changes_in_units_and_percentage_points(tmp_path: Path) -> None:
    import json

    from tests.conftest import run

    before, after = _two_rounds(tmp_path)
    data = json.loads(run("compare", before, after, "--json").stdout)
    found = {i["id"]: i for i in data["indicators"]}
    assert found["konkursy_ofert"]["delta"] == 2 and found["konkursy_ofert"]["delta_unit"] == "count"
    assert found["kwota_dotacji"]["delta"] == pytest.approx(265499.5)
    share = found["udzial_w_wydatkach"]
    assert (share["before"], share["after"], share["delta"], share["delta_unit"]) == (1.5, 2.5, 1.0, "pp")
    assert "pct" not in share  # never a percent of a percent
    assert found["male_granty"]["before"] is None and found["male_granty"]["delta"] is None
    plain = json.loads(run("compare", without_data(tmp_path), without_data(tmp_path, POST), "--json").stdout)
    for key in ("index", "dimensions", "areas"):
        assert data[key] == plain[key]
    shown = run("compare", before, after, env={"COLUMNS": "120"}).output
    assert "+1\u00a0p.p." in shown and "+265\u00a0499,50\u00a0zł" in shown


def test_trend_gives_one_value_per_round(tmp_path: Path) -> None:
    import json

    from tests.conftest import run

    before, after = _two_rounds(tmp_path)
    data = json.loads(run("trend", before, after, "--json").stdout)
    share = next(i for i in data["indicators"] if i["id"] == "udzial_w_wydatkach")
    assert share["values"] == [1.5, 2.5] and share["delta"] == 1.0 and share["delta_unit"] == "pp"
    assert "p.p." in run("trend", before, after, env={"COLUMNS": "120"}).output


def test_export_has_a_dane_liczbowe_sheet_with_guarded_text(tmp_path: Path) -> None:
    from tests.conftest import run

    rows = [*GOOD_ROWS, ["zespoly_doradcze", "", 2, '=HYPERLINK("http://x")']]
    path = with_data_sheet(tmp_path, rows)
    out = tmp_path / "r.xlsx"
    assert run("export", path, "-o", out).exit_code == 0
    ws = openpyxl.load_workbook(out)["Dane liczbowe"]
    values = {r[1]: r for r in ws.iter_rows(min_row=3, values_only=True)}
    assert values["kwota_dotacji"][4] == 1234500.5 and values["kwota_dotacji"][3] == "zł"
    assert values["konkursy_ofert"][5] == "w tym 2 unieważnione"
    cell = next(c for c in ws["F"] if c.value and str(c.value).startswith("=HYPERLINK"))
    assert cell.data_type == "s" and cell.quotePrefix
    plain = run_export(tmp_path, without_data(tmp_path))
    assert "Dane liczbowe" not in openpyxl.load_workbook(plain).sheetnames
    before, after = _two_rounds(tmp_path)
    compared = tmp_path / "c.xlsx"
    assert run("export", before, after, "-o", compared).exit_code == 0
    ws = openpyxl.load_workbook(compared)["Dane liczbowe"]
    share = next(r for r in ws.iter_rows(min_row=3) if r[1].value == "udzial_w_wydatkach")
    assert [c.value for c in share[4:7]] == [1.5, 2.5, 1.0] and "p.p." in share[6].number_format


def run_export(tmp_path: Path, source: Path) -> Path:
    from tests.conftest import run

    out = tmp_path / "plain.xlsx"
    assert run("export", source, "-o", out).exit_code == 0
    return out


def test_report_has_an_escaped_dane_liczbowe_section_grouped_by_area(tmp_path: Path) -> None:
    from tests.conftest import run

    rows = [*GOOD_ROWS, ["zespoly_doradcze", "", 2, "<script>alert(1)</script>"]]
    before, after = _two_rounds(tmp_path)
    path = with_data_sheet(tmp_path, rows)
    out = tmp_path / "r.html"
    assert run("report", path, "-o", out, "--bootstrap", "0").exit_code == 0
    page = out.read_text("utf-8")
    section = page.split('<section aria-labelledby="s_indicators">', 1)[1].split("</section>", 1)[0]
    assert "<script>alert" not in section and "&lt;script&gt;" in section
    assert section.index("O3 ") < section.index("O5 ")  # grouped in the questionnaire's order
    assert 'data-value="1234500.5"' in section
    out2 = tmp_path / "c.html"
    assert run("report", before, after, "-o", out2, "--bootstrap", "0").exit_code == 0
    compared = out2.read_text("utf-8").split('id="s_indicators"', 1)[1].split("</section>", 1)[0]
    assert "+1\u00a0p.p." in compared
    plain = tmp_path / "p.html"
    assert run("report", without_data(tmp_path), "-o", plain, "--bootstrap", "0").exit_code == 0
    assert "s_indicators" not in plain.read_text("utf-8")


def test_the_examples_carry_a_dane_sheet_and_the_template_lists_every_indicator(tmp_path: Path) -> None:
    from tests.conftest import run

    values = read(INITIAL)
    assert len(values) == len(load_standard().indicators)
    out = tmp_path / "szablon.xlsx"
    assert run("template", "-o", out).exit_code == 0
    ws = openpyxl.load_workbook(out)["dane"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("wskaznik", "nazwa", "jednostka", "wartosc", "uwagi")
    assert [r[0] for r in rows[1:]] == [i.id for i in load_standard().indicators]
    assert read(out) == {}  # an empty template reads without values and without errors


def test_trend_page_and_workbook_carry_the_numeric_data(tmp_path: Path) -> None:
    from tests.conftest import EXAMPLES, run

    rounds = sorted(EXAMPLES.glob("gmina-przykladowa-*.xlsx"))
    page, book = tmp_path / "t.html", tmp_path / "t.xlsx"
    assert run("trend", *rounds, "-o", page, "--jobs", "1").exit_code == 0
    assert run("trend", *rounds, "-o", book, "--jobs", "1").exit_code == 0
    section = page.read_text("utf-8").split('id="s_indicators"', 1)[1].split("</section>", 1)[0]
    assert "+0,3\u00a0p.p." in section  # 0,9% → 1,2%
    ws = openpyxl.load_workbook(book)["Dane liczbowe"]
    share = next(r for r in ws.iter_rows(min_row=3, values_only=True) if r[1] == "udzial_w_wydatkach")
    assert share[4:8] == (0.9, 1.1, 1.2, 0.3)


def test_questionnaire_show_lists_the_indicators() -> None:
    from tests.conftest import run

    shown = run("questionnaire", "show", env={"COLUMNS": "120"}).output
    assert "Dane liczbowe" in shown and "kwota_dotacji" in shown


def test_a_huge_unknown_id_is_cut_in_the_message(tmp_path: Path) -> None:
    import time

    start = time.perf_counter()
    path = with_data_sheet(tmp_path, [["wskaznik", "wartosc"], ["konkursy_ofert" * 7000, 1]])
    with pytest.raises(InputError) as info:
        read_round_files(RoundFiles.of(str(path)), load_standard())
    [problem] = info.value.report.errors
    assert problem.code == "data-unknown-indicator" and len(problem.value) < 300
    assert time.perf_counter() - start < 3.0


def test_a_unit_column_that_disagrees_is_located(tmp_path: Path) -> None:
    rows = [
        ["wskaznik", "jednostka", "wartosc"],
        ["kwota_dotacji", "tys. zł", "742,5"],  # 2: thousands of złoty would be misread
        ["konkursy_ofert", "%", 8],  # 3: a count is no percentage
        ["udzial_w_wydatkach", "%", "0,9"],
        ["dotacje_konkursowe", "szt.", 31],
        ["male_granty", None, 4],
    ]
    assert located(with_data_sheet(tmp_path, rows)) == [
        ("data-unit-column", "dane", 2, "B", None),
        ("data-unit-column", "dane", 3, "B", None),
    ]


def test_grading_cards_show_the_area_numeric_data(tmp_path: Path) -> None:
    from tests.conftest import run

    out = tmp_path / "pakiet.html"
    assert run("grading-pack", POST, "--previous", INITIAL, "-o", out).exit_code == 0
    page = out.read_text("utf-8")
    card = page.split("Obszar O5.", 1)[1].split("</section>", 1)[0]
    assert "Dane liczbowe" in card and "+162\u00a0500\u00a0zł" in card and "+0,2\u00a0p.p." in card
