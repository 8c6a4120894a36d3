"""The app's pages: Ocena (one round), Porównanie (two rounds), Wiele JST (the batch) and
Narzędzia (forms), thin over :mod:`liwindex.api` like the command line."""

from __future__ import annotations

import re
import secrets
import shutil
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from liwindex.app.jobs import Job
from liwindex.app.pages import page, problem_rows, upload_error
from liwindex.app.security import REPORT_POLICY, Session, UploadRefused, receive_upload
from liwindex.app.words import w

HERE = Path(__file__).parent
SESSION_COOKIE = "liwindex_session"
LANG_COOKIE = "liwindex_lang"
MAX_JOBS = 20


def lang_of(request: Request) -> str:
    lang = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE) or "pl"
    return lang if lang in ("pl", "en") else "pl"


def session_of(request: Request) -> tuple[Session, bool]:
    """The browser's session (a new one when it has none yet) and whether it is new."""
    known = getattr(request.state, "session", None)
    if known is not None:
        return known, False
    sid = request.cookies.get(SESSION_COOKIE)
    fresh = not sid or not re.fullmatch(r"[A-Za-z0-9_-]{16,64}", sid)
    if fresh:
        sid = secrets.token_urlsafe(18)
    request.state.session = request.app.state.workspace.session(sid)
    return request.state.session, fresh


def finish(request: Request, response: Response, session: Session | None = None) -> Response:
    """Set the session and language cookies on ``response``."""
    session = session or getattr(request.state, "session", None)
    if session is not None and request.cookies.get(SESSION_COOKIE) != session.id:
        response.set_cookie(SESSION_COOKIE, session.id, httponly=True, samesite="strict")
    if "lang" in request.query_params:
        response.set_cookie(LANG_COOKIE, lang_of(request), httponly=True, samesite="strict")
    return response


def render(request: Request, template: str, status: int = 200, **context: Any) -> Response:
    session, _ = session_of(request)
    html = page(template, lang_of(request), request, **context)
    return finish(request, HTMLResponse(html, status), session)


async def drain(request: Request, limit: int) -> None:
    """Read what is left of a refused upload (the browser shows the answer only once it
    has sent its body), keeping nothing, up to ``limit`` bytes."""
    seen = 0
    try:
        async for chunk in request.stream():
            seen += len(chunk)
            if seen > limit:
                break
    except Exception:  # the body was already read, or the client went away
        pass


async def take_upload(request: Request, kind: str) -> Job | Response:
    """Stream the form's files into a new job folder; over a cap or broken: the page
    ``kind`` again with the message, and nothing kept."""
    session, _ = session_of(request)
    settings = request.app.state.settings
    folder = request.app.state.workspace.new_folder(session)
    job = Job(secrets.token_urlsafe(9), kind, folder)
    try:
        upload = await receive_upload(
            request.stream(),
            request.headers.get("content-type", ""),
            folder,
            settings.max_file,
            settings.max_total,
        )
    except UploadRefused as refused:
        shutil.rmtree(folder, ignore_errors=True)
        await drain(request, 4 * settings.max_total)
        status = 400 if refused.code == "upload-bad-form" else 413
        return render(request, f"{kind}.html", status, error=upload_error(refused, lang_of(request)))
    job.saved, job.fields = upload.files, upload.fields
    session.jobs[job.id] = job
    while len(session.jobs) > MAX_JOBS:  # the oldest results of a long session go
        oldest = session.jobs.pop(next(iter(session.jobs)))
        shutil.rmtree(oldest.folder, ignore_errors=True)
    return job


def job_of(request: Request, kind: str) -> Job | None:
    session, _ = session_of(request)
    job = session.jobs.get(request.path_params["job"])
    return job if job is not None and job.kind == kind else None


def gone(request: Request) -> Response:
    return render(request, "gone.html", 404)


# -- the screens -------------------------------------------------------------------------


async def home(request: Request) -> Response:
    return finish(request, RedirectResponse("/ocena", 303))


async def score_form(request: Request) -> Response:
    return render(request, "score.html")


async def score_post(request: Request) -> Response:
    from liwindex.app import work

    job = await take_upload(request, "score")
    if isinstance(job, Response):
        return job
    if not job.saved.get("files"):
        return render(
            request, "score.html", 400, error=upload_error(UploadRefused("upload-no-files"), lang_of(request))
        )
    await run_in_threadpool(work.score, job, request.app.state.settings)
    return finish(request, RedirectResponse(f"/ocena/{job.id}", 303))


async def score_result(request: Request) -> Response:
    job = job_of(request, "score")
    if job is None:
        return gone(request)
    lang = lang_of(request)
    meta = job.outcome.meta if job.outcome is not None else {}
    missing = [w(k, lang) for k in ("jst", "rok", "etap") if not meta.get(k)]
    return render(request, "score_result.html", job=job, problems=problem_rows(job, lang), missing=missing)


async def score_meta(request: Request) -> Response:
    from liwindex.app import work

    job = job_of(request, "score")
    if job is None:
        return gone(request)
    form = await request.form(max_files=0, max_fields=20, max_part_size=10_000)
    job.fields.update({k: str(v) for k, v in form.items() if k in work.META_FIELDS})
    await run_in_threadpool(work.score, job, request.app.state.settings)
    return finish(request, RedirectResponse(f"/ocena/{job.id}", 303))


