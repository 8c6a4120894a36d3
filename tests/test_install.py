"""What an install on another machine relies on: the browser that prints PDFs where no
WeasyPrint is (Edge or Chrome in their Windows install folders). The wheel itself is built,
checked and installed alone by .ci/run (scripts/check_wheel.py)."""

from __future__ import annotations

from pathlib import PureWindowsPath

from liwindex.outputs.pdf import browser


def _nothing_on_path(name: str) -> str | None:
    return None


def test_edge_is_found_in_program_files_on_windows():
    """A Windows 10/11 machine has Edge below Program Files (x86) and nothing on PATH."""
    environ = {"PROGRAMFILES": r"C:\Program Files", "PROGRAMFILES(X86)": r"C:\Program Files (x86)"}
    edge = str(PureWindowsPath(r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe"))
    found = browser("win32", environ, _nothing_on_path, lambda path: path == edge)
    assert found == edge


def test_chrome_installed_for_one_user_is_found_in_local_app_data():
    environ = {"LOCALAPPDATA": r"C:\Users\Anna\AppData\Local"}
    chrome = str(PureWindowsPath(r"C:\Users\Anna\AppData\Local\Google\Chrome\Application\chrome.exe"))
    assert browser("win32", environ, _nothing_on_path, lambda path: path == chrome) == chrome


def test_edge_comes_before_chrome_and_program_files_before_app_data():
    environ = {"PROGRAMFILES": r"C:\PF", "LOCALAPPDATA": r"C:\L"}
    every = browser("win32", environ, _nothing_on_path, lambda path: True)
    assert every == str(PureWindowsPath(r"C:\PF\Microsoft\Edge\Application\msedge.exe"))


def test_a_browser_on_path_wins_over_the_install_folders():
    on_path = {"chromium": None, "google-chrome": "/usr/bin/google-chrome"}
    found = browser("win32", {"PROGRAMFILES": r"C:\PF"}, on_path.get, lambda path: True)
    assert found == "/usr/bin/google-chrome"


def test_msedge_on_path_is_a_browser_too():
    assert browser("linux", {}, {"msedge": "/opt/msedge"}.get, lambda path: False) == "/opt/msedge"


def test_chrome_in_applications_on_a_mac():
    chrome = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"
    assert browser("darwin", {}, _nothing_on_path, lambda path: path == chrome) == chrome


def test_no_browser_anywhere_is_none():
    environ = {"PROGRAMFILES": r"C:\PF", "LOCALAPPDATA": r"C:\L"}
    assert browser("win32", environ, _nothing_on_path, lambda path: False) is None
    assert browser("linux", environ, _nothing_on_path, lambda path: True) is None


def test_empty_windows_folders_are_not_searched_from_the_current_folder():
    """An unset or empty PROGRAMFILES must not make a relative path such as
    'Microsoft\\Edge\\…\\msedge.exe' that a planted file in the current folder would satisfy."""
    seen: list[str] = []
    browser(
        "win32", {"PROGRAMFILES": " ", "LOCALAPPDATA": ""}, _nothing_on_path, lambda p: bool(seen.append(p))
    )
    assert seen == []
