"""Reports written to files: the Excel report for the council and the CSV area table.

Outputs are written atomically (a temporary file renamed into place), never over an
existing file without ``force``, never over an input, and no text from respondents can
become a formula.
"""

from liwindex.export.files import check_output, write_atomically

__all__ = ["check_output", "write_atomically"]
