"""What keeps the local app to the person who started it: the Host header (against DNS
rebinding), the token in the URL and then in a cookie, the origin of every POST, and
uploads streamed to disk under their own names with size caps.

Threats and guards (docs/architecture.md, "Security guards"):

* another site in the same browser posting to the app: the POST's Origin (or, without
  one, its Referer) must be the app's own, and the token cookie is SameSite=Strict;
* a site whose name resolves to 127.0.0.1 (DNS rebinding): only ``127.0.0.1:PORT``,
  ``localhost:PORT`` (and the ``--host`` given) are accepted as Host;
* another user or program on the machine: every request needs the random token;
* huge uploads: per-file and total caps checked while streaming; over a cap nothing stays;
* hostile names: an uploaded file is stored as ``upload-N.ext``, its name kept for display.
"""

from __future__ import annotations

import hmac
import os
import re
import shutil
import tempfile
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlencode, urlsplit

TOKEN_COOKIE = "liwindex_token"
PREFIX = "liwindex-app-"
# the suffixes an upload may keep (what the readers take, and the zip of the batch)
KEEP_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".txt", ".tsv", ".yaml", ".yml", ".zip")
MAX_FILES = 200
MAX_FIELD_BYTES = 10_000

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class Guard:
    """ASGI middleware: Host, token and Origin checked before the app sees a request."""

    def __init__(self, app: ASGIApp, token: str, hosts: set[str]) -> None:
        self.app, self.token, self.hosts = app, token, hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host", "").lower()
        if host not in self.hosts:
            await _refuse(send, 400, "Nieprawidłowy nagłówek Host. / Invalid Host header.")
            return
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        given = (query.get("token") or [None])[0]
        from_cookie = _cookie(headers.get("cookie", ""), TOKEN_COOKIE)
        if not (_same(given, self.token) or _same(from_cookie, self.token)):
            await _refuse(
                send,
                403,
                "Brak klucza dostępu: otwórz adres, który wypisała aplikacja (z ?token=…). / "
                "No access token: open the address the app printed (with ?token=…).",
            )
            return
        if _same(given, self.token) and scope["method"] in ("GET", "HEAD"):
            # the token moves into a cookie, and out of the address bar and the history
            rest = urlencode([(k, v) for k, vs in query.items() if k != "token" for v in vs])
            await _redirect(send, scope["path"] + (f"?{rest}" if rest else ""), self.token)
            return
        if scope["method"] not in ("GET", "HEAD") and not self._same_origin(headers, host):
            await _refuse(
                send,
                403,
                "Formularz wysłano z innej strony, więc go odrzucono. / "
                "The form was sent from another site, so it was refused.",
            )
            return
        await self.app(scope, receive, _with_headers(send))

    def _same_origin(self, headers: dict[str, str], host: str) -> bool:
        """The request comes from the app's own pages: its Origin is ours; without an Origin
        (some older browsers), a Referer, when given, must be ours."""
        own = f"http://{host}"
        origin = headers.get("origin")
        if origin is not None:
            return origin.lower() == own
        referer = headers.get("referer")
        if referer is not None:
            parts = urlsplit(referer)
            return f"{parts.scheme}://{parts.netloc}".lower() == own
        return True


# the app's pages load only their own script and style; nothing may frame them
APP_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
# a report page shown by the app (its own inline style and SVG charts, no script)
REPORT_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'none'"
)


def _with_headers(send: Send) -> Send:
    """``send`` adding the headers every answer carries: a content security policy (the
    app's, unless the answer set its own), no sniffing, no framing, no referrer to other
    sites (``no-referrer`` would make the browser send ``Origin: null`` with the app's own
    forms)."""

    async def sending(message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            names = {k.lower() for k, _ in headers}
            if b"content-security-policy" not in names:
                headers.append((b"content-security-policy", APP_POLICY.encode()))
            headers += [
                (b"x-content-type-options", b"nosniff"),
                (b"x-frame-options", b"DENY"),
                (b"referrer-policy", b"same-origin"),
                (b"cache-control", b"no-store"),
            ]
            message["headers"] = headers
        await send(message)

    return sending


def _same(given: str | None, token: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), token.encode())


def _cookie(header: str, name: str) -> str | None:
    try:
        jar = SimpleCookie(header)
    except Exception:  # a malformed Cookie header is no token
        return None
    morsel = jar.get(name)
    return morsel.value if morsel is not None else None


