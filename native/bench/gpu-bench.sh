#!/usr/bin/env bash
# llama-bench and Ponder's engine side by side on one GPU build, one model file, one run: the figures of issue 6.
# Models are random-weight Q4_K_M files of real reasoning models' shapes (native/models/random_qwen2.py), since none
# can be downloaded where this runs, and decode speed depends on shape and quantization, not on trained weights.
#
# Usage: native/bench/gpu-bench.sh [BACKEND] [SHAPES…]      e.g. native/bench/gpu-bench.sh cuda 1.5b 7b
# Needs: native/build.sh BACKEND --targets "jllama llama-bench llama-quantize" done; python3 with numpy and
# llama.cpp's gguf-py (PONDER_LLAMA_CPP_SRC, or native/target/sources/llama.cpp-b4980); Ponder's jars (./mvnw package,
# or PONDER_CLASSPATH; the test jar for the first-token split, PONDER_TEST_JAR); java 25 (JAVA_HOME). Knobs: THREADS
# (default: half the logical CPUs, llama-bench's own default on most machines), RUNS (5), MODE (ponder bench's --mode:
# both), ATTENTION ("off on": ponder bench without and with flash attention), MODELS (a folder for the model files,
# default native/target/models), PROMPTS (prompt lengths, default 512,1000), ROUNDS (1: llama-bench and Ponder one
# after the other, again and again, so that a slow spell of the machine shows as one round's outlier).
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
checkout="$(dirname "$here")"
backend="${1:-cuda}"
shift || true
shapes=("${@:-1.5b}")
[ "$#" -eq 0 ] && shapes=(1.5b)
build="$here/target/$backend"
src="${PONDER_LLAMA_CPP_SRC:-$here/target/sources/llama.cpp-b4980}"
models="${MODELS:-$here/target/models}"
threads="${THREADS:-$(( $(nproc) / 2 ))}"
runs="${RUNS:-5}"
mode="${MODE:-both}"
attentions="${ATTENTION:-off on}"
prompts="${PROMPTS:-512,1000}"
rounds="${ROUNDS:-1}"
classpath="${PONDER_CLASSPATH:-$checkout/app/target/ponder-app.jar:$checkout/app/target/lib/*}"
test_jar="${PONDER_TEST_JAR:-$checkout/app/target/ponder-app-tests.jar}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
mkdir -p "$models"

# The engine child's log (llama.cpp's own, at debug level) goes to stderr with the bench's progress: it holds
# llama.cpp's timing of each prompt inside the engine, which splits the time to first token into its parts.
ponder() {
  "$java" --enable-native-access=ALL-UNNAMED -Dponder.native.root="$here/target" \
    -Dorg.slf4j.simpleLogger.log.engine.child=debug -cp "$classpath" dev.ponder.cli.PonderCli "$@"
}

# llama.cpp's own prompt eval times of the long prompts in a bench log: milliseconds, by prompt length.
prompt_eval_times() {
  grep -o 'prompt eval time = *[0-9.]* ms / *[0-9]* tokens' "$1" \
    | awk '$8 >= 100 { times[$8] = times[$8] " " $5 } END { for (n in times) print "  llama.cpp inside the" \
      " engine, " n "-token prompt, prompt eval ms (warm-up first):" times[n] }'
}

# From "LENGTH MILLISECONDS" lines, one a prompt length: the rate at which each longer prompt's extra tokens were
# processed. Costs paid once a request (the socket, sampling the first token) cancel out; costs a token do not.
marginal_rates() {
  sort -n | awk -v what="$1" 'NR > 1 { printf "  %s: tokens %d to %d: %.0f tokens/s more\n", what, n, $1,
    ($1 - n) / (($2 - ms) / 1000) } { n = $1; ms = $2 }'
}

