"""Excel workbooks for ``trend`` (a line chart of every area across rounds) and
``benchmark`` (local governments ranked per area, with a bar chart of the index)."""

from __future__ import annotations

from pathlib import Path

from openpyxl.chart import BarChart, LineChart, Reference, Series
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from liwindex.compare.many import Benchmark, Trend
from liwindex.i18n import t
from liwindex.outputs.excel.style import DELTA, SCORE, fit_height, header, layout, marked_workbook, put
from liwindex.outputs.sheet_words import w

NAME_WIDTH = 52  # column B: whole area names, wrapped


def _name(ws: Worksheet, row: int, label: str, bold: bool = False) -> None:
    """An area or płaszczyzna name in column B, wrapped (never cut), its row as tall as it."""
    put(ws, row, 2, label, bold=bold, wrap=True)
    fit_height(ws, row, [(label, NAME_WIDTH)])


def _chart_page(ws: Worksheet, chart: object, row: int) -> None:
    """The chart at ``row``, on a page of its own: a page break before it keeps it whole."""
    ws.add_chart(chart, f"A{row}")
    ws.row_breaks.append(Break(id=row - 1))


def write_trend_xlsx(path: Path, trend: Trend, lang: str) -> None:
    """Areas, płaszczyzny and the index across rounds, with line charts."""
    wb = marked_workbook()
    ws = wb.active
    ws.title = w("sheet_trend", lang)
    labels = trend.labels(lang)
    data = trend.to_dict(lang)
    header(ws, 1, [w("area", lang), w("name", lang), *labels])
    rows = [("", f"{w('index', lang)} ({trend.basis_words(lang)})", data["index"])]
    rows += [(d["id"], d["label"], d["values"]) for d in data["dimensions"]]
    rows += [(a["id"], a["label"], a["values"]) for a in data["areas"]]
    for r, (ident, label, values) in enumerate(rows, 2):
        put(ws, r, 1, ident)
        _name(ws, r, label, bold=not ident)
        for c, value in enumerate(values, 3):
            put(ws, r, c, value, SCORE)
    last_col = 2 + len(labels)
    first_area = 2 + 1 + len(data["dimensions"])
    for title, first, last, anchor in (
        (w("chart_trend_index", lang), 2, first_area - 1, len(rows) + 3),
        (w("chart_trend_areas", lang), first_area, len(rows) + 1, len(rows) + 30),
    ):
        chart = LineChart()
        chart.title = f"{title} ({trend.basis_words(lang)})"
        chart.y_axis.scaling.min, chart.y_axis.scaling.max = trend.rounds[-1].index_range
        for row in range(first, last + 1):
            ident, label = rows[row - 2][0], rows[row - 2][1]
            series = Series(
                Reference(ws, min_col=3, max_col=last_col, min_row=row), title=str(ident or label)
            )
            series.smooth = False  # rounds are separate measurements, not a curve
            chart.series.append(series)
        chart.set_categories(Reference(ws, min_col=3, max_col=last_col, min_row=1))
        chart.height, chart.width = 12, 24  # a landscape A4 page each
        _chart_page(ws, chart, anchor)
    layout(ws, [8, NAME_WIDTH, *[14] * len(labels)], freeze="C2", landscape=True)
    if any(r.indicators for r in trend.rounds):
        from liwindex.outputs.excel.sheets import indicators_sheet

        indicators_sheet(wb.create_sheet(w("sheet_indicators", lang)), trend.rounds, lang)
    wb.save(path)


def write_benchmark_xlsx(path: Path, bench: Benchmark, lang: str) -> None:
    """Values, ranks and distance from the median per area and JST, and the index as bars."""
    wb = marked_workbook()
    ws = wb.active
    ws.title = w("sheet_benchmark", lang)
    names = bench.names
    titles = [w("area", lang), w("name", lang), w("median", lang)]
    for name in names:
        titles += [name, f"{w('rank', lang)} ({name})", f"{w('vs_median', lang)} ({name})"]
    header(ws, 1, titles)
    ws.row_dimensions[1].height = 80  # "Różnica do mediany (Gmina …)" on up to five lines
    for r, measure in enumerate([bench.index, *bench.areas], 2):
        put(ws, r, 1, "" if measure.id == "index" else measure.id)
        label = (
            f"{measure.label[lang]} ({bench.basis_words(lang)})"
            if measure.id == "index"
            else measure.label[lang]
        )
        _name(ws, r, label, bold=measure.id == "index")
        put(ws, r, 3, measure.median, SCORE)
        for j, name in enumerate(names):
            put(ws, r, 4 + 3 * j, measure.values[name], SCORE)
            put(ws, r, 5 + 3 * j, measure.ranks[name])
            put(ws, r, 6 + 3 * j, measure.versus_median(name), DELTA)
    for k, (name, reason) in enumerate(bench.unranked.items(), len(bench.areas) + 3):
        _name(ws, k, f"{name}: {t(f'rank_reason_{reason}', lang)}")
    chart = BarChart()
    chart.type = "col"
    chart.title = f"{w('chart_benchmark', lang)} ({bench.basis_words(lang)})"
    chart.y_axis.scaling.min, chart.y_axis.scaling.max = bench.results[0].index_range
    for j in range(len(names)):
        chart.add_data(Reference(ws, min_col=4 + 3 * j, min_row=1, max_row=2), titles_from_data=True)
    chart.height, chart.width = 12, 24
    _chart_page(ws, chart, len(bench.areas) + 4 + len(bench.unranked))
    layout(ws, [8, NAME_WIDTH, 10, *[12] * (3 * len(names))], freeze="D2", landscape=True)
    wb.save(path)
