"""`liwindex app`, the local web app: its guards (Host, token, Origin, upload caps, the
temporary folder) through starlette's TestClient, its screens end to end in the system's
Chromium (Playwright), and axe-core on every screen at desktop and phone width."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from conftest import INITIAL, POST

starlette_testclient = pytest.importorskip("starlette.testclient", reason="starlette/httpx missing")

TOKEN = "test-token-0123456789"
PORT = 8765
HOST = f"127.0.0.1:{PORT}"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def make_client(tmp_path: Path, **kwargs: Any) -> Any:
    from liwindex.app.server import create_app

    app = create_app(TOKEN, PORT, base=tmp_path, resamples=kwargs.pop("resamples", 100), **kwargs)
    client = starlette_testclient.TestClient(app, base_url=f"http://{HOST}")
    client.cookies.set("liwindex_token", TOKEN)
    return client, app


def files_left(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def test_no_token_is_refused(tmp_path):
    client, _ = make_client(tmp_path)
    client.cookies.clear()
    assert client.get("/ocena").status_code == 403
    assert client.get("/static/app.css").status_code == 403
    assert client.get("/ocena?token=wrong").status_code == 403
    # the token in the address moves into a cookie and out of the address
    answer = client.get(f"/ocena?token={TOKEN}", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/ocena"
    cookie = answer.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert client.get("/ocena").status_code == 200


def test_foreign_host_is_refused(tmp_path):
    client, _ = make_client(tmp_path)
    for host in ("evil.example:8765", "127.0.0.1:9999", "localhost.evil.example", ""):
        assert client.get("/ocena", headers={"host": host}).status_code == 400, host
    assert client.get("/ocena", headers={"host": f"localhost:{PORT}"}).status_code == 200


def test_cross_origin_post_is_refused(tmp_path):
    client, app = make_client(tmp_path)
    upload = {"files": ("a.xlsx", INITIAL.read_bytes(), XLSX)}
    for headers in (
        {"origin": "http://evil.example"},
        {"origin": "null"},
        {"referer": "http://evil.example/x"},
    ):
        answer = client.post("/ocena", files=upload, headers=headers)
        assert answer.status_code == 403, headers
    assert files_left(app.state.workspace.root) == []
    ok = client.post("/ocena", files=upload, headers={"origin": f"http://{HOST}"}, follow_redirects=False)
    assert ok.status_code == 303


def test_upload_over_the_cap_keeps_nothing(tmp_path):
    client, app = make_client(tmp_path, max_upload_mb=1)
    big = b"x" * 1_500_000
    answer = client.post("/ocena", files={"files": ("duży <b>.xlsx", big, XLSX)})
    assert answer.status_code == 413
    assert "jest większy niż 1 MB" in answer.text and "nic z niego nie zapisano" in answer.text
    assert "duży &lt;b&gt;.xlsx" in answer.text  # the name shown as data
    assert files_left(app.state.workspace.root) == []
    # in total: four small files past a 200 MB total are not needed; a lower cap shows it
    (tmp_path / "b").mkdir()
    client2, app2 = make_client(tmp_path / "b", max_upload_mb=1, max_total_mb=1)
    parts = [("files", (f"p{i}.xlsx", b"y" * 400_000, XLSX)) for i in range(3)]
    answer = client2.post("/ocena", files=parts)
    assert answer.status_code == 413 and "razem więcej niż 1 MB" in answer.text
    assert files_left(app2.state.workspace.root) == []


def test_uploaded_names_are_never_paths(tmp_path):
    client, app = make_client(tmp_path)
    answer = client.post("/ocena", files={"files": ("../../etc/<b>x.xlsx", INITIAL.read_bytes(), XLSX)})
    assert answer.status_code == 200
    stored = files_left(app.state.workspace.root)
    assert [p.name for p in stored] == ["upload-1.xlsx"]
    assert "&lt;b&gt;x.xlsx" in answer.text and "<b>x" not in answer.text


def test_temporary_folder_is_removed_on_shutdown_and_leftovers_at_start(tmp_path):
    from liwindex.app.security import PREFIX

    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    leftover = tmp_path / f"{PREFIX}{int(dead.stdout)}-abc"
    (leftover / "session-x").mkdir(parents=True)
    (leftover / "session-x" / "upload-1.xlsx").write_bytes(b"old")
    alive = tmp_path / f"{PREFIX}{os.getpid()}-keep"
    alive.mkdir()
    client, app = make_client(tmp_path)
    assert not leftover.exists() and alive.exists()
    root = app.state.workspace.root
    with client:  # the lifespan: startup, then shutdown on leaving
        client.post("/ocena", files={"files": ("a.xlsx", INITIAL.read_bytes(), XLSX)})
        assert files_left(root)
    assert not root.exists()


def test_ending_the_session_removes_its_files(tmp_path):
    client, app = make_client(tmp_path)
    client.post("/ocena", files={"files": ("a.xlsx", INITIAL.read_bytes(), XLSX)})
    assert files_left(app.state.workspace.root)
    answer = client.post("/koniec")
    assert answer.status_code == 200 and files_left(app.state.workspace.root) == []


def test_score_screen_shows_the_index_and_downloads(tmp_path):
    client, _ = make_client(tmp_path)
    answer = client.post("/ocena", files={"files": (INITIAL.name, INITIAL.read_bytes(), XLSX)})
    assert answer.status_code == 200
    expected = json.loads(
        subprocess.run(
            [sys.executable, "-m", "liwindex", "score", str(INITIAL), "--json"],
            capture_output=True,
            text=True,
        ).stdout
    )
    shown = re.search(r'id="index-value">([^<]+)<', answer.text).group(1)
    assert shown == f"{expected['index']['value']:.2f}".replace(".", ",")
    base = str(answer.url).rstrip("/")
    xlsx = client.get(base + "/pobierz/xlsx")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    import openpyxl

    assert openpyxl.load_workbook(io.BytesIO(xlsx.content)).sheetnames
    html = client.get(base + "/pobierz/html")
    assert html.status_code == 200 and b"<html" in html.content[:500]
    english = client.get(base + "?lang=en")
    assert "LIJW index" in english.text or "Index" in english.text


def test_a_hostile_workbook_gives_a_located_message(tmp_path):
    client, _ = make_client(tmp_path)
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')
    answer = client.post("/ocena", files={"files": ("ankieta.xlsx", bomb.getvalue(), XLSX)})
    assert answer.status_code == 200
    assert 'role="alert"' in answer.text and "ankieta.xlsx" in answer.text
    assert "upload-1" not in answer.text


def test_metryka_typed_by_hand_names_the_round(tmp_path):
    client, _ = make_client(tmp_path)
    answer = client.post(
        "/ocena",
        files={"files": (INITIAL.name, INITIAL.read_bytes(), XLSX)},
        data={"jst": "Gmina <Testowa>", "rok": "2023", "etap": "roczna", "teryt": "1261011"},
    )
    assert "Gmina &lt;Testowa&gt; · 2023 · ocena roczna" in answer.text
    bad = client.post(
        "/ocena", files={"files": (INITIAL.name, INITIAL.read_bytes(), XLSX)}, data={"teryt": "12x"}
    )
    assert "nie jest kodem TERYT" in bad.text


def test_zip_of_folders_runs_the_batch(tmp_path):
    client, _ = make_client(tmp_path)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.write(INITIAL, "Gmina Przykładowa/2024.xlsx")
        z.write(POST, "Gmina Przykładowa/2025.xlsx")
        z.writestr("../evil.xlsx", b"x")
    answer = client.post("/wiele", files={"zip": ("jst.zip", archive.getvalue(), "application/zip")})
    assert answer.status_code == 200
    status_url = str(answer.url) + "/stan"
    import time

    for _ in range(300):
        status = client.get(status_url)
        if status.status_code == 286:
            break
        time.sleep(0.2)
    assert status.status_code == 286, status.text
    assert 'id="batch-done"' in status.text and "evil.xlsx" in status.text
    reports = client.get(str(answer.url) + "/plik/raporty.zip")
    assert reports.status_code == 200
    names = zipfile.ZipFile(io.BytesIO(reports.content)).namelist()
    assert "podsumowanie.html" in names and len(names) > 3


def test_a_zip_bomb_is_refused(tmp_path):
    client, _ = make_client(tmp_path, max_upload_mb=1, max_total_mb=1)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("JST/a.csv", b"0" * 20_000_000)
    answer = client.post("/wiele", files={"zip": ("bomb.zip", archive.getvalue(), "application/zip")})
    import time

    for _ in range(100):
        status = client.get(str(answer.url) + "/stan")
        if status.status_code == 286:
            break
        time.sleep(0.1)
    assert "bomb.zip" in status.text and 'role="alert"' in status.text


def test_tools_give_the_forms(tmp_path):
    client, _ = make_client(tmp_path)
    assert client.get("/narzedzia").status_code == 200
    for name in ("szablon.xlsx", "xlsform.xlsx"):
        answer = client.get(f"/narzedzia/{name}")
        assert answer.status_code == 200 and answer.content[:2] == b"PK", name
    paper = client.get("/narzedzia/kwestionariusz.html")
    assert paper.status_code == 200 and "<html" in paper.text[:300]
