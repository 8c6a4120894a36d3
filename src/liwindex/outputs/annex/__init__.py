"""The annex to the yearly report on the cooperation programme (sprawozdanie z realizacji
programu współpracy, art. 5a ust. 3 of the ustawa o działalności pożytku publicznego i o
wolontariacie): one or two A4 pages that an officer pastes into the sprawozdanie or
attaches to it.

What was assessed and by whom, the official index and płaszczyzny before and after on one
basis, the areas, three findings, the working group's recommendations and a paragraph for
the programme's evaluation clause. The content is built once (:func:`annex_content`) and
written as Word (real headings and tables an officer can edit, :func:`write_docx`) or as a
self-contained HTML page (:func:`annex_html`). The working group's words are screened for
personal data like the open answers of every published output.
"""

from liwindex.outputs.annex.content import Annex, Section, Table, annex_content
from liwindex.outputs.annex.page import annex_html
from liwindex.outputs.annex.word import write_docx

__all__ = ["Annex", "Section", "Table", "annex_content", "annex_html", "write_docx"]
