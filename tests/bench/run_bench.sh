#!/usr/bin/env bash
# Native vs wasm (under node): MLP training throughput (pl_bench_mlp), the fixed-order GEMM against Eigen
# (pl_bench_gemm), one spiking-net training epoch (pl_bench_snn, Lab 5), one Lab 4 training step
# (pl_bench_regularization) and Lab 3's Bayes-by-Backprop update and predictive (pl_bench_bbb), the neurons
# lab's spiking networks in simulated s per wall s (pl_bench_neurons), Lab 6's seconds per context of every
# method (pl_bench_continual), and the plasticity lab's Diehl & Cook network, 100 neurons, one pass over the
# 8,000 digits and the 2,000 test digits (pl_bench_plasticity; and live in headless Chromium,
# plasticity_browser.bench.mjs). Prints each figure and the wasm/native ratio.
# "native" is the fast build (preset fast); the MLP figure is also given for the reference arithmetic (preset native).
# Usage: tests/bench/run_bench.sh [fast build dir] [wasm build dir] [reference build dir]   (defaults: the presets')
# A benchmark, not a test: a missing build is reported and skipped, and the exit status is 0.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
native_dir=${1:-$top/build/fast/tests/bench}
wasm_dir=${2:-$top/build/web-cmake/tests/bench}
reference_dir=${3:-$top/build/native/tests/bench}
data=$top/data/mnist-subset.bin

# figure BENCH KEY NAME FILE COMMAND...: runs the command and prints N of its `{"bench":"BENCH","KEY":N}`
# line, or explains on stderr why there is none.
figure() {
  local bench=$1 key=$2 name=$3 file=$4 out n; shift 4
  if [ ! -f "$file" ]; then echo "run_bench: no $name build at $file (build it first); skipped" >&2; return; fi
  if ! out=$("$@" 2>&1); then echo "run_bench: $name $bench bench failed:" >&2; echo "$out" | tail -n 5 >&2; return; fi
  n=$(sed -n "s/.*\"bench\":\"$bench\",\"$key\":\([0-9.eE+-]*\).*/\1/p" <<<"$out" | tail -n 1)
  if [ -z "$n" ]; then echo "run_bench: $name $bench bench printed no $key line" >&2; return; fi
  echo "$n"
}

# compare TITLE UNIT NATIVE WASM: one line with both figures and wasm/native
compare() {
  local line=""
  [ -n "$3" ] && line="native $3 $2"
  [ -n "$4" ] && line="${line:+$line, }wasm $4 $2"
  [ -n "$3" ] && [ -n "$4" ] && line="$line, wasm/native $(awk -v w="$4" -v n="$3" 'BEGIN { printf "%.2f", (n > 0 ? w / n : 0) }')"
  echo "$1: ${line:-nothing to compare (no build found)}"
}

node_run() { node --no-experimental-fetch "$@"; }  # see TOOLCHAIN.md fix 2

# run_saved OUT BENCH ARGS...: runs BENCH (pl_bench_NAME) of each build that has it with ARGS, saving the output
# in OUT/native and OUT/wasm, and prints its `bench_NAME` lines marked with the build
run_saved() {
  local out=$1 bench=$2 build; shift 2
  [ -f "$native_dir/$bench" ] && "$native_dir/$bench" "$@" >"$out/native" 2>&1
  [ -f "$wasm_dir/$bench.js" ] && node_run "$wasm_dir/$bench.js" "$@" >"$out/wasm" 2>&1
  for build in native wasm; do grep -s "^${bench#pl_}" "$out/$build" | sed "s/^/$build: /"; done
}

