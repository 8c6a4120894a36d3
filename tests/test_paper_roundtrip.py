"""The printed questionnaire copied into a form, as the guide says: every header as the
document prints it (the group question first, numbers, hints), the printed labels as answers.
The export scores with no error and the right respondents per group."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import run, write_workbook
from liwindex.api import load_standard, read_round
from liwindex.outputs.pdf import engine

# (part, header, options, is multi); part 0 is the group question before the parts
Printed = list[tuple[int, str, tuple[str, ...], bool]]


class _Questions(HTMLParser):
    """The questions of the HTML document: each question's text as printed (with its number),
    its hint, its options, and the part it is in."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[dict[str, object]] = []
        self.part = 0
        self.into: str | None = None
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        css = dict(attrs).get("class") or ""
        if tag == "h2":
            self.part += 1
        elif tag == "section" and "q" in css.split():
            self.found.append({"part": self.part, "text": "", "hint": "", "options": []})
        if self.found and (tag == "li" or (tag == "p" and css in ("qtext", "hint"))):
            self.into, self.text = ("li" if tag == "li" else css), ""

    def handle_data(self, data: str) -> None:
        if self.into:
            self.text += data

    def handle_endtag(self, tag: str) -> None:
        if self.into and tag in ("li", "p"):
            question = self.found[-1]
            if self.into == "li":
                question["options"].append(self.text.strip())  # type: ignore[attr-defined]
            else:
                question["text" if self.into == "qtext" else "hint"] = self.text.strip()
            self.into = None


def from_html(page: str) -> Printed:
    """Headers copied from the page: the question's line with its number, and the hint
    copied with it."""
    parser = _Questions()
    parser.feed(page)
    return [
        (
            int(q["part"]),  # type: ignore[call-overload]
            f"{q['text']} {q['hint']}".strip(),
            tuple(q["options"]),  # type: ignore[arg-type]
            bool(q["hint"]),
        )
        for q in parser.found
    ]


def from_markdown(text: str) -> Printed:
    """Headers copied from the Markdown: the text between the asterisks, without number or
    hint."""
    found: Printed = []
    part, lines = 0, text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("## "):
            part += 1
        head, sep, rest = line.partition(". **")
        if not (sep and head.isdigit() and rest.endswith("**")):
            continue
        following = [x.strip() for x in lines[i + 1 : i + 6] if x.strip()]
        multi = bool(following) and following[0].startswith("_(")
        answers = following[1 if multi else 0] if following else ""
        options = tuple(o.strip() for o in answers.split("☐") if o.strip()) if "☐" in answers else ()
        found.append((part, rest[:-2], options, multi))
    return found


def export(printed: Printed, per_group: dict[int, int]) -> list[list[object]]:
    """A form's export: a timestamp, then every printed question, one row a respondent who
    answers the group question and the questions of their part with printed labels."""
    group_question = next(q for q in printed if q[0] == 0)
    rows: list[list[object]] = [["Sygnatura czasowa", *(header for _, header, _, _ in printed)]]
    for part, count in per_group.items():
        for r in range(count):
            row: list[object] = [f"2025-02-{10 + r:02d} 09:{part:02d}:00"]
            for k, (where, _, options, multi) in enumerate(printed):
                if where == 0:
                    row.append(group_question[2][part - 1])
                elif where != part:
                    row.append(None)
                elif not options:
                    row.append(f"Uwaga {part}-{r}")
                elif multi:
                    row.append(", ".join(options[(r + j) % len(options)] for j in (0, 2)))
                else:
                    row.append(options[(r * 2 + k + part) % len(options)])
            rows.append(row)
    return rows


def write(path: Path, rows: list[list[object]]) -> Path:
    if path.suffix == ".xlsx":
        return write_workbook(path, {"Odpowiedzi z formularza 1": rows})
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["" if c is None else c for c in row] for row in rows])
    return path


