#!/bin/sh
# Screenshot of a PO catalogue as a translator sees it in Poedit, on a virtual display.
#   scripts/poedit-screenshot.sh locales/en/release.po shot.png
# Needs the Debian packages poedit, xvfb and imagemagick (not needed by the tests).
set -eu
[ $# -eq 2 ] || { echo "usage: $0 FILE.po SHOT.png" >&2; exit 2; }
for tool in poedit xvfb-run import; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y poedit xvfb imagemagick" >&2; exit 1; }
done
po=$(realpath "$1"); shot=$(realpath -m "$2")
# A throwaway HOME: Poedit writes its settings and translation memory there.
home=$(mktemp -d)
HOME="$home" xvfb-run -a -s "-screen 0 1400x900x24" sh -c '
  poedit "$1" & pid=$!
  sleep 12
  import -window root "$2"
  kill $pid' sh "$po" "$shot" 2>/dev/null
rm -rf "$home"
echo "$shot"
