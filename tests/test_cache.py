"""The questionnaire cache: a validated questionnaire is read back instead of rebuilt, a
changed text or a changed model makes a new entry, and nothing odd in the cache folder
is ever trusted or lets a run fail."""

from __future__ import annotations

import os
import stat

import pytest

from conftest import TINY
from liwindex.io import cache
from liwindex.model.loading import parse_questionnaire, standard_questionnaire_text


@pytest.fixture
def folder(tmp_path, monkeypatch):
    where = tmp_path / "cache"
    monkeypatch.setenv("LIWINDEX_CACHE_DIR", str(where))
    return where


def test_a_validated_questionnaire_is_read_back_from_the_cache(folder):
    first = parse_questionnaire(TINY, "tiny.yaml")
    entries = list(folder.iterdir())
    assert len(entries) == 1 and entries[0].name.startswith("questionnaire-")
    assert stat.S_IMODE(entries[0].stat().st_mode) == 0o600
    second = parse_questionnaire(TINY, "tiny.yaml")
    assert second is not first and second == first  # unpickled, equal field by field
    assert second.tables.question_ids == first.tables.question_ids
    # the standard one gets its own entry; a changed text another one again
    parse_questionnaire(standard_questionnaire_text(), "std.yaml")
    parse_questionnaire(TINY.replace("Mały kwestionariusz", "Inny"), "tiny.yaml")
    assert len(list(folder.iterdir())) == 3


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


def test_a_broken_or_foreign_entry_is_rebuilt_not_trusted(folder):
    good = parse_questionnaire(TINY, "tiny.yaml")
    [entry] = folder.iterdir()
    entry.write_bytes(b"not a pickle")
    assert parse_questionnaire(TINY, "tiny.yaml") == good  # rebuilt (and stored again)
    assert entry.read_bytes() != b"not a pickle"
    os.chmod(folder, 0o777)  # a folder others may write to: its entries are never read
    try:
        entry.write_bytes(b"not a pickle")
        assert cache.load(entry.name) is None
        assert parse_questionnaire(TINY, "tiny.yaml") == good
    finally:
        os.chmod(folder, 0o700)


def test_an_invalid_questionnaire_is_not_cached(folder):
    from liwindex.problems import InputError

    with pytest.raises(InputError):
        parse_questionnaire(TINY.replace("grade_step: 0.5", "grade_step: -1"), "bad.yaml")
    assert not folder.exists() or not list(folder.iterdir())


@pytest.mark.parametrize("value", ["off", "", "0"])
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
