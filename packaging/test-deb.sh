#!/usr/bin/env bash
# Tests the Linux installer as a user meets it: installs the .deb on this machine with dpkg -i, checks the installed
# files, chats through the installed CLI on ../shared/models/stories260K.gguf, opens the installed window under Xvfb
# with that model (as a double-clicked .gguf would), sends it a prompt and takes a screenshot, then uninstalls and
# checks that the user's data stays (after an upgrade too). Prints a table of figures (sizes, start-up, memory) at the end.
#
# Usage: packaging/test-deb.sh [--offline] [DEB]
#   Without DEB it builds one with packaging/build.sh, compressed fast (gzip -1 instead of xz: same contents, a
#   fifth of the time). Needs root and dpkg (skips loudly otherwise); installs the package's dependencies and the
#   test's tools (Xvfb, xdotool, ImageMagick) with apt-get when they are missing, and skips loudly what still cannot
#   run. Everything the app writes goes to a throwaway home; it refuses to run over an installed ponder package.
# Exit status: 0 when every check that ran passed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
install_dir=/opt/ponder

offline=() deb=""
for arg in "$@"; do
  case "$arg" in
    --offline) offline=(--offline) ;;
    *) deb="$arg" ;;
  esac
done

failures=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
skip() { echo "SKIPPED: $*"; }
check() { local what="$1"; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }
figures=()
figure() { figures+=("$(printf '%-58s %14s' "$1" "$2")"); }

if [ "$(uname -s)" != Linux ] || ! command -v dpkg >/dev/null 2>&1; then
  skip "the .deb test needs Linux with dpkg"; exit 0
fi
if [ "$(id -u)" != 0 ]; then
  skip "the .deb test installs into the system and needs root (sudo packaging/test-deb.sh)"; exit 0
fi
if [ "$(dpkg-query -W -f='${db:Status-Status}' ponder 2>/dev/null)" = installed ]; then
  echo "test-deb.sh: a ponder package is installed here; the test would replace and remove it. Remove it first" \
    "(dpkg -r ponder), or test elsewhere." >&2
  exit 2
fi
apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1; }
}

if [ -z "$deb" ]; then
  DPKG_DEB_COMPRESSOR_TYPE=gzip DPKG_DEB_COMPRESSOR_LEVEL=1 "$here/build.sh" --type deb "${offline[@]}"
  deb="$(ls "$here"/target/installer/*.deb)"
fi
deb="$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")"
figure ".deb size, MB ($(ar t "$deb" | sed -n 's/^data\.tar\.//p') compressed)" \
  "$(( $(stat -c %s "$deb") / 1000000 ))"

model="$root/../shared/models/stories260K.gguf"
[ -f "$model" ] || model=""
[ -n "$model" ] || skip "../shared/models/stories260K.gguf is missing: the chat and model checks do not run"

echo "== Installing $deb"
mapfile -t missing < <(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/[[:space:]]//g; s/(.*//' \
  | while read -r package; do dpkg -s "$package" >/dev/null 2>&1 || echo "$package"; done)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing the package's dependencies first: ${missing[*]}"
  apt_install "${missing[@]}" || fail "installing the dependencies ${missing[*]} with apt-get"
fi
check "dpkg -i installs the package" dpkg -i "$deb"

echo "== Installed files"
check "the window's launcher" test -x "$install_dir/bin/Ponder"
check "the CLI's launcher, on PATH" test "$(readlink -f /usr/bin/ponder)" = "$install_dir/bin/ponder"
check "the bundled runtime has bin/java (for the engine child)" test -x "$install_dir/lib/runtime/bin/java"
check "the CPU engine library" test -f "$install_dir/lib/app/native/cpu/libjllama.so"
check "JavaFX's native libraries are in the runtime" test -f "$install_dir/lib/runtime/lib/libjfxwebkit.so"
check "the licences" test -s "$install_dir/lib/app/legal/THIRD-PARTY.txt"
check "the runtime's licences" test -d "$install_dir/lib/runtime/legal/java.base"
desktop="$install_dir/lib/ponder-Ponder.desktop"
check "a desktop entry that passes the opened file (Exec=… %F)" grep -q "^Exec=$install_dir/bin/Ponder %F" "$desktop"
check "the .gguf file type in the desktop entry" grep -q '^MimeType=application/x-gguf' "$desktop"
check "the .gguf file type's definition" grep -q 'glob pattern="\*.gguf"' "$install_dir/lib/ponder-Ponder-MimeInfo.xml"
check "the icon" test -s "$install_dir/lib/Ponder.png"
if command -v desktop-file-validate >/dev/null 2>&1; then
  check "desktop-file-validate accepts the desktop entry" desktop-file-validate "$desktop"
