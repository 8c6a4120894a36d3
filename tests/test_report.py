"""The report for publication: valid self-contained HTML with the same numbers as
compare --json, escaped respondent text, accessible tables and charts, and a PDF."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from conftest import INITIAL, POST, run, write_workbook
from liwindex.outputs.pdf import engine

VOID = {
    "meta",
    "br",
    "img",
    "hr",
    "input",
    "link",
    "path",
    "use",
    "rect",
    "circle",
    "line",
    "polyline",
    "polygon",
    "ellipse",
    "stop",
}


class Page(HTMLParser):
    """Collects tags, checks that elements close in order, and keeps data-value cells."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.values: list[float] = []
        self.errors: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if attributes.get("data-value") not in (None, "None"):
            self.values.append(float(attributes["data-value"]))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> with {self.stack[-3:]}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("raport") / "raport.html"
    result = run("report", INITIAL, POST, "-o", out, "--bootstrap", "300")
    assert result.exit_code == 0, result.output
    return out.read_text("utf-8")


def test_html_is_well_formed_and_self_contained(report):
    """Every element closes in order; no URL, script or external resource."""
    page = parse(report)
    assert page.errors == [] and page.stack == []
    assert "http://" not in report and "https://" not in report and "<script" not in report
    assert not [t for t, a in page.tags if a.get("src") or (t == "link" and a.get("href"))]


def test_numbers_equal_compare_json(report):
    """Index, every area's before, after and change appear with their unrounded values."""
    data = json.loads(run("compare", INITIAL, POST, "--json", "--bootstrap", "0").stdout)
    values = parse(report).values
    expected = [data["after"]["index"]["value"], data["index"]["after"], data["index"]["delta"]]
    for area in data["areas"]:
        expected += [area["before"], area["after"], area["delta"]]
    for number in expected:
        assert any(v == pytest.approx(number, rel=1e-12) for v in values), number


def test_ids_are_unique(report):
    """Several charts in one page must not share element ids."""
    ids = [a["id"] for _, a in parse(report).tags if a.get("id")]
    assert len(ids) == len(set(ids)) and ids


def test_tables_and_charts_are_accessible(report):
    """Real tables, each named by a caption or by its section's heading (never a caption
    that repeats the heading), with header scopes; every chart is an SVG image with a
    title, a description and a caption."""
    page = parse(report)
    tags = [t for t, _ in page.tags]
    ids = {a["id"] for _, a in page.tags if a.get("id")}
    tables = [a for t, a in page.tags if t == "table"]
    named = [a for a in tables if a.get("aria-labelledby")]
    assert len(tables) >= 4 and all(a["aria-labelledby"] in ids for a in named)
    assert tags.count("caption") == len(tables) - len(named)
    captions = set(re.findall(r"<caption>(.*?)</caption>", report))
    headings = set(re.findall(r"<h[1-3][^>]*>(.*?)</h[1-3]>", report))
    assert captions and not captions & headings
    assert ("th", {"scope": "row"}) in page.tags
    svgs = [a for t, a in page.tags if t == "svg"]
    # the areas and the gap charts come twice: for screens and print, and laid out for
    # phones; three płaszczyzny draw no radar
    assert len(svgs) == 4 and all(a.get("role") == "img" and a.get("aria-label") for a in svgs)
    assert tags.count("figcaption") == 2 and tags.count("desc") >= 4


def test_respondent_text_is_escaped(tmp_path):
    """An open answer with <script> arrives as text, never as markup."""
    rows = [
        ["grupa", "o1_n1", "o1_n2", "mocne_strony"],
        ["ngo", "4", "4", "<script>alert('x')</script> & <b>pogrubienie</b>"],
    ]
    src = write_workbook(tmp_path / "zle.xlsx", {"Odp": rows})
    out = tmp_path / "raport.html"
    assert run("report", src, "-o", out).exit_code == 0
    html = out.read_text("utf-8")
    assert "<script" not in html and "<b>pogrubienie" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;" in html


def test_english_report(tmp_path):
    """--lang en: English headings and decimal points."""
    out = tmp_path / "report.html"
    assert run("report", POST, "-o", out, "--lang", "en").exit_code == 0
    html = out.read_text("utf-8")
    assert '<html lang="en">' in html and "Areas of cooperation" in html and "3,33" not in html


def test_report_refuses_to_overwrite(tmp_path):
    """No --force, no overwrite."""
    out = tmp_path / "raport.html"
    out.write_text("stary")
    assert run("report", POST, "-o", out).exit_code == 1
    assert out.read_text() == "stary"


@pytest.mark.skipif(engine() is None, reason="neither WeasyPrint nor Chromium is installed")
def test_pdf_is_written(tmp_path):
    """A PDF of several A4 pages comes out of the same page."""
    out, pdf = tmp_path / "raport.html", tmp_path / "raport.pdf"
    result = run("report", INITIAL, POST, "-o", out, "--pdf", pdf, "--bootstrap", "100")
    assert result.exit_code == 0, result.output
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 30_000


