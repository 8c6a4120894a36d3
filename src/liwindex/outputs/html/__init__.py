"""Pages for publication: self-contained HTML (inline CSS, charts as inline SVG drawn by matplotlib)."""