# MLP training, one run of each build side by side: float32 natively and in wasm, the double instantiation
# (pl_bench_mlp_double), and Debian's PyTorch (python3-torch, float32, one thread) on the same rounds.
mlp_out=$(mktemp -d)
run_saved "$mlp_out" pl_bench_mlp
[ -f "$native_dir/pl_bench_mlp_double" ] && "$native_dir/pl_bench_mlp_double" >"$mlp_out/double" 2>&1
[ -f "$reference_dir/pl_bench_mlp" ] && "$reference_dir/pl_bench_mlp" >"$mlp_out/reference" 2>&1
if /usr/bin/python3 -c "import torch" 2>/dev/null; then
  /usr/bin/python3 "$top/tests/bench/bench_mlp_torch.py" >"$mlp_out/torch" 2>&1
else
  echo "run_bench: Debian's python3-torch is not installed (scripts/setup --bench): no PyTorch figure" >&2
fi
grep -s "^bench_mlp" "$mlp_out/double" "$mlp_out/reference" "$mlp_out/torch" | sed "s|^$mlp_out/||"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
for config in mlp mlp_lab1; do
  compare "$config training, float32" "samples/s" \
    "$(figure "$config" samples_per_s native "$native_dir/pl_bench_mlp" cat "$mlp_out/native")" \
    "$(figure "$config" samples_per_s wasm "$wasm_dir/pl_bench_mlp.js" cat "$mlp_out/wasm")"
  float=$(figure "$config" samples_per_s native "$native_dir/pl_bench_mlp" cat "$mlp_out/native" 2>/dev/null)
  double=$(figure "$config" samples_per_s double "$mlp_out/double" cat "$mlp_out/double" 2>/dev/null)
  torch=$(figure "${config}_torch" samples_per_s pytorch "$mlp_out/torch" cat "$mlp_out/torch" 2>/dev/null)
  reference=$(figure "$config" samples_per_s reference "$mlp_out/reference" cat "$mlp_out/reference" 2>/dev/null)
  [ -n "$float" ] && [ -n "$reference" ] && echo "$config: native fast/reference $(ratio "$float" "$reference") ($reference samples/s in the reference arithmetic)"
  [ -n "$float" ] && [ -n "$double" ] && echo "$config: native float32/double $(ratio "$float" "$double")"
  [ -n "$float" ] && [ -n "$torch" ] && echo "$config: native/pytorch $(ratio "$float" "$torch") ($float against $torch samples/s)"
done
rm -rf "$mlp_out"
# The fixed-order GEMM against Eigen's float product (pl_bench_gemm): one run per build, read from the saved output;
# the kernel's bits must be the same in both builds (its reproducibility contract).
gemm_out=$(mktemp -d)
run_saved "$gemm_out" pl_bench_gemm
for config in eigen kernel; do
  compare "gemm $config, the 6 products of one MLP 784-256-10 step, batch 64" "samples/s" \
    "$(figure "gemm_$config" samples_per_s native "$native_dir/pl_bench_gemm" cat "$gemm_out/native")" \
    "$(figure "gemm_$config" samples_per_s wasm "$wasm_dir/pl_bench_gemm.js" cat "$gemm_out/wasm")"
done
gemm_bits() { sed -n 's/.*"gemm_bits","fnv1a":"\([0-9a-f]*\)".*/\1/p' "$gemm_out/$1" 2>/dev/null; }
if [ -n "$(gemm_bits native)" ] && [ -n "$(gemm_bits wasm)" ]; then
  [ "$(gemm_bits native)" = "$(gemm_bits wasm)" ] && echo "gemm kernel bits: native = wasm ($(gemm_bits native))" ||
    echo "gemm kernel bits: native $(gemm_bits native) != wasm $(gemm_bits wasm)"
fi
rm -rf "$gemm_out"
compare "snn 784-100-10 epoch (8,000 digits, 100 steps, batch 256)" "s" \
  "$(figure snn_epoch seconds native "$native_dir/pl_bench_snn" "$native_dir/pl_bench_snn" "$data")" \
  "$(figure snn_epoch seconds wasm "$wasm_dir/pl_bench_snn.js" node_run "$wasm_dir/pl_bench_snn.js" "$data")"
