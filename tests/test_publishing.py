"""What a council publishes: no personal data from the open answers in the HTML, the PDF
or the Excel report's answers (the review sheet lists them for the officer, --json flags
them); non-answers left out and identical answers merged with their count; the context
questions in the page, the workbook and the JSON."""

from __future__ import annotations

import json
import shutil
import subprocess

import openpyxl
import pytest

from conftest import POST, run, write_workbook

PERSONAL = {
    "e-mail": "jan.nowak@poczta.example.pl",
    "phone": "600 123 456",
    "pesel": "44051401359",
    "name": "Kowalska",
}
ANSWERS = [
    "Pani Kowalska z urzędu nie odbiera telefonu 600 123 456.",
    "Proszę pisać na jan.nowak@poczta.example.pl, mój PESEL 44051401359.",
    "Konsultacje są formalnością.",
    "konsultacje są formalnością",
    "Konsultacje są formalnością!",
    "nie wiem",
    "-",
    "=brak",
    "Brak.",
    "Dobre dotacje dla małych organizacji.",
]


@pytest.fixture(scope="module")
def round_file(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("open")
    header = ["grupa", "o1_n1", "o1_n2", "wspolpraca_12m", "slabe_strony"]
    rows = [header]
    for k, text in enumerate(ANSWERS):
        rows.append(["ngo", "4", "3", "tak" if k % 3 else "nie", text])
    rows += [["jst", "5", "4", "", ""] for _ in range(5)]
    return write_workbook(tmp / "runda.xlsx", {"Odpowiedzi": rows})


def _text(html: str) -> str:
    import re

    return " ".join(re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", html, flags=re.S)).split())


def test_the_page_publishes_no_personal_data(round_file, tmp_path):
    out = tmp_path / "r.html"
    result = run("report", round_file, "-o", out, "--bootstrap", "0")
    assert result.exit_code == 0, result.output
    page = out.read_text("utf-8")
    for kind, value in PERSONAL.items():
        assert value not in page, kind
    assert "600-123-456" not in page and "44051401359" not in page
    text = _text(page)
    assert "Pani [dane osobowe] z urzędu" in text
    # non-answers out; the three spellings of one answer merged, with their count, first
    import re

    listed = [_text(x) for x in re.findall(r"<li>(.*?)</li>", page.split("class=answers>")[1])]
    assert listed[0] == "Konsultacje są formalnością. ×3"
    assert not {"nie wiem", "-", "=brak", "Brak."} & set(listed)
    assert "=brak" not in page
    # the answers counted in the heading are the six with content
    assert "— Organizacja pozarządowa (6)" in text


def test_the_workbook_masks_the_answers_and_lists_them_for_review(round_file, tmp_path):
    out = tmp_path / "r.xlsx"
    assert run("export", round_file, "-o", out, "--bootstrap", "0").exit_code == 0
    wb = openpyxl.load_workbook(out)
    answers = [str(r[3]) for r in wb["Odpowiedzi otwarte"].iter_rows(min_row=2, values_only=True)]
    assert answers and not any(v in a for a in answers for v in PERSONAL.values())
    assert "nie wiem" not in answers and "-" not in answers
    review = list(wb["Dane osobowe"].iter_rows(min_row=3, values_only=True))
    assert len(review) == 2
    originals = " ".join(str(r[4]) for r in review)
    assert all(v in originals for v in PERSONAL.values())
    assert {r[2] for r in review} == {2, 3}  # the rows in the file
    # the context question is in the workbook
    assert "Kontekst" in wb.sheetnames


def test_json_flags_the_masked_answers(round_file):
    data = json.loads(run("score", round_file, "--json").stdout)
    flagged = [a for a in data["open_answers"] if a["personal_data"]]
    assert [sorted(a["personal_data"]) for a in flagged] == [["name", "phone"], ["email", "pesel"]]
    assert not any(v in json.dumps(data, ensure_ascii=False) for v in PERSONAL.values())
    assert sum(a["non_answer"] for a in data["open_answers"]) == 4
    assert [c["id"] for c in data["context"]] == ["wspolpraca_12m"]


def test_masking_off_is_for_internal_use_and_says_so(round_file, tmp_path):
    out = tmp_path / "r.html"
    result = run("report", round_file, "-o", out, "--bootstrap", "0", "--bez-maskowania")
    assert result.exit_code == 0, result.output
    page = out.read_text("utf-8")
    assert PERSONAL["e-mail"] in page and "nie wolno publikować" in page
    assert "--bez-maskowania" in result.stderr


def test_the_context_questions_are_on_the_page(tmp_path):
    out = tmp_path / "r.html"
    assert run("report", POST, "-o", out, "--bootstrap", "0").exit_code == 0
    text = _text(out.read_text("utf-8"))
    assert "Kontekst współpracy" in text
    assert "Czy Państwa organizacja współpracowała z samorządem w ciągu ostatnich 12 miesięcy?" in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is missing")
def test_the_pdf_publishes_no_personal_data(round_file, tmp_path):
    from liwindex.outputs.pdf import engine

    if engine() is None:
        pytest.skip("neither WeasyPrint nor Chromium is installed")
    pdf = tmp_path / "r.pdf"
    assert run("report", round_file, "-o", pdf, "--bootstrap", "0").exit_code == 0
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(text.split())
    assert "[dane osobowe]" in text
    for kind, value in PERSONAL.items():
        assert value not in text, kind
