"""The scoring settings in words, as questionnaire show and the reports' appendix give them."""

from __future__ import annotations

from conftest import tiny
from liwindex.outputs.settings_words import settings_rows, share


def test_every_setting_has_a_name_and_a_value_in_words():
    """Other settings than the standard ones, in Polish with decimal commas, and in English."""
    q = tiny(
        index_range=[0, 10],
        grade_step=0.25,
        aggregation="dimensions",
        group_weighting="pooled",
        min_answered="2/3",
        min_area_coverage=0.5,
        min_group_n=3,
    )
    assert settings_rows(q, "pl") == [
        ("Skala indeksu", "0–10"),
        ("Indeks liczony jako", "średnia płaszczyzn (każda to średnia swoich obszarów)"),
        ("Grupy liczą się", "według liczby osób (wszyscy respondenci razem)"),
        ("Wynik obszaru, gdy respondent odpowiedział na co najmniej", "2/3 pytań obszaru"),
        ("Indeks, gdy wynik ma co najmniej", "2 z 3 obszarów (50%)"),
        ("Wynik orientacyjny, gdy w którejś grupie jest mniej niż", "3 osoby"),
        ("Oceny grupy roboczej", "od 0 do 10 co 0,25 punktu"),
    ]
    english = dict(settings_rows(q, "en"))
    assert (
        english["Index scale"] == "0–10"
        and english["Working-group grades"] == "from 0 to 10 in steps of 0.25"
    )


def test_shares_are_written_as_people_write_them():
    """50%, 2/3 (not 66,67%), 66,7% for a rounded decimal; a whole step in points."""
    assert [share(0.5), share(2 / 3), share(0.667), share(0.667, "en")] == ["50%", "2/3", "66,7%", "66.7%"]
    assert dict(settings_rows(tiny(grade_step=1), "pl"))["Oceny grupy roboczej"] == "od 1 do 5 co 1 punkt"
