"""``liwindex mapping init``: propose a mapping file for an export nothing recognises.

Recognised columns are written as they are; near matches get a leading ``?`` and the
similarity in a comment, for the user to confirm; unknown answers and group values get the
closest choice as a proposal, also with ``?``.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from liwindex.io.workbook import open_workbook
from liwindex.model.questionnaire import Questionnaire
from liwindex.problems import InputError, Report
from liwindex.responses.assignment import assign
from liwindex.responses.header import find_header
from liwindex.responses.matching import GROUP_COLUMN_VALUES, IGNORED, ChoiceLookup, GroupLookup, HeaderMatcher
from liwindex.responses.rounds import choose_survey_sheet
from liwindex.responses.similar import Candidates
from liwindex.text import clean_text, fold

PROPOSE_RATIO = 0.6


# Characters a YAML double-quoted scalar cannot hold as they are: the quote and backslash,
# control characters (PyYAML's reader refuses C0 and C1 controls and DEL), what YAML reads as
# a line break and folds (NEL, U+2028, U+2029), the byte-order mark, non-characters and lone
# surrogates (no UTF-8 file can hold them). Each is written as its escape.
_ESCAPES = {
    code: (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    for codes in (
        range(0x20),
        range(0x7F, 0xA0),
        (0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF),
        range(0xD800, 0xE000),
    )
    for code in codes
}
_ESCAPES.update({ord("\\"): "\\\\", ord('"'): '\\"', ord("\t"): "\\t", ord("\n"): "\\n", ord("\r"): "\\r"})

# PyYAML reads a key written plainly ("key": value) only when it is at most 1,024
# characters long; a longer one is written as an explicit key ("? key" / ": value")
MAX_SIMPLE_KEY = 1_000


def _quote(text: str) -> str:
    """``text`` as a YAML double-quoted scalar that reads back as exactly ``text``."""
    return '"' + text.translate(_ESCAPES) + '"'


def _entry(indent: str, key: str, value: str) -> str:
    """One ``key: value`` line of the mapping (two lines for a long key), the key quoted."""
    quoted = _quote(key)
    if len(quoted) > MAX_SIMPLE_KEY:
        return f"{indent}? {quoted}\n{indent}: {value}"
    return f"{indent}{quoted}: {value}"


# How forms commonly word the standard answers: compared as the questionnaire's words
ANSWER_WORDS = {
    "bardzo": "zdecydowanie",
    "b": "zdecydowanie",
    "całkowicie": "zdecydowanie",
    "zupełnie": "zdecydowanie",
    "w pełni": "zdecydowanie",
    "średnio": "ani dobrze ani źle",
    "przeciętnie": "ani dobrze ani źle",
    "nie mam zdania": "nie wiem",
    "brak zdania": "nie wiem",
    "trudno ocenić": "trudno powiedzieć",
    "trudno stwierdzić": "trudno powiedzieć",
}


def _answer_words(text: str) -> str:
    """An answer with the common wordings replaced by the questionnaire's words."""
    words = f" {fold(text)} "
    for phrase, standard in sorted(ANSWER_WORDS.items(), key=lambda x: -len(x[0])):
        words = words.replace(f" {phrase} ", f" {standard} ")
    return words.strip()


def _answer_scores(value: str, choices: Candidates) -> dict[str, float]:
    """Choice → how alike ``value`` is to it, as written or in the questionnaire's words."""
    found = dict(choices.scores(value, PROPOSE_RATIO))
    for ident, score in choices.scores(_answer_words(value), PROPOSE_RATIO).items():
        found[ident] = max(score, found.get(ident, 0.0))
    return found


def _strip_numbering(text: str) -> str:
    """``9. Czy w ciągu…`` → ``Czy w ciągu…`` (numbered forms)."""
    from liwindex.responses.matching import NUMBERING

    found = NUMBERING.match(text)
    return text[found.end() :] if found else text


