#!/usr/bin/env bash
# Render the example reports to PNG pages, so their look can be checked after a change:
#   scripts/render_samples.sh [OUTDIR]          (default: ./samples, replaced on each run)
# Writes the comparison's Excel report (via LibreOffice → PDF → PNG), the HTML report at
# desktop (1280 px) and phone (390 px) width and as a PDF (via Chromium), the trend and
# benchmark pages and workbooks, and a batch summary. A tool that is not installed is skipped with a note.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-samples}"
rm -rf "$out" && mkdir -p "$out"
liwindex="${LIWINDEX:-liwindex}"
before="$here/examples/gmina-przykladowa-2024-wstepna.xlsx"
after="$here/examples/gmina-przykladowa-2025-powdrozeniowa.xlsx"

"$liwindex" export "$before" "$after" -o "$out/raport.xlsx" --bootstrap 500
"$liwindex" report "$before" "$after" -o "$out/raport.html" --bootstrap 500 --autor "Przykład"
"$liwindex" score "$after" > "$out/score.txt"
annual="$here/examples/gmina-przykladowa-2026-roczna.xlsx"
"$liwindex" trend "$before" "$after" "$annual" -o "$out/trend.html" -o "$out/trend.xlsx" --quiet > /dev/null
"$liwindex" benchmark "$annual" "$here/examples/inne-jst" -o "$out/benchmark.html" \
  -o "$out/benchmark.xlsx" --quiet > /dev/null
"$liwindex" batch "$here/examples" -o "$out/batch" --bootstrap 200 --quiet || true

chrome="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -n "$chrome" ]; then
  profile="$(mktemp -d)"
  shot() {  # shot WIDTH HTML PNG
    "$chrome" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
      --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars \
      --window-size="$1,8000" --screenshot="$3" "file://$(realpath "$2")" 2>/dev/null
  }
  shot 1280 "$out/raport.html" "$out/raport-1280.png"
  shot 390 "$out/raport.html" "$out/raport-390.png"
  for page in trend benchmark; do
    shot 1280 "$out/$page.html" "$out/$page-1280.png"
    shot 390 "$out/$page.html" "$out/$page-390.png"
  done
  shot 1280 "$out/batch/podsumowanie.html" "$out/podsumowanie-1280.png"
  shot 390 "$out/batch/podsumowanie.html" "$out/podsumowanie-390.png"
  "$chrome" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$profile" \
    --no-pdf-header-footer --print-to-pdf="$out/raport-html.pdf" "file://$(realpath "$out/raport.html")" 2>/dev/null
  rm -rf "$profile"
else
  echo "Chromium not installed: HTML pages not rendered" >&2
fi

if command -v soffice >/dev/null; then
  for book in raport trend benchmark; do
    soffice --headless --convert-to pdf --outdir "$out" "$out/$book.xlsx" >/dev/null 2>&1
    mv "$out/$book.pdf" "$out/$book-xlsx.pdf"
  done
else
  echo "LibreOffice not installed: the Excel report not rendered" >&2
fi

if command -v pdftoppm >/dev/null; then
  for pdf in "$out"/*.pdf; do pdftoppm -png -r 70 "$pdf" "${pdf%.pdf}-page"; done
else
  echo "pdftoppm (poppler-utils) not installed: PDF pages not turned into PNG" >&2
fi
echo "Samples in $out:" && ls "$out"
