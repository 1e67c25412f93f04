#!/usr/bin/env bash
# Installs what is missing, builds, and opens the console.
#   scripts/run.sh [FILE]      (from the project's root, as root on Debian 12)
# Without FILE it opens the last file you used, or a new one in your data folder.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

"$root/scripts/install-deps.sh"

build="${IC_BUILD_DIR:-$root/build/release}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF
cmake --build "$build" --parallel "$(nproc)"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    # No screen (a server or a container): give the console a virtual one so it still starts.
    echo "No display found; starting Xvfb on :99 (look at it with a VNC viewer or 'import -window root shot.png')."
    Xvfb :99 -screen 0 1600x1000x24 >/dev/null 2>&1 &
    export DISPLAY=:99
    sleep 1
fi
exec "$build/app/incident-console" "$@"
