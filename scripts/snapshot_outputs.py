"""Write every command's output on the examples and on synthetic JSTs into one folder.

    python scripts/snapshot_outputs.py OUTDIR [--jsts 200]

Run it before and after a change that must not change any output, then compare the two
folders with ``diff -r BEFORE AFTER``. Terminal text is captured at a fixed width, JSON as
printed, and every written file normalised for what legitimately differs between runs:
workbooks (.xlsx) are unpacked member by member with their creation and modification
times blanked, HTML and Markdown are kept as they are (the date shown is the day's),
and PDF files are reduced to their text (``pdftotext``, where installed).

Uses the ``liwindex`` that ``python -m liwindex`` imports, so ``PYTHONPATH=OTHER/src``
snapshots another checkout with the same interpreter.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

EXAMPLES = ROOT / "examples"
BEFORE = EXAMPLES / "gmina-przykladowa-2024-wstepna.xlsx"
AFTER = EXAMPLES / "gmina-przykladowa-2025-powdrozeniowa.xlsx"
ANNUAL = EXAMPLES / "gmina-przykladowa-2026-roczna.xlsx"
OTHERS = EXAMPLES / "inne-jst"
TIMES = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")


def run(out: Path, name: str, args: list[str], cwd: Path) -> None:
    """Run ``liwindex ARGS`` and keep its stdout, stderr and exit code under ``name``."""
    env = {**os.environ, "COLUMNS": "100", "TERM": "dumb", "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "liwindex", *args], cwd=cwd, env=env, capture_output=True, timeout=900
    )
    text = done.stdout + b"\n--- stderr\n" + done.stderr + f"\n--- exit {done.returncode}\n".encode()
    (out / f"{name}.txt").write_bytes(text.replace(str(cwd).encode(), b"<work>"))


def normalise(work: Path, out: Path) -> None:
    """Copy every file written under ``work`` into ``out/files``, normalised."""
    for path in sorted(work.rglob("*")):
        if not path.is_file() or (path.suffix in {".xlsx", ".csv"} and path.parent.name == "input"):
            continue
        rel = path.relative_to(work)
        target = out / "files" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".xlsx" and zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as book:
                for member in sorted(book.namelist()):
                    data = TIMES.sub(rb"<dcterms:\1/>", book.read(member))
                    dest = target.parent / (target.name + "#") / member
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    dest.write_bytes(data.replace(str(work).encode(), b"<work>"))
        elif path.suffix == ".pdf":
            if shutil.which("pdftotext"):
                subprocess.run(["pdftotext", "-layout", str(path), str(target) + ".txt"], check=True)
        else:
            target.write_bytes(path.read_bytes().replace(str(work).encode(), b"<work>"))


def synthetic(folder: Path, count: int) -> list[Path]:
    """``count`` JST files of different sizes and group mixes (xlsx and csv)."""
    import synth

    folder.mkdir(parents=True)
    paths = []
    for i in range(count):
        table = synth.rows(8 + (i * 7) % 60, seed=i)
        write = synth.write_csv if i % 5 == 4 else synth.write_xlsx
        paths.append(write(folder / f"jst{i:04d}.{'csv' if i % 5 == 4 else 'xlsx'}", table))
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--jsts", type=int, default=200)
    options = parser.parse_args()
    out: Path = options.outdir.resolve()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="liwindex-snapshot-") as tmp:
        work = Path(tmp)
        input_dir = work / "input"
        synthetic(input_dir, options.jsts)
        b, a, y = str(BEFORE), str(AFTER), str(ANNUAL)
        commands: dict[str, list[str]] = {
            "score": ["score", a],
            "score-en": ["score", a, "--lang", "en"],
            "score-json": ["score", a, "--json"],
            "score-two": ["score", b, a, "--json"],
            "score-folder": ["score", str(OTHERS), "--json"],
            "compare": ["compare", b, a],
            "compare-en": ["compare", b, a, "--lang", "en"],
            "compare-json": ["compare", b, a, "--json"],
            "compare-survey": ["compare", b, a, "--basis", "survey", "--json"],
            "analyze": ["analyze", a, "--bootstrap", "300"],
            "analyze-json": ["analyze", a, "--json", "--bootstrap", "300"],
            "validate": ["validate", a],
            "validate-json": ["validate", a, "--json"],
            "trend": ["trend", b, a, y],
            "trend-json": ["trend", b, a, y, "--json"],
            "benchmark": ["benchmark", y, str(OTHERS)],
            "benchmark-json": ["benchmark", y, str(OTHERS), "--json"],
            "benchmark-many": ["benchmark", str(input_dir), "--json", "--jobs", "2"],
            "benchmark-many-text": ["benchmark", str(input_dir), "--quiet"],
            "export-one": ["export", a, "-o", "w/raport1.xlsx"],
            "export-two": ["export", b, a, "-o", "w/raport2.xlsx", "--bootstrap", "300"],
            "export-csv": ["export", b, a, "-o", "w/obszary.csv"],
            "report": ["report", b, a, "-o", "w/raport.html", "--bootstrap", "300", "--autor", "Test"],
            "report-one": ["report", a, "-o", "w/raport1.html", "--lang", "en"],
            "trend-files": ["trend", b, a, y, "-o", "w/trend.html", "-o", "w/trend.xlsx", "--quiet"],
            "benchmark-files": ["benchmark", y, str(OTHERS), "-o", "w/b.html", "-o", "w/b.xlsx", "--quiet"],
            "benchmark-many-files": ["benchmark", str(input_dir), "-o", "w/many.html", "-o", "w/many.xlsx"],
            "batch": ["batch", str(EXAMPLES), "-o", "w/batch", "--bootstrap", "200"],
            "mapping-init": ["mapping", "init", a, "-o", "w/mapping.yaml"],
            "mapping-check": ["mapping", "check", a, "--mapping", "w/mapping.yaml"],
            "template": ["template", "-o", "w/ankieta.xlsx"],
            "xlsform": ["xlsform", "-o", "w/formularz.xlsx"],
            "q-show": ["questionnaire", "show"],
            "q-show-json": ["questionnaire", "show", "--json"],
            "q-check": ["questionnaire", "check", str(ROOT / "questionnaires" / "lijw-standard.yaml")],
            "q-docs": ["questionnaire", "docs", "-o", "w/kwestionariusz.md"],
            "q-docs-html": ["questionnaire", "docs", "--format", "html", "-o", "w/kwestionariusz.html"],
            "q-schema": ["questionnaire", "schema"],
            "q-new": ["questionnaire", "new", "-o", "w/moj.yaml"],
            "help": ["--help"],
            "help-score": ["score", "--help"],
            "bad-usage": ["score"],
            "bad-file": ["score", str(ROOT / "README.md")],
            "exists": ["export", a, "-o", "w/raport1.xlsx"],
        }
        (work / "w").mkdir()
        for name, args in commands.items():
            print(name, file=sys.stderr)
            run(out, name, args, work)
        normalise(work, out)
    print(f"snapshot in {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
