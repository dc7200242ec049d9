#!/usr/bin/env bash
# Renders the example plan's HTML review in a real browser (headless Chromium) and
# saves two screenshots, a desktop (1280 px) and a phone (420 px) width, to look at what
# a reader sees. Not for CI: installing Chromium is slow.
# Usage: scripts/screenshot-review.sh [OUT-PREFIX] [PLAN] (default /tmp/review, the
# example plan): writes OUT-PREFIX-1280.png and OUT-PREFIX-420.png.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-/tmp/review}"
plan="${2:-examples/plans/support-expansion-2027.yaml}"
html=/tmp/review.html
scratch="${SHORE_SCRATCH:-.build-review}"

browser=""
for candidate in chromium chromium-browser; do
  if command -v "$candidate" >/dev/null 2>&1; then browser="$candidate"; break; fi
done
if [ -z "$browser" ]; then
  echo "installing Debian's chromium (slow)…" >&2
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
  browser=chromium
fi

swift build --scratch-path "$scratch" --product shore
set +e
"$scratch/debug/shore" review "$plan" --rules examples/rules \
  --format html --output "$html"
code=$?
set -e
# The example is blocked on purpose: exit 1 is expected; 2 means invalid input.
if [ "$code" -ge 2 ]; then echo "shore review failed with exit $code" >&2; exit "$code"; fi

for width in 1280 420; do
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --screenshot="$out-$width.png" --window-size="$width,${HEIGHT:-5000}" "file://$html" 2>/dev/null
  echo "wrote $out-$width.png from $html"
done
