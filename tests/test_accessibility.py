"""WCAG 2.1 A/AA of every page liwindex writes for publication (BIP requires AA): axe-core
in the system's Chromium, driven by Playwright, at desktop and phone width, and the basics
axe does not fully check — the page's language, headings that never skip a level, header
cells with a scope, charts that are named images whose numbers are also in a table.

One browser serves the module; each test builds its kind's pages through the command line,
so that pytest-xdist never builds a page twice. docs/accessibility.md says what this covers
and what still needs a person."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, INITIAL, POST, run
from many_jst import JSTS, THIN, facilitator_folder

sync_api = pytest.importorskip(
    "playwright.sync_api", reason='playwright is not installed (pip install ".[test]")'
)
axe_sync = pytest.importorskip(
    "axe_playwright_python.sync_playwright",
    reason='axe-playwright-python is not installed (pip install ".[test]")',
)
CHROMIUM = next(
    (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None
)
pytestmark = [
    pytest.mark.accessibility,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)"),
]

ANNUAL = EXAMPLES / "gmina-przykladowa-2026-roczna.xlsx"
VIEWPORTS = {"1280x900": (1280, 900), "390x844": (390, 844)}
KINDS = ("report", "comparison", "trend", "benchmark", "batch", "questionnaire", "annex", "grading-pack")
# the browser touches nothing but the page: no update checks, no sync, no first-run pages
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
FAILING = ("serious", "critical")
# a number a chart writes as a label (3,43; axis ticks have one decimal: 1,5)
NUMBER = re.compile(r"\d+,\d\d")


def build(kind: str, folder: Path) -> list[Path]:
    """Write the pages of ``kind`` into ``folder`` through the command line, as a user would."""
    if kind == "batch":
        single = THIN + 1
        jsts = facilitator_folder(folder / "jst", only_first=single)
        # three JSTs keep the batch short and still give the summary each kind of row: an
        # ordinary JST, one whose latest round is provisional (THIN), one with one round
        for k, (name, _) in enumerate(JSTS):
            if k not in (0, THIN, single):
                shutil.rmtree(jsts / name)
        out = folder / "raporty"
        result = run("batch", jsts, "-o", out, "--bootstrap", "100", "--jobs", "1", "--quiet")
        assert result.exit_code == 0, result.output
        # the summary and a JST's page: Miasto Brzegi's comparison, a provisional value marked
        return [out / "podsumowanie.html", out / "miasto-brzegi.html"]
    out = folder / f"{kind}.html"
    commands: dict[str, list[object]] = {
        "report": ["report", POST, "--bootstrap", "100"],
        "comparison": ["report", INITIAL, POST, "--bootstrap", "100"],
        "trend": ["trend", INITIAL, POST, ANNUAL, "--jobs", "1"],
        "benchmark": ["benchmark", EXAMPLES / "inne-jst", INITIAL, POST, ANNUAL, "--jobs", "1"],
        "questionnaire": ["questionnaire", "docs", "--format", "html"],
        "annex": ["annex", INITIAL, POST, "--bootstrap", "100"],
        "grading-pack": ["grading-pack", ANNUAL, "--previous", POST],
    }
    result = run(*commands[kind], "-o", out)
    assert result.exit_code == 0, result.output
    return [out]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the module (for each pytest-xdist worker): the system's,
    never a downloaded one."""
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def open_page(browser: Any, path: Path, viewport: str) -> Any:
    """``path`` in a fresh context of ``viewport``; any request off the disk is refused."""
    width, height = VIEWPORTS[viewport]
    context = browser.new_context(viewport={"width": width, "height": height}, locale="pl-PL")
    context.route(re.compile(r"^(?!file:|data:|about:)"), lambda route: route.abort())
    page = context.new_page()
    page.goto(path.as_uri())
    return page


def violations(page: Any) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.0/2.1 A and AA violations on the open page, every impact."""
    return list(axe_sync.Axe().run(page, options=AXE_OPTIONS).response["violations"])


def describe(violation: dict[str, Any]) -> str:
    """One violation as a line for the engineer fixing it: rule, impact, help, how many
    elements, the first targets and the first element's HTML."""
    nodes = violation["nodes"]
    targets = ", ".join(" ".join(map(str, node["target"])) for node in nodes[:3])
    snippet = " ".join(nodes[0]["html"].split())[:200] if nodes else ""
    return (
        f"{violation['id']} ({violation['impact']}): {violation['help']} — {len(nodes)} element(s), "
        f"e.g. {targets}\n    {snippet}"
    )