async def compare_form(request: Request) -> Response:
    return render(request, "compare.html")


async def compare_post(request: Request) -> Response:
    from liwindex.app import work

    job = await take_upload(request, "compare")
    if isinstance(job, Response):
        return job
    if not job.saved.get("before") or not job.saved.get("after"):
        return render(
            request,
            "compare.html",
            400,
            error=upload_error(UploadRefused("upload-no-files"), lang_of(request)),
        )
    await run_in_threadpool(work.compare, job, request.app.state.settings)
    return finish(request, RedirectResponse(f"/porownanie/{job.id}", 303))


async def compare_result(request: Request) -> Response:
    job = job_of(request, "compare")
    if job is None:
        return gone(request)
    lang = lang_of(request)
    extra: dict[str, Any] = {}
    c = job.outcome
    if c is not None:
        from liwindex.api import headline, jst_of, round_label

        gains, drops = c.largest()
        extra = {
            "headline": headline([c.before, c.after], c, lang),
            "jst": jst_of([c.before, c.after]),
            "before_label": round_label(c.before, lang),
            "after_label": round_label(c.after, lang),
            "largest": [("gains", gains), ("drops", drops)],
        }
    return render(request, "compare_result.html", job=job, problems=problem_rows(job, lang), **extra)


async def download(request: Request) -> Response:
    from liwindex.app import work

    kind = {"ocena": "score", "porownanie": "compare"}.get(request.path_params["screen"], "")
    job = job_of(request, kind)
    what = request.path_params["what"]
    if job is None or job.outcome is None or what not in ("xlsx", "html", "pdf", "docx"):
        return gone(request)
    lang = lang_of(request)
    path, error = await run_in_threadpool(work.report_file, job, what, lang, request.app.state.settings)
    if path is None:
        return render(request, "problem.html", 422, error=error)
    return file_answer(path, work.download_name(job, what, lang))


async def batch_form(request: Request) -> Response:
    return render(request, "batch.html")


async def batch_post(request: Request) -> Response:
    from liwindex.app import work

    job = await take_upload(request, "batch")
    if isinstance(job, Response):
        return job
    if not job.saved.get("zip") and not job.saved.get("folder"):
        return render(
            request, "batch.html", 400, error=upload_error(UploadRefused("upload-no-files"), lang_of(request))
        )
    work.start_batch(job, request.app.state.settings, lang_of(request))
    return finish(request, RedirectResponse(f"/wiele/{job.id}", 303))


async def batch_result(request: Request) -> Response:
    job = job_of(request, "batch")
    if job is None:
        return gone(request)
    return render(request, "batch_result.html", job=job, problems=problem_rows(job, lang_of(request)))


async def batch_status(request: Request) -> Response:
    job = job_of(request, "batch")
    if job is None:
        return gone(request)
    html = page(
        "batch_status.html", lang_of(request), request, job=job, problems=problem_rows(job, lang_of(request))
    )
    # htmx stops polling when the answer says the job is done (status 286)
    return HTMLResponse(html, 286 if job.finished else 200)


async def batch_file(request: Request) -> Response:
    from liwindex.app import work

    job = job_of(request, "batch")
    if job is None or not job.finished:
        return gone(request)
    path = work.batch_file(job, request.path_params["what"])
    if path is None:
        return gone(request)
    return file_answer(path)


def file_answer(path: Path, filename: str | None = None) -> Response:
    """A report file: an HTML page shown under the report policy, the rest downloaded."""
    headers = {"content-security-policy": REPORT_POLICY}
    if path.suffix == ".html" and filename is None:
        return FileResponse(path, media_type="text/html; charset=utf-8", headers=headers)
    return FileResponse(path, filename=filename or path.name, headers=headers)


async def tools(request: Request) -> Response:
    return render(request, "tools.html")


async def tool_file(request: Request) -> Response:
    from liwindex.app import work

    what = request.path_params["what"]
    if what not in work.TOOLS:
        return gone(request)
    session, _ = session_of(request)
    folder = request.app.state.workspace.new_folder(session)
    return file_answer(await run_in_threadpool(work.tool, what, lang_of(request), folder))


async def end(request: Request) -> Response:
    sid = request.cookies.get(SESSION_COOKIE)
    if sid:
        request.app.state.workspace.end(sid)
    response = render(request, "ended.html")
    response.delete_cookie(SESSION_COOKIE)
    return response


def routes() -> list[Any]:
    return [
        Route("/", home),
        Route("/favicon.ico", lambda request: Response(status_code=204)),
        Route("/ocena", score_form),
        Route("/ocena", score_post, methods=["POST"]),
        Route("/ocena/{job}", score_result),
        Route("/ocena/{job}/metryka", score_meta, methods=["POST"]),
        Route("/porownanie", compare_form),
        Route("/porownanie", compare_post, methods=["POST"]),
        Route("/porownanie/{job}", compare_result),
        Route("/{screen:str}/{job}/pobierz/{what}", download),
        Route("/wiele", batch_form),
        Route("/wiele", batch_post, methods=["POST"]),
        Route("/wiele/{job}", batch_result),
        Route("/wiele/{job}/stan", batch_status),
        Route("/wiele/{job}/plik/{what}", batch_file),
        Route("/narzedzia", tools),
        Route("/narzedzia/{what}", tool_file),
        Route("/koniec", end, methods=["POST"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
