"""The batch's data: the rounds found under a folder, grouped by the JST their metadata
names, each JST's first and latest values on one basis, and the ranking."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from liwindex.compare.identity import Seen, identify
from liwindex.i18n import fmt, fmt_signed
from liwindex.problems import InputError, Problem, Severity
from liwindex.responses.grades import Meta
from liwindex.responses.rounds import RoundFiles
from liwindex.text import fold, strip_diacritics

if TYPE_CHECKING:
    from liwindex.scoring.results import ScoreResult

SUMMARY = "podsumowanie"
UNCHANGED = 0.1  # a change of the index smaller than this (on the 1–5 scale) is "no change"
DATASET = "lijw.csv"  # the open dataset of every round, beside the summary
BASIS_NAMES = {
    "pl": {"survey": "ankieta", "grades": "oceny grupy roboczej"},
    "en": {"survey": "survey", "grades": "working-group grades"},
}


@dataclass
class MissingRound:
    """A round that could not be read, named as its metadata names it when it can."""

    label: str
    source: str
    problems: list[Problem]

    def reason(self, lang: str = "pl") -> str:
        """The first error, with its place, and how many more there are."""
        if not self.problems:
            return ""
        more = len(self.problems) - 1
        return self.problems[0].message(lang) + (f" (+{more})" if more else "")

    def warning(self) -> Problem:
        """The warning a report of this JST carries about the round it leaves out."""
        return Problem(
            "round-unreadable",
            Severity.WARNING,
            value=self.label,
            params={"detail": {lang: self.reason(lang) for lang in ("pl", "en")}},
        )


@dataclass
class JstRun:
    """One local government's rounds and what the batch made of them."""

    name: str
    slug: str
    specs: list[RoundFiles]
    results: list[ScoreResult]
    problems: list[Problem] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    before: float | None = None
    after: float | None = None
    delta: float | None = None
    basis: str | None = None
    provisional: bool = False
    rank: int | None = None
    # rounds of this JST that could not be read: each with its name and its errors
    missing: list[MissingRound] = field(default_factory=list)
    # why the JST has no rank (a key of RANK_REASONS), when it has none
    rank_reason: str | None = None
    # its identity: "teryt:CODE" or "name:folded name" (compare/identity.py)
    key: str = ""
    # areas without a value in both rounds, left out of the change
    left_out: tuple[str, ...] = ()

    @property
    def blocked(self) -> bool:
        """An error that leaves no report to write (two rounds of one stage, a comparison
        that cannot be made)."""
        return any(p.severity is Severity.ERROR for p in self.problems)

    @property
    def failed(self) -> bool:
        """An error in this JST's files: a round that could not be read, or one that
        leaves no report. The JST is not ranked and the run ends with exit 1."""
        return self.blocked or bool(self.missing)

    def targets(self, outdir: Path) -> dict[str, Path]:
        return {
            kind: outdir / name
            for kind, name in zip(
                ("xlsx", "html", "trend"), _file_names(self.slug, len(self.specs)), strict=False
            )
        }

    def cells(self, lang: str) -> list[str]:
        """The summary row as text, the same in the terminal, the page and the workbook:
        rank, name, rounds, first and latest index († provisional), change, basis."""
        first, last = self.labels(lang)
        rounds = first if len(self.results) == 1 else f"{first} → {last}"
        mark = " †" if self.provisional else ""
        return [
            str(self.rank) if self.rank else "—",
            self.name,
            rounds,
            fmt(self.before, lang),
            fmt(self.after, lang) + mark,
            fmt_signed(self.delta, lang),
            BASIS_NAMES[lang].get(self.basis or "", "—"),
        ]

    def failure(self, lang: str) -> str:
        """Why the JST failed: each round that could not be read, with its first error, and
        the first error that left no report."""
        from liwindex.i18n import t

        reasons = [t("batch_failed_round", lang, label=m.label, reason=m.reason(lang)) for m in self.missing]
        errors = [p.message(lang) for p in self.problems if p.severity is Severity.ERROR]
        if errors:
            reasons.append(errors[0] + (f" (+{len(errors) - 1})" if len(errors) > 1 else ""))
        return "; ".join(reasons)

    def note(self, lang: str) -> str:
        """Why the JST has no rank and which of its rounds could not be read, for the
        summary row ("" when there is nothing to say)."""
        from liwindex.i18n import t

        parts = [t(f"rank_reason_{self.rank_reason}", lang)] if self.rank_reason else []
        parts += [t("batch_missing_round", lang, label=m.label) for m in self.missing]
        if self.left_out:
            parts.append(t("batch_left_out", lang, areas=", ".join(self.left_out)))
        return "; ".join(parts)

    def labels(self, lang: str) -> tuple[str, str]:
        from liwindex.compare.comparison import round_label

        return round_label(self.results[0], lang), round_label(self.results[-1], lang)