def _group_column(values: set[str], groups: GroupLookup, candidates: Candidates) -> tuple[bool, float] | None:
    """Whether a column's distinct values are group names: ``(sure, score)`` when every
    value names a group (sure) or resembles one (unsure), else None."""
    if groups.names_groups(values):
        return True, 1.0
    if not 1 <= len(values) <= GROUP_COLUMN_VALUES:
        return None
    scores = [candidates.best(v, PROPOSE_RATIO) for v in values]
    if (
        all(ident is not None and score >= PROPOSE_RATIO for ident, score in scores)
        and len({ident for ident, _ in scores}) > 1
    ):
        return False, min(score for _, score in scores)
    return None


def propose_mapping(path: str | Path, q: Questionnaire, sheet: str | None = None) -> str:
    """The proposed mapping file for the workbook at ``path``, as YAML text.

    Columns the questionnaire recognises are written as they are. The others are matched
    to the remaining questions one to one (the assignment with the largest total
    similarity, numbering such as "9." ignored); the group column is also found by its
    values. Answers are proposed one to one per scale, and choices the file does not
    contain are predicted from the wording of the ones it does, so that the mapping also
    reads the next round of the same form.
    """
    report = Report()
    workbook = open_workbook(path, report)
    if workbook is None:
        raise InputError(report)
    survey = choose_survey_sheet(workbook, sheet, report)
    if survey is None or survey.is_empty:
        report.add("empty-sheet", file=str(path), sheet=survey.name if survey else None)
        raise InputError(report)
    matcher = HeaderMatcher(q)
    start = find_header(survey, matcher)
    header_row, header = survey.head(start + 1)[start]

    def distinct(index: int) -> set[str]:
        if index >= len(survey.columns):
            return set()
        column = survey.columns[index]
        used = {int(c) for c in set(column.codes[start + 1 :].tolist()) if c >= 0}
        return {clean_text(column.values[c]) for c in used} - {""}

    candidates: dict[str, list[str]] = {x.id: [x.id, x.text.pl, x.text.en or ""] for x in q.questions}
    candidates.update({c.id: [c.id, c.text.pl, c.text.en or ""] for c in q.context_questions})
    group_id = q.group_question.id
    asked = q.group_question.asked
    group_texts = ["grupa", "group", asked.pl, asked.en or ""]
    candidates[group_id] = group_texts
    groups = GroupLookup(q)
    group_candidates = Candidates({g.id: [g.id, g.label.pl, g.label.en or "", *g.aliases] for g in q.groups})

    # 1. what the questionnaire recognises as it is
    titles = {
        i: clean_text(t) for i, t in enumerate(header) if clean_text(t) and not matcher.is_platform_column(t)
    }
    sure: dict[int, str] = {}  # (a branching form repeats a question: both copies kept)
    for index in titles:
        target = matcher.match(header[index])
        if target is not None and target is not IGNORED:
            sure[index] = target.id
    unsure: dict[int, tuple[str, str]] = {}  # column → (id, why)
    by_values: set[int] = set()
    # 2. the group column by its values ("Fundacja", "Urząd Gminy")
    if group_id not in sure.values():
        found: list[tuple[int, tuple[bool, float]]] = []
        for i in titles:
            kind = _group_column(distinct(i), groups, group_candidates) if i not in sure else None
            if kind is not None:
                found.append((i, kind))
        if found:
            index, (certain, score) = max(found, key=lambda x: x[1])
            if certain:  # every value is a group name: as sure as a recognised header
                sure[index] = group_id
                by_values.add(index)
            else:
                unsure[index] = (group_id, f"wartości przypominają nazwy grup ({score:.0%})")
    # 3. the rest one to one onto the questions not yet taken
    # (a header repeated is written once, so it is matched once)
    firsts: dict[str, int] = {}
    for i in titles:
        firsts.setdefault(fold(titles[i]), i)
    rest = [i for i in firsts.values() if i not in sure and i not in unsure]
    taken = set(sure.values()) | {ident for ident, _ in unsure.values()}
    pool = [ident for ident in candidates if ident not in taken]
    questions = Candidates({ident: candidates[ident] for ident in pool}, count=len(rest))
    scores: list[list[float]] = []
    for i in rest:
        alike = questions.scores(_strip_numbering(titles[i]), PROPOSE_RATIO)
        scores.append([alike.get(ident, 0.0) for ident in pool])
    for row, col in assign(scores, PROPOSE_RATIO).items():
        unsure[rest[row]] = (pool[col], f"{scores[row][col]:.0%}")

    lines = [
        f"# liwindex: mapowanie kolumn i odpowiedzi dla {_comment(Path(path).name)} "
        f"(arkusz „{_comment(survey.name)}”, wiersz nagłówka {header_row})",
        "# Sprawdź pozycje z „?” i usuń znak zapytania, gdy dopasowanie jest dobre; null",
        "# przy kolumnie = pomiń ją, null przy odpowiedzi = traktuj jak pustą komórkę.",
        "# Opis formatu: docs/mapping.md. Sprawdzenie: liwindex mapping check PLIK --mapping TEN_PLIK",
        f"questionnaire: {q.id}",
        "columns:",
    ]
    columns: dict[int, str] = {}
    written: set[str] = set()
    for index, text in titles.items():
        if fold(text) in written:  # a header repeated: one entry serves every copy
            if index in sure:
                columns[index] = sure[index]
            continue
        written.add(fold(text))
        if index in sure:
            why = "  # rozpoznano po wartościach: nazwy grup" if index in by_values else ""
            lines.append(_entry("  ", text, f"{sure[index]}{why}"))
            columns[index] = sure[index]
        elif index in unsure:
            ident, why = unsure[index]
            lines.append(_entry("  ", text, f'"?{ident}"  # niepewne ({why})'))
            columns[index] = ident
        else:
            lines.append(
                _entry(
                    "  ",
                    text,
                    f"null  # nie rozpoznano: wpisz id pytania (np. {q.questions[0].id}), "
                    f"{group_id} albo zostaw null",
                )
            )

    lines += _answer_lines(q, {i: (ident, distinct(i)) for i, ident in columns.items() if ident != group_id})
    group_values = set().union(*(distinct(i) for i, ident in columns.items() if ident == group_id))
    unknown_groups = sorted(v for v in group_values if groups.group(v) is None)
    lines.append("groups:" if unknown_groups else "groups: {}")
    for value in unknown_groups:
        group, score = group_candidates.best(value, PROPOSE_RATIO)
        proposal = (
            f'"?{group}"  # niepewne ({score:.0%})'
            if group and score >= PROPOSE_RATIO
            else '"?"  # wpisz id grupy: ' + ", ".join(q.group_ids)
        )
        lines.append(_entry("  ", value, proposal))
    text = "\n".join(lines) + "\n"
    _check_size(text, path, report)
    return text


