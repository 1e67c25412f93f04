#!/usr/bin/env bash
# Installs what is missing, builds, and opens the console.
#   scripts/run.sh [--demo | --no-demo] [FILE]      (from the project's root, as root on Debian 12)
# With no alert source configured in Settings (or with --demo), it first starts the local demo stack — the
# game-server simulator, Prometheus with the shipped rules and Alertmanager, all on free loopback ports —
# and opens the console on it; the stack stops when the console closes.
# Without FILE it opens the last file you used, or a new one in your data folder.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

demo=auto
args=()
for a in "$@"; do
    case "$a" in
        --demo) demo=yes ;;
        --no-demo) demo=no ;;
        *) args+=("$a") ;;
    esac
done

"$root/scripts/install-deps.sh"

build="${IC_BUILD_DIR:-$root/build/release}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF
cmake --build "$build" --parallel "$(nproc)"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    # No screen (a server or a container): give the console a virtual one so it still starts.
    echo "No display found; starting Xvfb on :99 (look at it with 'import -window root shot.png')."
    Xvfb :99 -screen 0 1600x1000x24 >/dev/null 2>&1 &
    export DISPLAY=:99
    sleep 1
fi

settings="${XDG_CONFIG_HOME:-$HOME/.config}/incident-console/incident-console.conf"
if [ "$demo" = auto ]; then
    demo=yes
    if [ -f "$settings" ] && grep -Eq '^alertSources\\size=[1-9]' "$settings"; then
        demo=no
    fi
fi

sources=()
if [ "$demo" = yes ]; then
    stack="$("$root/scripts/demo-stack.sh" start "$build")"
    eval "$stack"
    trap '"$root/scripts/demo-stack.sh" stop "$DEMO_DIR"' EXIT
    echo "Demo stack: simulator $SIMULATOR, Prometheus $PROMETHEUS, Alertmanager $ALERTMANAGER"
    echo "Switch the drill scenario with e.g.: curl -X PUT $SIMULATOR/scenario/auth-failure"
    echo "  (normal, ddos, auth-failure, plugin-crash, latency-regression)"
    sources=(--prometheus "$PROMETHEUS" --alertmanager "$ALERTMANAGER")
fi
"$build/app/incident-console" "${sources[@]}" "${args[@]}"