@dataclass
class BatchResult:
    """Every JST of the run, the files that could not be assigned to one, and the summary."""

    runs: list[JstRun]
    unassigned: list[Problem]
    summary: list[Path]
    # notes and warnings of the readable rounds, for the summary's data-quality section
    notes: list[Problem] = field(default_factory=list)

    @property
    def failed(self) -> list[JstRun]:
        return [r for r in self.runs if r.failed]

    def changes(self) -> dict[str, Any]:
        """How many JSTs with two rounds (and no error) rose, stayed (less than
        :data:`UNCHANGED` points) or fell, and the median change."""
        import statistics

        deltas = [r.delta for r in self.runs if r.delta is not None and not r.failed]
        return {
            "n": len(deltas),
            "up": sum(d >= UNCHANGED for d in deltas),
            "same": sum(abs(d) < UNCHANGED for d in deltas),
            "down": sum(d <= -UNCHANGED for d in deltas),
            "median": statistics.median(deltas) if deltas else None,
        }

    def areas_across(self, lang: str = "pl") -> list[dict[str, Any]]:
        """Each area across the JSTs with a value (each on its own comparison's basis): how
        many, the median of the first and of the latest rounds, the lowest and the highest
        latest value."""
        import statistics

        from liwindex.compare.many import area_on

        runs = [r for r in self.runs if not r.blocked and r.results and r.basis]
        if not runs:
            return []
        out = []
        for area in runs[0].results[-1].areas:
            latest = [
                v for r in runs if (v := area_on(r.results[-1], area.id, r.basis or "survey")) is not None
            ]
            first = [
                v
                for r in runs
                if len(r.results) > 1
                and (v := area_on(r.results[0], area.id, r.basis or "survey")) is not None
            ]
            out.append(
                {
                    "id": area.id,
                    "label": area.label[lang],
                    "n": len(latest),
                    "median_first": statistics.median(first) if first else None,
                    "median_latest": statistics.median(latest) if latest else None,
                    "lowest": min(latest, default=None),
                    "highest": max(latest, default=None),
                }
            )
        return out

    def to_dict(self, lang: str = "pl") -> dict[str, Any]:
        """``batch --json``: per JST its identity, rounds, first and latest index on one
        basis, change, rank or the reason for none, and failures; the files without a JST
        and the data-quality notes."""
        from liwindex.compare.comparison import round_label

        def jst(run: JstRun) -> dict[str, Any]:
            latest = run.results[-1] if run.results else None
            return {
                "key": run.key,
                "teryt": latest.meta.get("teryt") if latest is not None else None,
                "name": run.name,
                "rounds": [
                    {
                        "label": round_label(r, lang),
                        "rok": r.meta.get("rok"),
                        "etap": r.meta.get("etap"),
                        "source": r.meta.get("source"),
                        "respondents": r.respondents_total,
                        "by_group": dict(r.respondents_by_group),
                        "invited": r.meta.get("zaproszonych"),
                        "index": r.index.value,
                        "index_source": r.index.source,
                    }
                    for r in run.results
                ],
                "basis": run.basis,
                "first": run.before,
                "latest": run.after,
                "change": run.delta,
                "change_areas_left_out": list(run.left_out),
                "provisional": run.provisional,
                "rank": run.rank,
                "rank_reason": run.rank_reason,
                "failed": run.failed,
                "missing_rounds": [
                    {"label": m.label, "source": m.source, "errors": [p.to_dict(lang) for p in m.problems]}
                    for m in run.missing
                ],
                "errors": [p.to_dict(lang) for p in run.problems if p.severity is Severity.ERROR],
                "written": [str(path) for path in run.written],
            }

        return {
            "jst": [jst(run) for run in self.runs],
            "unassigned": [p.to_dict(lang) for p in self.unassigned],
            "notes": [p.to_dict(lang) for p in self.notes],
            "summary": [str(path) for path in self.summary],
            "changes": self.changes(),
            "areas": self.areas_across(lang),
        }

    def ranked(self) -> list[JstRun]:
        """The JSTs with a value, by rank (the unranked after), then by name as Polish
        readers sort it."""
        return sorted(
            (r for r in self.runs if not r.blocked and r.results),
            key=lambda r: (r.rank is None, r.rank or 0, strip_diacritics(fold(r.name))),
        )


