"""`liwindex batch` and `--jobs`: a facilitator's folder of many JSTs in one run, the same
numbers on one core or four."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import Result

from conftest import errors, problems, run

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
ROUNDS = ("gmina-przykladowa-2024-wstepna.xlsx", "gmina-przykladowa-2025-powdrozeniowa.xlsx")
NAMES = ("Gmina Przykładowa", "Gmina Łąkowa", "Miasto Brzegi", "Powiat Leśny", "Gmina Zielona")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Five JSTs × two rounds, each JST in its own folder (the example rounds renamed)."""
    root = tmp_path_factory.mktemp("jst")
    for k, name in enumerate(NAMES):
        for source in ROUNDS:
            wb = openpyxl.load_workbook(EXAMPLES / source)
            wb["metryka"]["B1"] = name
            # different numbers per JST: drop k respondents from the later round
            ws = wb["Odpowiedzi na formularz 1"]
            if "2025" in source and k:
                ws.delete_rows(2, 3 * k)
            (root / f"jst{k}").mkdir(exist_ok=True)
            wb.save(root / f"jst{k}" / source.replace("gmina-przykladowa", f"j{k}"))
    return root


def batch(*args: object) -> Result:
    return run("batch", *args, "--bootstrap", "100", "--quiet")


def test_batch_writes_each_jst_and_a_summary(folder, tmp_path):
    out = tmp_path / "raporty"
    result = batch(str(folder), "-o", str(out))
    assert result.exit_code == 0, result.output
    slugs = ["gmina-lakowa", "gmina-przykladowa", "gmina-zielona", "miasto-brzegi", "powiat-lesny"]
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{s}.{ext}" for s in slugs for ext in ("html", "xlsx")]
        + ["podsumowanie.html", "podsumowanie.xlsx", "lijw.csv"]
    )
    page = (out / "podsumowanie.html").read_text("utf-8")
    for name in NAMES:
        assert name in page
    for slug in slugs:
        assert f'href="{slug}.html"' in page
    ws = openpyxl.load_workbook(out / "podsumowanie.xlsx").active
    rows = [r for r in ws.iter_rows(min_row=2, max_row=6, values_only=True)]
    assert sorted(r[1] for r in rows) == sorted(NAMES)
    # Gmina Przykładowa is the example itself: its change is the example comparison's
    compare = run("compare", *(str(EXAMPLES / r) for r in ROUNDS), "--json", "--bootstrap", "0")
    delta = json.loads(compare.stdout)["index"]["delta"]
    [own] = [r for r in rows if r[1] == "Gmina Przykładowa"]
    assert own[5] == pytest.approx(delta)
    # rank 1 is the highest latest index; equal indexes share a rank
    by_index = sorted(rows, key=lambda r: -r[4])
    assert by_index[0][0] == 1
    assert all((a[0] == b[0]) == (a[4] == b[4]) and a[0] <= b[0] for a, b in itertools.pairwise(by_index))
    # a rerun without --force refuses before touching anything
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    again = batch(str(folder), "-o", str(out))
    assert errors(again) == ["output-exists"]
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before


def test_a_broken_file_fails_its_jst_only(folder, tmp_path):
    broken = tmp_path / "in"
    for sub in folder.iterdir():
        (broken / sub.name).mkdir(parents=True)
        for f in sub.iterdir():
            (broken / sub.name / f.name).write_bytes(f.read_bytes())
    (broken / "jst2" / "j2-2025-powdrozeniowa.xlsx").write_text("to nie jest skoroszyt", "utf-8")
    (broken / "bez-metryki.csv").write_text("grupa;o1_n1\nngo;4\n", "utf-8")
    out = tmp_path / "out"
    result = batch(str(broken), "-o", str(out))
    assert result.exit_code == 1
    # the broken round belongs to the JST of its folder: named once, with its file and why
    [line] = [x for x in result.stderr.splitlines() if x.startswith("Miasto Brzegi")]
    assert (
        "nie odczytano etapu j2-2025-powdrozeniowa.xlsx" in line
        and line.count("j2-2025-powdrozeniowa.xlsx") == 2
    )
    assert "bez-metryki.csv" in result.stderr
    # its report covers the readable round and says which one it leaves out
    page = (out / "miasto-brzegi.html").read_text("utf-8")
    assert "Etapu j2-2025-powdrozeniowa.xlsx nie udało się odczytać" in page
    assert len(list(out.glob("*.html"))) == 6  # five JSTs and the summary
    summary = (out / "podsumowanie.html").read_text("utf-8")
    assert "Miasto Brzegi" in summary and "bez-metryki.csv" in summary
    assert "bez miejsca: błędy w plikach" in summary  # the failed JST is not ranked


