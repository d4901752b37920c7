#!/usr/bin/env bash
# Desktop views: the native app draws each given lab set-up (a URL hash) under Xvfb for a bounded number of
# frames while it runs, exits by itself (a panel that throws, e.g. on a log column it does not have, fails
# here) and leaves a screenshot that is not one flat colour.
# Usage: desktop_views.sh APP OUT_DIR FRAMES HASH...
set -euo pipefail
app=$1 dir=$2 frames=$3
shift 3
for hash in "$@"; do
  out=$dir/view-$(tr -c 'a-zA-Z0-9=-' '_' <<<"$hash" | cut -c1-80).png
  rm -f "$out"
  if ! timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" "$app" "$hash" --start --frames "$frames" --screenshot "$out" \
      >/dev/null 2>"$out.err"; then
    echo "$hash: the app failed:"; tail -n 5 "$out.err"; exit 1
  fi
  [ -s "$out" ] || { echo "$hash: no screenshot at $out"; exit 1; }
  colours=$(identify -format '%k' "$out")
  echo "$hash: $colours distinct colours ($out)"
  [ "$colours" -gt 50 ] || { echo "$hash: the screenshot is (nearly) one flat colour"; exit 1; }
done
