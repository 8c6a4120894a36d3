"""Write the example rounds of the fictional "Gmina Przykładowa" and of two neighbouring
local governments (seeded, reproducible).

    python examples/make_examples.py

Each workbook looks like a Google Forms export of the standard LIJW questionnaire: one form
whose first question asks whom the respondent represents, then a section for NGOs and one
for the administration (so a respondent leaves the other section blank), answers as labels,
some blanks and "nie wiem". The initial round (2024) is weaker than the post-implementation
round (2025) in most areas, and a yearly round (2026) follows; the 2025 and 2026 workbooks
also carry the working group's grades. `inne-jst/` holds one 2025 round each of "Gmina
Nadrzeczna" and "Powiat Leśny", to compare local governments with `liwindex benchmark`.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

from liwindex.api import load_standard

HERE = Path(__file__).resolve().parent
FIXED_TIME = dt.datetime(2025, 3, 31, 12, 0, 0)

# Latent quality of each area (on 1–5) in the two rounds; O8 gets slightly worse.
QUALITY = {
    "2024": {
        "O1": 2.3,
        "O2": 2.6,
        "O3": 2.1,
        "O4": 1.9,
        "O5": 3.2,
        "O6": 2.4,
        "O7": 2.2,
        "O8": 2.6,
        "O9": 3.0,
        "O10": 2.9,
        "O11": 2.5,
        "O12": 2.8,
    },
    "2025": {
        "O1": 3.1,
        "O2": 3.4,
        "O3": 3.0,
        "O4": 2.6,
        "O5": 3.6,
        "O6": 3.2,
        "O7": 2.5,
        "O8": 2.4,
        "O9": 3.7,
        "O10": 3.3,
        "O11": 3.2,
        "O12": 3.1,
    },
    "2026": {
        "O1": 3.3,
        "O2": 3.5,
        "O3": 3.3,
        "O4": 3.0,
        "O5": 3.7,
        "O6": 3.3,
        "O7": 2.9,
        "O8": 2.8,
        "O9": 3.8,
        "O10": 3.5,
        "O11": 3.3,
        "O12": 3.4,
    },
}
# Two more municipalities assessed in 2025, for `liwindex benchmark`.
OTHERS = {
    "Gmina Nadrzeczna": {
        "O1": 2.6,
        "O2": 3.0,
        "O3": 2.2,
        "O4": 2.4,
        "O5": 3.4,
        "O6": 2.2,
        "O7": 2.8,
        "O8": 3.1,
        "O9": 3.2,
        "O10": 3.6,
        "O11": 2.7,
        "O12": 3.0,
    },
    "Powiat Leśny": {
        "O1": 3.4,
        "O2": 3.6,
        "O3": 3.5,
        "O4": 3.1,
        "O5": 3.0,
        "O6": 2.6,
        "O7": 2.3,
        "O8": 2.0,
        "O9": 3.9,
        "O10": 2.8,
        "O11": 3.6,
        "O12": 2.9,
    },
}

STRENGTHS = [
    "Otwartość urzędników i szybki kontakt telefoniczny.",
    "Regularne konkursy ofert ogłaszane na czas.",
    "Dobra współpraca z pełnomocnikiem ds. organizacji pozarządowych.",
    "Bezpłatne udostępnianie sal na spotkania.",
    "Rada Działalności Pożytku Publicznego zaczęła realnie działać.",
    "Wspólne wydarzenia, np. Dzień Organizacji Pozarządowych.",
    "Organizacje znają potrzeby mieszkańców i szybko reagują.",
]
WEAKNESSES = [
    "Konsultacje są formalnością, uwagi rzadko są uwzględniane.",
    "Za mało środków na małe granty.",
    "Skomplikowane rozliczenia dotacji.",
    "Informacje o konkursach publikowane w ostatniej chwili.",
    "Brak lokalu dla organizacji w centrum gminy.",
    "Organizacje rzadko przekazują informacje o swoich działaniach.",
    "Słaba frekwencja organizacji na spotkaniach.",
]
RECOMMENDATIONS = {
    "O1": "Zapraszać organizacje do zespołów przygotowujących strategie od pierwszego etapu.",
    "O2": "Publikować raport z konsultacji z odpowiedzią na każdą uwagę.",
    "O4": "Włączyć organizacje w ocenę rocznego programu współpracy.",
    "O6": "Zwiększyć pulę środków na małe granty.",
    "O8": "Przeprowadzić kampanię informacyjną o inicjatywie lokalnej.",
    "O10": "Uruchomić centrum organizacji pozarządowych w budynku dawnej szkoły.",
}


def answer(rng: random.Random, quality: float, scale: str, reverse: bool) -> float | str:
    """A respondent's answer given the area's latent quality on 1–5."""
    value = quality + rng.gauss(0, 0.6)
    if reverse:
        value = 6 - value
    if scale == "tak_nie":
        return "tak" if rng.random() < (quality - 1) / 4 + 0.1 else "nie"
    return min(5, max(1, round(value)))


def make_round(
    year: str,
    n_ngo: int,
    n_jst: int,
    seed: int,
    etap: str,
    grades: bool,
    jst: str = "Gmina Przykładowa",
    quality: dict[str, float] | None = None,
    path: Path | None = None,
    invited: int | None = None,
) -> Path:
    """Write one round's workbook and return its path (``invited``: how many were asked to
    answer, written to the metryka)."""
    quality = quality or QUALITY[year]
    q = load_standard()
    rng = random.Random(seed)
    labels = {s.id: {c.code: c.label.pl for c in s.choices} for s in q.scales}
    ngo_questions = [x for x in q.questions if "ngo" in q.question_groups(x)]
    jst_questions = [x for x in q.questions if "jst" in q.question_groups(x)]
    context = {c.id: c for c in q.context_questions}
    assert q.group_question.text is not None

    header = ["Sygnatura czasowa", q.group_question.text.pl]
    header += [context[c].text.pl for c in ("wspolpraca_12m", "formy_wspolpracy", "intensywnosc")]
    header += [x.text.pl for x in ngo_questions] + [x.text.pl for x in jst_questions]
    header += [context[c].text.pl for c in ("jakosc_ogolna", "mocne_strony", "slabe_strony")]

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Odpowiedzi na formularz 1"
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    start = dt.datetime(int(year), 1, 15, 9, 0, 0)
    groups = ["ngo"] * n_ngo + ["jst"] * n_jst
    rng.shuffle(groups)
    forms = [c.label.pl for c in q.scale_by_id["formy"].choices]
    for i, group in enumerate(groups):
        stamp = start + dt.timedelta(hours=7 * i, minutes=rng.randint(0, 59))
        mood = rng.gauss(0, 0.4)
        # a respondent's view of an area colours all its questions alike
        view = {area.id: rng.gauss(0, 0.7) for area in q.areas}
        row: list[object] = [stamp, q.groups[0].label.pl if group == "ngo" else q.groups[1].label.pl]
        if group == "ngo":
            row += [
                "tak" if rng.random() < 0.85 else "nie",
                ", ".join(rng.sample(forms, rng.randint(1, 4))),
                labels["intensywnosc"][str(rng.randint(2, 4))],
            ]
        else:
            row += [None, None, labels["intensywnosc"][str(rng.randint(2, 5))]]
        for section, questions in (("ngo", ngo_questions), ("jst", jst_questions)):
            for x in questions:
                if section != group:
                    row.append(None)
                    continue
                roll = rng.random()
                if roll < 0.04:
                    row.append(None)
                elif roll < 0.12:
                    row.append(labels[x.scale]["nw"])
                else:
                    area_id = q.question_area[x.id]
                    level = quality[area_id] + mood + view[area_id]
                    if group == "jst":
                        level += 0.4  # officials see cooperation more favourably
                    code = answer(rng, level, x.scale, x.reverse)
                    row.append(labels[x.scale][str(code)])
        overall = round(sum(quality.values()) / 12 + mood + rng.gauss(0, 0.7))
        row.append(labels["ocena5"][str(min(5, max(1, overall)))])
        row.append(rng.choice(STRENGTHS) if rng.random() < 0.5 else None)
        row.append(rng.choice(WEAKNESSES) if rng.random() < 0.5 else None)
        ws.append(row)
    ws.column_dimensions["A"].width = 20
    for cell in ws["A"][1:]:
        cell.number_format = "yyyy-mm-dd hh:mm:ss"

    meta = wb.create_sheet("metryka")
    rows: list[tuple[str, object]] = [("jst", jst), ("rok", int(year)), ("etap", etap)]
    if invited:
        rows.append(("zaproszonych", invited))  # people asked to answer: the response rate
    for key, value in rows:
        meta.append([key, value])

    if grades:
        sheet = wb.create_sheet("oceny")
        sheet.append(["obszar", "ocena", "uzasadnienie", "rekomendacje"])
        for area in q.areas:
            grade = min(5.0, max(1.0, round((quality[area.id] + 0.2) * 2) / 2))
            sheet.append(
                [
                    area.id,
                    grade,
                    f"Grupa robocza oceniła obszar „{area.label.pl}” na podstawie ankiet "
                    "i danych liczbowych.",
                    RECOMMENDATIONS.get(area.id, ""),
                ]
            )

    if jst == "Gmina Przykładowa" and year in DATA:
        data_sheet(wb, year)

    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.properties.creator = "liwindex examples"
    path = path or HERE / f"gmina-przykladowa-{year}-{SLUG[etap]}.xlsx"
    wb.save(path)
    return path


# The numeric data of Gmina Przykładowa's rounds (the "dane" sheet): what its yearly
# sprawozdanie z realizacji programu współpracy would report. Fixed numbers, not drawn, so
# that the survey answers stay exactly as they were.
DATA: dict[str, dict[str, tuple[float, str]]] = {
    "2024": {
        "projekty_konsultowane": (6, ""),
        "uwagi_zgloszone": (14, ""),
        "uwagi_uwzglednione": (5, ""),
        "zespoly_doradcze": (1, ""),
        "posiedzenia_rdpp": (2, "Rada powołana w czerwcu"),
        "konkursy_ofert": (8, ""),
        "dotacje_konkursowe": (31, ""),
        "kwota_dotacji": (742500, ""),
        "male_granty": (4, ""),
        "kwota_malych_grantow": (31200, ""),
        "wnioski_inicjatywa_lokalna": (1, ""),
        "organizacje_w_lokalach": (9, ""),
        "szkolenia_dla_organizacji": (2, ""),
        "udzial_w_wydatkach": (0.9, ""),
    },
    "2025": {
        "projekty_konsultowane": (9, ""),
        "uwagi_zgloszone": (23, ""),
        "uwagi_uwzglednione": (11, ""),
        "zespoly_doradcze": (2, ""),
        "posiedzenia_rdpp": (4, ""),
        "konkursy_ofert": (10, ""),
        "dotacje_konkursowe": (38, ""),
        "kwota_dotacji": (905000, ""),
        "male_granty": (9, ""),
        "kwota_malych_grantow": (74300, ""),
        "wnioski_inicjatywa_lokalna": (3, "pierwszy nabór przez formularz online"),
        "organizacje_w_lokalach": (12, ""),
        "szkolenia_dla_organizacji": (5, ""),
        "udzial_w_wydatkach": (1.1, ""),
    },
    "2026": {
        "projekty_konsultowane": (11, ""),
        "uwagi_zgloszone": (27, ""),
        "uwagi_uwzglednione": (15, ""),
        "zespoly_doradcze": (3, ""),
        "posiedzenia_rdpp": (5, ""),
        "konkursy_ofert": (11, ""),
        "dotacje_konkursowe": (41, ""),
        "kwota_dotacji": (1012800, ""),
        "male_granty": (12, ""),
        "kwota_malych_grantow": (98500, ""),
        "wnioski_inicjatywa_lokalna": (4, ""),
        "organizacje_w_lokalach": (14, "w tym 3 w nowym centrum organizacji"),
        "szkolenia_dla_organizacji": (6, ""),
        "udzial_w_wydatkach": (1.2, ""),
    },
}
UNITS = {"count": "liczba", "PLN": "zł", "percent": "%"}


def data_sheet(wb: openpyxl.Workbook, year: str) -> None:
    """The "dane" sheet of a round: one row per indicator of the standard questionnaire."""
    q = load_standard()
    sheet = wb.create_sheet("dane")
    sheet.append(["wskaznik", "nazwa", "jednostka", "wartosc", "uwagi"])
    for indicator in q.indicators:
        value, note = DATA[year][indicator.id]
        sheet.append([indicator.id, indicator.label.pl, UNITS[indicator.unit], value, note or None])


SLUG = {"wstępna": "wstepna", "powdrożeniowa": "powdrozeniowa", "roczna": "roczna"}


def main() -> None:
    """Write both example rounds."""
    others = HERE / "inne-jst"
    others.mkdir(exist_ok=True)
    paths = [
        make_round("2024", n_ngo=60, n_jst=15, seed=2024, etap="wstępna", grades=False, invited=140),
        make_round("2025", n_ngo=56, n_jst=14, seed=2025, etap="powdrożeniowa", grades=True, invited=130),
        make_round("2026", n_ngo=52, n_jst=13, seed=2026, etap="roczna", grades=True, invited=125),
        make_round(
            "2025",
            n_ngo=40,
            n_jst=10,
            seed=11,
            etap="roczna",
            grades=False,
            jst="Gmina Nadrzeczna",
            quality=OTHERS["Gmina Nadrzeczna"],
            path=others / "gmina-nadrzeczna-2025.xlsx",
        ),
        make_round(
            "2025",
            n_ngo=35,
            n_jst=12,
            seed=12,
            etap="roczna",
            grades=False,
            jst="Powiat Leśny",
            quality=OTHERS["Powiat Leśny"],
            path=others / "powiat-lesny-2025.xlsx",
        ),
    ]
    for path in paths:
        print(path.relative_to(HERE.parent))


if __name__ == "__main__":
    main()
