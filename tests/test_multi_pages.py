"""Pages for publication of ``trend`` and ``benchmark``: the format follows each -o's
extension (several -o at once), the numbers are the JSON's, names are whole and escaped,
group codes and internal names do not appear, and a wrong name stops before any work."""

from __future__ import annotations

import json
import re

import pytest

from conftest import EXAMPLES, INITIAL, POST, run
from liwindex.outputs.pdf import engine
from test_report import parse

ANNUAL = EXAMPLES / "gmina-przykladowa-2026-roczna.xlsx"
OTHERS = EXAMPLES / "inne-jst"


@pytest.fixture(scope="module")
def trend_page(tmp_path_factory):
    folder = tmp_path_factory.mktemp("trend")
    result = run(
        "trend",
        INITIAL,
        POST,
        ANNUAL,
        "-o",
        folder / "t.html",
        "-o",
        folder / "t.xlsx",
        "--autor",
        "Centrum <Wspierania>",
        "--jobs",
        "1",
    )
    assert result.exit_code == 0, result.output
    assert (folder / "t.xlsx").read_bytes()[:2] == b"PK"  # the workbook too, from one run
    return (folder / "t.html").read_text("utf-8")


@pytest.fixture(scope="module")
def benchmark_page(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench") / "b.html"
    result = run("benchmark", ANNUAL, OTHERS, "-o", out, "--jobs", "1")
    assert result.exit_code == 0, result.output
    return out.read_text("utf-8")


def test_trend_page_shows_the_json_numbers(trend_page):
    """Every round's index, płaszczyzna and area value, and each change from the first round
    to the latest, appear unrounded in data-value; findings say the change in words."""
    data = json.loads(run("trend", INITIAL, POST, ANNUAL, "--json", "--jobs", "1").stdout)
    page = parse(trend_page)
    assert page.errors == [] and page.stack == []
    expected = [*data["index"], data["index"][-1] - data["index"][0]]
    for row in data["dimensions"] + data["areas"]:
        expected += row["values"] + [row["values"][-1] - row["values"][0]]
    for number in expected:
        assert any(v == pytest.approx(number, rel=1e-12) for v in page.values), number
    text = " ".join("".join(page.text).split())
    # the official index (grades) leads; the page compares survey scores and says so
    assert "Indeks LIJW w ocenie rocznej 2026 wynosi 3,46 na 5 (z ocen grupy roboczej)." in text
    assert "wynik ankiety w ocenie rocznej 2026 to 3,53" in text
    assert "Od oceny wstępnej 2024 wynik ankiety wzrósł o 0,68." in text
    assert "Autor: Centrum <Wspierania>" in text and "Centrum &lt;Wspierania&gt;" in trend_page
    assert "53,8% z 130 zaproszonych" in text  # the response rate of each round


def test_trend_page_names_are_whole_and_in_polish(trend_page):
    body = re.sub(r"<style>.*?</style>", "", trend_page, flags=re.S)
    text = " ".join(re.sub(r"<[^>]+>", " ", body).split())
    for name in (
        "Zlecanie realizacji zadań publicznych w trybie pozakonkursowym (małe granty)",
        "Wsparcie pozafinansowe (lokale, sprzęt, centrum wspierania organizacji)",
    ):
        assert name in text
    assert "2024 · wstępna" in trend_page.split("<svg")[1]  # round names on the chart's axis
    for internal in ("ngo", "jst", "survey", "grades", "None", "nan"):
        assert not re.search(rf"\b{internal}\b", text), internal
    # no star on this page, so the reading box does not explain one
    assert "* przy zmianie" not in text and "† — wynik orientacyjny" in text


def test_benchmark_page_ranks_like_the_json(benchmark_page):
    data = json.loads(run("benchmark", ANNUAL, OTHERS, "--json", "--jobs", "1").stdout)
    page = parse(benchmark_page)
    assert page.errors == [] and page.stack == []
    ranks = {name: v["rank"] for name, v in data["index"]["jst"].items() if v["rank"] is not None}
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th><td [^>]*>(\d+)</td>', benchmark_page)
    assert {name: int(rank) for name, rank in rows} == ranks
    # the table lists them by rank; the 2026 round is not ranked among 2025 ones, and says why
    assert [name for name, _ in rows] == sorted(ranks, key=ranks.get)
    assert [j["rank_reason"] for j in data["jst"] if j["rank"] is None] == ["other_round"]
    assert "Gmina Przykładowa: bez miejsca: ostatni etap inny niż u pozostałych" in benchmark_page
    for area in data["areas"]:
        for jst in area["jst"].values():
            assert any(v == pytest.approx(jst["value"], rel=1e-12) for v in page.values)
    text = " ".join("".join(page.text).split())
    median = f"{data['index']['median']:.2f}".replace(".", ",")
    assert f"mediana: {median} (wyniki ankiety)" in text
    assert "Porównuj ostrożnie." in text


def test_english_pages(tmp_path):
    out = tmp_path / "b.html"
    assert run("benchmark", ANNUAL, OTHERS, "-o", out, "--lang", "en", "--jobs", "1").exit_code == 0
    text = " ".join(re.sub(r"<[^>]+>", " ", out.read_text("utf-8")).split())
    assert "Local governments compared: 3 · values: survey scores." in text
    assert "Najwyższy" not in text and "wyniki ankiety" not in text


def test_a_name_from_a_file_is_escaped(tmp_path):
    """A JST name with markup is text on the page."""
    from conftest import write_workbook

    path = write_workbook(
        tmp_path / "x.xlsx",
        {
            "O": [["grupa", "q"], ["ngo", "1"]],
            "metryka": [["jst", "<img src=x onerror=alert(1)>"], ["rok", 2025], ["etap", "roczna"]],
        },
    )
    from liwindex.api import score_file
    from liwindex.compare.many import benchmark
    from liwindex.outputs.html.many import benchmark_page

    first = score_file(ANNUAL)
    hostile = score_file(ANNUAL)
    hostile.meta["jst"] = "<img src=x onerror=alert(1)>"
    html = benchmark_page(benchmark([first, hostile]), "pl")
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert path.exists()


@pytest.mark.parametrize("kind", ["trend", "benchmark"])
def test_a_wrong_or_taken_name_stops_before_any_work(tmp_path, kind):
    """An extension the command cannot write, or an existing file without --force, ends in
    exit 1 before reading the inputs; nothing is written for the other -o either."""
    good, bad = tmp_path / "a.html", tmp_path / "a.docx"
    result = run(kind, INITIAL, POST, "-o", good, "-o", bad)
    assert result.exit_code == 1 and ".docx" in result.output and not good.exists()
    taken = tmp_path / "b.xlsx"
    taken.write_bytes(b"keep")
    result = run(kind, INITIAL, POST, "-o", good, "-o", taken)
    assert result.exit_code == 1 and "--force" in result.output
    assert taken.read_bytes() == b"keep" and not good.exists()


@pytest.mark.skipif(engine() is None, reason="neither WeasyPrint nor Chromium is installed")
def test_pdf_of_the_trend_page(tmp_path):
    out = tmp_path / "t.pdf"
    result = run("trend", INITIAL, POST, "-o", out, "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF") and out.stat().st_size > 20_000


@pytest.mark.parametrize(
    ("kind", "inputs", "charts"), [("trend", [INITIAL, POST, ANNUAL], 2), ("benchmark", [ANNUAL, OTHERS], 1)]
)
def test_workbooks_wrap_names_and_keep_each_chart_on_its_page(tmp_path, kind, inputs, charts):
    import openpyxl

    out = tmp_path / "w.xlsx"
    assert run(kind, *inputs, "-o", out, "--jobs", "1").exit_code == 0
    ws = openpyxl.load_workbook(out).worksheets[0]
    names = [c for c in ws["B"][1:] if isinstance(c.value, str) and len(c.value) > 52]
    assert names and all(c.alignment.wrap_text for c in names)  # whole, on several lines
    assert len(ws.row_breaks.brk) == charts  # a page break before each chart