def _check_size(text: str, path: str | Path, report: Report) -> None:
    """Refuse a proposal that the mapping loader would refuse for its size: whatever mapping
    init writes must load."""
    from liwindex.responses.mapping import MAX_MAPPING_BYTES, MAX_MAPPING_ENTRIES

    size = len(text.encode("utf-8"))
    entries = sum(1 for line in text.splitlines() if line.lstrip(" ").startswith(('"', '? "')))
    if size > MAX_MAPPING_BYTES or entries > MAX_MAPPING_ENTRIES:
        report.add(
            "mapping-init-too-large",
            file=str(path),
            entries=entries,
            size=size,
            limit_entries=MAX_MAPPING_ENTRIES,
            limit=MAX_MAPPING_BYTES,
        )
        raise InputError(report)


def _answer_lines(q: Questionnaire, columns: dict[int, tuple[str, set[str]]]) -> list[str]:
    """The ``answers:`` section: per scale, the file's unrecognised answers assigned one to
    one to the scale's choices; for a choice no answer of the file took, the wording it
    probably has in this form (predicted from the answers that matched) or a line to fill."""
    scale_of = {x.id: x.scale for x in q.questions}
    scale_of.update({c.id: c.scale for c in q.context_questions if c.scale and c.type == "single"})
    seen: dict[str, set[str]] = {}
    for ident, values in columns.values():
        if ident in scale_of:
            seen.setdefault(scale_of[ident], set()).update(values)
    lines: list[str] = []
    for scale_id, values in seen.items():
        scale = q.scale_by_id[scale_id]
        lookup = ChoiceLookup(scale)
        unknown = sorted(v for v in values if lookup.code(v) is None)
        if not unknown:
            continue
        choices = list(scale.choices)
        known = {lookup.code(v) for v in values} - {None}
        texts = Candidates(
            {str(k): [c.code, c.label.pl, c.label.en or "", *c.aliases] for k, c in enumerate(choices)},
            count=2 * len(unknown),
        )
        scores = []
        for v in unknown:
            found = _answer_scores(v, texts)
            scores.append([found.get(str(k), 0.0) for k in range(len(choices))])
        chosen = assign(scores, PROPOSE_RATIO)
        lines.append(f"  {scale_id}:")
        pairs: list[tuple[str, str]] = []
        for row, value in enumerate(unknown):
            if row in chosen:
                choice = choices[chosen[row]]
                pairs.append((value, choice.label.pl))
                lines.append(
                    _entry(
                        "    ",
                        value,
                        f'"?{choice.code}"  # niepewne '
                        f"({scores[row][chosen[row]]:.0%}: {_comment(choice.label.pl)})",
                    )
                )
            else:
                codes = ", ".join(c.code for c in scale.choices)
                lines.append(_entry("    ", value, f'"?"  # wpisz kod odpowiedzi: {codes}'))
        taken = set(chosen.values())
        words = _substitutions(pairs)
        written = {fold(v) for v in values}
        for k, choice in enumerate(choices):
            if k in taken or choice.code in known:
                continue
            guess = _reword(choice.label.pl, words)
            if guess and fold(guess) not in written and lookup.code(guess) is None:
                written.add(fold(guess))
                lines.append(
                    _entry(
                        "    ",
                        guess,
                        f'"?{choice.code}"  # przewidziane: '
                        f"{_comment(choice.label.pl)} nie wystąpiło w tym pliku",
                    )
                )
            elif lookup.code(guess or choice.label.pl) is None or not guess:
                lines.append(
                    f'    # "…": "{choice.code}"  # {_comment(choice.label.pl)}: nie '
                    "wystąpiło w tym pliku; wpisz, jak zapisuje to formularz"
                )
    return ["answers:", *lines] if lines else ["answers: {}"]


