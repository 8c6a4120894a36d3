"""A facilitator's folder of many JSTs, laid out the way people keep them: a folder per JST
named inconsistently, a subfolder per round (``przed``/``po``, ``2024``/``2025``,
``runda1``/``runda2``) with a ``metryka.yaml``, and in each round an NGO form and an office
form exported as CSV in Windows-1250 with semicolons (no group column: each form's
questions tell its group)."""

from __future__ import annotations

import csv
import random
from pathlib import Path

from liwindex.api import load_standard

JSTS = [
    ("01 Brzeźnica Wielka", "Gmina Brzeźnica Wielka"),
    ("02_Sedziszow", "Gmina Sędziszów"),
    ("03 Ożarów Polny", "Gmina Ożarów Polny"),
    ("04-zrebice", "Gmina Źrebice"),
    ("05 Łąkowo", "Gmina Łąkowo"),
    ("06 Osiek", "Gmina Osiek"),
    ("07 Nowa Dęba Górna", "Gmina Nowa Dęba Górna"),
    ("08 Brzegi", "Miasto Brzegi"),
    ("09_Zabno", "Gmina Żabno"),
    ("10 Powiat Leśny", "Powiat Leśny"),
]
SUBFOLDERS = [("przed", "po"), ("2024", "2025"), ("runda1", "runda2")]
ROUNDS = [(2024, "wstępna"), (2025, "powdrożeniowa")]


def forms(folder: Path, seed: int, ngo: int = 21, office: int = 6) -> None:
    """The NGO form and the office form of one round: ``ngo`` and ``office`` respondents,
    each answering the questions asked of their group (labels, 5 % blanks)."""
    q = load_standard()
    rng = random.Random(seed)
    for group, name, count in (("ngo", "organizacje.csv", ngo), ("jst", "urzad.csv", office)):
        asked = [x for x in q.questions if group in q.question_groups(x)]
        rows = [["Sygnatura czasowa", *[x.text.pl for x in asked]]]
        # a JST's respondents lean one way, so that JSTs differ
        lean = rng.choice([0, 1, 1, 2, 2, 3])
        for i in range(count):
            answers = []
            for x in asked:
                labels = [c.label.pl for c in q.scale_by_id[x.scale].choices if not c.na]
                pick = min(len(labels) - 1, max(0, lean + rng.randint(-1, 2)))
                answers.append("" if rng.random() < 0.05 else labels[pick])
            rows.append([f"2025-01-{1 + i % 28:02d} 1{i % 10}:00:00", *answers])
        with (folder / name).open("w", encoding="cp1250", newline="") as fh:
            csv.writer(fh, delimiter=";").writerows(rows)


THIN = 7  # Miasto Brzegi: three officials answered its latest round (a provisional value)


def facilitator_folder(
    root: Path, only_first: int = 8, broken: int | None = None, no_polish: int | None = None
) -> Path:
    """Ten JSTs × two rounds under ``root``; JST number ``only_first`` (0-based) has only its
    first round; JST :data:`THIN`'s latest round rests on three officials; in JST ``broken``
    the office form of the second round has an answer no scale knows; JST ``no_polish``
    spells its name without Polish letters in its second round."""
    for k, (folder, name) in enumerate(JSTS):
        subfolders = SUBFOLDERS[k % len(SUBFOLDERS)]
        for r, ((rok, etap), sub) in enumerate(zip(ROUNDS, subfolders, strict=True)):
            if k == only_first and r == 1:
                continue
            where = root / folder / sub
            where.mkdir(parents=True)
            forms(where, seed=100 * k + r, office=3 if (k, r) == (THIN, 1) else 6)
            spelled = name.replace("Ł", "L").replace("ą", "a") if (k, r) == (no_polish, 1) else name
            (where / "metryka.yaml").write_text(
                f"jst: {spelled}\nrok: {rok}\netap: {etap}\nzaproszonych: 40\n", "utf-8"
            )
            if k == broken and r == 1:
                path = where / "urzad.csv"
                text = path.read_text("cp1250").splitlines()
                cells = text[1].split(";")
                cells[1] = "super"
                text[1] = ";".join(cells)
                path.write_text("\n".join(text) + "\n", "cp1250")
    return root
