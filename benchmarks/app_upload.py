"""Upload → result in `liwindex app`: a 150-respondent round posted to a running server
(started as a user would, ``liwindex app --no-browser --port 0``), timed from the first
byte of the upload to the last byte of the result page, the first upload after the start
(after ``wait`` seconds, as a user takes to pick the files; the server loads the scoring
modules meanwhile) and the next ones (warm).

    python benchmarks/app_upload.py [RESPONDENTS]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from synth import rows, write_xlsx


def main(n: int = 150, repeats: int = 10, wait: float = 5.0) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = write_xlsx(Path(tmp) / "runda.xlsx", rows(n))
        size = path.stat().st_size
        server = subprocess.Popen(
            [sys.executable, "-m", "liwindex", "app", "--no-browser", "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        try:
            assert server.stdout is not None
            url = server.stdout.readline().strip()
            base = url.split("/?")[0]
            with httpx.Client(follow_redirects=True, timeout=60) as client:
                client.get(url)
                time.sleep(wait)  # the user picks the files
                times = []
                for _ in range(repeats):
                    data = path.read_bytes()
                    start = time.perf_counter()
                    answer = client.post(base + "/ocena", files={"files": (path.name, data)})
                    times.append(time.perf_counter() - start)
                    assert 'id="index-value"' in answer.text, answer.text[:500]
                start = time.perf_counter()
                report = client.get(str(answer.url) + "/pobierz/xlsx")
                excel = time.perf_counter() - start
                assert report.content[:2] == b"PK"
        finally:
            server.terminate()
            server.wait()
    print(
        f"{n} respondents ({size} B): cold {times[0] * 1000:.0f} ms, warm median "
        f"{statistics.median(times[1:]) * 1000:.0f} ms (max {max(times[1:]) * 1000:.0f} ms); "
        f"its Excel report (2000 resamples) {excel * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 150)
