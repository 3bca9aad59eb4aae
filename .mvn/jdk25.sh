# Finds a JDK 25 or newer and exports JAVA_HOME to it. Sourced by ./ponder and .ci/run.
# Looks at JAVA_HOME, then the java on PATH, then the usual install folders.
ponder_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}

ponder_find_jdk25() {
  local candidate
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for candidate in /usr/lib/jvm/*25* /usr/lib/jvm/*2[6-9]* /Library/Java/JavaVirtualMachines/*/Contents/Home \
                   "$HOME"/.sdkman/candidates/java/*; do
    [ -d "$candidate" ] && candidates+=("$candidate")
  done
  for candidate in "${candidates[@]}"; do
    if [ -x "$candidate/bin/java" ] && [ "$(ponder_java_major "$candidate")" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "Ponder needs JDK 25 or newer: install one (for example Temurin 25) and set JAVA_HOME to it." >&2
  return 1
}