@pytest.mark.parametrize("source", ["html", "md"])
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_form_copied_from_the_printed_questionnaire_scores(tmp_path, source, suffix):
    """Headers exactly as printed (the group question first) and printed labels as answers:
    score exits 0 with 3 NGO and 2 administration respondents, every column recognised."""
    page = run("questionnaire", "docs", "--format", source).stdout
    printed = from_html(page) if source == "html" else from_markdown(page)
    q = load_standard()
    assert printed[0][1].endswith(q.group_question.asked.pl)  # the document starts with it
    assert len(printed) == 1 + sum(
        len([x for x in [*q.questions, *q.context_questions] if g.id in q.question_groups(x)])
        for g in q.groups
    )
    assert any(multi for *_, multi in printed)
    path = write(tmp_path / f"formularz{suffix}", export(printed, {1: 3, 2: 2}))
    result = run("score", path, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["respondents"]["by_group"] == {"ngo": 3, "jst": 2}
    codes = {p.code for p in read_round(path, q).report}
    assert not codes & {"unknown-columns", "other-context-answer", "unknown-answer"}, codes


def test_the_multiple_choice_hint_is_not_part_of_the_question_text():
    """The HTML and the Markdown print the hint under the question, not inside its text."""
    q = load_standard()
    multi = next(c for c in q.context_questions if c.type == "multi")
    html_questions = {text.split(" ", 1)[1]: hint for _, text, _, hint in from_html_parts()}
    assert multi.text.pl in html_questions
    md = run("questionnaire", "docs").stdout
    assert f"**{multi.text.pl}**" in md and "**" + multi.text.pl + " (" not in md


def from_html_parts() -> Printed:
    """The HTML questions with the question's text alone (no hint appended)."""
    parser = _Questions()
    parser.feed(run("questionnaire", "docs", "--format", "html").stdout)
    return [(int(p["part"]), str(p["text"]), (), bool(p["hint"])) for p in parser.found]  # type: ignore[call-overload]


@pytest.mark.parametrize(
    "header",
    [
        "W jakich formach Państwa organizacja współpracowała z samorządem? (można zaznaczyć kilka odpowiedzi)",
        "3. W jakich formach Państwa organizacja współpracowała z samorządem? (Wybierz jedną odpowiedź.)",
        "W jakich formach Państwa organizacja współpracowała z samorządem?  (select all that apply)",
    ],
)
def test_a_question_copied_with_its_hint_is_recognised(header):
    """A known hint in parentheses after the text leaves the header that question's."""
    from liwindex.responses.matching import HeaderMatcher

    target = HeaderMatcher(load_standard()).match(header)
    assert target is not None and target.id == "formy_wspolpracy"


def test_an_unknown_parenthesis_is_not_taken_for_a_hint():
    """'(pytanie dodatkowe)' is not a hint: the header is not that question's."""
    from liwindex.responses.matching import HeaderMatcher

    header = "W jakich formach Państwa organizacja współpracowała z samorządem? (pytanie dodatkowe)"
    assert HeaderMatcher(load_standard()).match(header) is None


def test_the_printed_group_question_of_a_questionnaire_without_one_is_the_group_column():
    """A questionnaire that words no group question gets the standard one printed, and a
    column headed with it is the group column."""
    from conftest import tiny
    from liwindex.outputs.forms.paper import document
    from liwindex.responses.matching import HeaderMatcher

    q = tiny()
    first = next(b for b in document(q) if b.kind == "question")
    assert first.options == ("Organizacja pozarządowa", "Administracja")
    target = HeaderMatcher(q).match(f"{first.number}. {first.text}")
    assert target is not None and target.kind == "group"


def _pdf_pages(pdf: Path) -> list[str]:
    """The text of every page of ``pdf``, whitespace folded."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(page.split()) for page in text.split("\f")[:-1]]


@pytest.mark.skipif(
    engine() is None or shutil.which("pdftotext") is None, reason="no PDF engine or no pdftotext"
)
def test_the_printed_questionnaire_pages(tmp_path):
    """Printed on A4: the group question on page 1, no empty page, each group's part and the
    handbook start a page, and no question is cut between two pages."""
    from liwindex.outputs.forms.paper import document, to_html
    from liwindex.outputs.pdf import html_to_pdf

    q = load_standard()
    blocks = document(q)
    pdf = tmp_path / "ankieta.pdf"
    html_to_pdf(to_html(blocks), pdf)
    pages = _pdf_pages(pdf)
    assert q.group_question.asked.pl in pages[0]
    assert all(len(page) > 300 for page in pages)
    starts = [b.text for b in blocks if b.kind == "h2"]
    assert all(any(page.startswith(heading) for page in pages) for heading in starts[1:]), starts
    at = 0
    for b in (b for b in blocks if b.kind == "question"):
        head, last = " ".join(b.text.split())[:40], b.options[-1] if b.options else None
        at = next(n for n in range(at, len(pages)) if head in pages[n])
        if last is not None:
            assert last in pages[at][pages[at].index(head) :], (b.number, b.text)