def test_a_folder_with_metryka_yaml_is_one_round(tmp_path):
    """Two CSV files (the NGO form and the office's) with a metryka.yaml: one round."""
    from test_real_exports import two_forms

    for year, etap in ((2024, "wstępna"), (2025, "powdrożeniowa")):
        round_dir = tmp_path / "in" / "gmina-x" / str(year)
        round_dir.mkdir(parents=True)
        two_forms(round_dir)
        (round_dir / "metryka.yaml").write_text(f"jst: Gmina X\nrok: {year}\netap: {etap}\n", "utf-8")
    out = tmp_path / "out"
    result = batch(str(tmp_path / "in"), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert (out / "gmina-x.xlsx").exists() and (out / "gmina-x.html").exists()
    ws = openpyxl.load_workbook(out / "podsumowanie.xlsx").active
    assert ws["B2"].value == "Gmina X" and ws["F2"].value == pytest.approx(0.0)


def test_jobs_give_identical_json(folder):
    """--jobs 1 and --jobs 4 read the same rounds into byte-identical output."""
    folders = [str(f) for f in sorted(folder.iterdir())]
    outputs = [run("benchmark", *folders, "--json", "--jobs", jobs).stdout for jobs in ("1", "4")]
    assert outputs[0] == outputs[1]
    assert len(json.loads(outputs[0])["jst"]) == 5


def test_batch_mistakes_are_messages(folder, tmp_path):
    """A file instead of the input folder, a folder with no rounds, a file where the output
    folder should be, and one JST with two rounds of the same year and stage: each is a
    message naming the place and exit 1."""
    not_folder = folder / "jst0" / "j0-2024-wstepna.xlsx"
    [problem] = problems(batch(str(not_folder), "-o", str(tmp_path / "a")))
    assert (problem.code, problem.file) == ("batch-not-folder", str(not_folder))
    (tmp_path / "pusty").mkdir()
    [problem] = problems(batch(str(tmp_path / "pusty"), "-o", str(tmp_path / "b")))
    assert (problem.code, problem.file) == ("batch-no-rounds", str(tmp_path / "pusty"))
    (tmp_path / "plik").write_text("x", "utf-8")
    [problem] = problems(batch(str(folder), "-o", str(tmp_path / "plik")))
    assert (problem.code, problem.file) == ("batch-output-not-folder", str(tmp_path / "plik"))
    twice = tmp_path / "dwa"
    twice.mkdir()
    source = folder / "jst0" / "j0-2024-wstepna.xlsx"
    for name in ("a.xlsx", "b.xlsx"):
        (twice / name).write_bytes(source.read_bytes())
    same = batch(str(twice), "-o", str(tmp_path / "c"))
    assert same.exit_code == 1
    assert "dwa etapy o tym samym roku i etapie: 2024 · wstępna" in same.stderr


def _killing_reader(monkeypatch: pytest.MonkeyPatch, victim: str) -> None:
    """Workers whose reading of ``victim`` dies of SIGKILL, as the OOM killer ends a process;
    four usable cores whatever the machine has, so that the rounds go to workers."""
    import os
    import signal

    import liwindex.responses.rounds as rounds
    import liwindex.workflows.parallel as parallel

    parent, read = os.getpid(), rounds.read_round_files

    def reader(spec, *args, **kwargs):
        if os.getpid() != parent and any(victim in str(p) for p in spec.paths):
            os.kill(os.getpid(), signal.SIGKILL)
        return read(spec, *args, **kwargs)

    monkeypatch.setattr(rounds, "read_round_files", reader)
    monkeypatch.setattr(parallel, "usable_cores", lambda: 4)


def test_a_killed_worker_ends_the_run_naming_its_round(folder, monkeypatch):
    """A worker killed mid-run ends benchmark within seconds with exit 1 and a message
    naming the round it was reading, instead of waiting for ever."""
    import time

    _killing_reader(monkeypatch, "j3-2024")
    folders = [str(f) for f in sorted(folder.iterdir())]
    start = time.monotonic()
    result = run("benchmark", *folders, "--json", "--jobs", "3")
    assert time.monotonic() - start < 10
    [problem] = problems(result)
    assert problem.code == "worker-died" and "j3-2024" in str(problem.file)
    assert problem.value == "SIGKILL"


def test_a_killed_batch_worker_ends_the_run(folder, tmp_path, monkeypatch):
    """In batch, a worker killed while writing a JST's reports ends the run with the same
    message naming that JST's rounds."""
    import os
    import signal

    import liwindex.workflows.documents as documents
    import liwindex.workflows.parallel as parallel

    parent, export = os.getpid(), documents.export_report

    def exporter(pair, *args, **kwargs):
        if os.getpid() != parent and "j2-" in str(pair[0].paths[0]):
            os.kill(os.getpid(), signal.SIGKILL)
        return export(pair, *args, **kwargs)

    monkeypatch.setattr(documents, "export_report", exporter)
    monkeypatch.setattr(parallel, "usable_cores", lambda: 4)
    result = batch(str(folder), "-o", str(tmp_path / "out"), "--jobs", "2")
    [problem] = problems(result)
    assert problem.code == "worker-died" and "j2-" in str(problem.file)


def test_jobs_are_capped_at_the_usable_cores(folder):
    """--jobs 512 on a machine with fewer cores runs on those cores, with a note saying so."""
    from liwindex.api import usable_cores
    from liwindex.i18n import t

    folders = [str(f) for f in sorted(folder.iterdir())]
    result = run("benchmark", *folders, "--json", "--jobs", "512")
    assert result.exit_code == 0, result.output
    assert t("jobs_capped", "pl", n=512, cores=usable_cores()) in result.stderr


def test_sigterm_stops_the_workers_promptly(folder, tmp_path):
    """SIGTERM while the workers read ends the run within seconds, every worker gone."""
    import os
    import signal
    import subprocess
    import sys
    import time

    marks = tmp_path / "marks"
    marks.mkdir()
    script = f"""
import os, time, sys
import liwindex.responses.rounds as rounds
import liwindex.workflows.parallel as parallel
parallel.usable_cores = lambda: 2
def reader(spec, *args, **kwargs):
    open(os.path.join({str(marks)!r}, str(os.getpid())), "w").close()
    time.sleep(60)
rounds.read_round_files = reader
from liwindex.cli.group import cli
cli(sys.argv[1:])
"""
    folders = [str(f) for f in sorted(folder.iterdir())]
    proc = subprocess.Popen([sys.executable, "-c", script, "benchmark", *folders, "--jobs", "2", "--quiet"])
    deadline = time.monotonic() + 30
    while len(list(marks.iterdir())) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = [int(p.name) for p in marks.iterdir()]
    assert len(workers) == 2
    start = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(10) == 128 + signal.SIGTERM
    assert time.monotonic() - start < 5
    for pid in workers:
        try:
            os.kill(pid, 0)
            raise AssertionError(f"worker {pid} still alive")
        except ProcessLookupError:
            pass


def _rounds_of(root: Path, name: str, rounds: list[tuple[int, str]]) -> None:
    from test_real_exports import two_forms

    for year, etap in rounds:
        round_dir = root / name / str(year)
        round_dir.mkdir(parents=True)
        two_forms(round_dir)
        (round_dir / "metryka.yaml").write_text(f"jst: {name}\nrok: {year}\netap: {etap}\n", "utf-8")


def test_every_output_name_of_a_batch_is_its_own(tmp_path):
    """Gmina A's trend workbook (gmina-a-trend.xlsx) and the reports of "Gmina A Trend" get
    different names, with a note: no report overwrites another."""
    three = [(2023, "wstępna"), (2024, "powdrożeniowa"), (2025, "roczna")]
    _rounds_of(tmp_path / "in", "Gmina A", three)
    _rounds_of(tmp_path / "in", "Gmina A Trend", three[:2])
    out = tmp_path / "out"
    result = run("batch", tmp_path / "in", "-o", out, "--bootstrap", "100")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    reports = [
        "gmina-a.xlsx",
        "gmina-a.html",
        "gmina-a-trend.xlsx",
        "gmina-a-trend-2.xlsx",
        "gmina-a-trend-2.html",
    ]
    assert names == sorted([*reports, "podsumowanie.html", "podsumowanie.xlsx", "lijw.csv"])
    ws = openpyxl.load_workbook(out / "gmina-a-trend.xlsx").worksheets[0]
    assert ws.max_row > 3  # Gmina A's trend, not Gmina A Trend's comparison
    assert "gmina-a-trend-2.*" in result.stderr
