#!/bin/sh
# Renders the sample reports as HTML, then to PNG and PDF with headless Chromium, and fails when a page
# logs anything to the browser console. Look at the PNGs in .build/report-images/ after it runs.
#   make report-images        (installs Debian's chromium when it is missing)
set -eu
BIN=${BIN:-.build/release/workbench}
OUT=.build/report-images
SHARED=${SHARED:-../shared}
mkdir -p "$OUT"

if ! command -v chromium >/dev/null 2>&1; then
  echo "report-images needs Debian's chromium; installing it with apt-get"
  if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO=sudo; else
    echo "cannot install chromium as a normal user without sudo: run 'apt-get install -y chromium' as root" >&2; exit 1; fi
  $SUDO apt-get install -y chromium >/dev/null 2>&1 || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y chromium; } ||
    { echo "could not install chromium" >&2; exit 1; }
fi

# the reports: every block type, the shipped tally, and the pause check (with the attack log when it is here)
"$BIN" run tools/report_samples/every_block.lua seeds --out "$OUT/every_block.html"
"$BIN" run Scripts/tally.lua seeds --out "$OUT/tally.html"
if [ -f "$SHARED/data/missile_attacks_daily.csv" ] && [ -d "$SHARED/corpus/ukraine" ]; then
  "$BIN" run Scripts/pause_compliance.lua "$SHARED/corpus/ukraine" --arg log="$SHARED/data/missile_attacks_daily.csv" --out "$OUT/pause_compliance.html"
else
  "$BIN" run Scripts/pause_compliance.lua seeds --out "$OUT/pause_compliance.html"
fi

status=0
for html in "$OUT"/*.html; do
  name=$(basename "$html" .html)
  log="$OUT/$name.console.log"
  url="file://$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
  timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,4000 \
    --enable-logging=stderr --v=0 --screenshot="$OUT/$name.png" "$url" 2>"$log" >/dev/null
  timeout 120 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$OUT/$name.pdf" "$url" 2>>"$log" >/dev/null
  pages=""
  if command -v pdfinfo >/dev/null 2>&1; then pages=", $(pdfinfo "$OUT/$name.pdf" | awk '/^Pages:/ {print $2}') PDF pages"; fi
  if grep -q ":CONSOLE" "$log"; then
    echo "$name: the page logged to the browser console:" >&2
    grep ":CONSOLE" "$log" >&2
    status=1
  else
    echo "$name: $OUT/$name.png$pages"
  fi
done
exit $status
