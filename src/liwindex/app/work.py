"""What the app's screens run, through :mod:`liwindex.api` alone: reading and scoring the
uploaded round, comparing two, writing the reports to download, the batch in a thread,
the forms of Narzędzia."""

from __future__ import annotations

import functools
import re
import threading
import zipfile
from pathlib import Path
from typing import Any

from liwindex.app.jobs import Job

META_FIELDS = ("jst", "teryt", "rok", "etap", "zaproszonych")
ETAPY = ("wstępna", "powdrożeniowa", "roczna")
TOOLS = {
    "szablon.xlsx": "template",
    "xlsform.xlsx": "xlsform",
    "kwestionariusz.html": "paper",
}


@functools.cache
def questionnaire() -> Any:
    """The standard questionnaire, loaded once for the server."""
    from liwindex.api import load_questionnaire

    return load_questionnaire()


def warm_up() -> None:
    """Load what the first upload needs (the scoring modules, the questionnaire, the page
    templates, the PDF engine's lookup) while the user picks files."""
    from liwindex.api import read_round_files, score_round  # noqa: F401
    from liwindex.app.pages import environment, pdf_engine

    questionnaire()
    for name in ("score_result.html", "compare_result.html"):
        environment().get_template(name)
    pdf_engine()


def _meta(job: Job, prefix: str = "") -> tuple[Any, list[Any]]:
    """The metryka typed into the form (``prefix``: "before_", "after_"), as --jst, --rok,
    --etap and --teryt give it, and the problems of what was typed."""
    from liwindex.api import Meta, Problem, parse_teryt

    get = {k: job.fields.get(prefix + k, "").strip() for k in META_FIELDS}
    problems = []
    teryt = parse_teryt(get["teryt"]) if get["teryt"] else None
    if get["teryt"] and teryt is None:
        problems.append(Problem("bad-teryt", value=get["teryt"]))
    rok = int(get["rok"]) if re.fullmatch(r"\d{4}", get["rok"]) else None
    if get["rok"] and rok is None:
        problems.append(Problem("form-bad-year", value=get["rok"]))
    invited = int(get["zaproszonych"]) if re.fullmatch(r"\d{1,8}", get["zaproszonych"]) else None
    if get["zaproszonych"] and not invited:
        problems.append(Problem("form-bad-invited", value=get["zaproszonych"]))
    etap = get["etap"] if get["etap"] in ETAPY else None
    meta = Meta(jst=get["jst"][:200] or None, rok=rok, etap=etap, zaproszonych=invited, teryt=teryt)
    return meta, problems


def round_of(job: Job, field: str, prefix: str = "") -> tuple[Any, list[Any]]:
    from liwindex.api import RoundFiles

    meta, problems = _meta(job, prefix)
    paths = tuple(str(s.path) for s in job.saved.get(field, []))
    return RoundFiles(paths=paths, meta=meta), problems


def score(job: Job, settings: Any) -> None:
    """Read the round once: its report (what ``validate`` lists), then its score."""
    from liwindex.api import InputError, read_round_files, score_round

    spec, problems = round_of(job, "files")
    job.outcome = None
    if problems:
        job.problems = problems
        return
    try:
        round_ = read_round_files(spec, questionnaire())
        result = score_round(round_)
    except InputError as exc:
        job.problems = exc.report.problems
        return
    job.problems, job.outcome = list(result.problems), result


def compare(job: Job, settings: Any) -> None:
    """Compare the two rounds like ``liwindex compare`` (its default resamples)."""
    from liwindex.api import InputError, compare_files

    before, p1 = round_of(job, "before", "before_")
    after, p2 = round_of(job, "after", "after_")
    job.outcome = None
    if p1 or p2:
        job.problems = p1 + p2
        return
    try:
        comparison = compare_files(before, after, questionnaire(), resamples=settings.resamples)
    except InputError as exc:
        job.problems = exc.report.problems
        return
    job.outcome = comparison
    job.problems = [*comparison.before.problems, *comparison.after.problems, *comparison.problems]


def specs(job: Job) -> list[Any]:
    if job.kind == "score":
        return [round_of(job, "files")[0]]
    return [round_of(job, "before", "before_")[0], round_of(job, "after", "after_")[0]]