def _folder(spec: RoundFiles) -> Path:
    return Path(spec.paths[0]).parent


def _file_names(slug: str, rounds: int) -> list[str]:
    """The files a JST's reports are written to: its comparison as Excel and HTML, and its
    trend workbook when it has more than two rounds."""
    return [f"{slug}.xlsx", f"{slug}.html", *([f"{slug}-trend.xlsx"] if rounds > 2 else [])]


def slug(name: str) -> str:
    """A file name from a JST's name: ``Gmina Przykładowa`` → ``gmina-przykladowa``."""
    text = re.sub(r"[^a-z0-9]+", "-", strip_diacritics(fold(name))).strip("-")
    return text[:80] or "jst"


def group_rounds(
    specs: list[RoundFiles], results: list[ScoreResult | None], problems: list[list[Problem]]
) -> tuple[list[JstRun], list[Problem], list[Problem]]:
    """Rounds grouped by JST (by TERC code, else by folded name: compare/identity.py), each
    JST's rounds in chronological order. A round that cannot be read belongs to the JST its
    ``metryka.yaml`` names, else to the one JST the readable rounds of its folder (or of a
    folder above) name: that JST fails, naming the round. Returns the JSTs, the errors of
    rounds that name no JST, and warnings about names taken as one JST or kept apart."""
    from liwindex.compare.many import round_order

    readable: list[tuple[RoundFiles, ScoreResult]] = []
    unassigned: list[Problem] = []
    broken: list[tuple[RoundFiles, list[Problem], Meta]] = []
    for spec, result, found in zip(specs, results, problems, strict=True):
        if result is None:
            broken.append((spec, found, _sidecar(spec)))
        elif not result.meta.get("jst") and not result.meta.get("teryt"):
            unassigned.append(Problem("batch-no-jst", file=spec.source))
        else:
            readable.append((spec, result))
    readable.sort(key=lambda p: round_order(p[1]))
    named = [m for _, _, m in broken if m.jst or m.teryt]
    seen = [
        Seen(
            str(r.meta.get("jst") or r.meta.get("teryt")),
            r.meta.get("teryt"),
            (r.meta.get("rok"), r.meta.get("etap")),
        )
        for _, r in readable
    ]
    seen += [Seen(str(m.jst or m.teryt), m.teryt, (m.rok, m.etap)) for m in named]
    keys, display, warnings = identify(seen)
    by_key: dict[str, list[tuple[RoundFiles, ScoreResult]]] = {}
    names_in: dict[Path, set[str]] = {}  # folder → the JSTs its readable rounds (and below) name
    for (spec, result), key in zip(readable, keys, strict=False):
        by_key.setdefault(key, []).append((spec, result))
        for folder in (_folder(spec), *_folder(spec).parents):
            names_in.setdefault(folder, set()).add(key)
    missing: dict[str, list[MissingRound]] = {}
    sidecar_keys = iter(keys[len(readable) :])
    for spec, found, meta in broken:
        owner = next(sidecar_keys) if (meta.jst or meta.teryt) else _owner(spec, names_in)
        errors = [p for p in found if p.severity is Severity.ERROR]
        if owner is None:
            unassigned.extend(errors)
        else:
            by_key.setdefault(owner, [])
            missing.setdefault(owner, []).append(MissingRound(_label(meta, spec), spec.source, errors))
    runs: list[JstRun] = []
    # every file of the run gets its own name: "Gmina A" with a trend writes gmina-a-trend.xlsx,
    # which "Gmina A Trend" would otherwise overwrite
    used = {f"{SUMMARY}.html", f"{SUMMARY}.xlsx", DATASET}
    for key in sorted(by_key, key=lambda k: strip_diacritics(fold(display[k]))):
        pairs = by_key[key]
        base = candidate = slug(display[key])
        k = 2
        while not used.isdisjoint(_file_names(candidate, len(pairs))):
            candidate, k = f"{base}-{k}", k + 1
        used.update(_file_names(candidate, len(pairs)))
        if candidate != base:
            warnings.append(
                Problem("jst-file-name-taken", Severity.WARNING, file=display[key], value=f"{candidate}.*")
            )
        run = JstRun(
            display[key],
            candidate,
            [p[0] for p in pairs],
            [p[1] for p in pairs],
            missing=missing.get(key, []),
            key=key,
        )
        keys_ = [(r.meta.get("rok"), r.meta.get("etap")) for r in run.results]
        twice = sorted(
            {f"{rok or '?'} · {etap or '?'}" for rok, etap in keys_ if keys_.count((rok, etap)) > 1}
        )
        if twice:
            run.problems.append(
                Problem(
                    "batch-round-twice",
                    file=run.name,
                    value=", ".join(twice),
                    params={"files": "; ".join(s.source for s in run.specs)},
                )
            )
        runs.append(run)
    return runs, unassigned, warnings


