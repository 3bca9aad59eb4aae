#!/usr/bin/env bash
# Gathers the licences of everything an installer bundles into one folder (lib/app/legal in the app image):
#   THIRD-PARTY.txt   each bundled file with its component and licence (from components.txt)
#   <jar>/            the licence and notice files the jar carries
#   texts/            the texts components.txt names, for components whose jars carry none
#   openjfx/          JavaFX's licence (OpenJDK's GPLv2 + Classpath Exception text, from the runtime) and notes
# The Java runtime's own notices stay where jlink put them: lib/runtime/legal/, one folder a module.
# Usage: gather.sh OUT_DIR RUNTIME_DIR FILE… with every bundled jar and native library (native/<variant>/<file>).
# Fails on a file that components.txt does not list.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v cygpath >/dev/null 2>&1 && here="$(cygpath -m "$here")"
mkdir -p "$1"
out="$(cd "$1" && pwd)" runtime="$(cd "$2" && pwd)"
shift 2
jar="$JAVA_HOME/bin/jar"

globs=() components=() licences=() texts=()
while IFS='|' read -r glob component licence text; do
  trim() { sed 's/^[[:space:]]*//; s/[[:space:]]*$//' <<<"$1"; }
  globs+=("$(trim "$glob")"); components+=("$(trim "$component")")
  licences+=("$(trim "$licence")"); texts+=("$(trim "$text")")
done < <(grep -v -e '^#' -e '^[[:space:]]*$' "$here/components.txt" | tr -d '\r')

mkdir -p "$out/texts" "$out/openjfx"
index="$out/THIRD-PARTY.txt"
{
  echo "Third-party components bundled with Ponder, and their licences."
  echo "Texts: the folder named after each jar (the jar's own files), texts/, openjfx/; the Java runtime's in"
  echo "lib/runtime/legal/ (OpenJDK: GPL-2.0 with Classpath Exception, and the notices of its parts)."
  echo
} >"$index"

# Writes the index line for NAME matched against components.txt, and copies the texts the line names.
record() {
  local name="$1" i text
  for i in "${!globs[@]}"; do
    # shellcheck disable=SC2053  # the glob is a pattern on purpose
    if [[ "$name" == ${globs[$i]} ]]; then
      printf '%-44s %-50s %s\n' "$name" "${components[$i]}" "${licences[$i]}" >>"$index"
      for text in ${texts[$i]}; do
        cp "$here/texts/$text" "$out/texts/"
      done
      return 0
    fi
  done
  echo "gather.sh: no licence listed for $name: add a line for it to packaging/licenses/components.txt" >&2
  return 1
}

for path in "$@"; do
  case "$path" in
    *.jar) name="$(basename "$path")" ;;
    *) record "native/$(basename "$(dirname "$path")")/$(basename "$path")"; continue ;;
  esac
  case "$name" in ponder-*) continue ;; esac   # Ponder's own
  record "$name"
  notices="$("$jar" tf "$path" | tr -d '\r' | grep -iE '(^|/)(license|licence|notice|copying)[^/]*$' || true)"
  if [ -n "$notices" ]; then
    mkdir -p "$out/${name%.jar}"
    absolute="$(cd "$(dirname "$path")" && pwd)/$name"
    # shellcheck disable=SC2086  # one word a jar entry: their names have no spaces
    (cd "$out/${name%.jar}" && "$jar" xf "$absolute" $notices)
  fi
done

cp "$runtime/legal/java.base/LICENSE" "$runtime/legal/java.base/ASSEMBLY_EXCEPTION" "$out/openjfx/"
mv "$out/texts/openjfx-third-party.txt" "$out/openjfx/THIRD-PARTY.txt"
echo "  $(grep -c . "$index") lines in $index"
