"""liwindex — the Lokalny Indeks Jakości Współpracy (LIJW) computed from survey workbooks.

The library API lives in :mod:`liwindex.api`; importing this package stays cheap so that
``liwindex --help`` starts quickly.
"""

__version__ = "0.1.0"