def _sidecar(spec: RoundFiles) -> Meta:
    """The metadata a round's ``metryka.yaml`` gives, read quietly (its own problems are
    the round's, reported with it)."""
    from liwindex.problems import Report
    from liwindex.responses.meta import sidecar_meta

    try:
        return sidecar_meta(list(spec.paths), Report())[0]
    except InputError:
        return Meta()


def _owner(spec: RoundFiles, names_in: dict[Path, set[str]]) -> str | None:
    """The one JST the readable rounds of the nearest folder around ``spec`` name."""
    for folder in (_folder(spec), *_folder(spec).parents):
        owners = names_in.get(folder, set())
        if len(owners) == 1:
            return next(iter(owners))
        if owners:
            return None  # the folder holds several JSTs: the round's own JST is unknown
    return None


def _label(meta: Meta, spec: RoundFiles) -> str:
    """``2025 · powdrożeniowa`` from the round's metadata, else its folder or file."""
    parts = [str(x) for x in (meta.rok, meta.etap) if x]
    return " · ".join(parts) if parts else " + ".join(Path(p).name for p in spec.paths)


def summarise(run: JstRun, basis: str | None) -> None:
    """The summary figures of a JST: index before and after on one basis (no bootstrap:
    the JST's page carries the intervals), or the single round's index."""
    from liwindex.compare.comparison import compare

    if len(run.results) == 1:
        result = run.results[0]
        run.after, run.basis = result.index.value, result.index.source
        run.provisional = result.index.source == "survey" and result.provisional
        return
    try:
        comparison = compare(run.results[0], run.results[-1], 0, basis=basis)
    except InputError as exc:
        run.problems.extend(exc.report.problems)
        return
    row = comparison.index
    # each round's own index on the basis (the latest one is ranked); the change is over the
    # areas both rounds have, which may differ from the difference of the two (SPEC §2)
    own = [
        r.index.grades if comparison.basis == "grades" else r.index.survey
        for r in (run.results[0], run.results[-1])
    ]
    run.before, run.after, run.delta = own[0], own[1], row.value.delta
    run.basis, run.provisional = comparison.basis, bool(row.provisional)
    run.left_out = row.left_out


# why a JST has no rank: a key each renderer words (i18n "rank_reason_…")
RANK_REASONS = ("failed", "no_index", "provisional", "other_round", "other_questionnaire", "other_basis")


def rank(runs: list[JstRun]) -> None:
    """Rank like for like (SPEC §2, many JSTs): only within the largest set of JSTs whose
    latest round has the same questionnaire, year, stage and basis, and whose value is not
    provisional; ties share a rank (1, 1, 3). Every other JST gets its reason."""
    candidates = []
    for run in runs:
        run.rank, run.rank_reason = None, None
        if run.failed:
            run.rank_reason = "failed"
        elif run.after is None:
            run.rank_reason = "no_index"
        else:
            candidates.append(run)
    sets: dict[tuple[object, ...], list[JstRun]] = {}
    for run in candidates:
        sets.setdefault(_comparable(run), []).append(run)
    if not sets:
        return
    chosen_key = max(sets, key=lambda k: (len(sets[k]), str(k)))
    for key, members in sets.items():
        if key != chosen_key:
            for run in members:
                run.rank_reason = _difference(key, chosen_key)
    ranked = []
    for run in sets[chosen_key]:
        if run.provisional:
            run.rank_reason = "provisional"
        else:
            ranked.append(run)
    from liwindex.compare.many import rank as rank_values

    ranks = rank_values("index", {}, {run.key: run.after for run in ranked}).ranks
    for run in ranked:
        run.rank = ranks[run.key]


def _comparable(run: JstRun) -> tuple[object, ...]:
    """What must agree for two JSTs to be ranked together: questionnaire, the latest
    round's year and stage, the basis."""
    latest = run.results[-1]
    return (latest.questionnaire_id, latest.meta.get("rok"), latest.meta.get("etap"), run.basis)


def _difference(key: tuple[object, ...], chosen: tuple[object, ...]) -> str:
    if key[0] != chosen[0]:
        return "other_questionnaire"
    if key[1:3] != chosen[1:3]:
        return "other_round"
    return "other_basis"
