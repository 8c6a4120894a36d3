"""Charts as inline SVG, drawn by matplotlib: text stays text (searchable, readable by
screen readers), no external references, colours that stay distinct in greyscale
(different lightness plus hatching and markers)."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from liwindex.text import visible

DARK, LIGHT, MID = "#1f4e79", "#b9c9d9", "#6c8ebf"
FONT = "DejaVu Sans"


def _decimal(lang: str) -> Any:
    """Axis numbers with a decimal comma in Polish."""
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _pos: f"{value:.1f}".replace(".", "," if lang == "pl" else "."))


def _pyplot() -> Any:
    """pyplot without a display, with text kept as text and ids stable between runs."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    # text.parse_math off: "$" in a round or area name is a dollar sign, not TeX to parse
    plt.rcParams.update(
        {
            "svg.fonttype": "none",
            "svg.hashsalt": "liwindex",
            "font.family": FONT,
            "text.parse_math": False,
            "text.usetex": False,
            "font.size": 9,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )
    return plt


def _figure(width: float, height: float) -> Any:
    return _pyplot().subplots(figsize=(width, height))


def _svg(fig: Any, title: str, description: str, key: str = "") -> str:
    """The figure as an <svg> element for inline HTML, with a title and description for
    assistive technology, and nothing that points outside the page."""
    import matplotlib.pyplot as plt

    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    svg = re.sub(r'\s+xmlns(:xlink)?="[^"]*"', "", svg)
    svg = re.sub(r'\s(width|height)="[^"]*pt"', "", svg, count=2)
    # matplotlib numbers its ids the same way in every figure: give each chart its own
    # prefix so that several charts in one page neither clash nor point at each other.
    # ASCII ids: WeasyPrint resolves no href or url() to an id with other letters
    import unicodedata

    folded = unicodedata.normalize("NFKD", title.casefold()).encode("ascii", "ignore").decode()
    prefix = (re.sub(r"[^a-z0-9]+", "", folded)[:16] or "chart") + key
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}-\1"', svg)
    svg = svg.replace('href="#', f'href="#{prefix}-').replace("url(#", f"url(#{prefix}-")
    # SVG 2's plain href: the xlink namespace is not declared in a page, and WeasyPrint
    # draws no marker through an undeclared xlink:href
    svg = svg.replace("xlink:href=", "href=")
    from html import escape

    return svg.replace(
        "<svg", f'<svg role="img" aria-label="{escape(title)}" style="width:100%;height:auto"', 1
    ).replace(">", f"><title>{escape(title)}</title><desc>{escape(description)}</desc>", 1)


def _shown(labels: Sequence[str]) -> list[str]:
    """Labels from files with control characters shown as escapes (fonts have no glyph)."""
    return [visible(label) for label in labels]


LABEL_WIDTH = 56  # characters a line of an axis label holds beside a bar (7.5 pt)


def _wrapped(labels: Sequence[str]) -> tuple[list[str], int]:
    """Whole labels broken into lines of at most LABEL_WIDTH characters (never cut), and
    the largest number of lines one label takes."""
    import textwrap

    lines = [textwrap.wrap(label, LABEL_WIDTH, break_long_words=True) or [""] for label in labels]
    return ["\n".join(parts) for parts in lines], max((len(p) for p in lines), default=1)


def area_bars(
    labels: Sequence[str],
    before: Sequence[float | None] | None,
    after: Sequence[float | None],
    names: tuple[str, str],
    lo: float,
    hi: float,
    title: str,
    description: str,
    lang: str = "pl",
    narrow: bool = False,
    reference: tuple[float | None, str] | None = None,
) -> str:
    """Horizontal bars of the areas: one bar per round (the earlier one light and hatched).
    ``narrow``: the phone layout, each area's name on its own lines above its bars, so
    the text keeps a readable size on a small screen. ``reference``: a value drawn as a
    dashed vertical line with its name (a median)."""
    labels, names = _shown(labels), (visible(names[0]), visible(names[1]))
    if narrow:
        return _narrow_bars(labels, before, after, names, lo, hi, title, description, lang, reference)
    labels, lines = _wrapped(labels)
    n = len(labels)
    # about half an A4 page for twelve areas of two rounds: the chart shares its page
    fig, ax = _figure(7.2, max(0.34 if before is not None else 0.26, 0.12 * lines + 0.1) * n + 0.8)
    y = np.arange(n)[::-1]

    def values(seq: Sequence[float | None]) -> np.ndarray:
        return np.array([np.nan if v is None else v for v in seq], dtype=float)

    if before is not None:
        ax.barh(
            y + 0.2,
            values(before) - lo,
            left=lo,
            height=0.38,
            color=LIGHT,
            hatch="///",
            edgecolor="#5b6b7b",
            linewidth=0.5,
            label=names[0],
        )
        ax.barh(y - 0.2, values(after) - lo, left=lo, height=0.38, color=DARK, label=names[1])
        # above the bars, where it can cover none of them
        ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=2, frameon=False)
    else:
        ax.barh(y, values(after) - lo, left=lo, height=0.6, color=DARK)
    for yy, value in zip(y - (0.2 if before is not None else 0), values(after), strict=True):
        if not np.isnan(value):
            shown = f"{value:.2f}".replace(".", "," if lang == "pl" else ".")
            ax.text(value + 0.04, yy, shown, va="center", fontsize=8)
    ax.set_yticks(y, labels, fontsize=7.5, linespacing=1.0)
    if reference is not None and reference[0] is not None:
        ax.set_ylim(-0.6, n + 0.1)  # room above the top bar for the line's name
        _reference(ax, reference, n - 0.45, lang)
    ax.set_xlim(lo, hi + 0.35)
    ax.xaxis.set_major_formatter(_decimal(lang))
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    return _svg(fig, title, description)


