#!/usr/bin/env bash
# Training throughput, native vs wasm: runs both builds of pl_bench_mlp and prints the two figures and the ratio.
# Usage: tests/bench/run_bench.sh [native binary] [wasm .js]   (defaults: the standard build folders)
# A benchmark, not a test: a missing build is reported and skipped, and the exit status is 0.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
native=${1:-$top/build/native/tests/bench/pl_bench_mlp}
wasm=${2:-$top/build/web-cmake/tests/bench/pl_bench_mlp.js}

# Prints the N of the bench's `{"bench":"mlp","samples_per_s":N}` line read on stdin ("" if absent).
samples_per_s() { sed -n 's/.*"bench":"mlp","samples_per_s":\([0-9.eE+-]*\).*/\1/p' | tail -n 1; }

run() {  # run NAME FILE COMMAND...: prints the figure, or explains why there is none
  local name=$1 file=$2 out n; shift 2
  if [ ! -f "$file" ]; then echo "run_bench: no $name build at $file (build it first); skipped" >&2; return; fi
  if ! out=$("$@" 2>&1); then echo "run_bench: $name bench failed:" >&2; echo "$out" | tail -n 5 >&2; return; fi
  n=$(samples_per_s <<<"$out")
  if [ -z "$n" ]; then echo "run_bench: $name bench printed no samples_per_s line" >&2; return; fi
  echo "$n"
}

native_n=$(run native "$native" "$native")
wasm_n=$(run wasm "$wasm" node --no-experimental-fetch "$wasm")   # see TOOLCHAIN.md fix 2

line=""
[ -n "$native_n" ] && line="native $native_n samples/s"
[ -n "$wasm_n" ] && line="${line:+$line, }wasm $wasm_n samples/s"
if [ -n "$native_n" ] && [ -n "$wasm_n" ]; then
  line="$line, wasm/native $(awk -v w="$wasm_n" -v n="$native_n" 'BEGIN { printf "%.2f", (n > 0 ? w / n : 0) }')"
fi
echo "${line:-run_bench: nothing to compare (no build found)}"
exit 0
