"""Many JSTs as a facilitator keeps them (tests/many_jst.py): round folders are one round
each in every command, a broken round fails its JST visibly, ranks compare like with like,
and liwindex's own reports in a round folder are passed over."""

from __future__ import annotations

import json
import re

import pytest

from conftest import run
from liwindex.api import benchmark_files, export_report, score_file, trend_files
from many_jst import JSTS, THIN, facilitator_folder


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return facilitator_folder(tmp_path_factory.mktemp("facilitator") / "in")


def test_benchmark_of_a_folder_reads_each_round_folder_as_one_round(root):
    """benchmark FOLDER finds the rounds in subfolders; each JST's latest round has both
    groups and the index that score gives for that round's folder."""
    bench = benchmark_files([str(root)])
    assert sorted(bench.names) == sorted(name for _, name in JSTS)
    for result in bench.results:
        assert result.missing_groups == []
        assert result.respondents_by_group["ngo"] == 21 and result.respondents_by_group["jst"] in (3, 6)
        folder = result.meta["source"].split(" + ")[0].rsplit("/", 1)[0]
        assert score_file(folder).index.value == pytest.approx(result.index.value)


def test_benchmark_of_two_round_folders_on_the_command_line(root):
    """benchmark A/po B/2025 --json: two JSTs, both groups each, the indexes score gives."""
    a, b = root / JSTS[0][0] / "po", root / JSTS[1][0] / "2025"
    data = json.loads(run("benchmark", a, b, "--json").stdout)
    assert [j["respondents"] for j in data["jst"]] == [27, 27]
    assert all(j["missing_groups"] == [] for j in data["jst"])
    for folder, entry in zip((a, b), data["jst"], strict=True):
        score = json.loads(run("score", folder, "--json").stdout)
        assert data["index"]["jst"][entry["name"]]["value"] == pytest.approx(score["index"]["value"])


def test_ranks_compare_like_with_like(root):
    """A JST whose latest round is of another year and a provisional value get no rank,
    each with its reason; the others are ranked 1…8, ties sharing a rank."""
    bench = benchmark_files([str(root)])
    assert bench.unranked == {"Gmina Żabno": "other_round", JSTS[THIN][1]: "provisional"}
    ranks = {j: r for j, r in bench.index.ranks.items() if r is not None}
    assert sorted(ranks.values())[0] == 1 and len(ranks) == 8
    values = [bench.index.values[j] for j in sorted(ranks, key=ranks.get)]
    assert values == sorted(values, reverse=True)
    data = bench.to_dict()
    [zabno] = [j for j in data["jst"] if j["name"] == "Gmina Żabno"]
    assert zabno["rank"] is None and zabno["rank_reason"] == "other_round"


def test_trend_of_a_jst_folder_takes_its_round_folders(root):
    """trend FOLDER of one JST: its two round folders, in order."""
    data = trend_files([str(root / JSTS[0][0])])
    assert [(r.meta["rok"], r.respondents_total) for r in data.rounds] == [(2024, 27), (2025, 27)]