def report_file(job: Job, what: str, lang: str, settings: Any) -> tuple[Path | None, str | None]:
    """The Excel report, the page for publication, its PDF or the annex to the yearly
    report (.docx) of the job, written into its folder (once per language); or None and why."""
    from liwindex.api import InputError, export_report, write_annex, write_report
    from liwindex.messages import describe

    out = job.folder / "raporty"
    out.mkdir(exist_ok=True)
    target = out / f"raport-{lang}.{what}"
    if target.exists():
        return target, None
    if what == "pdf":
        from liwindex.app.pages import pdf_engine

        if pdf_engine() is None:
            return None, describe("pdf-unavailable", lang)
    try:
        if what == "xlsx":
            export_report(
                specs(job), target, "xlsx", True, lang, questionnaire(), resamples=settings.resamples
            )
        elif what == "docx":
            write_annex(specs(job), target, True, lang, questionnaire(), None, settings.resamples)
        else:
            write_report(specs(job), target, None, True, lang, questionnaire(), None, settings.resamples)
    except InputError as exc:
        return None, "; ".join(job.shown(p.message(lang)) for p in exc.report.errors)
    return target, None


def download_name(job: Job, what: str, lang: str) -> str:
    """``lijw-gmina-przykladowa-2025.xlsx``: the JST and year from the result."""
    result = job.outcome.after if job.kind == "compare" else job.outcome
    meta = result.meta
    parts = ["lijw", str(meta.get("jst") or ""), str(meta.get("rok") or "")]
    if what == "docx":
        parts.insert(1, "zalacznik" if lang == "pl" else "annex")
    if job.kind == "compare":
        parts.insert(1, "porownanie" if lang == "pl" else "comparison")
    return slug("-".join(p for p in parts if p)) + f".{what}"


def slug(text: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    plain = plain.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:80] or "lijw"


# -- the batch ---------------------------------------------------------------------------


def start_batch(job: Job, settings: Any, lang: str) -> None:
    """Unpack the zip and run the batch in a thread; the page polls its progress."""
    thread = threading.Thread(target=_batch, args=(job, settings, lang), daemon=True)
    job.thread = thread
    thread.start()


def _batch(job: Job, settings: Any, lang: str) -> None:
    from liwindex.api import InputError, arrange_folder, run_batch, unpack_zip

    try:
        folder = job.folder / "jst"
        folder.mkdir()
        if job.saved.get("zip"):
            saved = job.saved["zip"][0]
            report = unpack_zip(saved.path, folder, saved.name, settings.max_total * 4)
        else:  # a folder of JST folders chosen in the browser
            report = arrange_folder([(s.path, s.folders, s.name) for s in job.saved["folder"]], folder)
        job.problems = list(report.problems)
        if not report.valid:
            return
        out = job.folder / "raporty"
        try:
            # one process: the workers' signal handling belongs to the main thread
            job.outcome = run_batch(
                folder,
                out,
                questionnaire(),
                None,
                True,
                lang,
                settings.resamples,
                jobs=1,
                progress=job.progress,
            )
        except InputError as exc:
            job.problems += exc.report.problems
            return
        job.problems += [*job.outcome.notes, *job.outcome.unassigned]
        with zipfile.ZipFile(job.folder / "raporty.zip", "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(out.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(out).as_posix())
    except Exception as exc:  # a program error is said on the page, not lost in a thread
        from liwindex.api import Problem

        job.problems.append(Problem("app-program-error", value=f"{type(exc).__name__}: {exc}"))
    finally:
        job.finished = True


def batch_file(job: Job, what: str) -> Path | None:
    """The zip of every report, or one file of the batch's output folder by its name (the
    summary page links its JSTs' reports by name); never a path."""
    if what == "raporty.zip":
        path = job.folder / "raporty.zip"
        return path if path.is_file() else None
    out = job.folder / "raporty"
    if not out.is_dir():
        return None
    written = {p.name: p for p in out.iterdir() if p.is_file() and not p.is_symlink()}
    return written.get(what)


# -- Narzędzia ---------------------------------------------------------------------------


def tool(what: str, lang: str, folder: Path) -> Path:
    from liwindex.api import questionnaire_document, write_template, write_text_file, write_xlsform

    target = folder / what
    kind = TOOLS[what]
    if kind == "template":
        return write_template(target, questionnaire(), None, lang, True)
    if kind == "xlsform":
        return write_xlsform(target, questionnaire(), None, True)
    return write_text_file(target, questionnaire_document(questionnaire(), "html", lang), True, [])