else
  skip "desktop-file-validate is missing (Debian: desktop-file-utils)"
fi
installed_kb="$(du -sk "$install_dir" | cut -f1)"
figure "installed size, MB" "$((installed_kb / 1024))"
part() { du -sk "$install_dir/$1" 2>/dev/null | cut -f1 | awk '{ printf "%d", $1 / 1024 }'; }
figure "  runtime: JavaFX WebKit (libjfxwebkit.so), MB" "$(part lib/runtime/lib/libjfxwebkit.so)"
figure "  runtime: JVM (lib/server, with CDS archives), MB" "$(part lib/runtime/lib/server)"
figure "  runtime: class modules (lib/modules, compressed), MB" "$(part lib/runtime/lib/modules)"
figure "  runtime: everything else, MB" "$(( $(part lib/runtime) - $(part lib/runtime/lib/libjfxwebkit.so) \
  - $(part lib/runtime/lib/server) - $(part lib/runtime/lib/modules) ))"
figure "  app jars (lib/app/*.jar), MB" "$(du -ck "$install_dir"/lib/app/*.jar | tail -1 | awk '{ printf "%d", $1 / 1024 }')"
figure "    of which mermaid + vis-network (book sites), MB" "$(du -ck "$install_dir"/lib/app/{mermaid,vis-network}-*.jar \
  | tail -1 | awk '{ printf "%d", $1 / 1024 }')"
figure "    of which llama + sqlite-jdbc (natives of every OS), MB" "$(du -ck "$install_dir"/lib/app/{llama,sqlite-jdbc}-*.jar \
  | tail -1 | awk '{ printf "%d", $1 / 1024 }')"
figure "  engine libraries (lib/app/native), MB" "$(part lib/app/native)"

# A throwaway home for everything the app writes (data, settings, caches): user.home, as the JVM reads it.
home="$(mktemp -d)"
export JAVA_TOOL_OPTIONS="-Duser.home=$home -Dorg.slf4j.simpleLogger.log.dev.ponder.ui.PonderApp=info"
unset XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME
data="$home/.local/share/ponder"

echo "== The installed CLI"
check "ponder --version" sh -c 'ponder --version 2>/dev/null | grep -q "^Ponder "'
if [ -n "$model" ]; then
  reply="$(ponder chat --model "$model" --prompt "Once upon a time" --max-tokens 24 --seed 1 2>&1 || true)"
  echo "$reply" | grep -v JAVA_TOOL_OPTIONS | sed 's/^/  | /'
  check "ponder chat answers through the bundled runtime and engine library" grep -qE '— [0-9]+ tokens' <<<"$reply"
  check "the conversation is stored in the user's data folder" test -s "$data/ponder.db"
  check "ponder history lists it" sh -c 'ponder history 2>/dev/null | grep -q "Once upon a time"'
  extracted="$(find "$home/.cache/ponder/native" -name 'libjllama*' 2>/dev/null | head -1)"
  check "the engine loaded the installed library, not a copy from the jar in the cache" test -z "$extracted"
fi

echo "== Upgrading (installing the package again runs the same scripts as an upgrade)"
database_before="$(sha256sum "$data/ponder.db" 2>/dev/null | cut -d' ' -f1 || true)"
check "dpkg -i over the installed package" dpkg -i "$deb"
check "the CLI link is still there" test "$(readlink -f /usr/bin/ponder)" = "$install_dir/bin/ponder"
if [ -n "$database_before" ]; then
  check "the user's data stays, unchanged" test "$(sha256sum "$data/ponder.db" | cut -d' ' -f1)" = "$database_before"
fi

echo "== The installed window"
for tool in Xvfb:xvfb xdotool:xdotool import:imagemagick; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || apt_install "${tool#*:}" || true
done
if ! command -v Xvfb >/dev/null 2>&1; then
  skip "Xvfb is missing (Debian: xvfb): the window is not checked"