CHROMIUM = next(
    (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None
)


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
def test_charts_render_with_size_in_chromium(report, tmp_path):
    """Headless Chromium lays out the page: at desktop and phone width two charts show,
    each with a real size (the areas chart in the layout that fits the width)."""
    probe = report.replace(
        "</body>",
        "<script>document.body.dataset.sizes = Array.from("
        "document.querySelectorAll('svg')).map(s => {const r = s.getBoundingClientRect();"
        " return Math.round(r.width) + 'x' + Math.round(r.height);}).join(',');</script></body>",
    )
    page = tmp_path / "probe.html"
    page.write_text(probe, "utf-8")
    for width in (1200, 390):
        done = subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={tmp_path}/profile",
                f"--window-size={width},900",
                "--dump-dom",
                page.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        sizes = done.stdout.split('data-sizes="')[1].split('"')[0].split(",")
        shown = [tuple(int(x) for x in size.split("x")) for size in sizes if size != "0x0"]
        assert len(sizes) == 4 and len(shown) == 2
        for w, h in shown:
            assert w > 100 and h > 100


def test_tables_become_cards_on_a_phone(report):
    """Every data cell names its column (shown before the value when a phone lays a row out
    as a card), and the full area names are in the chart, not cut."""
    import re

    cells = re.findall(r"<td([^>]*)>", report)
    assert cells and all("data-label=" in c for c in cells)
    assert 'data-label="Po"' in report and 'class="cards"' in report
    assert "pozakonkursowym (małe granty)" in report.split("<svg")[2]  # the bars, whole names


def test_grade_rows_without_a_grade_or_words_are_left_out(tmp_path):
    """A template's empty lines (an area listed, no grade, no justification) add no row."""
    from conftest import write_workbook

    path = write_workbook(
        tmp_path / "r.xlsx",
        {
            "Odpowiedzi": [["grupa", "o1_n1"], ["ngo", "4"]],
            "oceny": [["obszar", "ocena", "uzasadnienie"], ["O1", 3, "dobrze"], ["O2", None, None]],
        },
    )
    out = tmp_path / "r.html"
    assert run("report", path, "-o", out, "--bootstrap", "0").exit_code == 0
    page = out.read_text("utf-8")
    grades = page[page.index('<h2 id="s_grades">') :]
    grades = grades[: grades.index("</section>")]
    assert "O1 " in grades and "O2 " not in grades


def test_findings_say_the_numbers_in_sentences(report, tmp_path):
    """ "Najważniejsze wnioski" states the index, its change against the earlier round with
    the verdict, the largest rise and fall, the strongest and weakest area, and the
    respondents — each number as the comparison gives it; the date and the author head the
    page, and the reading box explains the scale, the grade and the marks."""
    import os

    from liwindex.api import compare_files

    comparison = compare_files(INITIAL, POST, resamples=300).to_dict()
    section = report[report.index('<h2 id="s_findings">') :]
    section = section[: section.index("</section>")]
    index = comparison["index"]
    official = f"{comparison['after']['index']['value']:.2f}".replace(".", ",")
    assert f"w ocenie powdrożeniowej 2025 wynosi {official} na 5 (z ocen grupy roboczej)" in section
    word = "wzrósł" if index["delta"] > 0 else "spadł"
    assert f"Wynik ankiety {word} o {abs(index['delta']):.2f}".replace(".", ",") in section
    assert "względem oceny wstępnej 2024" in section
    assert "Największy wzrost:" in section and "Najwyżej oceniony obszar (wynik ankiety):" in section
    box = report[report.index('<aside class="howto"') :]
    box = box[: box.index("</aside>")]
    assert "Jak czytać wyniki" in box and "Skala 1–5" in box and "†" in box and "* przy zmianie" in box
    assert "średnia wszystkich obszarów" in box  # the standard questionnaire's aggregation: areas
    out = tmp_path / "a.html"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1764547200"}  # 2025-12-01
    result = run("report", POST, "-o", out, "--bootstrap", "0", "--autor", "CWOP <Razem>", env=env)
    assert result.exit_code == 0, result.output
    page = out.read_text("utf-8")
    assert "Przygotowano 1 grudnia 2025 · Autor: CWOP &lt;Razem&gt;" in page


@pytest.mark.skipif(
    engine() is None or shutil.which("pdftotext") is None, reason="no PDF engine or no pdftotext"
)
def test_printed_page_one_is_the_summary(tmp_path):
    """Printed, page 1 holds the header, the headline (the official index and the survey
    change) and every finding; the tables start on page 2."""
    from liwindex.analysis.analyze import gaps_for
    from liwindex.api import compare, score_file
    from liwindex.outputs.findings import findings

    pdf = tmp_path / "r.pdf"
    result = run("report", INITIAL, POST, "-o", pdf, "--bootstrap", "300")
    assert result.exit_code == 0, result.output

    def page(n: int) -> str:
        text = subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return " ".join(text.split())

    first = page(1)
    before, after = score_file(INITIAL), score_file(POST)
    assert "Gmina Przykładowa" in first and "Najważniejsze wnioski" in first
    assert "3,33" in first and "z ocen grupy roboczej" in first and "z 2,85 na 3,43" in first
    comparison = compare(before, after, 300)
    for sentence in findings([before, after], comparison, gaps_for(after, comparison.after_draws), "pl"):
        # a sentence with an interval depends on the resamples; its start does not
        head = sentence.split("(95%")[0][:60]
        assert head in first, head
    assert page(2).startswith("Płaszczyzny współpracy")


def test_how_to_read_follows_the_questionnaire():
    """The reading box says what the index averages and how groups weigh, from the settings."""
    from liwindex.api import load_questionnaire
    from liwindex.outputs.findings import how_to_read

    standard = load_questionnaire(None)
    assert "indeks — średnia wszystkich obszarów" in how_to_read("pl", standard)[0]
    assert "liczą się po równo" in how_to_read("pl", standard)[0]
    other = standard.model_copy(
        update={
            "scoring": standard.scoring.model_copy(
                update={"aggregation": "dimensions", "group_weighting": "pooled"}
            )
        }
    )
    first = how_to_read("pl", other)[0]
    assert "indeks — średnia płaszczyzn" in first and "po równo" not in first
    assert not any(t.startswith("*") for t in how_to_read("pl", standard, star=False))


VERDICTS = (
    "nie obejmuje zera: tak duża różnica rzadko wynikałaby z samego przypadku",
    "obejmuje zero: to może wynikać z samego przypadku",
    "nie można wykluczyć przypadku",
    "za mało odpowiedzi, by ocenić",
    "nie da się ocenić, czy to więcej niż przypadek",
    "bez sprawdzenia, czy to więcej niż przypadek",
)


def example_findings(before, after, resamples):
    from liwindex.analysis.analyze import gaps_for
    from liwindex.api import compare, score_file
    from liwindex.outputs.findings import findings

    comparison = compare(score_file(before), score_file(after), resamples)
    return comparison, findings(
        [comparison.before, comparison.after],
        comparison,
        gaps_for(comparison.after, comparison.after_draws),
        "pl",
    )


def test_findings_say_whether_a_change_or_a_gap_is_more_than_chance():
    """The largest rise and fall and the largest gap each say whether they are more than
    chance: O8's fall of 0,31, whose interval includes zero, is within chance; the star
    decides (Holm), never the interval alone."""
    comparison, found = example_findings(INITIAL, POST, 300)
    moved = [
        s for s in found if s.startswith(("Największy wzrost", "Największy spadek", "Grupy respondentów"))
    ]
    assert len(moved) == 3 and all(any(v in s for v in VERDICTS) for s in moved)
    drop = next(s for s in moved if s.startswith("Największy spadek"))
    o8 = next(r for r in comparison.areas if r.id == "O8")
    assert o8.ci_low < 0 < o8.ci_high and "O8" in drop and "obejmuje zero: to może wynikać" in drop
    rise = next(s for s in moved if s.startswith("Największy wzrost"))
    gain = comparison.largest(1)[0][0]
    assert ("nie obejmuje zera: tak duża różnica" in rise) == bool(gain.significant)


def test_a_survey_change_under_a_grades_headline_is_named():
    """Both rounds graded (basis: grades): the survey change is said under its own name,
    "Wynik ankiety", with its own numbers and verdict — never "this change is significant"
    after the grades' sentence; the areas' survey changes likewise."""
    later = POST.parent / "gmina-przykladowa-2026-roczna.xlsx"
    comparison, found = example_findings(POST, later, 300)
    assert comparison.basis == "grades"
    assert not any("tej zmiany wyniku ankiety" in s for s in found)
    survey = next(s for s in found if s.startswith("Wynik ankiety w tym czasie"))
    index = comparison.index
    assert f"z {index.survey.before:.2f} na {index.survey.after:.2f}".replace(".", ",") in survey
    assert any(v in survey for v in VERDICTS)
    rise = next(s for s in found if s.startswith("Największy wzrost oceny grupy roboczej"))
    assert "wynik ankiety tego obszaru" in rise and any(v in rise for v in VERDICTS)


def test_findings_without_intervals_say_so():
    """--bootstrap 0: a change is not presented as a fact checked against chance."""
    _, found = example_findings(INITIAL, POST, 0)
    drop = next(s for s in found if s.startswith("Największy spadek"))
    assert "bez sprawdzenia, czy to więcej niż przypadek" in drop
