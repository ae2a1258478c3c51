#!/bin/sh
# Build dist/Annotator-VERSION-ARCH.AppImage from the bundle (make bundle).
#
#   APPIMAGETOOL=/path/to/appimagetool packaging/linux/build_appimage.sh
#   packaging/linux/build_appimage.sh --appdir-only      # only build/AppDir, no tool needed
#
# appimagetool (https://github.com/AppImage/appimagetool) is downloaded by the release
# workflow; it runs without FUSE there thanks to APPIMAGE_EXTRACT_AND_RUN=1.
. "$(dirname "$0")/common.sh"

ARCH="$(uname -m)"
APPDIR="$ROOT/build/AppDir"
rm -rf "$APPDIR"
mkdir -p "$APPDIR/usr/lib"
cp -a "$BUNDLE" "$APPDIR/usr/lib/annotator"
stage_share "$APPDIR"
install -m755 "$HERE/AppRun" "$APPDIR/AppRun"
install -m644 "$HERE/annotator.desktop" "$APPDIR/annotator.desktop"
install -m644 "$ICONS/annotator-256.png" "$APPDIR/annotator.png"
ln -sf annotator.png "$APPDIR/.DirIcon"

if [ "${1:-}" = "--appdir-only" ]; then
    echo "$APPDIR"
    exit 0
fi
TOOL="${APPIMAGETOOL:-$(command -v appimagetool || true)}"
[ -n "$TOOL" ] || { echo "appimagetool not found: set APPIMAGETOOL" >&2; exit 1; }
mkdir -p "$OUT"
IMAGE="$OUT/Annotator-$VERSION-$ARCH.AppImage"
APPIMAGE_EXTRACT_AND_RUN=1 ARCH="$ARCH" "$TOOL" --no-appstream "$APPDIR" "$IMAGE"
echo "$IMAGE ($(du -m "$IMAGE" | awk '{print $1}') MB)"
