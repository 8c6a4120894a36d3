"""The local web app's server: Starlette over uvicorn on 127.0.0.1, a random token in the
URL, the temporary folder removed when the server stops (SIGINT, SIGTERM, exit) and a
killed server's leftovers removed at the next start."""

from __future__ import annotations

import atexit
import contextlib
import os
import secrets
import socket
import sys
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from liwindex.app.security import Guard, Workspace, allowed_hosts, remove_leftovers

HERE = Path(__file__).parent
MB = 1_000_000


@dataclass
class Settings:
    """What the pages need to know about the server."""

    token: str
    port: int
    max_file: int = 50 * MB
    max_total: int = 200 * MB
    resamples: int = 2000


def create_app(
    token: str,
    port: int,
    host: str | None = None,
    max_upload_mb: int = 50,
    max_total_mb: int | None = None,
    base: str | Path | None = None,
    resamples: int = 2000,
) -> Any:
    """The ASGI app: the pages behind the guard; its workspace is ``app.state.workspace``
    (``base``: where the temporary folder goes, the system's by default)."""
    from starlette.applications import Starlette

    from liwindex.app.views import routes

    remove_leftovers(base)
    workspace = Workspace(base)
    atexit.register(workspace.cleanup)

    @contextlib.asynccontextmanager
    async def lifespan(app: Any) -> AsyncIterator[None]:
        import threading

        from liwindex.app.work import warm_up

        threading.Thread(target=warm_up, daemon=True).start()
        yield
        workspace.cleanup()  # uvicorn's shutdown after SIGINT or SIGTERM

    app = Starlette(routes=routes(), lifespan=lifespan)
    total = max_total_mb if max_total_mb is not None else max(4 * max_upload_mb, 200)
    app.state.settings = Settings(token, port, max_upload_mb * MB, total * MB, resamples)
    app.state.workspace = workspace
    app.state.hosts = allowed_hosts(port, host)
    guarded = Guard(app, token, app.state.hosts)
    guarded.state = app.state  # type: ignore[attr-defined]
    return guarded


def serve(
    host: str = "127.0.0.1",
    port: int = 0,
    open_browser: bool = True,
    max_upload_mb: int = 50,
    say: Callable[[str], None] = print,
) -> None:
    """Bind ``host:port`` (0: a free port), say the URL with its token, open the browser
    unless told not to, and serve until SIGINT or SIGTERM."""
    import uvicorn

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    if os.name == "nt":  # there SO_REUSEADDR would let another program take the port
        sock.setsockopt(socket.SOL_SOCKET, getattr(socket, "SO_EXCLUSIVEADDRUSE", -5), 1)
    else:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    port = sock.getsockname()[1]
    token = secrets.token_urlsafe(24)
    app = create_app(token, port, host, max_upload_mb)
    shown = host if host not in ("0.0.0.0", "::") else "127.0.0.1"
    url = f"http://{shown}:{port}/?token={token}"
    say(url)
    sys.stdout.flush()
    if open_browser:
        import webbrowser

        webbrowser.open(url)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on")
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        app.state.workspace.cleanup()
