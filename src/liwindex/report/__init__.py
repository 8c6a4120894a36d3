"""The report for publication: a self-contained HTML page (inline CSS, charts as inline
SVG drawn by matplotlib) and a PDF of the same page."""
