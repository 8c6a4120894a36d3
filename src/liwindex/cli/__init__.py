"""The ``liwindex`` command line: commands by family over :mod:`liwindex.api`."""

from liwindex.cli.group import cli, main

__all__ = ["cli", "main"]