def test_batch_with_one_broken_round_names_it_everywhere(tmp_path):
    """One broken answer in one JST's latest round: exit 1; the terminal, the summary and
    that JST's report name the round once; the other JSTs are complete; the failed JST,
    the thin one and the one without its latest round are not ranked, each with its reason."""
    broken = JSTS[6][1]
    folder = facilitator_folder(tmp_path / "in", broken=6)
    out = tmp_path / "out"
    result = run("batch", folder, "-o", out, "--bootstrap", "0", "--quiet")
    assert result.exit_code == 1
    lines = [x for x in result.stderr.splitlines() if broken in x]
    assert len(lines) == 1 and "nie odczytano etapu 2025 · powdrożeniowa" in lines[0]
    assert lines[0].count("urzad.csv") == 1 and "super" in lines[0]
    assert result.stdout == ""  # --quiet: errors and the final line only, on stderr
    summary = (out / "podsumowanie.html").read_text("utf-8")
    assert summary.count("nie odczytano etapu 2025 · powdrożeniowa") == 2  # the row and the failure list
    page = (out / "gmina-nowa-deba-gorna.html").read_text("utf-8")
    assert page.count("Etapu 2025 · powdrożeniowa nie udało się odczytać") == 1
    assert "opiera się na niewielu odpowiedziach" not in page  # a missing round is not thin data
    assert len(list(out.glob("*.html"))) == 11  # ten JSTs and the summary
    assert "Gmina Żabno: bez miejsca: ostatni etap inny" not in summary  # reasons are in the rows
    first_table = summary.split("Obszary we wszystkich JST")[0]
    body = [line for line in first_table.split("<tr>") if line.startswith('<th scope="row">')]
    rows = {line.split("</th>")[0].rsplit(">", 1)[-1]: line for line in body}
    assert "bez miejsca: błędy w plikach" in rows[broken]
    assert "bez miejsca: ostatni etap inny niż u pozostałych" in rows["Gmina Żabno"]
    assert "bez miejsca: wynik orientacyjny" in rows[JSTS[THIN][1]]
    ranked = [r for name, r in rows.items() if "bez miejsca" not in r]
    assert len(ranked) == 7
    # what a funder asks: respondents and response rate per JST, how many rose or fell
    assert (
        "27 (NGO 21, JST 6); 67,5%" in rows["Gmina Osiek"]
        and "24 (NGO 21, JST 3); 60,0%" in rows[JSTS[THIN][1]]
    )
    assert re.search(
        r"poprawa w \d+, bez zmian w \d+, spadek w \d+ z 8 JST z dwoma etapami; mediana zmiany [+−]\d,\d\d pkt",
        summary,
    )


def test_a_report_saved_in_a_round_folder_is_not_read_back(tmp_path):
    """A workbook liwindex wrote into a round folder is skipped with a note: the round's
    numbers stay the same."""
    folder = facilitator_folder(tmp_path / "in") / JSTS[0][0] / "po"
    before = score_file(str(folder)).index.value
    export_report([str(folder)], folder / "raport.xlsx", resamples=0)
    again = score_file(str(folder))
    assert again.index.value == before
    assert [p.code for p in again.problems if p.file == str(folder / "raport.xlsx")] == ["own-output-skipped"]
    assert len(benchmark_files([str(folder.parent.parent)]).names) == 10


