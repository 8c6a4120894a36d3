"""The questionnaire cache: a validated questionnaire is read back instead of rebuilt, a
changed text or a changed model makes a new entry, an entry is used only for the text,
versions and format it was made for, and nothing odd in the cache folder is ever trusted,
lets a run fail or is left behind."""

from __future__ import annotations

import json
import logging
import os
import shutil
import stat
import time

import pytest

from conftest import TINY, run, write_workbook
from liwindex.io import cache
from liwindex.model.loading import _SOURCES, _versions, parse_questionnaire, standard_questionnaire_text
from liwindex.model.questionnaire import Questionnaire

OTHER = TINY.replace("Mały kwestionariusz", "Inny kwestionariusz")


@pytest.fixture
def folder(tmp_path, monkeypatch):
    where = tmp_path / "cache"
    monkeypatch.setenv("LIWINDEX_CACHE_DIR", str(where))
    return where


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A HOME of its own and the cache in its default place."""
    where = tmp_path / "home"
    where.mkdir()
    monkeypatch.setenv("HOME", str(where))
    monkeypatch.delenv("LIWINDEX_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    return where


def entry_of(text: str) -> cache.Entry:
    return cache.key("questionnaire", text, _versions(), _SOURCES)


def test_a_validated_questionnaire_is_read_back_from_the_cache(folder):
    first = parse_questionnaire(TINY, "tiny.yaml")
    entries = list(folder.iterdir())
    assert len(entries) == 1 and entries[0].name.startswith("questionnaire-")
    assert entries[0].suffix == ".json" and stat.S_IMODE(entries[0].stat().st_mode) == 0o600
    data = json.loads(entries[0].read_text("utf-8"))
    assert (data["format"], data["key"]) == (cache.FORMAT, entry_of(TINY).key)
    second = parse_questionnaire(TINY, "tiny.yaml")
    assert second is not first and second == first  # validated again, equal field by field
    assert second.tables.question_ids == first.tables.question_ids
    # the standard one gets its own entry; a changed text another one again
    parse_questionnaire(standard_questionnaire_text(), "std.yaml")
    parse_questionnaire(OTHER, "tiny.yaml")
    assert len(list(folder.iterdir())) == 3


def test_the_standard_questionnaire_comes_back_equal(folder):
    """The JSON round trip keeps the whole standard questionnaire, tables included."""
    first = parse_questionnaire(standard_questionnaire_text(), "std.yaml")
    second = parse_questionnaire(standard_questionnaire_text(), "std.yaml")
    assert second is not first and second == first
    assert second.to_dict() == first.to_dict()
    assert second.tables.question_ids == first.tables.question_ids


def test_the_key_follows_the_text_and_the_code(tmp_path):
    """A changed text, a changed version or a changed source file makes a new key."""
    source = tmp_path / "models.py"
    source.write_text("one version of the models")
    plain = cache.key("questionnaire", TINY, ["1.0"], [source])
    assert plain == cache.key("questionnaire", TINY, ["1.0"], [source])
    assert plain != cache.key("questionnaire", TINY + " ", ["1.0"], [source])
    assert plain != cache.key("questionnaire", TINY, ["1.1"], [source])
    source.write_text("another version of the models")
    assert cache.key("questionnaire", TINY, ["1.0"], [source]) != plain


def test_an_entry_planted_under_another_questionnaires_name_is_not_used(folder, caplog):
    """The entry of one questionnaire copied onto the name of another's: the other is
    rebuilt from its own text (a wrong index otherwise), with a debug note."""
    parse_questionnaire(TINY, "tiny.yaml")
    [planted] = folder.iterdir()
    shutil.copy(planted, folder / entry_of(OTHER).name)
    with caplog.at_level(logging.DEBUG, logger="liwindex.cache"):
        got = parse_questionnaire(OTHER, "inny.yaml")
    assert got.title.pl == "Inny kwestionariusz"
    assert "made for another text" in caplog.text
    entry = json.loads((folder / entry_of(OTHER).name).read_text("utf-8"))
    assert entry["key"] == entry_of(OTHER).key  # replaced by the right one


def test_an_entry_of_another_format_or_version_is_not_used(folder):
    """Same name, but the entry says another format or key: rebuilt."""
    good = parse_questionnaire(TINY, "tiny.yaml")
    [path] = folder.iterdir()
    for change in ({"format": 1}, {"key": "0" * 64}, {"text_sha256": "0" * 64}):
        data = json.loads(path.read_text("utf-8"))
        data.update(change)
        data["value"]["title"]["pl"] = "Podrzucony"
        path.write_text(json.dumps(data), "utf-8")
        assert parse_questionnaire(TINY, "tiny.yaml") == good


DAMAGED = [
    b"",
    b"not json",
    b"\xff\xfe\x00garbage",
    b"[]",
    b"{}",
    b'{"format": 2}',
    b"[" * 100_000,
    b'{"format": 2, "key": 1e999}',
]


@pytest.mark.parametrize("damage", [*DAMAGED, "truncated", "invalid value"])
def test_a_damaged_entry_is_ignored_and_rebuilt(folder, damage, caplog):
    """Whatever the entry holds, the questionnaire is rebuilt (a debug note), the entry
    stored again, and a command using it succeeds (no program error)."""
    good = parse_questionnaire(TINY, "tiny.yaml")
    [path] = folder.iterdir()
    text = path.read_bytes()
    if damage == "truncated":
        damage = text[: len(text) // 2]
    elif damage == "invalid value":
        data = json.loads(text)
        data["value"]["id"] = "!! not an id"
        data["value"]["groups"] = "nonsense"
        damage = json.dumps(data).encode()
    assert isinstance(damage, bytes)
    path.write_bytes(damage)
    with caplog.at_level(logging.DEBUG, logger="liwindex.cache"):
        assert parse_questionnaire(TINY, "tiny.yaml") == good
    assert "ignored and rebuilt" in caplog.text
    assert json.loads(path.read_text("utf-8"))["key"] == entry_of(TINY).key
    path.write_bytes(damage)
    yaml = folder.parent / "tiny.yaml"
    yaml.write_text(TINY, "utf-8")
    result = run("--debug", "questionnaire", "check", yaml)
    assert result.exit_code == 0, result.output
    assert "Błąd programu" not in result.output
    assert f"liwindex: cache entry {path} ignored and rebuilt" in result.stderr
    path.write_bytes(damage)
    quiet = run("questionnaire", "check", yaml)
    assert quiet.exit_code == 0 and "liwindex: cache" not in quiet.stderr


def test_a_foreign_entry_is_not_trusted(folder):
    """A folder others may write to: its entries are never read."""
    good = parse_questionnaire(TINY, "tiny.yaml")
    os.chmod(folder, 0o777)
    try:
        assert cache.load(entry_of(TINY), Questionnaire) is None
        assert parse_questionnaire(TINY, "tiny.yaml") == good
    finally:
        os.chmod(folder, 0o700)


def test_an_invalid_questionnaire_is_not_cached(folder):
    from liwindex.problems import InputError

    with pytest.raises(InputError):
        parse_questionnaire(TINY.replace("grade_step: 0.5", "grade_step: -1"), "bad.yaml")
    assert not folder.exists() or not list(folder.iterdir())


@pytest.mark.parametrize("value", ["off", "", "0", " OFF "])
def test_the_cache_can_be_turned_off(tmp_path, monkeypatch, value):
    monkeypatch.setenv("LIWINDEX_CACHE_DIR", value)
    monkeypatch.chdir(tmp_path)
    assert cache.directory() is None
    parse_questionnaire(TINY, "tiny.yaml")
    assert not list(tmp_path.iterdir())


def test_an_unwritable_cache_does_not_stop_a_run(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("LIWINDEX_CACHE_DIR", str(blocker / "cache"))  # under a file
    assert parse_questionnaire(TINY, "tiny.yaml").id == "tiny"


def test_the_default_cache_lives_in_home(home):
    """~/.cache/liwindex, made private to the user."""
    parse_questionnaire(TINY, "tiny.yaml")
    where = home / ".cache" / "liwindex"
    assert len(list(where.iterdir())) == 1
    assert stat.S_IMODE(where.stat().st_mode) == 0o700


def test_root_with_a_users_home_leaves_no_cache_there(home, monkeypatch):
    """Run as another user than HOME's owner (root with a user's HOME): no ~/.cache is
    created nor read, and the questionnaire is still built."""
    other = home.stat().st_uid + 1
    monkeypatch.setattr(os, "geteuid", lambda: other)
    assert cache.directory() is None
    assert parse_questionnaire(TINY, "tiny.yaml").id == "tiny"
    assert list(home.iterdir()) == []


def test_a_cache_folder_inside_another_users_folder_is_not_created(tmp_path, monkeypatch):
    """LIWINDEX_CACHE_DIR in a folder that belongs to someone else: nothing is created."""
    owner = tmp_path / "cudzy"
    owner.mkdir(mode=0o755)
    monkeypatch.setenv("LIWINDEX_CACHE_DIR", str(owner / "a" / "cache"))
    other = owner.stat().st_uid + 1
    monkeypatch.setattr(os, "geteuid", lambda: other)
    assert parse_questionnaire(TINY, "tiny.yaml").id == "tiny"
    assert list(owner.iterdir()) == []


def test_a_tilde_in_the_cache_setting_is_the_home_folder(home, tmp_path, monkeypatch):
    """LIWINDEX_CACHE_DIR='~/pamiec' is HOME/pamiec, not a folder named '~'."""
    work = tmp_path / "praca"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("LIWINDEX_CACHE_DIR", "~/pamiec")
    parse_questionnaire(TINY, "tiny.yaml")
    assert len(list((home / "pamiec").iterdir())) == 1
    assert list(work.iterdir()) == []


def test_leftovers_of_killed_runs_are_removed(folder):
    """A temporary file older than an hour (a run killed while storing) and entries of the
    old pickle format are removed when an entry is stored; a fresh temporary file (another
    run storing now) stays."""
    folder.mkdir(mode=0o700)
    old = time.time() - 2 * cache.STALE_AFTER
    stale = [folder / ".tmp-abc.json", folder / ".tmp-def.pickle", folder / "questionnaire-0123.pickle"]
    for path in stale:
        path.write_bytes(b"x")
        os.utime(path, (old, old))
    fresh = folder / ".tmp-now.json"
    fresh.write_bytes(b"x")
    parse_questionnaire(TINY, "tiny.yaml")
    assert sorted(p.name for p in folder.iterdir()) == sorted([fresh.name, entry_of(TINY).name])


def test_a_planted_entry_does_not_change_the_index(folder, tmp_path):
    """End to end: score with a questionnaire whose entry was replaced by that of one with
    the reverse item scored straight gives the same index as without any cache."""
    straight = TINY.replace("reverse: true", "reverse: false")
    rows = [["grupa", "q1", "q2", "q3", "q4", "q5", "q6", "q7"]]
    rows += [["ngo", "4", "3", "5", "2", "4", "1", "5"], ["jst", "5", "4", "", "3", "4", "2", "10"]] * 3
    src = write_workbook(tmp_path / "dane.xlsx", {"Odp": rows})
    honest, planted = tmp_path / "honest.yaml", tmp_path / "planted.yaml"
    honest.write_text(TINY, "utf-8")
    planted.write_text(straight, "utf-8")
    first = run("score", src, "--questionnaire", honest, "--json")
    assert first.exit_code == 0, first.output
    expected = json.loads(first.stdout)["index"]
    assert json.loads(run("score", src, "--questionnaire", planted, "--json").stdout)["index"] != expected
    shutil.copy(folder / entry_of(straight).name, folder / entry_of(TINY).name)
    again = json.loads(run("score", src, "--questionnaire", honest, "--json").stdout)["index"]
    assert again == expected
