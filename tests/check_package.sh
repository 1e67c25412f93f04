#!/usr/bin/env bash
# Builds the .deb with CPack and checks it holds what a desktop user needs.
set -euo pipefail
cpack="$1"; build="$2"; out="$3"
rm -rf "$out"; mkdir -p "$out"
"$cpack" --config "$build/CPackConfig.cmake" -G DEB -B "$out" >"$out/cpack.log" 2>&1 || { cat "$out/cpack.log"; exit 1; }
deb=$(ls "$out"/*.deb)
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/incident-console ./usr/bin/incident-console-cli \
         ./usr/share/applications/incident-console.desktop \
         ./usr/share/icons/hicolor/scalable/apps/incident-console.svg; do
    grep -q " $f\$" <<<"$contents" || { echo "missing from package: $f"; echo "$contents"; exit 1; }
done
depends=$(dpkg-deb -f "$deb" Depends)
grep -q "libqt6widgets6" <<<"$depends" || { echo "Depends lacks Qt: $depends"; exit 1; }
grep -q "qt6-qpa-plugins" <<<"$depends" || { echo "Depends lacks the platform plugins: $depends"; exit 1; }
echo "package ok: $(basename "$deb")"