def test_one_export_given_twice_is_an_error(tmp_path):
    """The .xlsx and the .csv download of one form in one round folder: exit 1 naming both
    files, instead of counting the same respondents twice."""
    import csv

    from conftest import errors, problems, write_workbook

    folder = facilitator_folder(tmp_path / "in") / JSTS[0][0] / "po"
    with (folder / "organizacje.csv").open(encoding="cp1250", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    write_workbook(folder / "organizacje (1).xlsx", {"Odpowiedzi": rows})
    result = run("score", folder)
    assert errors(result) == ["export-given-twice"]
    [problem] = [p for p in problems(result) if p.code == "export-given-twice"]
    assert {problem.file, problem.value} == {
        str(folder / "organizacje (1).xlsx"),
        str(folder / "organizacje.csv"),
    }
    assert problem.params["count"] == 21


def test_a_name_spelled_without_polish_letters_is_one_jst_with_a_warning(tmp_path):
    """ "Gmina Łąkowo" in 2024 and "Gmina Lakowo" in 2025: one JST (ten in the summary, not
    eleven), and a warning naming both spellings and the fix."""
    folder = facilitator_folder(tmp_path / "in", no_polish=4)
    result = run("batch", folder, "-o", tmp_path / "out", "--bootstrap", "0")
    assert result.exit_code == 0, result.output
    assert "„Gmina Łąkowo”, „Gmina Lakowo”" in result.stderr and "teryt" in result.stderr
    summary = (tmp_path / "out" / "podsumowanie.html").read_text("utf-8")
    assert "JST w zestawieniu: 10." in summary and summary.count("Gmina Lakowo") == 1  # the warning
    assert '<th scope="row">Gmina Łąkowo</th>' in summary  # the row keeps the Polish letters


def test_identity_by_teryt_and_by_name():
    """A code is the identity; without one the folded name is, one letter apart still one
    JST unless both have a round of the same year and stage; two codes under one name are
    two JSTs, told apart by their codes."""
    from liwindex.compare.identity import Seen, identify

    r24, r25 = (2024, "wstępna"), (2025, "powdrożeniowa")
    keys, names, warnings = identify([Seen("Gmina Łąkowo", None, r24), Seen("gmina  LAKOWO", None, r25)])
    assert len(set(keys)) == 1 and [w.code for w in warnings] == ["jst-names-alike"]
    keys, names, warnings = identify([Seen("Gmina Brzeg", None, r24), Seen("Gmina Brzegi", None, r25)])
    assert len(set(keys)) == 1 and [w.code for w in warnings] == ["jst-names-alike"]
    keys, names, warnings = identify([Seen("Gmina Brzeg", None, r25), Seen("Gmina Brzegi", None, r25)])
    assert len(set(keys)) == 2 and [w.code for w in warnings] == ["jst-names-apart"]
    keys, names, warnings = identify(
        [Seen("Gmina Osiek", "1214062", r25), Seen("Gmina Osiek", "2806032", r25)]
    )
    assert sorted(names[k] for k in keys) == ["Gmina Osiek (1214062)", "Gmina Osiek (2806032)"]
    keys, names, warnings = identify([Seen("Gmina Łąkowo", "2206012", r24), Seen("Łąkowo", "2206012", r25)])
    assert (
        len(set(keys)) == 1 and names[keys[0]] == "Łąkowo" and [w.code for w in warnings] == ["jst-spellings"]
    )


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("1261011", "1261011"),
        ("261011", "0261011"),
        (261011, "0261011"),
        ("12", "12"),
        ("1261", "1261"),
        ("12 61 01 1", "1261011"),
    ],
)
def test_a_teryt_code_is_read_as_digits(tmp_path, given, kept):
    """metryka's teryt: 2, 4 or 7 digits; a leading zero Excel dropped comes back."""
    from conftest import write_workbook

    path = write_workbook(
        tmp_path / "d.xlsx",
        {"O": [["grupa", "o1_n1"], ["ngo", "4"]], "metryka": [["jst", "Gmina X"], ["teryt", given]]},
    )
    assert score_file(path).meta["teryt"] == kept


@pytest.mark.parametrize("given", ["123", "0161011", "1200011", "1261016", "12610117", "abc"])
def test_a_code_that_is_not_teryt_is_a_located_error(tmp_path, given):
    """An odd województwo, a zero powiat or gmina, a kind digit that does not exist or a
    wrong length: exit 1 at the metryka cell, with how a code is built."""
    from conftest import problems, write_workbook

    path = write_workbook(
        tmp_path / "d.xlsx",
        {"O": [["grupa", "o1_n1"], ["ngo", "4"]], "metryka": [["jst", "Gmina X"], ["teryt", given]]},
    )
    [problem] = [p for p in problems(run("score", path)) if p.code == "bad-teryt"]
    assert (problem.sheet, problem.row, problem.column) == ("metryka", 2, "B")