def _narrow_bars(
    labels: Sequence[str],
    before: Sequence[float | None] | None,
    after: Sequence[float | None],
    names: tuple[str, str],
    lo: float,
    hi: float,
    title: str,
    description: str,
    lang: str,
    reference: tuple[float | None, str] | None = None,
) -> str:
    import textwrap

    def values(seq: Sequence[float | None]) -> np.ndarray:
        return np.array([np.nan if v is None else v for v in seq], dtype=float)

    wrapped = [textwrap.wrap(label, 40) or [""] for label in labels]
    # from the top: each area's name lines, then its bars
    line = 0.55  # one line of 8.5 pt text in data units (0.3 in each)
    rows = [len(parts) * line + (1.05 if before is not None else 0.65) for parts in wrapped]
    height = sum(rows)
    fig, ax = _figure(3.9, height * 0.3 + 0.8)
    top = height
    after_v = values(after)
    before_v = values(before) if before is not None else None
    for k, parts in enumerate(wrapped):
        ax.text(lo, top - 0.05, "\n".join(parts), va="top", ha="left", fontsize=8.5, linespacing=1.1)
        y = top - len(parts) * line - 0.3
        if before_v is not None:
            ax.barh(
                y,
                before_v[k] - lo,
                left=lo,
                height=0.32,
                color=LIGHT,
                hatch="///",
                edgecolor="#5b6b7b",
                linewidth=0.5,
                label=names[0] if k == 0 else None,
            )
            bar_y = y - 0.36
        else:
            bar_y = y
        ax.barh(
            bar_y,
            after_v[k] - lo,
            left=lo,
            height=0.32,
            color=DARK,
            label=names[1] if k == 0 and before_v is not None else None,
        )
        if not np.isnan(after_v[k]):
            shown = f"{after_v[k]:.2f}".replace(".", "," if lang == "pl" else ".")
            ax.text(after_v[k] + 0.05, bar_y, shown, va="center", fontsize=8)
        top -= rows[k]
    ax.set_ylim(0, height + (0.6 if reference is not None else 0))
    _reference(ax, reference, height, lang)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.set_xlim(lo, hi + 0.45)
    ax.xaxis.set_major_formatter(_decimal(lang))
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    if before_v is not None:
        ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=1, frameon=False, fontsize=8)
    return _svg(fig, title, description, key="n")


def _reference(ax: Any, reference: tuple[float | None, str] | None, top: float, lang: str) -> None:
    """A dashed vertical line at the reference value, named above the bars."""
    if reference is None or reference[0] is None:
        return
    value, name = reference
    ax.axvline(value, color="#9b1c1c", linestyle="--", linewidth=1)
    shown = f"{value:.2f}".replace(".", "," if lang == "pl" else ".")
    ax.text(value, top, f"{visible(name)} {shown}", ha="center", va="bottom", fontsize=8, color="#9b1c1c")