compare "regularization step (Lab 4, batch 32, every regularizer on)" "ms" \
  "$(figure regularization ms_per_step native "$native_dir/pl_bench_regularization" "$native_dir/pl_bench_regularization")" \
  "$(figure regularization ms_per_step wasm "$wasm_dir/pl_bench_regularization.js" node_run "$wasm_dir/pl_bench_regularization.js")"
compare "bbb update (Lab 3, 1-10-10-1, 20 points)" "us" \
  "$(figure bbb_update microseconds native "$native_dir/pl_bench_bbb" "$native_dir/pl_bench_bbb")" \
  "$(figure bbb_update microseconds wasm "$wasm_dir/pl_bench_bbb.js" node_run "$wasm_dir/pl_bench_bbb.js")"
compare "bbb predictive (Lab 3, 100 weight samples x 201 points)" "ms" \
  "$(figure bbb_predictive milliseconds native "$native_dir/pl_bench_bbb" "$native_dir/pl_bench_bbb")" \
  "$(figure bbb_predictive milliseconds wasm "$wasm_dir/pl_bench_bbb.js" node_run "$wasm_dir/pl_bench_bbb.js")"
# The neurons lab's networks (pl_bench_neurons): simulated seconds per wall-clock second (goal: CUBA >= 20 native, >= 10 wasm).
for network in cuba brunel_sr brunel_ai brunel_si-fast brunel_si-slow; do
  compare "neurons $network network" "x real time" \
    "$(figure "neurons_$network" sim_speed native "$native_dir/pl_bench_neurons" "$native_dir/pl_bench_neurons")" \
    "$(figure "neurons_$network" sim_speed wasm "$wasm_dir/pl_bench_neurons.js" node_run "$wasm_dir/pl_bench_neurons.js")"
done
# Lab 6 at its defaults (split MNIST, class-IL, 784-400-400-10, 4 epochs per context): the names of its method table.
for method in finetune joint ewc online-ewc si replay generative-replay hnet; do
  compare "continual $method, one context" "s" \
    "$(figure "continual_$method" seconds_per_context native "$native_dir/pl_bench_continual" "$native_dir/pl_bench_continual" "$data" "$method")" \
    "$(figure "continual_$method" seconds_per_context wasm "$wasm_dir/pl_bench_continual.js" node_run "$wasm_dir/pl_bench_continual.js" "$data" "$method")"
done
# The plasticity lab's preset diehl-cook-100 (goal: the training pass <= 60 s native): one run per build (~20 s
# native), its two phases read from the saved output (which also has digits_per_s and Brian's ratio).
plasticity_out=$(mktemp -d)
run_saved "$plasticity_out" pl_bench_plasticity "$data"
for phase in train test; do
  compare "plasticity diehl-cook 100 neurons, $phase phase" "s" \
    "$(figure "diehl_cook_$phase" seconds native "$native_dir/pl_bench_plasticity" cat "$plasticity_out/native")" \
    "$(figure "diehl_cook_$phase" seconds wasm "$wasm_dir/pl_bench_plasticity.js" cat "$plasticity_out/wasm")"
done
rm -rf "$plasticity_out"
# The same pass live in headless Chromium through the page (goal: <= 3 min), if build/web is there.
if [ -f "$top/build/web/index.html" ]; then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  python3 -m http.server --bind 127.0.0.1 "$port" --directory "$top/build/web" >/dev/null 2>&1 &
  server=$!
  for _ in $(seq 50); do python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break; sleep 0.1; done
  PL_BASE_URL="http://127.0.0.1:$port" node --test "$top/tests/bench/plasticity_browser.bench.mjs" 2>&1 | grep -o 'bench_plasticity_browser: .*' \
    || echo "run_bench: the plasticity browser bench printed no figure" >&2
  kill "$server"
else
  echo "run_bench: no build/web (scripts/build-web); the plasticity browser bench skipped" >&2
fi
exit 0
