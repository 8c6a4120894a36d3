"""``liwindex app``: the local web app in the browser (the app is imported only here)."""

from __future__ import annotations

import sys

import click

from liwindex.cli.options import LANG

WORDS = {
    "host_warning": {
        "pl": "Uwaga: aplikacja słucha na {host}, więc mogą do niej sięgnąć inne komputery w sieci "
        "(potrzebny jest tylko adres z kluczem). Bez --host działa wyłącznie na tym komputerze.",
        "en": "Warning: the app listens on {host}, so other computers on the network can reach it "
        "(they need only the address with its key). Without --host it serves this computer only.",
    },
    "started": {
        "pl": "Aplikacja LIJW działa. Otwórz w przeglądarce adres (z kluczem dostępu):",
        "en": "The LIJW app is running. Open this address (with its access key) in the browser:",
    },
    "stop": {"pl": "Zatrzymanie: Ctrl+C.", "en": "To stop it: Ctrl+C."},
    "bind_failed": {
        "pl": "Nie można uruchomić serwera na {host}:{port} ({reason}). Wybierz inny port "
        "(--port 0 wybiera wolny).",
        "en": "Cannot start the server on {host}:{port} ({reason}). Choose another port "
        "(--port 0 picks a free one).",
    },
}


@click.command("app")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    metavar="PORT",
    default=0,
    show_default=True,
    help="Port to listen on (0: a free one).",
)
@click.option(
    "--host",
    default=None,
    metavar="ADDRESS",
    help="Listen on this address instead of 127.0.0.1 (other computers can reach it).",
)
@click.option("--no-browser", is_flag=True, help="Print the address instead of opening the browser.")
@click.option(
    "--max-upload-mb",
    type=click.IntRange(1, 10_000),
    metavar="MB",
    default=50,
    show_default=True,
    help="Largest file that can be uploaded, in MB (all files together: four times as much, at least 200).",
)
@LANG
def app_command(port: int, host: str | None, no_browser: bool, max_upload_mb: int, lang: str) -> None:
    """Open the local web app: score, compare and batch files in the browser, on this
    computer only."""
    from liwindex.app.server import serve

    if host is not None and host not in ("127.0.0.1", "localhost"):
        click.echo(WORDS["host_warning"][lang].format(host=host), err=True)
    click.echo(WORDS["started"][lang], err=True)
    try:
        serve(host or "127.0.0.1", port, not no_browser, max_upload_mb, say=lambda url: click.echo(url))
    except OSError as exc:
        click.echo(
            WORDS["bind_failed"][lang].format(
                host=host or "127.0.0.1", port=port, reason=exc.strerror or exc
            ),
            err=True,
        )
        sys.exit(1)