def trend_lines(
    rounds: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    lo: float,
    hi: float,
    title: str,
    description: str,
    lang: str = "pl",
    narrow: bool = False,
) -> str:
    """The index (dark, thick, with its values) and the płaszczyzny (each its own dash and
    marker) across rounds; the legend below the chart holds the whole names. ``narrow``:
    a smaller figure, so that its text keeps a readable size on a phone."""
    import textwrap

    rounds = [
        "\n".join(textwrap.wrap(visible(r), 12 if narrow else 16, break_long_words=False)) for r in rounds
    ]
    fig, ax = _figure(3.7, 3.0) if narrow else _figure(5.2, 3.6)
    x = np.arange(len(rounds))
    styles = [
        (DARK, "-", "o", 2.6),
        (MID, "--", "s", 1.4),
        ("#7a5c1f", ":", "^", 1.6),
        ("#5b6b7b", "-.", "D", 1.4),
        (LIGHT, "--", "v", 1.4),
    ]
    for k, (name, values) in enumerate(series):
        colour, line, marker, width = styles[k % len(styles)]
        data = np.array([np.nan if v is None else v for v in values], dtype=float)
        label = "\n".join(textwrap.wrap(visible(name), 44 if narrow else 60))
        ax.plot(x, data, line, color=colour, marker=marker, linewidth=width, label=label)
        if k == 0:
            for xx, value in zip(x, data, strict=True):
                if not np.isnan(value):
                    shown = f"{value:.2f}".replace(".", "," if lang == "pl" else ".")
                    ax.annotate(
                        shown,
                        (xx, value),
                        textcoords="offset points",
                        xytext=(0, 8),
                        ha="center",
                        fontsize=8,
                        fontweight="bold",
                        color=DARK,
                        zorder=5,
                        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85},
                    )
    ax.set_xticks(x, rounds, fontsize=8)
    ax.set_xlim(-0.4, len(rounds) - 0.6)
    ax.set_ylim(lo, hi)
    ax.yaxis.set_major_formatter(_decimal(lang))
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.legend(loc="upper left", bbox_to_anchor=(0.0, -0.14), ncol=1, frameon=False, fontsize=8)
    return _svg(fig, title, description, key="tn" if narrow else "t")


def radar(
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    lo: float,
    hi: float,
    title: str,
    description: str,
    lang: str = "pl",
) -> str:
    """A radar of the płaszczyzny (or areas); each round a line with its own marker."""
    labels, series = _shown(labels), [(visible(name), values) for name, values in series]
    fig = _pyplot().figure(figsize=(3.8, 3.4))
    ax = fig.add_subplot(projection="polar")
    angles = np.linspace(0, 2 * np.pi, len(labels), endpoint=False)
    closed = np.append(angles, angles[0])
    # the latest round is always dark and solid, earlier ones lighter and dashed
    light, mid, dark = (LIGHT, "--", "s"), (MID, ":", "^"), (DARK, "-", "o")
    styles = {1: [dark], 2: [light, dark]}.get(len(series), [light, mid, dark])
    for (name, values), (colour, line, marker) in zip(series, styles, strict=False):
        data = np.array([np.nan if v is None else v for v in values], dtype=float)
        ax.plot(closed, np.append(data, data[0]), line, color=colour, marker=marker, linewidth=2, label=name)
    ax.set_xticks(angles, labels)
    ax.set_ylim(lo, hi)
    ax.set_yticks(np.arange(lo, hi + 0.01, 1.0))
    ax.yaxis.set_major_formatter(_decimal(lang))
    ax.tick_params(axis="y", labelsize=7)
    ax.legend(loc="upper right", bbox_to_anchor=(1.25, 1.12), frameon=False, fontsize=8)
    return _svg(fig, title, description)


def gap_dots(
    labels: Sequence[str],
    first: Sequence[float | None],
    second: Sequence[float | None],
    names: tuple[str, str],
    lo: float,
    hi: float,
    title: str,
    description: str,
    lang: str = "pl",
    narrow: bool = False,
) -> str:
    """Each area's score by the two groups as two markers joined by a line (the gap).
    The legend sits above the plot, where it covers no point, and the axis leaves room
    for a marker at either end of the scale. ``narrow``: the phone layout, the same chart
    drawn smaller so that its text keeps a readable size on a small screen."""
    labels, names = _shown(labels), (visible(names[0]), visible(names[1]))
    labels, lines = _wrapped(labels)
    n = len(labels)
    width, per_row = (3.9, 0.3) if narrow else (7.2, max(0.24, 0.16 * lines + 0.08))
    fig, ax = _figure(width, per_row * n + 0.9)
    y = np.arange(n)[::-1]
    a = np.array([np.nan if v is None else v for v in first], dtype=float)
    b = np.array([np.nan if v is None else v for v in second], dtype=float)
    ax.hlines(y, np.fmin(a, b), np.fmax(a, b), color="#999999", linewidth=2)
    ax.plot(a, y, "o", color=DARK, markersize=7, label=names[0], clip_on=False)
    ax.plot(b, y, "D", color=LIGHT, markeredgecolor="#333333", markersize=6, label=names[1], clip_on=False)
    ax.set_yticks(y, labels)
    ax.set_ylim(-0.6, n - 0.4)
    ax.set_xlim(lo - 0.08, hi + 0.08)
    ax.set_xticks(np.arange(lo, hi + 0.01, 0.5))
    ax.xaxis.set_major_formatter(_decimal(lang))
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=2, frameon=False)
    return _svg(fig, title, description, key="n" if narrow else "")