else
  display=90
  while [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
  Xvfb ":$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  export DISPLAY=":$display"
  for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done
  # Starts the window with the given arguments; sets app_pid, visible (ms in the JVM, from its log, empty if it never
  # showed) and seen_ms (from launch until the log line was read).
  log="$home/window.log"
  start_window() {
    local started_at
    started_at="$(date +%s%N)"
    "$install_dir/bin/Ponder" "$@" >"$log" 2>&1 &
    app_pid=$!
    visible=""
    for _ in $(seq 600); do
      visible="$(sed -n 's/.*window visible \([0-9]*\) ms.*/\1/p' "$log")"
      [ -n "$visible" ] || ! kill -0 "$app_pid" 2>/dev/null && break
      sleep 0.05
    done
    seen_ms=$(( ($(date +%s%N) - started_at) / 1000000 ))
  }
  stop_window() {
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  }
  # The first start after installing is the cold one: with the page cache dropped where the kernel lets us.
  if sync && echo 3 >/proc/sys/vm/drop_caches 2>/dev/null; then cache="page cache dropped"; else cache="page cache not dropped"; fi
  start_window ${model:+"$model"}
  if [ -n "$visible" ]; then
    pass "the window appears (${visible} ms after its JVM started)"
    figure "cold start to a visible window, ms ($cache)" "$seen_ms"
    figure "  of which in the JVM (its own log), ms" "$visible"
  else
    fail "the window appears (no 'window visible' in its log)"; sed 's/^/  | /' "$log"
  fi
  if [ -n "$model" ] && [ -n "$visible" ]; then
    child=""
    for _ in $(seq 300); do
      child="$(pgrep -P "$app_pid" | head -1 || true)"
      [ -n "$child" ] && grep -q "$install_dir/lib/app/native/cpu/libjllama.so" "/proc/$child/maps" 2>/dev/null && break
      sleep 0.2
    done
    check "the engine child runs the bundled runtime" test "$(readlink "/proc/$child/exe" 2>/dev/null)" \
      = "$install_dir/lib/runtime/bin/java"
    check "the engine child loaded the bundled engine library" \
      grep -q "$install_dir/lib/app/native/cpu/libjllama.so" "/proc/$child/maps"
    sleep 5
    rss() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }
    figure "RSS of the window, idle, model loaded, MB" "$(rss "$app_pid")"
    figure "RSS of the engine child, idle, stories260K loaded, MB" "$(rss "$child")"
    if command -v xdotool >/dev/null 2>&1; then
      xdotool type --delay 20 "Once upon a time" && xdotool key Return
      sleep 6
    else
      skip "xdotool is missing: the screenshot shows the window without a reply"
    fi
  fi
  if [ -n "$visible" ] && command -v import >/dev/null 2>&1; then
    mkdir -p "$here/target/screenshots"
    check "a screenshot of the installed window" import -window root "$here/target/screenshots/installed-window.png"
    echo "  screenshot: $here/target/screenshots/installed-window.png"
  elif [ -n "$visible" ]; then
    skip "ImageMagick's import is missing: no screenshot"
  fi
  stop_window
  check "the engine child ends with the window" sh -c "! kill -0 ${child:-0} 2>/dev/null || { sleep 3; ! kill -0 ${child:-0} 2>/dev/null; }"
  warm=()
  for _ in 1 2 3; do
    start_window
    [ -n "$visible" ] && warm+=("$seen_ms")
    sleep 2
    stop_window
  done
  if [ ${#warm[@]} -gt 0 ]; then
    figure "warm start to a visible window, ms (median of ${#warm[@]})" \
      "$(printf '%s\n' "${warm[@]}" | sort -n | sed -n "$(( (${#warm[@]} + 1) / 2 ))p")"
  fi
  kill "$xvfb_pid" 2>/dev/null || true
  wait "$xvfb_pid" 2>/dev/null || true
fi

echo "== Uninstalling"
database_before="$(sha256sum "$data/ponder.db" 2>/dev/null | cut -d' ' -f1 || true)"
check "dpkg -r removes the package" dpkg -r ponder
check "the install folder is gone" test ! -e "$install_dir/bin"
check "the CLI link is gone" test ! -e /usr/bin/ponder
if [ -n "$database_before" ]; then
  check "the user's data stays, unchanged" test "$(sha256sum "$data/ponder.db" | cut -d' ' -f1)" = "$database_before"
fi
rm -rf "$home"
# dpkg -r leaves the package's record behind (state config-files): purged, the machine is as the test found it.
dpkg --purge ponder >/dev/null 2>&1 || true

echo
echo "Figures ($(nproc) cores, $(awk '/MemTotal/ { printf "%d GiB", $2 / 1048576 }' /proc/meminfo)):"
printf '  %s\n' "${figures[@]}"
echo
if [ "$failures" -gt 0 ]; then
  echo "test-deb.sh: $failures check(s) failed"
  exit 1
fi
echo "test-deb.sh: all checks that ran passed"
