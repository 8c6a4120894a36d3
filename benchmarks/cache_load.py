"""What reading the standard questionnaire costs a fresh process: from a pickle (the old
cache format), from the JSON entry (the current one: JSON parsed, the pydantic validators
built and the model validated) and from the YAML with no cache.

    python benchmarks/cache_load.py [--runs 15]

Each measurement runs in its own interpreter, as every `score` and every batch worker
does; the median and the minimum over the runs are printed in milliseconds, of wall-clock and
of CPU time (the latter hardly moves when other processes share the cores).
"""

from __future__ import annotations

import argparse
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = r"""
import os, pickle, sys, time
mode, folder = sys.argv[1], sys.argv[2]
from liwindex.io import cache
from liwindex.model.loading import _SOURCES, _versions, parse_questionnaire, standard_questionnaire_text
from liwindex.model.questionnaire import Questionnaire
text = standard_questionnaire_text()
start, cpu = time.perf_counter(), time.process_time()
if mode == "pickle":
    with open(os.path.join(folder, "entry.pickle"), "rb") as fh:
        q = pickle.load(fh)
elif mode == "json":
    q = cache.load(cache.key("questionnaire", text, _versions(), _SOURCES), Questionnaire)
    assert q is not None
else:
    q = parse_questionnaire(text, "standard.yaml")
print((time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    from liwindex.model.loading import parse_questionnaire, standard_questionnaire_text

    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "LIWINDEX_CACHE_DIR": folder}
        os.environ["LIWINDEX_CACHE_DIR"] = folder
        questionnaire = parse_questionnaire(standard_questionnaire_text(), "standard.yaml")  # stores the JSON
        Path(folder, "entry.pickle").write_bytes(pickle.dumps(questionnaire, pickle.HIGHEST_PROTOCOL))
        sizes = {p.suffix: p.stat().st_size for p in Path(folder).iterdir()}
        print(f"entry sizes: pickle {sizes['.pickle']:,} B, JSON {sizes['.json']:,} B")
        for mode in ("pickle", "json", "yaml"):
            child_env = env if mode != "yaml" else {**env, "LIWINDEX_CACHE_DIR": "off"}
            measured = [
                [
                    float(x)
                    for x in subprocess.run(
                        [sys.executable, "-c", CHILD, mode, folder],
                        env=child_env,
                        capture_output=True,
                        text=True,
                        check=True,
                    ).stdout.split()
                ]
                for _ in range(runs)
            ]
            wall, cpu = [m[0] for m in measured], [m[1] for m in measured]
            print(
                f"{mode:>6}: wall median {statistics.median(wall):6.1f} ms (min {min(wall):.1f}), "
                f"CPU median {statistics.median(cpu):6.1f} ms (min {min(cpu):.1f}), {runs} runs"
            )


if __name__ == "__main__":
    main()
