"""`liwindex app`, the local web app: its guards (Host, token, Origin, upload caps, the
temporary folder) through starlette's TestClient, its screens end to end in the system's
Chromium (Playwright), and axe-core on every screen at desktop and phone width."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
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


def test_only_the_apps_own_hosts_are_allowed():
    from liwindex.app.security import allowed_hosts

    assert allowed_hosts(8000) == {"127.0.0.1:8000", "localhost:8000"}
    assert "192.168.1.5:8000" in allowed_hosts(8000, "192.168.1.5")
    assert {"127.0.0.1:8000", "localhost:8000"} <= allowed_hosts(8000, "0.0.0.0")
    assert "evil.example:8000" not in allowed_hosts(8000, "0.0.0.0")


def test_zip_member_names_are_made_safe_in_linear_time():
    import time

    from liwindex.api import unpack_zip  # noqa: F401  (the façade lends it to the app)
    from liwindex.workflows.uploads import safe_part

    assert safe_part("..") is None and safe_part("Gmina Zielona (2025)") == "Gmina Zielona (2025)"
    assert safe_part("a;rm -rf$x") == "a_rm -rf_x"
    for hostile in ("(" * 100_000, "é" * 100_000, "\x00" * 50_000, ". " * 50_000):
        start = time.perf_counter()
        safe_part(hostile)
        assert time.perf_counter() - start < 1


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
    annex = client.get(base + "/pobierz/docx")
    assert annex.status_code == 200 and "zalacznik" in annex.headers["content-disposition"]
    import docx

    tables = docx.Document(io.BytesIO(annex.content)).tables
    assert tables[0].rows[1].cells[1].text == f"{expected['index']['value']:.2f}".replace(".", ",")
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
    summary = client.get(str(answer.url) + "/plik/podsumowanie.html")
    assert summary.status_code == 200 and "default-src 'none'" in summary.headers["content-security-policy"]
    for link in re.findall(r'href="([a-z0-9-]+\.(?:html|xlsx))"', summary.text):
        assert client.get(str(answer.url) + "/plik/" + link).status_code == 200, link
    assert client.get(str(answer.url) + "/plik/..%2F..%2Fetc%2Fpasswd").status_code == 404


def test_a_folder_chosen_in_the_browser_runs_the_batch(tmp_path):
    client, app = make_client(tmp_path)
    parts = [
        ("folder", ("jst/Gmina Przykładowa/2024.xlsx", INITIAL.read_bytes(), XLSX)),
        ("folder", ("jst/Gmina Przykładowa/2025.xlsx", POST.read_bytes(), XLSX)),
        ("folder", ("jst/../../poza.xlsx", b"x", XLSX)),
        ("folder", ("jst/notatki.docx", b"x", "application/octet-stream")),
    ]
    answer = client.post("/wiele", files=parts)
    import time

    for _ in range(300):
        status = client.get(str(answer.url) + "/stan")
        if status.status_code == 286:
            break
        time.sleep(0.2)
    assert 'id="batch-done"' in status.text and "poza.xlsx" in status.text
    root = app.state.workspace.root
    assert not [p for p in root.rglob("poza.xlsx")] and not list(tmp_path.glob("poza.xlsx"))


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


# -- in a real browser -------------------------------------------------------------------

SHOTS = Path(os.environ.get("LIWINDEX_APP_SHOTS", "/tmp/app-shots"))


def start_server(tmp: Path, *args: str) -> tuple[subprocess.Popen[str], str]:
    """``liwindex app --no-browser --port 0`` with its temporary folder under ``tmp``;
    the URL is the first line it prints."""
    env = {**os.environ, "TMPDIR": str(tmp), "LIWINDEX_LANG": "pl"}
    server = subprocess.Popen(
        [sys.executable, "-m", "liwindex", "app", "--no-browser", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert server.stdout is not None
    url = server.stdout.readline().strip()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/\?token=[\w-]{20,}", url), url
    return server, url


def stop_server(server: subprocess.Popen[str], sig: int | None = None) -> None:
    if sig is None:
        server.terminate()
    else:
        server.send_signal(sig)
    server.wait(timeout=20)


@pytest.mark.parametrize("sig", ["SIGTERM", "SIGINT"])
def test_app_command_prints_the_url_and_cleans_up_on_sigterm(tmp_path, sig):
    import http.cookiejar
    import signal
    import urllib.request

    server, url = start_server(tmp_path)
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    try:
        with opener.open(url, timeout=10) as answer:
            assert answer.status == 200 and "Ocena" in answer.read().decode()
        assert list(tmp_path.glob("liwindex-app-*"))
    finally:
        stop_server(server, getattr(signal, sig))
    # uvicorn ends on a signal by raising it again once it has shut down (Ctrl+C: exit 1)
    assert server.returncode in (0, 1, -signal.SIGTERM, -signal.SIGINT), (
        server.stderr.read() if server.stderr else ""
    )
    if server.stderr is not None:
        assert "Traceback" not in server.stderr.read()
    assert list(tmp_path.glob("liwindex-app-*")) == []


@pytest.fixture(scope="module")
def chromium() -> Any:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason='playwright is not installed (pip install ".[test]")'
    )
    pytest.importorskip(
        "axe_playwright_python.sync_playwright", reason="axe-playwright-python is not installed"
    )
    binary = next(
        (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None
    )
    if binary is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from test_accessibility import ARGS

    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=binary, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: Any) -> Any:
    tmp = tmp_path_factory.mktemp("app")
    process, url = start_server(tmp)
    yield url
    stop_server(process)
    assert list(tmp.glob("liwindex-app-*")) == []


def check_screen(page: Any, name: str, problems: list[str]) -> None:
    """axe-core's serious and critical WCAG 2.1 AA violations of the open screen, at both
    widths, with a screenshot of each."""
    from axe_playwright_python.sync_playwright import Axe

    from test_accessibility import AXE_OPTIONS, FAILING, VIEWPORTS, describe

    SHOTS.mkdir(parents=True, exist_ok=True)
    for viewport, (width, height) in VIEWPORTS.items():
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=str(SHOTS / f"{name}-{viewport}.png"), full_page=True)
        found = Axe().run(page, options=AXE_OPTIONS).response["violations"]
        problems += [f"{name} {viewport}: {describe(v)}" for v in found if v["impact"] in FAILING]
        wide = page.evaluate("document.documentElement.scrollWidth")
        if wide > width + 1:
            problems.append(f"{name} {viewport}: the page scrolls sideways ({wide} px)")


def compare_json(before: Path, after: Path) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-m", "liwindex", "compare", str(before), str(after), "--json"],
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def test_app_end_to_end_in_chromium(chromium, server, tmp_path):
    from liwindex.i18n import fmt, fmt_signed

    context = chromium.new_context(locale="pl-PL", accept_downloads=True)
    context.route(re.compile(r"^(?!http://127\.0\.0\.1|data:|about:)"), lambda route: route.abort())
    page = context.new_page()
    problems: list[str] = []
    page.goto(server)
    assert page.url.endswith("/ocena")  # the token went into a cookie
    check_screen(page, "ocena", problems)

    # one round: the index the command line gives, then the Excel and HTML reports
    page.set_input_files("#files", str(INITIAL))
    page.click("button[type=submit] >> nth=0")
    page.wait_for_selector("#index-value")
    check_screen(page, "ocena-wynik", problems)
    with page.expect_download() as download:
        page.click("text=Raport Excel")
    excel = tmp_path / "raport.xlsx"
    download.value.save_as(excel)
    import openpyxl

    assert len(openpyxl.load_workbook(excel).sheetnames) > 1
    with page.expect_download() as download:
        page.click("text=Raport do publikacji")
    html = tmp_path / "raport.html"
    download.value.save_as(html)
    assert "Gmina Przykładowa" in html.read_text("utf-8")

    # two rounds: the index and its change as `compare --json` gives them
    page.goto(server.split("?")[0] + "porownanie")
    check_screen(page, "porownanie", problems)
    page.set_input_files("#before", str(INITIAL))
    page.set_input_files("#after", str(POST))
    page.click("text=Porównaj")
    page.wait_for_selector("#change-value", timeout=30_000)
    expected = compare_json(INITIAL, POST)
    assert page.inner_text("#index-value") == fmt(expected["after"]["index"]["value"], "pl")
    assert page.inner_text("#change-value") == fmt_signed(expected["index"]["delta"], "pl")
    check_screen(page, "porownanie-wynik", problems)

    # a hostile workbook: a located message, announced
    bomb = tmp_path / "ankieta z encją.xlsx"
    with zipfile.ZipFile(bomb, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "a">]><x>&a;</x>')
    page.goto(server.split("?")[0] + "ocena")
    page.set_input_files("#files", str(bomb))
    page.click("button[type=submit] >> nth=0")
    alert = page.wait_for_selector("[role=alert]")
    assert alert.is_visible()
    assert "ankieta z encją.xlsx" in page.inner_text(".problems")
    check_screen(page, "ocena-blad", problems)

    # many JSTs: a zip of folders, progress, the summary
    archive = tmp_path / "jst.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(INITIAL, "Gmina Przykładowa/2024.xlsx")
        z.write(POST, "Gmina Przykładowa/2025.xlsx")
    page.goto(server.split("?")[0] + "wiele")
    check_screen(page, "wiele", problems)
    page.set_input_files("#zip", str(archive))
    page.click("text=Policz wszystkie JST")
    page.wait_for_selector("#batch-done", timeout=120_000)
    check_screen(page, "wiele-wynik", problems)

    page.goto(server.split("?")[0] + "narzedzia")
    check_screen(page, "narzedzia", problems)
    page.goto(server.split("?")[0] + "narzedzia?lang=en")
    assert page.inner_text("h1") == "Tools"
    check_screen(page, "tools-en", problems)
    context.close()
    assert problems == [], "\n".join(problems)


def test_pages_forbid_framing_and_foreign_scripts(tmp_path):
    client, _ = make_client(tmp_path)
    page = client.get("/ocena")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert page.headers["x-frame-options"] == "DENY" and page.headers["referrer-policy"] == "same-origin"
    paper = client.get("/narzedzia/kwestionariusz.html")
    assert "default-src 'none'" in paper.headers["content-security-policy"]


def test_a_round_without_metryka_asks_for_it(tmp_path):
    sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
    from synth import rows, write_xlsx

    path = write_xlsx(tmp_path / "odpowiedzi.xlsx", rows(40))
    client, _ = make_client(tmp_path)
    answer = client.post("/ocena", files={"files": (path.name, path.read_bytes(), XLSX)})
    assert 'action="/ocena/' in answer.text and "Nazwa JST" in answer.text
    action = re.search(r'action="(/ocena/[^"]+/metryka)"', answer.text).group(1)
    named = client.post(
        action, data={"jst": "Gmina Zielona", "rok": "2025", "etap": "wstępna", "zaproszonych": "90"}
    )
    assert "Gmina Zielona · 2025 · ocena wstępna" in named.text
    assert "/metryka" not in named.text  # nothing is missing any more
    english = client.get(str(named.url) + "?lang=en")
    assert "Gmina Zielona · 2025 · initial" in english.text or "Gmina Zielona · 2025" in english.text


def test_comparison_screen_takes_the_metryka_of_each_round(tmp_path):
    client, _ = make_client(tmp_path)
    answer = client.post(
        "/porownanie",
        files=[
            ("before", (INITIAL.name, INITIAL.read_bytes(), XLSX)),
            ("after", (POST.name, POST.read_bytes(), XLSX)),
        ],
        data={"before_jst": "Gmina Inna", "after_jst": "Gmina Inna"},
    )
    assert answer.status_code == 200 and 'id="change-value"' in answer.text
    assert "Gmina Inna" in answer.text
    xlsx = client.get(str(answer.url) + "/pobierz/xlsx")
    assert (
        xlsx.status_code == 200
        and "lijw-porownanie-gmina-inna-2025.xlsx" in xlsx.headers["content-disposition"]
    )


def test_app_refuses_foreign_pages_and_big_uploads_in_chromium(chromium, tmp_path):
    """In the browser: no token, a rebinding host name, a form of another page, and an
    upload over the cap (a Polish message, nothing left on disk)."""
    process, url = start_server(tmp_path, "--max-upload-mb", "1")
    base = url.split("/?")[0]
    try:
        context = chromium.new_context(locale="pl-PL")
        page = context.new_page()
        answer = page.goto(base + "/ocena")
        assert answer.status == 403 and "Brak klucza dostępu" in page.inner_text("body")

        page.goto(url)
        big = tmp_path / "duży plik.xlsx"
        big.write_bytes(os.urandom(1_500_000))
        page.set_input_files("#files", str(big))
        page.click("button[type=submit] >> nth=0")
        alert = page.wait_for_selector("[role=alert]")
        assert "duży plik.xlsx: plik jest większy niż 1 MB" in alert.inner_text()
        root = next(tmp_path.glob("liwindex-app-*"))
        assert [p for p in root.rglob("*") if p.is_file()] == []

        # a page of another origin posting to the app, in the browser that holds the cookie
        other = context.new_page()
        other.set_content(f'<form method="post" action="{base}/koniec"><button>x</button></form>')
        with other.expect_navigation():
            other.click("button")
        assert "innej strony" in other.inner_text("body") or "Brak klucza" in other.inner_text("body")
        context.close()
    finally:
        stop_server(process)


def test_a_rebinding_host_name_is_refused_in_chromium(chromium, tmp_path):
    """DNS rebinding: a name of another site that resolves to 127.0.0.1."""
    from test_accessibility import ARGS

    process, url = start_server(tmp_path)
    try:
        browser = chromium.browser_type.launch(
            executable_path=next(
                shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)
            ),
            args=[*ARGS, "--host-resolver-rules=MAP rebind.example 127.0.0.1"],
        )
        page = browser.new_page()
        answer = page.goto(url.replace("127.0.0.1", "rebind.example"))
        assert answer.status == 400 and "Host" in page.inner_text("body")
        browser.close()
    finally:
        stop_server(process)


def test_another_host_only_when_given_and_with_a_warning(tmp_path):
    if sys.platform != "linux":
        pytest.skip("127.0.0.2 is a loopback address on Linux only")
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    server = subprocess.Popen(
        [sys.executable, "-m", "liwindex", "app", "--no-browser", "--host", "127.0.0.2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert server.stdout is not None and server.stderr is not None
        url = server.stdout.readline().strip()
        assert url.startswith("http://127.0.0.2:")
    finally:
        stop_server(server)
    assert "Uwaga: aplikacja słucha na 127.0.0.2" in server.stderr.read()


def test_an_idle_session_ends_with_its_files(tmp_path, monkeypatch):
    from liwindex.app.security import Workspace

    workspace = Workspace(tmp_path)
    old = workspace.session("a" * 20)
    (old.folder / "upload-1.xlsx").write_bytes(b"x")
    monkeypatch.setattr(Workspace, "IDLE", -1)  # every session is now past its time
    workspace.session("b" * 20)
    assert not old.folder.exists() and "a" * 20 not in workspace.sessions
    workspace.cleanup()
    assert not workspace.root.exists()
