"""`liwindex annex`: the annex to the yearly report on the cooperation programme, in Word
(headings and tables an officer edits) and HTML, with the same numbers as `compare --json`,
the working group's words screened for personal data, and at most two A4 pages."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from conftest import INITIAL, POST, problems, run

docx = pytest.importorskip("docx")


def _paragraphs(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def _table_rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


@pytest.fixture(scope="module")
def pair(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("annex") / "aneks.docx"
    result = run("annex", INITIAL, POST, "-o", out, "--bootstrap", "200")
    assert result.exit_code == 0, result.output
    compared = run("compare", INITIAL, POST, "--json", "--bootstrap", "200")
    return out, json.loads(compared.stdout)


def test_the_word_annex_has_headings_and_the_index_table_of_compare(pair):
    out, compared = pair
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "Przedmiot i uczestnicy oceny",
        "Wyniki",
        "Obszary współpracy",
        "Najważniejsze wnioski",
        "Dane liczbowe, które zmieniły się najbardziej",
        "Rekomendacje grupy roboczej",
        "Propozycja zapisu o sposobie oceny realizacji programu",
    ]
    results, areas, data = document.tables
    head, index, *dimensions = _table_rows(results)
    assert head == ["Wskaźnik", "2024 · wstępna", "2025 · powdrożeniowa", "Zmiana"]
    value = compared["index"]
    expected = [f"{value[k]:.2f}".replace(".", ",") for k in ("before", "after")]
    # the survey basis: the row is named by it, never "Indeks LIJW" beside a grades headline
    assert index[0] == "Indeks z ankiety" and index[1:3] == expected
    assert index[3] == "+" + f"{value['delta']:.2f}".replace(".", ",")
    assert [row[0].split()[0] for row in dimensions] == ["P1", "P2", "P3"]
    assert len(areas.rows) == 1 + 12
    # the numeric data that changed most, in their own units, beside (never inside) the index
    data_rows = _table_rows(data)
    assert data_rows[0] == ["Wskaźnik", "2024 · wstępna", "2025 · powdrożeniowa", "Zmiana"]
    assert 2 <= len(data_rows) <= 4 and all(row[3].startswith(("+", "−")) for row in data_rows[1:])
    assert "Dane liczbowe, które zmieniły się najbardziej" in headings
    text = "\n".join(_paragraphs(document))
    assert "Indeks LIJW w ocenie powdrożeniowej 2025: 3,33 na 5 (z ocen grupy roboczej)." in text
    assert "Zmiana wyniku ankiety względem oceny wstępnej 2024: +0,58 (z 2,85 na 3,43)." in text
    assert "art. 5a ust. 3" in text


def test_the_word_annex_says_its_language_and_marks_header_rows(pair):
    out, _ = pair
    document = docx.Document(str(out))
    assert document.core_properties.language == "pl-PL"
    assert document.core_properties.title.startswith("Lokalny Indeks Jakości Współpracy")
    normal = document.styles["Normal"].element.rPr
    assert normal.find(docx.oxml.ns.qn("w:lang")).get(docx.oxml.ns.qn("w:val")) == "pl-PL"
    for table in document.tables:
        header = table.rows[0]._tr.trPr
        assert header is not None and header.find(docx.oxml.ns.qn("w:tblHeader")) is not None


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils is not installed")
def test_the_annex_prints_on_at_most_two_a4_pages(pair, tmp_path):
    out, _ = pair
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    info = subprocess.run(["pdfinfo", str(tmp_path / "aneks.pdf")], capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert 1 <= pages <= 2


def _with_recommendation(tmp_path: Path, text: str) -> Path:
    book = openpyxl.load_workbook(POST)
    sheet = book["oceny"]
    sheet.cell(row=2, column=4, value=text)
    target = tmp_path / "po.xlsx"
    book.save(target)
    return target


def test_personal_data_in_the_working_groups_words_is_masked(tmp_path):
    after = _with_recommendation(
        tmp_path, "Pani Kowalska z urzędu ma oddzwonić, tel. 600 123 456, jan.nowak@example.pl"
    )
    out = tmp_path / "aneks.docx"
    result = run("annex", INITIAL, after, "-o", out, "--bootstrap", "0")
    assert result.exit_code == 0, result.output
    text = "\n".join(_paragraphs(docx.Document(str(out))))
    for secret in ("Kowalska", "600 123 456", "jan.nowak@example.pl"):
        assert secret not in text
    assert "[dane osobowe]" in text
    assert "Dane osobowe w tekstach grupy roboczej zastąpiono" in text
    unmasked = tmp_path / "wewnetrzny.docx"
    result = run("annex", INITIAL, after, "-o", unmasked, "--bootstrap", "0", "--bez-maskowania")
    assert result.exit_code == 0
    assert "Kowalska" in "\n".join(_paragraphs(docx.Document(str(unmasked))))


def test_characters_word_cannot_hold_are_not_a_program_error(tmp_path):
    """A workbook cannot carry control characters, a CSV or a metryka.yaml can: XML 1.0
    (Word) cannot hold them, so they become spaces instead of a crash."""
    from dataclasses import replace

    from liwindex.api import score_files
    from liwindex.outputs.annex import annex_content, write_docx

    [result] = score_files([POST])
    result.grades["O1"] = replace(result.grades["O1"], recommendations="Zrobić\x01 to\x1b[31m szybko\x0c.")
    result.meta["jst"] = "Gmina\x00 B"
    content = annex_content([result], None, [], "pl")
    out = tmp_path / "aneks.docx"
    write_docx(content, out)
    document = docx.Document(str(out))
    text = "\n".join(_paragraphs(document))
    assert "Zrobić  to [31m szybko ." in text and "Gmina  B" in text


def test_one_round_gives_its_values_and_the_html_annex_the_same_words(tmp_path):
    out = tmp_path / "aneks.html"
    result = run("annex", POST, "-o", out, "--bootstrap", "0")
    assert result.exit_code == 0, result.output
    page = out.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="pl">' in page
    assert "Indeks LIJW (oceny grupy roboczej)" in page and "3,33" in page
    assert '<th scope="col"' in page and '<th scope="row">' in page
    english = tmp_path / "annex.html"
    assert run("annex", POST, "-o", english, "--bootstrap", "0", "--lang", "en").exit_code == 0
    assert "The working group&#x27;s recommendations" in english.read_text("utf-8")


def test_an_existing_annex_is_kept_without_force_and_other_suffixes_are_refused(tmp_path):
    out = tmp_path / "aneks.docx"
    out.write_bytes(b"moje")
    result = run("annex", POST, "-o", out, "--bootstrap", "0")
    assert [p.code for p in problems(result)] == ["output-exists"]
    assert out.read_bytes() == b"moje"
    result = run("annex", POST, "-o", tmp_path / "aneks.pdf", "--bootstrap", "0")
    assert result.exit_code in (1, 2) and not (tmp_path / "aneks.pdf").exists()