async def _refuse(send: Send, status: int, text: str) -> None:
    body = text.encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def _redirect(send: Send, location: str, token: str) -> None:
    cookie = f"{TOKEN_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"
    await send(
        {
            "type": "http.response.start",
            "status": 303,
            "headers": [
                (b"location", quote(location, safe="/?=&%").encode("latin-1")),
                (b"set-cookie", cookie.encode("latin-1")),
                (b"content-length", b"0"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": b""})


def allowed_hosts(port: int, host: str | None = None) -> set[str]:
    """The Host headers of the app's own address: ``127.0.0.1`` and ``localhost``, the
    ``--host`` given, and for a wildcard (``0.0.0.0``) this computer's name and addresses."""
    import socket

    names = {"127.0.0.1", "localhost"}
    if host in ("0.0.0.0", "::"):
        try:
            name = socket.gethostname()
            names |= {name.lower(), *socket.gethostbyname_ex(name)[2]}
        except OSError:  # a machine without a resolvable name: the loopback names only
            pass
    elif host:
        names.add(host.lower())
    return {f"[{n}]:{port}" if ":" in n else f"{n}:{port}" for n in names}


# -- the temporary folders ---------------------------------------------------------------


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill(pid, 0) would send CTRL_C_EVENT there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


_LEFTOVER = re.compile(rf"^{PREFIX}(\d+)-")
DAY = 24 * 3600


def remove_leftovers(base: str | Path | None = None) -> list[Path]:
    """Remove the folders of app servers that were killed (their process is gone; on
    Windows, older than a day) and return them."""
    base = Path(base or tempfile.gettempdir())
    removed = []
    for folder in base.glob(f"{PREFIX}*"):
        match = _LEFTOVER.match(folder.name)
        if match is None or not folder.is_dir() or folder.is_symlink():
            continue
        pid = int(match.group(1))
        stale = os.name == "nt" and time.time() - folder.stat().st_mtime > DAY
        if not _alive(pid) or stale:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


@dataclass
class Session:
    """One browser's uploads: a folder of its own, removed when the session ends."""

    id: str
    folder: Path
    jobs: dict[str, Any] = field(default_factory=dict)
    seen: float = field(default_factory=time.monotonic)


class Workspace:
    """The server's temporary folder (``liwindex-app-PID-*``) and its sessions' folders."""

    IDLE = 4 * 3600  # a session unused this long ends

    def __init__(self, base: str | Path | None = None) -> None:
        self.root = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=base))
        self.sessions: dict[str, Session] = {}
        self._count = 0

    def session(self, sid: str) -> Session:
        self.sweep()
        found = self.sessions.get(sid)
        if found is None:
            folder = Path(tempfile.mkdtemp(prefix="session-", dir=self.root))
            found = self.sessions[sid] = Session(sid, folder)
        found.seen = time.monotonic()
        return found

    def new_folder(self, session: Session) -> Path:
        self._count += 1
        folder = session.folder / f"job-{self._count}"
        folder.mkdir()
        return folder

    def end(self, sid: str) -> None:
        found = self.sessions.pop(sid, None)
        if found is not None:
            shutil.rmtree(found.folder, ignore_errors=True)

    def sweep(self) -> None:
        now = time.monotonic()
        for sid, found in list(self.sessions.items()):
            if now - found.seen > self.IDLE:
                self.end(sid)

    def cleanup(self) -> None:
        """Remove everything (the server stops)."""
        self.sessions.clear()
        shutil.rmtree(self.root, ignore_errors=True)


# -- uploads -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Saved:
    """An uploaded file: where it is stored and the name it came with (display only)."""

    path: Path
    name: str
    size: int
    # the folders above it when a whole folder was chosen (webkitdirectory), as given:
    # made safe only where a batch rebuilds the tree (workflows/uploads.safe_part)
    folders: tuple[str, ...] = ()


class UploadRefused(Exception):
    """An upload over a cap or broken; ``code`` and ``params`` make its message."""

    def __init__(self, code: str, name: str | None = None, **params: Any) -> None:
        super().__init__(code)
        self.code, self.name, self.params = code, name, params


@dataclass
class Upload:
    files: dict[str, list[Saved]] = field(default_factory=dict)
    fields: dict[str, str] = field(default_factory=dict)


def display_name(raw: str) -> str:
    """The uploaded name as shown: its last part, without control characters, bounded."""
    from liwindex.text import visible

    name = raw.replace("\\", "/").rsplit("/", 1)[-1]
    return visible(name)[:200] or "?"


def stored_suffix(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return suffix if suffix in KEEP_SUFFIXES else ""


async def receive_upload(
    receive_stream: Any, content_type: str, folder: Path, max_file: int, max_total: int
) -> Upload:
    """Parse a multipart form while it streams in, every file written straight to
    ``folder`` as ``upload-N.ext``; a file past ``max_file`` bytes or all past
    ``max_total`` raise :class:`UploadRefused` with nothing of the upload left."""
    from python_multipart.multipart import MultipartParser, parse_options_header

    kind, params = parse_options_header(content_type)
    boundary = params.get(b"boundary")
    if kind != b"multipart/form-data" or not boundary:
        raise UploadRefused("upload-bad-form")
    upload = Upload()
    state: dict[str, Any] = {"header": b"", "value": b"", "headers": {}, "out": None, "total": 0}

    def on_part_begin() -> None:
        state["headers"] = {}

    def on_header_field(data: bytes, start: int, end: int) -> None:
        state["header"] += data[start:end]

    def on_header_value(data: bytes, start: int, end: int) -> None:
        state["value"] += data[start:end]

    def on_header_end() -> None:
        state["headers"][state["header"].lower()] = state["value"]
        state["header"], state["value"] = b"", b""

    def on_headers_finished() -> None:
        _, disposition = parse_options_header(state["headers"].get(b"content-disposition", b""))
        name = disposition.get(b"name", b"").decode("utf-8", "replace")
        state["name"], state["size"] = name, 0
        filename = disposition.get(b"filename")
        if filename is None:
            state["out"], state["text"] = None, b""
            return
        raw = filename.decode("utf-8", "replace")
        shown = display_name(raw)
        state["folders"] = tuple(p for p in raw.replace("\\", "/").split("/")[:-1])[:8]
        if not filename:  # an empty file input
            state["out"], state["text"] = None, None
            return
        count = sum(len(v) for v in upload.files.values()) + 1
        if count > MAX_FILES:
            raise UploadRefused("upload-too-many-files", limit=MAX_FILES)
        path = folder / f"upload-{count}{stored_suffix(shown)}"
        state["out"], state["shown"], state["path"] = path.open("xb"), shown, path

    def on_part_data(data: bytes, start: int, end: int) -> None:
        size = end - start
        state["size"] += size
        if state["out"] is not None:
            state["total"] += size
            if state["size"] > max_file:
                raise UploadRefused("upload-file-too-large", state["shown"], limit=max_file // 1_000_000)
            if state["total"] > max_total:
                raise UploadRefused("upload-total-too-large", None, limit=max_total // 1_000_000)
            state["out"].write(data[start:end])
        elif state.get("text") is not None:
            state["total"] += size
            if state["size"] > MAX_FIELD_BYTES or state["total"] > max_total:
                raise UploadRefused("upload-bad-form")
            state["text"] += data[start:end]

    def on_part_end() -> None:
        out = state.pop("out", None)
        if out is not None:
            out.close()
            upload.files.setdefault(state["name"], []).append(
                Saved(state["path"], state["shown"], state["size"], state["folders"])
            )
        elif state.get("text") is not None:
            upload.fields[state["name"]] = state["text"].decode("utf-8", "replace")
        state["text"] = None

    parser = MultipartParser(
        boundary,
        {
            "on_part_begin": on_part_begin,
            "on_part_data": on_part_data,
            "on_part_end": on_part_end,
            "on_header_field": on_header_field,
            "on_header_value": on_header_value,
            "on_header_end": on_header_end,
            "on_headers_finished": on_headers_finished,
        },
    )
    try:
        async for chunk in receive_stream:
            parser.write(chunk)
        parser.finalize()
    except UploadRefused:
        _close(state)
        raise
    except Exception as exc:  # a malformed body is the user's interrupted upload
        _close(state)
        raise UploadRefused("upload-bad-form") from exc
    return upload


def _close(state: dict[str, Any]) -> None:
    out = state.get("out")
    if out is not None:
        out.close()
