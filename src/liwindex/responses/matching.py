"""Matching what survey exports contain to the questionnaire: headers to questions, cells
to choice codes, group cells to group ids.

Every lookup is tolerant of case, spacing and punctuation (see :mod:`liwindex.text`) but
never guesses: a near miss such as a label typed without Polish letters is suggested to
the user, not accepted.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from liwindex.model.questionnaire import ContextQuestion, Question, Questionnaire, Scale, Text
from liwindex.responses.hints import without_hint
from liwindex.text import clean_text, fold, fold_compact, strip_diacritics

if TYPE_CHECKING:
    from liwindex.responses.mapping import Mapping

# Columns that survey platforms add to every export (Polish and English interfaces).
# Google Forms, MS Forms, LimeSurvey and KoboToolbox; compared after folding.
PLATFORM_COLUMNS = frozenset(
    fold(name)
    for name in (
        "Sygnatura czasowa",
        "Timestamp",
        "Adres e-mail",
        "Email Address",
        "E-mail",
        "Identyfikator",
        "ID",
        "Godzina rozpoczęcia",
        "Start time",
        "Godzina ukończenia",
        "Completion time",
        "Email",
        "Nazwa",
        "Name",
        "Czas ostatniej modyfikacji",
        "Last modified time",
        "Punkty",
        "Score",
        "submitdate",
        "lastpage",
        "startlanguage",
        "seed",
        "startdate",
        "datestamp",
        "ipaddr",
        "refurl",
        "token",
        "start",
        "end",
        "today",
        "deviceid",
        "_id",
        "_uuid",
        "_submission_time",
        "_index",
        "_validation_status",
        "_status",
        "_submitted_by",
        "__version__",
        "_notes",
        "_tags",
        "_parent_index",
        "meta/instanceID",
        "instanceID",
        "Data przesłania",
        "Submission date",
    )
)

GROUP_COLUMN_VALUES = 20  # more distinct values than this: not a column of group names

GROUP_HEADERS = frozenset({"grupa", "group", "grupa respondenta", "respondent group"})

# The patterns below are linear in their input: no two neighbouring quantifiers can match
# the same characters ("\s*[.)]?\s+" on a run of spaces backtracks quadratically; written
# "(?:\s*[.)])?\s+" it cannot). They are also only tried on headers of at most
# MAX_COMPARED characters once spaces are folded: a question's text is far shorter.
MAX_COMPARED = 2_000

# "[o1_n1] Jak ocenia…", "O1_N1. Jak ocenia…", "o1_n1) …", "o1_n1 – …"
_ID_PREFIX = re.compile(
    r"^\s*(?:\[([A-Za-z][A-Za-z0-9_]*)\](?:\s*[.):\-–])?|([A-Za-z][A-Za-z0-9_]*)\s*[.):\-–])\s*\S"
)

# "9. Jak ocenia…", "9) …", "Pyt. 9 – …", "Pytanie 9: …", "Q9. …" (MS Forms numbers questions)
NUMBERING = re.compile(
    r"^\s*(?:(?:pyt(?:anie)?|pytania|question|q|p)\s*(?:\.\s*)?)?\d{1,3}(?:\.\d{1,3})*(?:\s*[.):\-–—])?\s+(?=\S)",
    re.IGNORECASE,
)

_SUBQUESTION = re.compile(r"^\s*([A-Za-z][A-Za-z0-9_]*)\s*\[\s*([A-Za-z0-9_]+)\s*\]\s*$")
_WHOLE_NUMBER = re.compile(r"^(\d+) 0+$")  # "3.0" or "3,0" after folding

TargetKind = Literal["question", "context", "group"]


class Target(NamedTuple):
    """What a column holds: a scored question, a context/open question or the group (a
    named tuple: hashed in C, and headers are looked up by target many times a file)."""

    kind: TargetKind
    id: str


# A column the mapping file says to ignore.
IGNORED = Target("question", "")


_Cache = dict[tuple[type, int, int], tuple[Any, Any, Any]]
_MATCHERS: _Cache = {}  # header matchers keep a memo of every header: fewer of them
_LOOKUPS: _Cache = {}


def _cached(cls: Any, owner: Any, mapping: Mapping | None, cache: _Cache = _LOOKUPS, limit: int = 256) -> Any:
    """``cls(owner, mapping)``, built once while both objects live (the entry keeps them,
    so an id cannot be reused by another object while it is cached)."""
    key = (cls, id(owner), id(mapping))
    entry = cache.get(key)
    if entry is None or entry[0] is not owner or entry[1] is not mapping:
        if len(cache) > limit:
            cache.clear()
        entry = (owner, mapping, cls(owner, mapping))
        cache[key] = entry
    return entry[2]


class HeaderMatcher:
    """Recognises a header as a question id, a question text, the group column or metadata."""

    def __init__(self, questionnaire: Questionnaire, mapping: Mapping | None = None) -> None:
        self._mapped: dict[str, Target] = {}
        if mapping is not None:
            kinds = {q.id: "question" for q in questionnaire.questions}
            kinds.update({c.id: "context" for c in questionnaire.context_questions})
            kinds[questionnaire.group_question.id] = "group"
            for header, mapped in mapping.columns.items():
                self._mapped[header] = (
                    IGNORED if mapped is None else Target(kinds[mapped], mapped)  # type: ignore[arg-type]
                )
        self._seen: dict[str, Target | None] = {}  # header text → its match
        self._ids: dict[str, Target] = {}
        self._texts: dict[str, set[Target]] = {}
        items: list[tuple[Target, Question | ContextQuestion]] = [
            (Target("question", q.id), q) for q in questionnaire.questions
        ]
        items += [(Target("context", c.id), c) for c in questionnaire.context_questions]
        for target, question in items:
            self._ids[fold_compact(question.id)] = target
            for alias in question.aliases:
                self._ids[fold_compact(alias)] = target
            for text in (question.text.pl, question.text.en):
                if text:
                    self._texts.setdefault(fold(text), set()).add(target)
        group = Target("group", questionnaire.group_question.id)
        self._ids[fold_compact(questionnaire.group_question.id)] = group
        for name in GROUP_HEADERS:
            self._texts.setdefault(name, set()).add(group)
        gq_text = questionnaire.group_question.asked
        for text in (gq_text.pl, gq_text.en):
            if text:
                self._texts.setdefault(fold(text), set()).add(group)

    @classmethod
    def for_questionnaire(cls, questionnaire: Questionnaire, mapping: Mapping | None = None) -> HeaderMatcher:
        """One matcher per questionnaire and mapping, kept while they live: files of one form
        share their headers, so each header text is folded and matched once per process."""
        return _cached(cls, questionnaire, mapping, _MATCHERS, limit=32)

    def match(self, header: object) -> Target | None:
        """The target of ``header``, or None when it is not part of the questionnaire."""
        if isinstance(header, str):
            try:
                return self._seen[header]
            except KeyError:
                pass
            found = self._match(header)
            if len(self._seen) < 100_000:
                self._seen[header] = found
            return found
        return self._match(header)

    def _match(self, header: object) -> Target | None:
        found = self._match_text(header)
        if found is None and isinstance(header, str) and (bare := without_hint(header)) is not None:
            found = self._match_text(bare)  # a question copied with its "(…)" hint
        return found

    def _match_text(self, header: object) -> Target | None:
        key = fold(header)
        if not key:
            return None
        if key in self._mapped:
            return self._mapped[key]
        found = self._ids.get(key.replace(" ", ""))
        if found:
            return found
        texts = self._texts.get(key)
        if texts and len(texts) == 1:
            return next(iter(texts))
        text = clean_text(header)  # runs of spaces folded: what the patterns see is short
        if len(text) > MAX_COMPARED:
            return None
        numbered = NUMBERING.match(text)
        if numbered:
            texts = self._texts.get(fold(text[numbered.end() :]))
            if texts and len(texts) == 1:
                return next(iter(texts))
        prefix = _ID_PREFIX.match(text)
        if prefix:
            found = self._ids.get(fold_compact(prefix.group(1) or prefix.group(2)))
            if found:
                return found
        if "/" in text:  # KoboToolbox exports "group/name"
            path, last = text.rsplit("/", 1)
            found = self._ids.get(fold_compact(last))
            if found is None and (owner := self._ids.get(fold_compact(path.rsplit("/", 1)[-1]))):
                # "question/option" one-hot columns repeat a multiple-choice question
                return IGNORED if owner.kind == "context" else None
            return found
        bracket = _SUBQUESTION.match(text)
        if bracket:  # LimeSurvey array subquestions "O1[N1]"
            return self._ids.get(fold_compact(bracket.group(1) + bracket.group(2))) or self._ids.get(
                fold_compact(bracket.group(2))
            )
        return None

    @staticmethod
    def is_platform_column(header: object) -> bool:
        """True for columns survey platforms add (timestamps, e-mail, ids)."""
        return fold(header) in PLATFORM_COLUMNS


def _lookup_keys(entries: Iterable[tuple[str, Text, tuple[str, ...]]]) -> dict[str, str]:
    """Folded text → target for targets known by an id or code, labels and aliases.

    An id or code wins over another target's label that happens to read the same.
    """
    entries = list(entries)
    keys: dict[str, str] = {}
    for target, label, aliases in entries:
        for alias in aliases:
            keys[fold(alias)] = target
        keys[fold(label.pl)] = target
        if label.en:
            keys.setdefault(fold(label.en), target)
    for target, _, _ in entries:
        keys[fold(target)] = target
    return keys


class ChoiceLookup:
    """Cell text → choice code for one scale: by code, Polish or English label, or alias."""

    def __init__(self, scale: Scale, mapping: Mapping | None = None) -> None:
        self.scale = scale
        self._keys = _lookup_keys((c.code, c.label, c.aliases) for c in scale.choices)
        self._codes = {fold(c.code): c.code for c in scale.choices}
        self._blank: set[str] = set()
        self._positions = {c.code: i for i, c in enumerate(scale.choices)}
        self._entries: dict[str, tuple[int, str | None, bool, str | None]] = {}
        if mapping is not None:
            for table in (mapping.answers.get("*", {}), mapping.answers.get(scale.id, {})):
                for text, code in table.items():
                    if code is None:
                        self._blank.add(text)
                    else:
                        self._keys[text] = code

    @classmethod
    def cached(cls, scale: Scale, mapping: Mapping | None = None) -> ChoiceLookup:
        """One lookup per scale and mapping while they live (a file asks for the same
        scale for dozens of questions, and every file of a batch again)."""
        return _cached(cls, scale, mapping)

    def is_blank(self, value: object) -> bool:
        """True for texts the mapping file says to treat as an empty cell."""
        return fold(value) in self._blank

    def entry(self, value: str) -> tuple[int, str | None, bool, str | None]:
        """For a cleaned cell text: ``(position of its choice or -1, how it matched (see
        :meth:`match`), is it blank by the mapping, the choice code)``, remembered: the
        same few answers recur in every column of a scale and every file of a run."""
        found = self._entries.get(value)
        if found is None:
            if self.is_blank(value):
                found = (-1, None, True, None)
            else:
                code, how = self.match(value)
                found = (self._positions[code] if code is not None else -1, how, False, code)
            if len(self._entries) < 10_000:
                self._entries[value] = found
        return found

    def code(self, value: object) -> str | None:
        """The choice code of a cell value, or None when nothing matches."""
        return self.match(value)[0]

    def match(self, value: object) -> tuple[str | None, str | None]:
        """``(code, how)``: ``how`` is None for a plain code or label, ``"number"`` when a
        number written with decimals (``3.0``) was read as the code ``3``, ``"code_label"``
        when code and label were given together and agree (``4 - raczej dobrze``,
        ``(4) raczej dobrze``, ``4. raczej dobrze``)."""
        key = fold(value)
        code = self._keys.get(key)
        if code is None:
            whole = _WHOLE_NUMBER.match(key)
            if whole and whole.group(1) in self._keys:
                return self._keys[whole.group(1)], "number"
            pair = self.code_and_label(key)
            if pair is not None and pair[0] == pair[1]:
                return pair[0], "code_label"
        return code, None

    def code_and_label(self, key: str) -> tuple[str, str] | None:
        """For a folded ``code label`` text: the code the number names and the code the
        label names, or None when it is not of that form."""
        first, _, rest = key.partition(" ")
        if not rest or first not in self._codes:
            return None
        by_label = self._keys.get(rest)
        return (self._codes[first], by_label) if by_label is not None else None

    def allowed(self) -> dict[str, str]:
        """The allowed answers, for messages in both languages."""
        return {
            lang: "; ".join(
                f"{c.code} ({c.label.get(lang)})" if fold(c.code) != fold(c.label.get(lang)) else c.code
                for c in self.scale.choices
            )
            for lang in ("pl", "en")
        }

    def suggest(self, value: object) -> str | None:
        """The label a near miss probably meant (missing Polish letters, a typo)."""
        key = fold(value)
        plain = strip_diacritics(key)
        labels = {fold(c.label.pl): c.label.pl for c in self.scale.choices}
        for folded, label in labels.items():
            if strip_diacritics(folded) == plain:
                return label
        close = difflib.get_close_matches(key, list(labels), n=1, cutoff=0.85)
        return labels[close[0]] if close else None


# What respondents write for the two standard groups; a questionnaire adds its own with
# a group's ``aliases``.
GROUP_SYNONYMS: dict[str, tuple[str, ...]] = {
    "ngo": (
        "NGO",
        "organizacja",
        "organizacje",
        "organizacja pozarządowa",
        "organizacje pozarządowe",
        "fundacja",
        "stowarzyszenie",
        "przedstawiciel organizacji",
        "przedstawicielka organizacji",
        "organizacja społeczna",
        "trzeci sektor",
        "klub sportowy",
        "OPP",
        "organizacja pożytku publicznego",
    ),
    "jst": (
        "JST",
        "UG",
        "UM",
        "UMiG",
        "urząd",
        "urząd gminy",
        "urząd miasta",
        "urząd miasta i gminy",
        "gmina",
        "miasto",
        "starostwo",
        "starostwo powiatowe",
        "powiat",
        "urząd marszałkowski",
        "administracja",
        "administracja samorządowa",
        "samorząd",
        "urzędnik",
        "urzędniczka",
        "pracownik urzędu",
        "radny",
        "radna",
        "rada gminy",
        "rada miasta",
        "jednostka samorządu terytorialnego",
    ),
}


MAX_LABELLED = 300  # a group's label with its code in brackets is short


class GroupLookup:
    """Cell text → group id, by id, label or alias."""

    def __init__(self, questionnaire: Questionnaire, mapping: Mapping | None = None) -> None:
        self.questionnaire = questionnaire
        entries = [(g.id, g.label, (*g.aliases, *GROUP_SYNONYMS.get(g.id, ()))) for g in questionnaire.groups]
        self._keys = _lookup_keys(entries)
        if mapping is not None:
            self._keys.update(mapping.groups)
        # the same keys without Polish letters: "Organizacja pozarzadowa", "Urzad Gminy"
        self._plain = {strip_diacritics(k): g for k, g in self._keys.items()}

    @classmethod
    def cached(cls, questionnaire: Questionnaire, mapping: Mapping | None = None) -> GroupLookup:
        """One lookup per questionnaire and mapping while they live."""
        return _cached(cls, questionnaire, mapping)

    def group(self, value: object) -> str | None:
        """The group id of a cell value (id, label, alias or a common synonym, with or
        without Polish letters; also a label followed by its own group's id, code or alias
        in brackets, as forms write choices: "Organizacja pozarządowa (NGO)"), or None."""
        found = self._direct(value)
        if found is None and isinstance(value, str):
            found = self._labelled(value)
        return found

    def _direct(self, value: object) -> str | None:
        key = fold(value)
        return self._keys.get(key) or self._plain.get(strip_diacritics(key))

    def _labelled(self, value: str) -> str | None:
        """``Label (CODE)`` or ``Label [CODE]`` where both name the same group (found by
        plain string search from the end, never a pattern)."""
        text = value.strip()
        if not text or len(text) > MAX_LABELLED or text[-1] not in ")]":
            return None
        start = text.rfind("(" if text[-1] == ")" else "[")
        if start <= 0:
            return None
        label = self._direct(text[:start])
        return label if label is not None and label == self._direct(text[start + 1 : -1]) else None

    def names_groups(self, values: set[str]) -> bool:
        """Whether a column's distinct values (a handful, each a group name) make it a
        group column asked in the form's own words."""
        return 1 <= len(values) <= GROUP_COLUMN_VALUES and all(self.group(v) is not None for v in values)

    def suggest(self, value: object) -> str | None:
        """The group label a near miss probably meant."""
        labels = {fold(g.label.pl): g.label.pl for g in self.questionnaire.groups}
        close = difflib.get_close_matches(
            strip_diacritics(fold(value)), [strip_diacritics(k) for k in labels], n=1, cutoff=0.75
        )
        if not close:
            return None
        return next(label for k, label in labels.items() if strip_diacritics(k) == close[0])

    def allowed(self) -> dict[str, str]:
        """The allowed group values, for messages in both languages."""
        return {
            lang: "; ".join(f"{g.id} ({g.label.get(lang)})" for g in self.questionnaire.groups)
            for lang in ("pl", "en")
        }


def split_multi(value: str, lookup: ChoiceLookup) -> tuple[list[str], list[str]]:
    """Split a multiple-choice cell (Google Forms joins choices with ", ").

    Labels may themselves contain commas, so consecutive pieces are joined greedily into
    the longest known label. Returns ``(codes, unmatched pieces)``.
    """
    words = value.split()
    if len(words) > 1 and all(lookup.code(w) is not None for w in words):
        return [c for w in words if (c := lookup.code(w)) is not None], []  # KoboToolbox codes
    pieces = [p.strip() for p in re.split(r"[,;]", value) if p.strip()]
    codes: list[str] = []
    unmatched: list[str] = []
    i = 0
    while i < len(pieces):
        for j in range(len(pieces), i, -1):
            code = lookup.code(", ".join(pieces[i:j]))
            if code is not None:
                codes.append(code)
                i = j
                break
        else:
            unmatched.append(pieces[i])
            i += 1
    return codes, unmatched
