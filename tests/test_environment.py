"""Settings read from the environment (LIWINDEX_*): a value that is not allowed stops the run
with a message naming the variable, its value and the allowed range (exit 1), an unknown
name is a warning, and a memory limit too low for a file says so instead of calling the
file damaged."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest

from conftest import errors, problems, run
from liwindex.io import environment
from liwindex.io.workbook import open_workbook
from liwindex.problems import InputError, Report

DATA = Path(__file__).parent / "data"
ODS = DATA / "ankieta-libreoffice.ods"
XLS = DATA / "ankieta-libreoffice.xls"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("0", "env-out-of-range"),
        ("-1", "env-out-of-range"),
        ("1", "env-out-of-range"),
        ("64", "env-out-of-range"),
        ("255", "env-out-of-range"),
        ("65537", "env-out-of-range"),
        ("99999999999999999999999999", "env-out-of-range"),
        ("abc", "env-not-a-number"),
        ("1e3", "env-not-a-number"),
        ("1.5", "env-not-a-number"),
        ("٤٠٩٦", "env-not-a-number"),  # Arabic-Indic digits: isdigit() but not a setting
    ],
)
def test_a_read_memory_limit_not_allowed_is_named_with_its_range(value, code):
    """LIWINDEX_READ_MEMORY_MB of 0, −1, 1, 64, an absurd number, abc or 1e3: exit 1 naming
    the variable, the value and 256–65536 MB; the .ods is not called damaged, nor changed."""
    before = digest(ODS)
    result = run("validate", ODS, env={"LIWINDEX_READ_MEMORY_MB": value})
    assert errors(result) == [code]
    (found,) = problems(result)
    assert found.params["name"] == "LIWINDEX_READ_MEMORY_MB" and found.value == value
    assert (found.params["low"], found.params["high"]) == (256, 65_536)
    assert "LIWINDEX_READ_MEMORY_MB" in result.stderr and "256" in result.stderr
    assert digest(ODS) == before


@pytest.mark.parametrize("value", ["256", "65536", " 4096 ", ""])
def test_an_allowed_read_memory_limit_reads_the_ods_and_xls(value):
    """256 MB (the floor), the cap, spaces around and an empty value all read both files."""
    for path in (ODS, XLS):
        result = run("validate", path, env={"LIWINDEX_READ_MEMORY_MB": value})
        assert result.exit_code == 0, result.output


def test_the_library_reports_a_bad_setting_without_the_command_line(monkeypatch):
    """Reading an .ods through the library with LIWINDEX_READ_MEMORY_MB=abc: the setting's
    problem, not "damaged .ods"."""
    monkeypatch.setenv("LIWINDEX_READ_MEMORY_MB", "abc")
    report = Report()
    assert open_workbook(ODS, report) is None
    assert [p.code for p in report.errors] == ["env-not-a-number"]
    monkeypatch.setenv("LIWINDEX_MAX_ROWS", "0")
    with pytest.raises(InputError) as caught:
        open_workbook(ODS, Report())
    assert [p.code for p in caught.value.report.errors] == ["env-out-of-range"]


def test_a_limit_too_low_for_the_file_says_so(tmp_path):
    """An .xls that needs more memory than the limit the user set: the message names the
    limit and LIWINDEX_READ_MEMORY_MB, not a damaged file."""
    data = bytearray(XLS.read_bytes())
    at = data.find(b"\x00\x02\x0e\x00")  # BIFF8 DIMENSIONS: a range of 4 billion rows
    data[at + 8 : at + 12] = (0xFFFFFFF0).to_bytes(4, "little")
    data[at + 14 : at + 16] = (0xFF).to_bytes(2, "little")
    path = tmp_path / "wymiary.xls"
    path.write_bytes(bytes(data))
    before = digest(path)
    started = time.monotonic()
    result = run("score", path, env={"LIWINDEX_READ_MEMORY_MB": "300"})
    (found,) = problems(result)
    assert (found.code, found.file, found.params["limit"]) == ("read-memory-too-low", str(path), 300)
    assert "LIWINDEX_READ_MEMORY_MB" in result.stderr and "300 MB" in result.stderr
    assert time.monotonic() - started < 10 and digest(path) == before


@pytest.mark.parametrize(
    ("name", "value", "code"),
    [
        ("LIWINDEX_MAX_ROWS", "abc", "env-not-a-number"),
        ("LIWINDEX_MAX_ROWS", "0", "env-out-of-range"),
        ("LIWINDEX_MAX_COLUMNS", "20000", "env-out-of-range"),
        ("LIWINDEX_MAX_UNCOMPRESSED_MB", "1e3", "env-not-a-number"),
        ("LIWINDEX_PDF_ENGINE", "prince", "env-not-allowed"),
        ("LIWINDEX_LANG", "de", "env-not-allowed"),
        ("LIWINDEX_CACHE_DIR", "pamiec/liwindex", "env-folder-not-absolute"),
        ("SOURCE_DATE_EPOCH", "1e9", "env-not-a-number"),
        ("SOURCE_DATE_EPOCH", "99999999999999", "env-out-of-range"),
    ],
)
def test_every_setting_is_checked_before_a_command_runs(name, value, code):
    """Each LIWINDEX_* setting with a value not allowed: exit 1 (not a usage error, not
    ignored) with the variable's name and value."""
    result = run("validate", ODS, env={name: value})
    assert errors(result) == [code]
    (found,) = problems(result)
    assert (found.params["name"], found.value) == (name, value)
    assert name in result.stderr


def test_an_unknown_setting_is_a_warning_with_the_name_meant():
    """LIWINDEX_MAX_ROWZ: a warning suggesting LIWINDEX_MAX_ROWS; the run goes on."""
    result = run("validate", ODS, env={"LIWINDEX_MAX_ROWZ": "5"})
    assert result.exit_code == 0, result.output
    assert "LIWINDEX_MAX_ROWZ" in result.stderr and "LIWINDEX_MAX_ROWS" in result.stderr


def test_help_works_whatever_the_settings():
    """liwindex --help is not stopped by a setting (it reads none of them)."""
    result = run("--help", env={"LIWINDEX_READ_MEMORY_MB": "abc"})
    assert result.exit_code == 0


def test_huge_values_and_names_are_checked_quickly(monkeypatch):
    """100 kB of digits or of a name: answered in well under a second, the value cut short
    in the message."""
    monkeypatch.setenv("LIWINDEX_MAX_ROWS", "9" * 100_000)
    monkeypatch.setenv("LIWINDEX_" + "X" * 100_000, "1")
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        environment.check()
    assert time.perf_counter() - started < 1
    codes = [p.code for p in caught.value.report.problems]
    assert codes == ["env-out-of-range", "env-unknown"] or codes == ["env-unknown", "env-out-of-range"]
    assert all(len(p.message()) < 2_000 for p in caught.value.report.problems)


def test_every_setting_liwindex_reads_is_known():
    """Every LIWINDEX_* name in the sources is one the environment module checks."""
    import re

    root = Path(__file__).resolve().parent.parent / "src" / "liwindex"
    used = {
        name
        for path in root.rglob("*.py")
        for name in re.findall(r"LIWINDEX_[A-Z_]+[A-Z]", path.read_text("utf-8"))
    }
    assert used - set(environment.SETTINGS) == set()
