"""Files out: written atomically, never over an input; the Excel workbooks, the CSV table, the
HTML pages, PDF and the forms."""
