#!/usr/bin/env bash
# Renders Redline's HTML outputs in headless Chromium to PNG and A4 PDF (then the PDF's
# first pages to PNG) so a person can look at them. Usage: scripts/render_html.sh FILE.html [OUTDIR]
# Needs Debian's chromium and poppler-utils (apt-get install -y chromium poppler-utils fonts-noto-core).
set -euo pipefail
html=$(realpath "$1")
out=${2:-$(dirname "$html")}
mkdir -p "$out"
name=$(basename "$html" .html)
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "render: chromium is missing (apt-get install -y chromium)"; exit 2; }
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions
       --disable-background-networking --run-all-compositor-stages-before-draw)
"$browser" "${flags[@]}" --window-size=1100,1600 --screenshot="$out/$name.png" "file://$html" 2>/dev/null
"$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/$name.pdf" "file://$html" 2>/dev/null
if command -v pdftoppm >/dev/null; then
  pdftoppm -png -r 60 -f 1 -l 3 "$out/$name.pdf" "$out/$name-page"
fi
echo "wrote $out/$name.png and $out/$name.pdf"