def test_batch_json_gives_every_jst_with_its_rank_or_reason(tmp_path):
    """batch --json: per JST its key, name, rounds with respondents, values, change, rank or
    the reason for none, and the failed round; stdout is JSON alone."""
    folder = facilitator_folder(tmp_path / "in", broken=6)
    result = run("batch", folder, "-o", tmp_path / "out", "--bootstrap", "0", "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    by_name = {j["name"]: j for j in data["jst"]}
    assert len(by_name) == 10 and by_name["Gmina Osiek"]["key"] == "name:gmina osiek"
    osiek = by_name["Gmina Osiek"]
    assert [r["by_group"] for r in osiek["rounds"]] == [{"ngo": 21, "jst": 6}] * 2
    assert osiek["change"] == pytest.approx(osiek["latest"] - osiek["first"]) and osiek["rank"] >= 1
    broken = by_name[JSTS[6][1]]
    assert broken["failed"] and broken["rank"] is None and broken["rank_reason"] == "failed"
    [missing] = broken["missing_rounds"]
    assert missing["label"] == "2025 · powdrożeniowa" and missing["errors"][0]["code"] == "unknown-answer"
    assert by_name["Gmina Żabno"]["rank_reason"] == "other_round"
    # the areas across JSTs: one entry per area, medians inside the scale
    assert [a["id"] for a in data["areas"]] == [f"O{k}" for k in range(1, 13)]
    assert all(a["n"] == 10 and a["lowest"] <= a["median_latest"] <= a["highest"] for a in data["areas"])
    assert data["changes"]["n"] == 8


def test_the_dataset_equals_score_json_value_for_value(tmp_path):
    """liwindex dataset of the examples: every index, płaszczyzna and area value, overall and
    per group, and every n, is what score --json gives for that round."""
    import csv

    from conftest import EXAMPLES

    out = tmp_path / "lijw.csv"
    assert run("dataset", EXAMPLES, "-o", out, "--quiet").exit_code == 0
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    by_source: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_source.setdefault(row["source"], []).append(row)
    assert len(by_source) == 5  # three rounds of Gmina Przykładowa, two other JSTs

    def num(text: str) -> float | None:
        return None if text == "" else float(text)

    for source, found in by_source.items():
        score = json.loads(run("score", source, "--json").stdout)
        expected = {
            ("index", "LIJW", "all"): (
                score["index"]["survey"]["value"],
                score["index"]["grades"],
                score["index"]["value"],
            )
        }
        for d in score["dimensions"]:
            expected[("dimension", d["id"], "all")] = (d["survey"]["value"], d["grades"], d["value"])
        for a in score["areas"]:
            expected[("area", a["id"], "all")] = (a["survey"]["value"], a["grade"], a["value"])
            for g, v in a["by_group"].items():
                expected[("area", a["id"], g)] = (v, None, None)
        got = {
            (r["level"], r["id"], r["group"]): (num(r["survey"]), num(r["grade"]), num(r["value"]))
            for r in found
        }
        for key, values in expected.items():
            assert got[key] == pytest.approx(values, nan_ok=True), (source, key)
        assert {r["jst"] for r in found} == {score["meta"]["jst"]}
        [index] = [r for r in found if (r["level"], r["group"]) == ("index", "all")]
        assert int(index["n"]) == score["respondents"]["total"]


def test_the_dataset_as_parquet(tmp_path):
    """-o lijw.parquet with pyarrow: the same rows, typed columns."""
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is an optional extra (liwindex[parquet])")
    from conftest import EXAMPLES

    assert run("dataset", EXAMPLES, "-o", tmp_path / "lijw.parquet", "--quiet").exit_code == 0
    assert run("dataset", EXAMPLES, "-o", tmp_path / "lijw.csv", "--quiet").exit_code == 0
    table = pq.read_table(tmp_path / "lijw.parquet")
    lines = (tmp_path / "lijw.csv").read_text("utf-8").splitlines()
    assert table.num_rows == len(lines) - 1 and table.column_names == lines[0].split(",")


@pytest.mark.parametrize("written", ["0201012", "'0201012'", "201012", "02 01 01 2"])
def test_a_teryt_in_metryka_yaml_keeps_its_leading_zero(tmp_path, written):
    """YAML reads 0201012 as an octal number: the code is taken as written."""
    folder = facilitator_folder(tmp_path / "in") / JSTS[0][0] / "po"
    (folder / "metryka.yaml").write_text(
        f"jst: Gmina X\nrok: 2025\netap: powdrożeniowa\nteryt: {written}\n", "utf-8"
    )
    assert score_file(str(folder)).meta["teryt"] == "0201012"


def test_one_round_gives_one_index_in_every_command(root, tmp_path):
    """A round folder's index is the same in score, trend, benchmark, dataset and batch
    (SPEC §3: a round is read alike by every command)."""
    import csv

    jst_folder = root / JSTS[2][0]
    latest = sorted(p for p in jst_folder.iterdir() if p.is_dir())[-1]  # runda2: 2025
    score = json.loads(run("score", latest, "--json").stdout)["index"]["value"]
    trend = json.loads(run("trend", jst_folder, "--json").stdout)["index"][-1]
    bench = json.loads(run("benchmark", root, "--json").stdout)["index"]["jst"][JSTS[2][1]]["value"]
    run("dataset", jst_folder, "-o", tmp_path / "d.csv", "--quiet")
    with (tmp_path / "d.csv").open(encoding="utf-8") as fh:
        [row] = [
            r for r in csv.DictReader(fh) if (r["level"], r["group"], r["rok"]) == ("index", "all", "2025")
        ]
    batch = json.loads(run("batch", jst_folder, "-o", tmp_path / "out", "--bootstrap", "0", "--json").stdout)
    [entry] = batch["jst"]
    for value in (trend, bench, float(row["value"]), entry["latest"], entry["rounds"][-1]["index"]):
        assert value == pytest.approx(score, rel=1e-12)


def test_names_that_differ_in_a_number_are_not_called_alike():
    """ "Gmina Para 104" and "Gmina Para 109" are two JSTs without a warning."""
    from liwindex.compare.identity import Seen, identify

    keys, _, warnings = identify(
        [Seen("Gmina Para 104", None, (2025, "roczna")), Seen("Gmina Para 109", None, (2025, "roczna"))]
    )
    assert len(set(keys)) == 2 and warnings == []


def test_identity_stays_quick_on_thousands_of_short_names():
    """2,500 three-letter names, all a letter or two apart (a hostile metryka): no
    quadratic pass."""
    import itertools
    import time

    from liwindex.compare.identity import Seen, identify

    names = ["".join(p) for p in itertools.product("abcdefghijklmn", repeat=3)][:2500]
    started = time.monotonic()
    identify([Seen(n, None, (2025, "roczna")) for n in names])
    assert time.monotonic() - started < 5


def test_a_number_with_a_leading_zero_in_metryka_yaml_is_read_as_written(tmp_path):
    """zaproszonych: 0140 is 140 invitations, not the octal 96."""
    folder = facilitator_folder(tmp_path / "in") / JSTS[0][0] / "po"
    (folder / "metryka.yaml").write_text(
        "jst: Gmina X\nrok: 2025\netap: roczna\nzaproszonych: 0140\n", "utf-8"
    )
    meta = score_file(str(folder)).meta
    assert (meta["zaproszonych"], meta["rok"]) == (140, 2025)


def test_case_and_invisible_characters_make_no_second_jst():
    """'Gmina B', 'GMINA B' and the name with a zero-width space, a soft hyphen, a no-break
    or a doubled space are one JST (SPEC: the name folded for comparison)."""
    from liwindex.compare.identity import Seen, identify

    spellings = [
        "Gmina B",
        "GMINA B",
        "Gmina\u200b B",
        "Gmi\u00adna B",
        "Gmina\u00a0B",
        "Gmina  B",
        "\ufeffGmina B",
    ]
    keys, display, _ = identify([Seen(n, None, (2020 + k, "wstępna")) for k, n in enumerate(spellings)])
    assert len(set(keys)) == 1
    assert list(display.values()) == ["Gmina B"] or len(display) == 1
