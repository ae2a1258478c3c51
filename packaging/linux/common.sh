# Sourced by build_deb.sh and build_appimage.sh: paths, the version, the shared files.
set -eu
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BUNDLE="${BUNDLE:-$ROOT/dist/annotator}"
OUT="${OUT:-$ROOT/dist}"
HERE="$ROOT/packaging/linux"
ICONS="$ROOT/annotator/data/icons"

[ -x "$BUNDLE/annotator" ] || { echo "no bundle at $BUNDLE: run 'make bundle' first" >&2; exit 1; }
# The version the frozen program itself reports (it is the one build.spec embedded).
VERSION="$(QT_QPA_PLATFORM=offscreen "$BUNDLE/annotator" --version | awk '{print $2}')"
[ -n "$VERSION" ] || { echo "the bundle did not tell its version" >&2; exit 1; }

# stage_share DIR: desktop entry, MIME type and icons under DIR/usr/share
stage_share() {
    share="$1/usr/share"
    install -Dm644 "$HERE/annotator.desktop" "$share/applications/annotator.desktop"
    install -Dm644 "$HERE/annotator.xml" "$share/mime/packages/annotator.xml"
    for n in 16 24 32 48 64 128 256 512; do
        install -Dm644 "$ICONS/annotator-$n.png" "$share/icons/hicolor/${n}x$n/apps/annotator.png"
        install -Dm644 "$ICONS/annotator-$n.png" \
            "$share/icons/hicolor/${n}x$n/mimetypes/application-x-annotator-project.png"
    done
}
