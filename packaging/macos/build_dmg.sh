#!/bin/sh
# Build dist/Annotator-VERSION-macos-ARCH.dmg from dist/Annotator.app (make bundle on a Mac).
#
#   packaging/macos/build_dmg.sh
#
# The image holds Annotator.app and a link to /Applications (drag to install). Signing is
# optional and happens only when MACOS_SIGN_IDENTITY names a "Developer ID Application"
# certificate in the keychain; notarisation additionally needs APPLE_ID, APPLE_TEAM_ID and
# APPLE_APP_PASSWORD (an app-specific password). Without them the app is ad-hoc signed (as
# PyInstaller leaves it): it runs, but Gatekeeper asks the user to allow it once (Finder:
# right-click > Open, or System Settings > Privacy & Security > Open Anyway).
set -eu
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
APP="${APP:-$ROOT/dist/Annotator.app}"
OUT="${OUT:-$ROOT/dist}"
[ -d "$APP" ] || { echo "no $APP: run 'make bundle' on macOS first" >&2; exit 1; }

VERSION="$(/usr/libexec/PlistBuddy -c 'Print :CFBundleShortVersionString' "$APP/Contents/Info.plist")"
ARCH="$(lipo -archs "$APP/Contents/MacOS/Annotator" | tr ' ' '-')"
DMG="$OUT/Annotator-$VERSION-macos-$ARCH.dmg"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
    # Sign inside out: every library and the executable, then the bundle, with the
    # hardened runtime that notarisation requires.
    find "$APP/Contents" -type f \( -name "*.so" -o -name "*.dylib" \) -print0 |
        xargs -0 codesign --force --timestamp --options runtime --sign "$MACOS_SIGN_IDENTITY"
    find "$APP/Contents/Frameworks" -type d -name "*.framework" -prune -print0 |
        xargs -0 codesign --force --timestamp --options runtime --sign "$MACOS_SIGN_IDENTITY"
    codesign --force --timestamp --options runtime \
        --entitlements "$ROOT/packaging/macos/entitlements.plist" \
        --sign "$MACOS_SIGN_IDENTITY" "$APP"
    codesign --verify --deep --strict --verbose=2 "$APP"
fi

STAGE="$ROOT/build/dmg"
rm -rf "$STAGE" && mkdir -p "$STAGE" "$OUT"
ditto "$APP" "$STAGE/Annotator.app"
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
hdiutil create -volname "Annotator $VERSION" -srcfolder "$STAGE" -fs HFS+ \
    -format UDZO -imagekey zlib-level=9 -ov "$DMG"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
    codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$DMG"
    if [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
        xcrun notarytool submit "$DMG" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
            --password "$APPLE_APP_PASSWORD" --wait
        xcrun stapler staple "$DMG"
    fi
fi
echo "$DMG ($(du -m "$DMG" | awk '{print $1}') MB)"