# What the DOM says about the basics, collected in one pass in the browser.
FACTS = """() => {
  const text = (el) => (el ? el.textContent.trim() : "");
  const short = (el) => el.outerHTML.slice(0, 160);
  return {
    lang: document.documentElement.getAttribute("lang") || "",
    headings: Array.from(document.querySelectorAll("h1, h2, h3, h4, h5, h6")).map(
      (h) => [Number(h.tagName[1]), text(h).slice(0, 60)]),
    tables: Array.from(document.querySelectorAll("table")).map((t) => ({
      html: short(t),
      headers: t.querySelectorAll("th").length,
      unscoped: Array.from(t.querySelectorAll("th")).filter(
        (th) => !["col", "row", "colgroup", "rowgroup"].includes(th.getAttribute("scope"))).map(short),
    })),
    cells: Array.from(document.querySelectorAll("table th, table td")).map(text).join(" | "),
    charts: Array.from(document.querySelectorAll("svg")).filter((s) => !s.parentElement.closest("svg")).map(
      (s) => ({
        html: short(s),
        role: s.getAttribute("role") || "",
        label: (s.getAttribute("aria-label") || "").trim(),
        labelledby: (s.getAttribute("aria-labelledby") || "").split(/\\s+/).filter(Boolean).map(
          (id) => text(document.getElementById(id))).join(" "),
        numbers: Array.from(s.querySelectorAll("text")).map(text).join(" | "),
      })),
  };
}"""


def basics(facts: dict[str, Any]) -> list[str]:
    """Every way the page falls short of the basics, as lines (empty: none; a chart drawn
    twice, for wide and narrow screens, is named once)."""
    found = []
    if not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)*", facts["lang"]):
        found.append(f"<html lang> is {facts['lang']!r}, not a language tag")
    previous = 0
    for level, words in facts["headings"]:
        if level > previous + 1:
            after = f"h{previous}" if previous else "the top of the page"
            found.append(f"h{level} {words!r} comes after {after}: a heading level is skipped")
        previous = level
    for table in facts["tables"]:
        if not table["headers"]:
            found.append(f"a table has no <th>: {table['html']}")
        found += [f"a <th> has no scope: {th}" for th in table["unscoped"]]
    tabled = set(NUMBER.findall(facts["cells"]))
    for chart in facts["charts"]:
        if chart["role"] != "img":
            found.append(f'a chart has role {chart["role"]!r}, not "img": {chart["html"]}')
        if not (chart["label"] or chart["labelledby"]):
            found.append(f"a chart has no accessible name (aria-label or aria-labelledby): {chart['html']}")
        if not facts["tables"]:
            found.append(f"a chart has no table of its numbers on the page: {chart['html']}")
        missing = sorted(set(NUMBER.findall(chart["numbers"])) - tabled)
        if missing:
            found.append(f"numbers of the chart {chart['label']!r} in no table: {', '.join(missing)}")
    return list(dict.fromkeys(found))


@pytest.mark.parametrize("kind", KINDS)
def test_pages_meet_wcag_21_aa(kind, tmp_path, browser):
    """At 1280×900 and 390×844 axe-core (tags wcag2a, wcag2aa, wcag21a, wcag21aa) finds no
    serious or critical violation; and <html lang> is set, headings go down one level at a
    time from h1, every table has header cells each with a scope, and every chart is an
    image with a name whose numbers are in a table on the page. Every shortfall of the
    kind's pages is listed at once."""
    found = []
    for path in build(kind, tmp_path):
        for viewport in VIEWPORTS:
            page = open_page(browser, path, viewport)
            try:
                serious = [v for v in violations(page) if v["impact"] in FAILING]
                found += [f"{path.name} at {viewport}: {describe(v)}" for v in serious]
                if viewport == "1280x900":
                    found += [f"{path.name}: {line}" for line in basics(page.evaluate(FACTS))]
            finally:
                page.context.close()
    assert not found, f"{kind}:\n" + "\n".join(found)
