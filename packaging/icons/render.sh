#!/usr/bin/env bash
# Renders Ponder's icon with ImageMagick 6 (Debian's `imagemagick`): a thought bubble with three dots, the model
# "thinking", on an indigo tile. The outputs are committed, so a build never needs ImageMagick:
#   ponder.png  512×512, the Linux launcher and desktop icon (and the source of macOS's .icns, made by build.sh)
#   ponder.ico  16–256 px, the Windows launcher and installer icon
set -euo pipefail
cd "$(dirname "$0")"
convert=/usr/bin/convert   # the real ImageMagick, not a wrapper earlier on PATH
size=512
"$convert" -size ${size}x${size} xc:none \
  \( -size ${size}x${size} gradient:'#6366f1-#4338ca' \
     \( -size ${size}x${size} xc:none -fill white -draw "roundrectangle 16,16 495,495 104,104" \) \
     -alpha off -compose CopyOpacity -composite \) -compose Over -composite \
  -fill white -stroke none \
  -draw "roundrectangle 88,120 424,352 96,96" \
  -draw "circle 156,398 156,428" \
  -draw "circle 104,450 104,466" \
  -fill '#4338ca' \
  -draw "circle 176,236 204,236" -draw "circle 256,236 284,236" -draw "circle 336,236 364,236" \
  -strip PNG32:ponder.png
"$convert" ponder.png -define icon:auto-resize=256,128,64,48,32,16 ponder.ico
