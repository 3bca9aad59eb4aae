#!/usr/bin/env bash
# Builds one variant of Ponder's native engine into native/target/<variant>/:
#   libjllama.so    java-llama.cpp 4.2.0's JNI library linked with llama.cpp b4980 (what the app loads)
#   llama-bench, llama-quantize, llama-server   llama.cpp's own tools, from the same sources and options
#   test-tokenizer-0   llama.cpp's tokenizer test, with which every build checks Ponder's fixes to the tokenizer
#
# Usage: native/build.sh VARIANT [--jobs N] [--targets "T1 T2 …"]
#   cpu         portable x86-64-v3 (AVX2, FMA, F16C, BMI2): what a release ships
#   cpu-native  tuned for this machine's CPU (-march=native): for benchmarks, not for shipping
#   vulkan      Vulkan (needs glslc and the Vulkan headers: Debian's glslc and libvulkan-dev)
#   cuda        CUDA (needs nvcc); PONDER_CUDA_ARCHITECTURES picks the GPUs (default: native, the build machine's)
#
# Sources, checked against the pins in native/CMakeLists.txt before use:
#   java-llama.cpp  $PONDER_THIRD_PARTY/java-llama.cpp-4.2.0.tar.gz (default ../shared/third_party beside the checkout)
#   llama.cpp       $PONDER_LLAMA_CPP_SRC if set (an unpacked b4980 tree), else the git bundle inside the npm package
#                   node-llama-cpp@3.7.0 ($PONDER_THIRD_PARTY/node-llama-cpp-3.7.0.tgz, or `npm pack` when npm is
#                   there); with neither, CMake's FetchContent clones the pinned commit from GitHub.
# Not part of `mvnw verify`: a build takes many minutes on a small machine, and the tests that need a variant skip
# loudly when it is missing.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
checkout="$(dirname "$here")"
target="$here/target"

variant="${1:-}"
shift || true
jobs="$(nproc)"
targets=""
while [ $# -gt 0 ]; do
  case "$1" in
    --jobs) jobs="$2"; shift 2 ;;
    --targets) targets="$2"; shift 2 ;;
    *) echo "build.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

# x86-64-v3 without -march=native, so that the library runs on any CPU of the last ten years.
portable_cpu=(-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON)
case "$variant" in
  cpu) options=("${portable_cpu[@]}"); default_targets="jllama llama-server llama-bench llama-quantize" ;;
  cpu-native) options=(-DGGML_NATIVE=ON); default_targets="jllama llama-bench" ;;
  vulkan) options=("${portable_cpu[@]}" -DGGML_VULKAN=ON); default_targets="jllama llama-bench" ;;
  cuda) options=("${portable_cpu[@]}" -DGGML_CUDA=ON
                 -DCMAKE_CUDA_ARCHITECTURES="${PONDER_CUDA_ARCHITECTURES:-native}")
        default_targets="jllama llama-bench llama-quantize" ;;
  *) echo "usage: native/build.sh cpu|cpu-native|vulkan|cuda [--jobs N] [--targets \"T …\"]" >&2; exit 2 ;;
esac
targets="${targets:-$default_targets} test-tokenizer-0"

pin() { sed -n "s/^set($1 \(.*\))$/\1/p" "$here/CMakeLists.txt"; }
llama_commit="$(pin PONDER_LLAMA_CPP_COMMIT)"
jllama_version="$(pin PONDER_JAVA_LLAMA_CPP_VERSION)"
jllama_sha256="$(pin PONDER_JAVA_LLAMA_CPP_SHA256)"
npm_package="node-llama-cpp-3.7.0.tgz"
npm_sha256=900a51b3cb7e379564353f0818e5c229d132b06ca56e46e1cada2dfc23966fbf
third_party="${PONDER_THIRD_PARTY:-$(dirname "$checkout")/shared/third_party}"
sources="$target/sources"
mkdir -p "$sources"

check_sha256() {
  local file="$1" expected="$2"
  local actual
  actual="$(sha256sum "$file" | cut -d' ' -f1)"
  if [ "$actual" != "$expected" ]; then
    echo "build.sh: $file has sha256 $actual, expected $expected: not the pinned release" >&2
    exit 1
  fi
}

# java-llama.cpp: unpacked once from the pinned release archive.
fetch_args=()
jllama_src="$sources/java-llama.cpp-$jllama_version"
jllama_archive="$third_party/java-llama.cpp-$jllama_version.tar.gz"
if [ ! -f "$jllama_src/src/main/cpp/jllama.cpp" ] && [ -f "$jllama_archive" ]; then
  check_sha256 "$jllama_archive" "$jllama_sha256"
  tar xzf "$jllama_archive" -C "$sources"
fi
if [ -f "$jllama_src/src/main/cpp/jllama.cpp" ]; then
  fetch_args+=(-DFETCHCONTENT_SOURCE_DIR_JAVA_LLAMA_CPP="$jllama_src")
fi

