"""The house plan that import-linter cannot see (docs/architecture.md): modules stay small,
the top level holds only the kernel and the façade."""

from __future__ import annotations

from conftest import ROOT

PACKAGE = ROOT / "src" / "liwindex"
MAX_LINES = 500
TOP_LEVEL = {"__init__.py", "__main__.py", "api.py", "problems.py", "text.py", "i18n.py"}


def test_no_module_is_over_500_lines():
    """A module that grows past 500 lines becomes a package (STYLE.md)."""
    long = {
        str(path.relative_to(PACKAGE)): n
        for path in PACKAGE.rglob("*.py")
        if (n := len(path.read_text("utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_the_top_level_holds_the_kernel_and_the_facade_only():
    """At most eight modules beside the packages: a new module belongs in its layer."""
    modules = {p.name for p in PACKAGE.glob("*.py")}
    assert modules <= TOP_LEVEL and len(modules) <= 8
