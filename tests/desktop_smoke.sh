#!/usr/bin/env bash
# Desktop smoke test: the native app starts under Xvfb with a lab on its command line, renders a bounded
# number of frames, exits by itself and leaves a screenshot that is not one flat colour.
set -euo pipefail
app=$1
out=${2:-.}/desktop.png
rm -f "$out"
timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" "$app" lab=backprop hidden=32 epochs=1 --frames 120 --screenshot "$out"
[ -s "$out" ] || { echo "no screenshot at $out"; exit 1; }
colours=$(identify -format '%k' "$out")
echo "desktop screenshot $out: $colours distinct colours"
[ "$colours" -gt 50 ] || { echo "the screenshot is (nearly) one flat colour"; exit 1; }
