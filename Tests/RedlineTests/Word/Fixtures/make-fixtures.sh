#!/bin/sh
# Regenerates the committed producer fixtures (run by hand; tests never run this).
# Needs pandoc, LibreOffice (soffice) and zip.
set -e
cd "$(dirname "$0")"
pandoc -f markdown -o pandoc.docx source.md
tmp=$(mktemp -d)
pandoc -f markdown -t odt -o "$tmp/src.odt" source.md
soffice --headless --convert-to docx --outdir "$tmp" "$tmp/src.odt" >/dev/null
cp "$tmp/src.docx" libreoffice.docx
# The hand-written package, opened and saved by LibreOffice (its own styles, numbering, comments).
(cd handwritten && zip -q -r "$tmp/hand.docx" '[Content_Types].xml' _rels word)
soffice --headless --convert-to odt --outdir "$tmp" "$tmp/hand.docx" >/dev/null
mkdir -p "$tmp/out"
soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$tmp/out" "$tmp/hand.odt" >/dev/null
cp "$tmp/out/hand.docx" libreoffice-commented.docx
rm -rf "$tmp"
