"""Pages from Jinja2 templates (autoescaped: every string from a file is data), with the
words of :mod:`liwindex.app.words` and :mod:`liwindex.i18n` and the messages of the
catalogue."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from liwindex.app.jobs import Job
from liwindex.app.security import UploadRefused
from liwindex.app.words import w
from liwindex.i18n import fmt, fmt_interval, fmt_signed, t
from liwindex.messages import describe

HERE = Path(__file__).parent


@functools.cache
def environment() -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(fmt=fmt, fmt_signed=fmt_signed, fmt_interval=fmt_interval)
    return env


@functools.cache
def pdf_engine() -> str | None:
    from liwindex.api import pdf_engine as engine

    return engine()


def page(template: str, lang: str, request: Any, **context: Any) -> str:
    """The page ``template`` in ``lang``."""
    settings = request.app.state.settings

    def word(key: str, **params: object) -> str:
        return w(key, lang, **params)

    def term(key: str, **params: object) -> str:
        return t(key, lang, **params)

    return str(
        environment()
        .get_template(template)
        .render(
            lang=lang,
            w=word,
            t=term,
            path=request.url.path,
            max_file=settings.max_file // 1_000_000,
            max_total=settings.max_total // 1_000_000,
            etapy=("wstępna", "powdrożeniowa", "roczna"),
            pdf_engine=pdf_engine,
            pdf_missing=lambda: describe("pdf-unavailable", lang),
            error=context.pop("error", None),
            **context,
        )
    )


def problem_rows(job: Job, lang: str) -> list[dict[str, str]]:
    """The job's problems as the page lists them: severity, place, what is wrong and the
    fix, every stored file name replaced by the uploaded one."""
    from liwindex.text import visible

    rows = []
    for p in job.problems:
        where = job.shown(p.location(lang))
        text = job.shown(visible(describe(p.code, lang, value=p.value, **p.params)))
        rows.append({"severity": str(p.severity), "where": where, "text": text})
    return rows


def upload_error(refused: UploadRefused, lang: str) -> str:
    """The message of a refused upload (the catalogue's, with the file's name)."""
    params = dict(refused.params)
    if "limit" in params:
        params.setdefault("suggest", max(int(params["limit"]) * 2, 100))
    text = describe(refused.code, lang, **params)
    return f"{refused.name}: {text}" if refused.name else text[0].upper() + text[1:]
