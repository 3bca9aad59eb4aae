#!/usr/bin/env bash
# Builds Ponder's installer for this system: a jlink runtime with only the modules Ponder needs, a jpackage app image
# (launchers `Ponder` for the window and `ponder` for the CLI), then the installer.
#
# Usage: packaging/build.sh [--type TYPE] [--offline]
#   TYPE: app-image, or an installer: deb (default on Linux), rpm, msi (default on Windows), exe, dmg (default on
#   macOS), pkg. Output: packaging/target/installer/.
#
# Inputs: the Maven build (run here), icons and launcher files from packaging/, and the GPU variants of the native
# library when native/ has built them (native/target/<variant>/libjllama.*; see native/build.sh): without them the
# app carries the CPU library only.
set -euo pipefail
if [ "${BASH_VERSINFO[0]}" -lt 4 ]; then
  echo "build.sh needs bash 4 or newer (macOS: brew install bash)" >&2; exit 2
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Git Bash on Windows: C:/… paths, which both bash and the JDK's tools read.
command -v cygpath >/dev/null 2>&1 && here="$(cygpath -m "$here")"
root="$(dirname "$here")"
. "$root/.mvn/jdk25.sh"
ponder_find_jdk25

type=""
maven_offline=()
while [ $# -gt 0 ]; do
  case "$1" in
    --type) type="$2"; shift 2 ;;
    --offline) maven_offline=(-o); shift ;;
    *) echo "build.sh: unknown option $1 (use --type TYPE, --offline)" >&2; exit 2 ;;
  esac
done

case "$(uname -s)" in
  Linux) os=linux; native_ext=so; default_type=deb ;;
  Darwin) os=mac; native_ext=dylib; default_type=dmg ;;
  MINGW*|MSYS*|CYGWIN*) os=windows; native_ext=dll; default_type=msi ;;
  *) echo "build.sh: no installer for $(uname -s)" >&2; exit 2 ;;
esac
type="${type:-$default_type}"
step() { echo "== [${SECONDS}s] $*"; }
jdk="$JAVA_HOME/bin"
# The JDK's tools, their output without Windows' carriage returns.
jdk_tool() { "$jdk/$1" "${@:2}" | tr -d '\r'; }
target="$here/target"
rm -rf "$target"
mkdir -p "$target"

step "Maven: the app's jars"
(cd "$root" && MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" \
  ./mvnw -q -B "${maven_offline[@]}" -pl ui -am package -DskipTests)
version="$(sed -n 's/^version=//p' "$root/ui/target/maven-archiver/pom.properties" | tr -d '\r')"
# Installers take numbers only. macOS refuses a first number 0 (CFBundleVersion): until 1.0, 0.x.y ships there as
# 1.x.y.
app_version="${version%%-*}"
if [ "$os" = mac ] && [ "${app_version%%.*}" = 0 ]; then
  app_version="1.${app_version#0.}"
fi

step "Splitting JavaFX (into the runtime) from the class path"
# JavaFX goes into the runtime as named modules, linked from Maven Central's modular jars, with its native libraries
# beside the JDK's: JavaFX then loads them from the runtime instead of unpacking ~120 MB (WebKit) into ~/.openjfx on
# first start, and jlink compresses its classes. Everything else stays on the class path, as in ./ponder: half the
# libraries are not modules.
fx="$target/javafx"; input="$target/input"
mkdir -p "$fx" "$input"
for jar in "$root"/ui/target/lib/*.jar; do
  name="$(basename "$jar")"
  case "$name" in
    javafx-*|jdk-jsobject-*)
      # The artifact without a classifier is an empty jar that only pulls in the platform's one.
      if jdk_tool jar tf "$jar" | grep -x module-info.class >/dev/null; then cp "$jar" "$fx/"; fi ;;
    *) cp "$jar" "$input/" ;;
  esac
done
# A module the JDK has too is linked from the JDK: JDK 25 still has jdk.jsobject (deprecated; JavaFX brings its own).
jdk_modules_all="$(jdk_tool java --list-modules | sed 's/@.*//')"
fx_modules=""
for jar in "$fx"/*.jar; do
  module="$(jdk_tool jar --describe-module --file "$jar" | sed -n '1s/@.*//p')"
  if grep -qx "$module" <<<"$jdk_modules_all"; then rm "$jar"; else fx_modules="$fx_modules,$module"; fi
done
cp "$root/ui/target/ponder-ui.jar" "$input/"

step "jdeps: the JDK modules the class path uses"
jdk_modules="$(jdk_tool jdeps -q --multi-release 25 --ignore-missing-deps --print-module-deps \
  --module-path "$fx" --class-path "$input/*" "$input"/*.jar)"
# Found only at run time, so jdeps cannot see them: jdk.charsets for consoles in legacy code pages (Windows).
modules="$jdk_modules$fx_modules,jdk.charsets"
echo "$modules"

step "jlink: the runtime"
# JavaFX's native libraries leave the modules (--exclude-resources) and go where JavaFX looks first in a linked
# runtime: lib/ (bin/ on Windows). No --strip-native-commands: the engine child runs the runtime's bin/java.
runtime="$target/runtime"
"$jdk/jlink" --module-path "$fx" --add-modules "$modules" \
  --exclude-resources "**.so,**.dll,**.dylib,**/javafx-swt.jar" \
  --strip-debug --no-header-files --no-man-pages --compress zip-6 --generate-cds-archive \
  --output "$runtime"
fx_native_dir="$runtime/lib"; [ "$os" = windows ] && fx_native_dir="$runtime/bin"
for jar in "$fx"/*.jar; do
  natives="$(jdk_tool jar tf "$jar" | grep -E "\.$native_ext\$" || true)"
  if [ -n "$natives" ]; then
    # shellcheck disable=SC2086  # one word a jar entry: their names have no spaces
    (cd "$fx_native_dir" && "$jdk/jar" xf "$jar" $natives)
  fi
done

step "Native engine libraries"
# The CPU library ships always: native/'s portable build when there is one, else the one inside java-llama.cpp's
# jar. GPU variants ship when native/ has built them; the launchers point the engine at native/cpu.
library="$(basename "$(ls "$root/ui/target/lib"/llama-*.jar)")"
lib_name="jllama"; [ "$os" != windows ] && lib_name="libjllama"
for variant in cpu cuda vulkan; do
  built="$root/native/target/$variant/$lib_name.$native_ext"
  if [ -f "$built" ]; then
    mkdir -p "$input/native/$variant"
    cp "$built" "$input/native/$variant/"
    echo "  $variant: $built"
  elif [ "$variant" != cpu ]; then
    echo "  $variant: not built (native/build.sh $variant), left out"
  fi
done
if [ ! -d "$input/native/cpu" ]; then
  platform="$(case "$os" in linux) echo Linux;; mac) echo Mac;; windows) echo Windows;; esac)/$(uname -m \
    | sed 's/amd64/x86_64/; s/arm64/aarch64/')"
  mkdir -p "$input/native/cpu"
  (cd "$input/native/cpu" && "$jdk/jar" xf "$input/$library" "de/kherud/llama/$platform/$lib_name.$native_ext" \
    && mv "de/kherud/llama/$platform/$lib_name.$native_ext" . && rm -r de)
  echo "  cpu: from $library ($platform)"
fi

step "Licences"
"$here/licenses/gather.sh" "$input/legal" "$runtime" "$input"/*.jar "$fx"/*.jar "$input"/native/*/*

step "jpackage: the app image"
icon="$here/icons/ponder.png"
case "$os" in
  windows) icon="$here/icons/ponder.ico" ;;
  mac) # .icns from the PNG, with the system's own tools.
    iconset="$target/ponder.iconset"; mkdir -p "$iconset"
    for size in 16 32 128 256 512; do
      sips -z $size $size "$here/icons/ponder.png" --out "$iconset/icon_${size}x${size}.png" >/dev/null
      sips -z $((size * 2)) $((size * 2)) "$here/icons/ponder.png" --out "$iconset/icon_${size}x${size}@2x.png" >/dev/null
    done
    iconutil -c icns "$iconset" -o "$target/ponder.icns"; icon="$target/ponder.icns" ;;