# The peak of the GPU memory in use while a command runs, from nvidia-smi when there is one. Kept apart from the timed
# runs, so that a polling process cannot be what a figure measures.
peak_memory() {
  if ! command -v nvidia-smi >/dev/null 2>&1; then
    "$@"
    return
  fi
  local log
  log="$(mktemp)"
  (while true; do nvidia-smi --query-gpu=memory.used --format=csv,noheader,nounits >>"$log"; sleep 0.5; done) &
  local sampler=$!
  "$@"
  local status=$?
  kill "$sampler"
  echo "peak GPU memory in use (nvidia-smi, whole GPU): $(sort -n "$log" | tail -1) MiB"
  rm -f "$log"
  return $status
}

command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv
echo "threads $threads, runs $runs, backend $backend ($(grep '^options=' "$build/BUILD-INFO" 2>/dev/null))"
for shape in "${shapes[@]}"; do
  model="$models/random-qwen2-$shape-Q4_K_M.gguf"
  if [ ! -f "$model" ]; then
    start=$(date +%s)
    PYTHONPATH="$src/gguf-py" python3 "$here/models/random_qwen2.py" --shape "$shape" \
      --vocab "$src/models/ggml-vocab-qwen2.gguf" --out "$models/random-qwen2-$shape-F16.gguf" || exit 1
    "$build/llama-quantize" "$models/random-qwen2-$shape-F16.gguf" "$model" Q4_K_M "$(nproc)" >/dev/null 2>&1 || exit 1
    rm -f "$models/random-qwen2-$shape-F16.gguf"
    echo "made $model ($(du -h "$model" | cut -f1)) in $(( $(date +%s) - start )) s"
  fi
  for round in $(seq "$rounds"); do
    echo "== $shape, round $round of $rounds: llama-bench"
    "$build/llama-bench" -m "$model" -p "$prompts" -n 128 -ngl 99 -t "$threads" -fa 0,1 -r "$runs" 2>/dev/null \
      | tee "$models/llama-bench.out"
    for fa in 0 1; do
      awk -F'|' -v fa="$fa" '$8 + 0 == fa && $9 ~ /pp/ { n = $9; gsub(/[^0-9]/, "", n); split($10, r, " ");
        print n, n / r[1] * 1000 }' "$models/llama-bench.out" | marginal_rates "llama-bench, flash attention $fa"
    done
    for attention in $attentions; do
      flag=()
      [ "$attention" = on ] && flag=(--flash-attention)
      echo "== $shape, round $round: ponder bench, flash attention $attention"
      # stderr holds llama.cpp's own log (the in-process engine cannot silence it): kept aside, shown on failure.
      ponder bench --model "$model" --backend "$backend" --threads "$threads" --tokens 128 \
        --prompt-tokens "$prompts" --runs "$runs" --mode "$mode" "${flag[@]}" 2>"$models/ponder-bench.err" \
        | tee "$models/ponder-bench.out" \
        || grep -v '^llama\|^load\|^print_info\|^\.' "$models/ponder-bench.err" | tail -20
      for m in in-process child; do
        awk -v m="$m" '$1 == m && NF == 6 { print $3, $4 }' "$models/ponder-bench.out" \
          | marginal_rates "Ponder $m, from the time to first token"
      done
      prompt_eval_times "$models/ponder-bench.err"
      echo "  GPU memory: one short untimed run of the engine child alone, with a 1,000-token prompt"
      peak_memory ponder bench --model "$model" --backend "$backend" --threads "$threads" --tokens 16 \
        --prompt-tokens 1000 --runs 1 --mode child "${flag[@]}" 2>/dev/null | grep "GPU memory in use"
    done
  done
  if [ -f "$test_jar" ]; then
    "$java" --enable-native-access=ALL-UNNAMED -Dponder.backend="$backend" -Dponder.native.dir="$build" \
      -cp "$test_jar:$classpath" dev.ponder.testing.backend.FirstTokenParts "$model" "$models/library" "$threads" \
      2>/dev/null | grep "first token parts"
  fi
done
