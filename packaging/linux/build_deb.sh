#!/bin/sh
# Build dist/annotator_VERSION_ARCH.deb from the bundle (make bundle), with dpkg-deb only.
#
#   packaging/linux/build_deb.sh            # or: make deb
#
# Layout: the bundle in /opt/annotator, /usr/bin/annotator linking to it, the desktop
# entry, the MIME type application/x-annotator-project (*.annotator) and icons under
# /usr/share. No maintainer scripts: the shared-mime-info, desktop-file-utils and
# hicolor-icon-theme packages refresh their caches through dpkg triggers on those folders.
. "$(dirname "$0")/common.sh"

ARCH="$(dpkg --print-architecture)"
PKG="$ROOT/build/deb/annotator_${VERSION}_$ARCH"
rm -rf "$PKG"
mkdir -p "$PKG/opt" "$PKG/usr/bin" "$PKG/DEBIAN"
cp -a "$BUNDLE" "$PKG/opt/annotator"
ln -s /opt/annotator/annotator "$PKG/usr/bin/annotator"
stage_share "$PKG"
install -Dm644 /dev/stdin "$PKG/usr/share/doc/annotator/copyright" <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Annotator
License: MIT
Comment: /opt/annotator bundles CPython (PSF License), Qt 6 and PySide6 (LGPLv3), and
 the Python libraries listed with their licences in /opt/annotator/_internal/*.dist-info.
 The full texts: /usr/share/doc/annotator/*.txt (Qt/PySide6 LGPL-3.0 and GPL-3.0, odfpy, Annotator).
COPYRIGHT
for text in "$ROOT"/annotator/data/licenses/*.txt; do
  install -Dm644 "$text" "$PKG/usr/share/doc/annotator/$(basename "$text")"
done

# The system libraries the bundle does not carry (PyInstaller leaves out libc, OpenGL/EGL,
# the X11/Wayland client libraries): what a Debian/Ubuntu desktop has, spelled out so a
# minimal system pulls them in. The glibc floor is the build machine's.
GLIBC="$(getconf GNU_LIBC_VERSION | awk '{print $2}')"
DEPENDS="libc6 (>= $GLIBC), libstdc++6, libgcc-s1, libgl1, libegl1, libfontconfig1, libfreetype6, libdbus-1-3, \
libxcb1, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0, \
libxcb-render-util0, libxcb-shape0, libxcb-xfixes0, libxcb-xkb1, libxkbcommon0, \
libxkbcommon-x11-0, libwayland-client0, libwayland-cursor0, libwayland-egl1"
SIZE="$(du -sk "$PKG" | awk '{print $1}')"
cat > "$PKG/DEBIAN/control" <<CONTROL
Package: annotator
Version: $VERSION
Architecture: $ARCH
Maintainer: Annotator developers <annotator@users.noreply.github.com>
Installed-Size: $SIZE
Section: science
Priority: optional
Depends: $DEPENDS
Recommends: fonts-noto-cjk | fonts-wqy-microhei, shared-mime-info, desktop-file-utils
Homepage: https://github.com/annotator/annotator
Description: qualitative coding of texts (质性文本编码)
 A document beside a codebook tree, coded segments that may overlap, memos,
 code-and-retrieve, intercoder agreement for coding workshops and an Excel
 workbook to take away; REFI-QDA exchange with NVivo, ATLAS.ti and MAXQDA.
 Interface in Simplified Chinese and English.
CONTROL

mkdir -p "$OUT"
DEB="$OUT/annotator_${VERSION}_$ARCH.deb"
dpkg-deb --root-owner-group -Zxz --build "$PKG" "$DEB" >/dev/null
echo "$DEB ($(du -m "$DEB" | awk '{print $1}') MB)"
