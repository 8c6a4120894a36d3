"""liwindex benchmarks: every figure is a ratio or a measurement taken in this one run.

    python benchmarks/run.py            # everything, about 3–4 minutes
    python benchmarks/run.py --quick    # 1k and 10k only, no 1 million (for a smoke run)

Prints, for synthetic exports of the standard questionnaire:
  * end-to-end `liwindex score` time ÷ the time to merely read the same sheet with the
    fastest reader installed (python-calamine for .xlsx, pandas' C parser for .csv);
  * the vectorised scoring engine ÷ a plain per-respondent implementation of the same
    rules (tests/reference.py), after checking both give the same numbers;
  * `liwindex --help` time ÷ `python -c pass`;
  * peak memory of `liwindex score` at 100,000 respondents;
  * the bootstrap (2,000 resamples) at 500 and 5,000 respondents;
  * 1,000,000 respondents from CSV end to end: time and peak memory;
  * `benchmark` over many JST files (500 by default, `--many 500 2500`), serial and on
    every core, ÷ reading the files alone, and `score` of a small file ÷ the import floor.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]

import synth  # noqa: E402

PYTHON = sys.executable
LIWINDEX = [PYTHON, "-m", "liwindex"]


def timed(command: list[str], repeat: int = 1) -> float:
    """Median wall time of running ``command`` (output discarded)."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def peak_memory_mb(command: list[str]) -> float:
    """Peak resident memory of ``command``, measured by a wrapper process."""
    probe = (
        "import resource, subprocess, sys\n"
        f"subprocess.run({command!r}, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([PYTHON, "-c", probe], check=True, capture_output=True, text=True)
    return int(out.stdout.strip()) / 1024


def read_only_command(path: Path) -> list[str]:
    """The fastest way installed to merely read the sheet."""
    if path.suffix == ".csv":
        code = f"import pandas as pd; pd.read_csv({str(path)!r}, sep=';', dtype=str, keep_default_na=False)"
    else:
        code = (
            "import python_calamine as c; "
            f"c.CalamineWorkbook.from_path({str(path)!r}).get_sheet_by_index(0).to_python()"
        )
    return [PYTHON, "-c", code]


def engine_vs_reference(n: int) -> tuple[float, float, float]:
    """(engine seconds, reference seconds, largest difference) on ``n`` respondents."""
    import numpy as np
    import pandas as pd

    from liwindex.api import load_standard
    from liwindex.scoring.engine import aggregate, score_survey
    from reference import reference_scores

    q = load_standard()
    qdict = q.to_dict()
    rng = np.random.default_rng(7)
    # a categorical over the group ids, as the reader hands it to the engine
    groups = pd.Series(
        pd.Categorical(rng.choice(["ngo", "jst"], size=n, p=[0.8, 0.2]), categories=list(q.group_ids))
    )
    codes: dict[str, list[str | None]] = {}
    points = {}
    for x in q.questions:
        scale = q.scale_by_id[x.scale]
        choice = rng.integers(0, len(scale.choices), size=n)
        blank = rng.random(n) < 0.05
        codes[x.id] = [None if b else scale.choices[c].code for c, b in zip(choice, blank, strict=True)]
        table = np.array([np.nan if c.na else c.points for c in scale.choices], dtype=float)
        points[x.id] = np.where(blank, np.nan, table[choice])
    frame = pd.DataFrame(points)

    runs = []
    for _ in range(5):
        started = time.perf_counter()
        scores = score_survey(frame, groups, q)
        engine_index = aggregate(scores.area, q).index
        runs.append(time.perf_counter() - started)
    engine = statistics.median(runs)

    respondents = [
        (g, {qid: codes[qid][i] for qid in codes if codes[qid][i] is not None})
        for i, g in enumerate(groups.astype(str))
    ]
    started = time.perf_counter()
    expected = reference_scores(qdict, respondents)
    reference = time.perf_counter() - started

    diffs = [abs(scores.area[a] - v) for a, v in expected["areas"].items() if v is not None]
    diffs.append(abs((engine_index or 0) - (expected["index"] or 0)))
    return engine, reference, max(diffs)


def bootstrap_seconds(n: int) -> float:
    """Time of 2,000 stratified resamples of ``n`` respondents' area values (12 areas)."""
    import numpy as np

    from liwindex.analysis.bootstrap import bootstrap
    from liwindex.api import load_standard

    q = load_standard()
    rng = np.random.default_rng(3)
    values = rng.uniform(1, 5, size=(n, len(q.areas)))
    values[rng.random(values.shape) < 0.1] = np.nan
    groups = (rng.random(n) < 0.2).astype(int)
    started = time.perf_counter()
    bootstrap(values, groups, q, resamples=2000, seed=1)
    return time.perf_counter() - started


def many_files(folder: Path, count: int) -> None:
    """`liwindex benchmark` over ``count`` JST files of 30–150 respondents, serial and on
    every core, against reading the same files with python-calamine alone in one process;
    and `score` of one small file against the bare import of its libraries."""
    import random

    rng = random.Random(7)
    where = folder / f"many{count}"
    where.mkdir()
    respondents = 0
    for i in range(count):
        n = rng.randint(30, 150)
        respondents += n
        synth.write_xlsx(where / f"jst{i:05d}.xlsx", synth.rows(n, seed=i))
    size = sum(p.stat().st_size for p in where.iterdir()) / 1e6
    read = (
        "import glob, python_calamine\n"
        f"for f in sorted(glob.glob({str(where / '*.xlsx')!r})):\n"
        "    python_calamine.CalamineWorkbook.from_path(f).get_sheet_by_index(0).to_python()"
    )
    # three rounds, each command once per round (so that a slow spell of a shared machine
    # hits all three alike), and the median of each
    runs: dict[str, list[float]] = {"bare": [], "serial": [], "parallel": []}
    for _ in range(3):
        runs["bare"].append(timed([PYTHON, "-c", read]))
        runs["serial"].append(timed([*LIWINDEX, "benchmark", str(where), "--json", "--jobs", "1"]))
        runs["parallel"].append(timed([*LIWINDEX, "benchmark", str(where), "--json", "--quiet"]))
    bare, serial, parallel = (statistics.median(runs[k]) for k in ("bare", "serial", "parallel"))
    cores = os.cpu_count() or 1
    mb = peak_memory_mb([*LIWINDEX, "benchmark", str(where), "--json", "--jobs", "1"])
    print(
        f"   {count:,} files ({respondents:,} respondents, {size:.0f} MB): calamine alone {bare:.1f} s · "
        f"benchmark --jobs 1 {serial:.1f} s (ratio {serial / bare:.1f}) · all {cores} cores "
        f"{parallel:.1f} s (ratio {parallel / bare:.1f}) · peak {mb:,.0f} MB (--jobs 1)"
    )


def mixed_files(folder: Path, count: int) -> None:
    """`liwindex benchmark` over ``count`` rounds of the shapes people export, one JST each:
    Google Forms with and without sections, MS Forms, typing-in workbooks with ``metryka``
    and ``oceny`` sheets, and round folders of an NGO and an office CSV with a
    ``metryka.yaml``; against reading the same files alone (python-calamine for the
    workbooks, every sheet; the csv module for the CSV files) in one process."""
    import random

    from liwindex.api import load_standard
    from many_jst import forms

    q = load_standard()
    rng = random.Random(11)
    where = folder / f"mixed{count}"
    where.mkdir()
    for i in range(count):
        table = synth.rows(rng.randint(30, 120), seed=i)
        shape = i % 5
        if shape == 0:
            synth.write_xlsx(where / f"google{i:05d}.xlsx", table)
        elif shape == 1:
            synth.write_xlsx(where / f"sekcje{i:05d}.xlsx", _sections(table, q))
        elif shape == 2:
            ms = ["Identyfikator", "Godzina rozpoczęcia", "Godzina ukończenia", "Adres e-mail", "Nazwa"]
            rows = [ms + table[0][1:]] + [
                [str(k), r[0], r[0], "", "anonim", *r[1:]] for k, r in enumerate(table[1:])
            ]
            synth.write_xlsx(where / f"msforms{i:05d}.xlsx", rows)
        elif shape == 3:
            ids = ["grupa", *[x.id for x in q.questions], "mocne_strony"]
            meta = [
                ["jst", f"Gmina Szablon {i}"],
                ["rok", "2025"],
                ["etap", "roczna"],
                ["zaproszonych", "200"],
            ]
            grades = [["obszar", "ocena", "uzasadnienie"]] + [[a.id, "3.5", "uzgodniono"] for a in q.areas]
            synth.write_xlsx_sheets(
                where / f"szablon{i:05d}.xlsx",
                {"Odpowiedzi": [ids, *[r[1:] for r in table[1:]]], "oceny": grades, "metryka": meta},
            )
        else:
            pair = where / f"para{i:05d}"
            pair.mkdir()
            forms(pair, seed=i)
            (pair / "metryka.yaml").write_text(f"jst: Gmina Para {i}\nrok: 2025\netap: roczna\n", "utf-8")
    files = sorted(p for p in where.rglob("*") if p.suffix in (".xlsx", ".csv"))
    size = sum(p.stat().st_size for p in files) / 1e6
    listing = where / "files.txt"
    listing.write_text("\n".join(str(p) for p in files), "utf-8")
    read = (
        "import csv, python_calamine\n"
        f"for f in open({str(listing)!r}, encoding='utf-8').read().split('\\n'):\n"
        "    if f.endswith('.csv'):\n"
        "        list(csv.reader(open(f, encoding='cp1250', newline=''), delimiter=';'))\n"
        "    else:\n"
        "        book = python_calamine.CalamineWorkbook.from_path(f)\n"
        "        for name in book.sheet_names:\n"
        "            book.get_sheet_by_name(name).to_python()"
    )
    runs: dict[str, list[float]] = {"bare": [], "parallel": []}
    for _ in range(3):
        runs["bare"].append(timed([PYTHON, "-c", read]))
        runs["parallel"].append(timed([*LIWINDEX, "benchmark", str(where), "--json", "--quiet"]))
    bare, parallel = (statistics.median(runs[k]) for k in ("bare", "parallel"))
    print(
        f"   {count:,} rounds of mixed shapes ({len(files):,} files, {size:.0f} MB): reading alone "
        f"{bare:.1f} s · benchmark on all {os.cpu_count() or 1} cores {parallel:.1f} s "
        f"(ratio {parallel / bare:.2f}; target ≤ 1.5)"
    )


def _sections(table: list[list[str]], q: object) -> list[list[str]]:
    """A Google Form with sections: the group question, then the NGO section, then the
    administration section; a question asked of both appears once in each."""
    questions = q.questions  # type: ignore[attr-defined]
    asked = {g: [j for j, x in enumerate(questions) if g in q.question_groups(x)] for g in ("ngo", "jst")}  # type: ignore[attr-defined]
    header = [table[0][0], table[0][1]] + [table[0][2 + j] for g in ("ngo", "jst") for j in asked[g]]
    out = [header]
    for row in table[1:]:
        mine = "ngo" if row[1].startswith("Org") else "jst"
        out.append(row[:2] + [row[2 + j] if g == mine else "" for g in ("ngo", "jst") for j in asked[g]])
    return out


def small_file_floor(folder: Path) -> None:
    example = HERE.parent / "examples" / "gmina-przykladowa-2024-wstepna.xlsx"
    floor = timed([PYTHON, "-c", "import pandas, pydantic, python_calamine"], 5)
    score = timed([*LIWINDEX, "score", str(example), "--json"], 5)
    print(
        f"   score of the 70-respondent example {score:.2f} s · import of pandas, pydantic and "
        f"python-calamine {floor:.2f} s · ratio {score / floor:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="1k and 10k only, no 1 million")
    parser.add_argument(
        "--many",
        type=int,
        nargs="*",
        default=None,
        metavar="N",
        help="JST file counts for the many-files figures (default 500; e.g. --many 500 2500)",
    )
    parser.add_argument(
        "--mixed",
        type=int,
        default=None,
        metavar="N",
        help="only the figure of N rounds of mixed export shapes (e.g. --mixed 500)",
    )
    args = parser.parse_args()
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]

    print(
        f"liwindex benchmarks · Python {platform.python_version()} · {platform.machine()} · "
        f"{os.cpu_count()} CPUs · {platform.platform()}"
    )
    # as an installed package is: its modules compiled once (an editable install under
    # PYTHONDONTWRITEBYTECODE would otherwise compile liwindex again in every command)
    import compileall

    import liwindex

    compileall.compile_dir(str(Path(liwindex.__file__).parent), quiet=1)
    if args.mixed:
        with tempfile.TemporaryDirectory() as tmp:
            print("\nMany local governments, mixed export shapes (issue target ≤ 1.5):")
            mixed_files(Path(tmp), args.mixed)
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print("\n1. End-to-end `liwindex score --json` ÷ reading the sheet alone (target ≤ 1.3)")
        print(f"   {'respondents':>11} {'format':>6} {'score s':>9} {'read s':>8} {'ratio':>6}")
        files = {}
        for n in sizes:
            table = synth.rows(n)
            files[n] = {
                "xlsx": synth.write_xlsx(folder / f"r{n}.xlsx", table),
                "csv": synth.write_csv(folder / f"r{n}.csv", table),
            }
            for kind, path in files[n].items():
                repeat = 3 if n <= 10_000 else 1
                score = timed([*LIWINDEX, "score", str(path), "--json"], repeat)
                read = timed(read_only_command(path), repeat)
                print(f"   {n:>11,} {kind:>6} {score:>9.2f} {read:>8.2f} {score / read:>6.2f}")

        n = sizes[-1]
        path = files[10_000]["xlsx"]
        openpyxl_code = (
            "import openpyxl; wb = openpyxl.load_workbook("
            + repr(str(path))
            + ", read_only=True, data_only=True); "
            "[r for r in wb.active.iter_rows(values_only=True)]"
        )
        slow = timed([PYTHON, "-c", openpyxl_code], 3)
        fast = timed(read_only_command(path), 3)
        print(
            f"   reading 10,000 respondents: python-calamine {fast:.2f} s · openpyxl {slow:.2f} s "
            f"({slow / fast:.1f}× slower)"
        )

        print(
            f"\n2. Scoring engine ÷ per-respondent Python implementation, {n:,} respondents "
            "(target ≥ 50× faster)"
        )
        engine, reference, diff = engine_vs_reference(n)
        print(
            f"   engine {engine:.3f} s · reference {reference:.2f} s · "
            f"{reference / engine:.0f}× faster · largest difference {diff:.1e}"
        )

        print("\n   Bootstrap, 2,000 resamples of every survey score (issue target: a few seconds)")
        for size in (500, 5_000):
            print(f"   {size:>6,} respondents: {bootstrap_seconds(size):.2f} s")

        print("\n3. `liwindex --help` ÷ `python -c pass` (target ≤ 3)")
        help_time = timed(
            [
                *LIWINDEX[:1],
                "-c",
                "from liwindex.cli import main; import sys; sys.argv=['liwindex','--help']; main()",
            ],
            21,
        )
        bare = timed([PYTHON, "-c", "pass"], 21)
        script = Path(sys.executable).with_name("liwindex")
        script_time = timed([str(script), "--help"], 21) if script.exists() else float("nan")
        print(
            f"   --help {help_time * 1000:.0f} ms (console script {script_time * 1000:.0f} ms) · "
            f"python -c pass {bare * 1000:.0f} ms · ratio {help_time / bare:.1f} "
            f"(script {script_time / bare:.1f})"
        )
        probe = subprocess.run(
            [
                PYTHON,
                "-c",
                "import sys; from liwindex.cli import cli\ntry:\n"
                " cli(['--help'])\nexcept SystemExit: pass\n"
                "print(json.dumps(sorted(m for m in ('pandas','numpy','openpyxl','rich') "
                "if m in sys.modules)))".replace("import sys;", "import sys, json;"),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        print(f"   heavy modules imported by --help: {probe.stdout.strip().splitlines()[-1]}")

        if 100_000 in files:
            print("\n4. Peak memory of `liwindex score` at 100,000 respondents")
            for kind, path in files[100_000].items():
                size = path.stat().st_size / 1e6
                mb = peak_memory_mb([*LIWINDEX, "score", str(path), "--json"])
                print(f"   {kind}: {mb:,.0f} MB peak for a {size:,.0f} MB file")

        if not args.quick:
            print("\n5. 1,000,000 respondents from CSV, end to end")
            path = synth.write_csv(folder / "r1m.csv", synth.rows(1_000_000))
            started = time.perf_counter()
            mb = peak_memory_mb([*LIWINDEX, "score", str(path), "--json"])
            elapsed = time.perf_counter() - started
            read = timed(read_only_command(path))
            print(
                f"   {path.stat().st_size / 1e6:,.0f} MB file · score {elapsed:.1f} s "
                f"(reading alone {read:.1f} s, ratio {elapsed / read:.2f}) · peak {mb:,.0f} MB"
            )
        print(
            "\n6. Many local governments: `liwindex benchmark` over many small files "
            "÷ reading them alone (issue target ≤ 1.5)"
        )
        for count in args.many if args.many else [100 if args.quick else 500]:
            many_files(folder, count)
        mixed_files(folder, 100 if args.quick else 500)
        small_file_floor(folder)
    print("\nAll figures above were measured in this run.")


if __name__ == "__main__":
    main()
