"""The number invited (``zaproszonych`` in the metryka) and the response rate."""

from __future__ import annotations

import json

from conftest import POST, run, write_workbook


def test_the_example_gives_the_response_rate_everywhere(tmp_path):
    """130 invited, 70 answered: 53,8% in the terminal, the JSON, the page and the workbook."""
    result = run("score", POST, "--json")
    respondents = json.loads(result.stdout)["respondents"]
    assert respondents["invited"] == 130 and abs(respondents["response_rate"] - 70 / 130) < 1e-12
    table = run("score", POST)
    assert (
        "70 (organizacja pozarządowa: 56, administracja samorządowa: 14); 53,8% z 130 zaproszonych"
        in " ".join(table.stdout.split())
    )
    assert "ngo: 56" not in table.stdout
    english = run("score", POST, "--lang", "en")
    assert "53.8% of 130 invited" in " ".join(english.stdout.split())
    page = tmp_path / "r.html"
    assert run("report", POST, "-o", page, "--bootstrap", "100").exit_code == 0
    assert (
        "Odpowiedzi w ocenie powdrożeniowej 2025: 70 (organizacja pozarządowa: 56, "
        "administracja samorządowa: 14); 53,8% z 130 zaproszonych." in page.read_text("utf-8")
    )


def test_a_bad_number_invited_is_a_warning_at_its_cell(tmp_path):
    path = write_workbook(
        tmp_path / "a.xlsx",
        {
            "O": [["grupa"], ["ngo"]],
            "metryka": [["jst", "Gmina A"], ["rok", 2025], ["etap", "roczna"], ["zaproszonych", "sto"]],
        },
    )
    result = run("validate", path)
    assert (
        "arkusz „metryka”, wiersz 4, kolumna B: liczba zaproszonych „sto” nie jest liczbą "
        "całkowitą dodatnią" in " ".join(result.output.split())
    )


def test_more_respondents_than_invited_is_a_warning(tmp_path):
    folder = tmp_path / "2025"
    folder.mkdir()
    (folder / "metryka.yaml").write_text("jst: Gmina A\nrok: 2025\netap: roczna\nzaproszonych: 50\n", "utf-8")
    copy = folder / "odpowiedzi.xlsx"
    copy.write_bytes(POST.read_bytes())
    result = run("score", folder, "--json")
    data = json.loads(result.stdout)
    assert data["respondents"]["invited"] == 50 and data["respondents"]["response_rate"] == 70 / 50
    assert any(
        "respondentów jest więcej (70), niż według metryki zaproszono (50)" in w for w in data["warnings"]
    )
