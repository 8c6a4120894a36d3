"""``liwindex app``: the local web app over :mod:`liwindex.api` (docs/przewodnik.md,
"Aplikacja w przeglądarce"). Starlette and uvicorn are imported only when it starts."""
