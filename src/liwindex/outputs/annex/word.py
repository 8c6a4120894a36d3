"""The annex as a Word document (python-docx, imported only here)."""

from __future__ import annotations

from pathlib import Path

from liwindex.outputs.annex.content import Annex


def write_docx(annex: Annex, target: Path, author: str | None = None) -> None:
    """The annex as a Word document: the title, Heading 1 sections, tables with a header
    row that repeats on a new page, Polish as the document's language, A4 with 2 cm margins."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    language = "en-GB" if annex.lang == "en" else "pl-PL"
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))

    def set_language(style_element: object) -> None:
        rpr = style_element.get_or_add_rPr()  # type: ignore[attr-defined]
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), language)
        lang.set(qn("w:eastAsia"), language)

    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(3)
    set_language(normal.element)
    dark = RGBColor(0x1F, 0x1F, 0x1F)  # headings in near-black: contrast well over 4.5:1
    for style_name, size in (("Title", 15), ("Heading 1", 12)):
        style = doc.styles[style_name]
        style.font.size = Pt(size)
        style.font.color.rgb = dark
        style.font.name = "Calibri"
        style.paragraph_format.space_before = Pt(8 if style_name == "Heading 1" else 0)
        style.paragraph_format.space_after = Pt(3)
        style.paragraph_format.keep_with_next = True
        set_language(style.element)

    core = doc.core_properties
    core.title = annex.title
    core.language = language
    core.author = author or "liwindex"
    core.comments = annex.subtitle

    doc.add_heading(annex.title, level=0)
    doc.add_paragraph(annex.subtitle)
    for part in annex.sections:
        doc.add_heading(part.heading, level=1)
        for text in part.paragraphs:
            doc.add_paragraph(text)
        for text in part.bullets:
            doc.add_paragraph(text, style="List Bullet")
        if part.table is not None:
            t = part.table
            table = doc.add_table(rows=1, cols=len(t.head))
            table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            header = table.rows[0]
            flag = OxmlElement("w:tblHeader")  # a header row: repeats, and screen readers know it
            flag.set(qn("w:val"), "true")
            header._tr.get_or_add_trPr().append(flag)
            for i, text in enumerate(t.head):
                cell = header.cells[i]
                cell.text = ""
                run = cell.paragraphs[0].add_run(text)
                run.font.size = Pt(8.5)
                # shaded rather than bold: a stage's name ("powdrożeniowa") then fits a number
                # column in any font
                shade = OxmlElement("w:shd")
                shade.set(qn("w:val"), "clear")
                shade.set(qn("w:color"), "auto")
                shade.set(qn("w:fill"), "E7E6E6")
                cell._tc.get_or_add_tcPr().append(shade)
                if i in t.numeric:
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            for values in t.rows:
                added = table.add_row()
                whole = OxmlElement("w:cantSplit")  # a row is never cut between pages
                whole.set(qn("w:val"), "true")
                added._tr.get_or_add_trPr().append(whole)
                cells = added.cells
                for i, text in enumerate(values):
                    cells[i].text = ""
                    para = cells[i].paragraphs[0]
                    para.add_run(text).font.size = Pt(9)
                    para.paragraph_format.space_after = Pt(0)
                    if i in t.numeric:
                        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            # the name column wide, so that an area's name takes one line; LibreOffice reads
            # the grid, Word the cells: both are set
            table.autofit = False
            rest = len(t.head) - 1
            number = 2.8 if rest > 3 else 3.0
            widths = [Cm(17.0 - number * rest if rest > 1 else 12.0)] + [
                Cm(number if rest > 1 else 5.0)
            ] * rest
            for column, width in zip(table.columns, widths, strict=True):
                column.width = width
            for r in table.rows:
                for cell, width in zip(r.cells, widths, strict=True):
                    cell.width = width
        for n, text in enumerate(part.notes):
            note = doc.add_paragraph()
            if n == 0:
                note.paragraph_format.space_before = Pt(3)
            run = note.add_run(text)
            run.font.size = Pt(8.5)
    for text in annex.footer:
        p = doc.add_paragraph()
        p.paragraph_format.space_before = Pt(6)
        run = p.add_run(text)
        run.font.size = Pt(8.5)
    doc.save(str(target))