def _substitutions(pairs: list[tuple[str, str]]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Word replacements that turn the questionnaire's labels into the form's answers,
    learned from the matched pairs ("zdecydowanie dobrze" → "bardzo dobrze" teaches
    zdecydowanie → bardzo)."""
    learned: dict[tuple[str, ...], tuple[str, ...]] = {}
    for value, label in pairs:
        a, b = fold(label).split(), fold(value).split()
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
            if op in ("replace", "delete") and i2 > i1:
                learned.setdefault(tuple(a[i1:i2]), tuple(b[j1:j2]))
    return learned


def _reword(label: str, words: dict[tuple[str, ...], tuple[str, ...]]) -> str | None:
    """``label`` with the learned replacements applied, or None when none applies."""
    tokens = fold(label).split()
    out: list[str] = []
    i, changed = 0, False
    while i < len(tokens):
        for source, target in sorted(words.items(), key=lambda x: -len(x[0])):
            if tuple(tokens[i : i + len(source)]) == source:
                out += target
                i += len(source)
                changed = True
                break
        else:
            out.append(tokens[i])
            i += 1
    return " ".join(out) if changed and out else None


def _comment(text: str) -> str:
    """A file-derived name fit for a YAML comment: one line, no control characters."""
    from liwindex.text import visible

    return visible(" ".join(text.splitlines()))