# llama.cpp: an explicit tree, or the npm package's git bundle cloned at the pinned commit.
llama_src="${PONDER_LLAMA_CPP_SRC:-$sources/llama.cpp-b4980}"
if [ -z "${PONDER_LLAMA_CPP_SRC:-}" ] && [ ! -f "$llama_src/CMakeLists.txt" ]; then
  package="$third_party/$npm_package"
  if [ ! -f "$package" ] && command -v npm >/dev/null 2>&1; then
    package="$sources/$npm_package"
    [ -f "$package" ] || (cd "$sources" && npm pack --silent node-llama-cpp@3.7.0 >/dev/null)
  fi
  if [ -f "$package" ]; then
    check_sha256 "$package" "$npm_sha256"
    rm -rf "$sources/npm" "$llama_src"
    mkdir -p "$sources/npm"
    tar xzf "$package" -C "$sources/npm" package/llama/gitRelease.bundle
    git clone -q "$sources/npm/package/llama/gitRelease.bundle" "$llama_src"
    git -C "$llama_src" -c advice.detachedHead=false checkout -q "$llama_commit"
    rm -rf "$sources/npm"
  fi
fi
if [ -f "$llama_src/CMakeLists.txt" ]; then
  if [ -d "$llama_src/.git" ] && [ "$(git -C "$llama_src" rev-parse HEAD)" != "$llama_commit" ]; then
    echo "build.sh: $llama_src is not at llama.cpp $llama_commit" >&2
    exit 1
  fi
  fetch_args+=(-DFETCHCONTENT_SOURCE_DIR_LLAMA_CPP="$llama_src")
fi
build="$target/build/$variant"
[ -f "$llama_src/CMakeLists.txt" ] || llama_src="$build/_deps/llama_cpp-src"

# The JNI headers come from a JDK (or a jlink image with its include/ folder).
if [ -z "${JAVA_HOME:-}" ] && [ -f "$checkout/.mvn/jdk25.sh" ]; then
  . "$checkout/.mvn/jdk25.sh"
  ponder_find_jdk25
fi

generator=()
command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
launcher=()
if command -v ccache >/dev/null 2>&1; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache
            -DCMAKE_CUDA_COMPILER_LAUNCHER=ccache)
fi

cmake -S "$here" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DJAVA_HOME="${JAVA_HOME:-}" \
  "${launcher[@]}" \
  "${fetch_args[@]}" "${options[@]}"
# shellcheck disable=SC2086 # targets is a list
cmake --build "$build" --parallel "$jobs" --target $targets

# The tokenizer fixes (native/cmake/SourceFixes.cmake), checked on every build that can run here: llama.cpp's tokenizer
# test against Hugging Face's tokens for each test vocabulary it ships (Qwen2's, Llama 3's, DeepSeek's…), then a run of
# 100,000 'A's through Qwen2's, which overflowed the stack of the unfixed tokenizer and killed the process.
check_tokenizers() {
  local models="$llama_src/models" log="$build/tokenizer-check.log" long_run="$build/long-run.txt" vocab
  if [ "$variant" = cuda ] && ! command -v nvidia-smi >/dev/null 2>&1; then
    echo "build.sh: no NVIDIA driver here, so the tokenizer check is left to a machine with one" >&2
    return
  fi
  : >"$log"
  for vocab in "$models"/ggml-vocab-*.gguf; do
    [ -f "$vocab.inp" ] || continue
    if ! "$build/bin/test-tokenizer-0" "$vocab" >>"$log" 2>&1 || [ "$(tail -1 "$log")" != "Tests passed" ]; then
      tail -20 "$log" >&2
      echo "build.sh: $(basename "$vocab") no longer gives Hugging Face's tokens (log: $log)" >&2
      exit 1
    fi
  done
  head -c 100000 /dev/zero | tr '\0' A >"$long_run"
  if ! "$build/bin/test-tokenizer-0" "$models/ggml-vocab-qwen2.gguf" "$long_run" >>"$log" 2>&1; then
    echo "build.sh: the Qwen2 tokenizer crashed on a long run of one letter (log: $log)" >&2
    exit 1
  fi
  echo "build.sh: tokenizers checked: $(grep -c '^Tests passed' "$log") vocabularies give Hugging Face's tokens, and" \
    "100,000 'A's through Qwen2's $(grep -o 'tokenized in [0-9.]* ms' "$log")"
}
check_tokenizers

out="$target/$variant"
mkdir -p "$out"
for name in $targets; do
  if [ "$name" = test-tokenizer-0 ]; then
    continue
  elif [ "$name" = jllama ]; then
    cp "$build/libjllama.so" "$out/"
  else
    cp "$build/bin/$name" "$out/"
  fi
done
{
  echo "variant=$variant"
  echo "llama.cpp=b4980 ($llama_commit)"
  echo "java-llama.cpp=$jllama_version"
  echo "options=${options[*]}"
  echo "built=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
} >"$out/BUILD-INFO"
echo "build.sh: $variant built into $out"