esac
java_options=(--java-options "--enable-native-access=ALL-UNNAMED,javafx.graphics,javafx.media,javafx.web"
              --java-options "-Dponder.native.root=\$APPDIR/native")
while IFS= read -r option; do
  java_options+=(--java-options "$option")
done < <(grep -v -e '^#' -e '^[[:space:]]*$' "$root/ui/jvm.options" | tr -d '\r')
# The CLI launcher: `ponder` beside `Ponder` on Linux; Windows and macOS file systems ignore case, so there it is
# `ponder-cli`.
cli_name=ponder; [ "$os" != linux ] && cli_name=ponder-cli
image_options=()
[ "$os" = mac ] && image_options=(--mac-package-identifier dev.ponder.app)
"$jdk/jpackage" --type app-image --dest "$target/image" \
  --name Ponder --app-version "$app_version" --vendor Ponder \
  --description "Private reasoning chat with local GGUF models" \
  --runtime-image "$runtime" --input "$input" \
  --main-jar ponder-ui.jar --main-class dev.ponder.ui.Main \
  "${java_options[@]}" --icon "$icon" \
  --add-launcher "$cli_name=$here/launchers/cli.properties" "${image_options[@]}"
case "$os" in
  mac) image="$target/image/Ponder.app" ;;
  *) image="$target/image/Ponder" ;;
esac

if [ "$type" = app-image ]; then
  echo "App image: $image"
  exit 0
fi

step "jpackage: the $type installer"
installer_options=()
case "$os" in
  # No --linux-shortcut: it would give the CLI launcher a menu entry too; the window's entry comes with its .gguf
  # association (and from linux/Ponder.desktop, which passes the file: Exec=… %F).
  # GTK 3 by name: JavaFX opens it at run time, so jpackage finds it among the libraries' dependencies only on a build
  # machine that has it installed, and a .deb built elsewhere installed a window that could not open.
  linux) installer_options=(--linux-package-name ponder --linux-menu-group "Utility;" --linux-package-deps libgtk-3-0
           --linux-app-category utils --install-dir /opt
           --resource-dir "$here/linux" --license-file "$here/licenses/COPYRIGHT"
           --file-associations "$here/launchers/gguf.properties") ;;
  windows) installer_options=(--win-menu --win-shortcut --win-dir-chooser
           --win-upgrade-uuid 6f1c6e3a-5d0b-4e57-9a4e-3c8f0f1d2b7a
           --file-associations "$here/launchers/gguf.properties") ;;
  mac) installer_options=(--mac-package-identifier dev.ponder.app) ;;  # unsigned: see the workflow
esac
"$jdk/jpackage" --type "$type" --app-image "$image" --dest "$target/installer" \
  --name Ponder --app-version "$app_version" --vendor Ponder \
  --description "Private reasoning chat with local GGUF models" \
  "${installer_options[@]}"
ls -l "$target/installer"
