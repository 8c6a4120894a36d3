"""Check the built distributions before anyone installs them: the wheel carries every file
the package reads at run time (questionnaires, word lists, templates, static files), the
sdist carries the source tree's package data and the licence.

    python -m build --outdir dist && python scripts/check_wheel.py dist

Exit 1 naming every missing file; the list of package files is what git tracks under
src/liwindex (or the folder's files where there is no git checkout).
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def package_data() -> list[str]:
    """Every non-Python file of the package, as a path below src/."""
    try:
        out = subprocess.run(
            ["git", "ls-files", "src/liwindex"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        out = [p.relative_to(ROOT).as_posix() for p in (ROOT / "src/liwindex").rglob("*") if p.is_file()]
    return sorted(
        Path(name).relative_to("src").as_posix()
        for name in out
        if not name.endswith((".py", ".pyc")) and "__pycache__" not in name
    )


def main(folder: str) -> int:
    dist = Path(folder)
    wheels, sdists = sorted(dist.glob("liwindex-*.whl")), sorted(dist.glob("liwindex-*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        print(f"expected one wheel and one sdist in {dist}, found {wheels + sdists}", file=sys.stderr)
        return 1
    data = package_data()
    in_wheel = set(zipfile.ZipFile(wheels[0]).namelist())
    with tarfile.open(sdists[0]) as sdist:
        top = sdists[0].name.removesuffix(".tar.gz")
        in_sdist = {name.removeprefix(top + "/") for name in sdist.getnames()}
    missing = [f"wheel: {name}" for name in data if name not in in_wheel]
    missing += [f"sdist: src/{name}" for name in data if f"src/{name}" not in in_sdist]
    top_files = ("LICENSE", "README.md", "pyproject.toml")
    missing += [f"sdist: {name}" for name in top_files if name not in in_sdist]
    licence = [name for name in in_wheel if name.endswith(".dist-info/licenses/LICENSE")]
    if not licence:
        missing.append("wheel: the LICENSE in its .dist-info")
    for line in missing:
        print(f"missing from the {line}", file=sys.stderr)
    if not missing:
        print(f"{wheels[0].name}: {len(data)} package data files, licence; {sdists[0].name}: the same")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "dist"))
