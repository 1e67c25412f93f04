#!/usr/bin/env bash
# Two seats on one incident record, in one command: installs what is missing, builds, starts a throwaway
# PostgreSQL 15 and the local demo stack (simulator, Prometheus, Alertmanager) on free loopback ports, and opens
# two consoles side by side on the same team database: Alex, the Incident Commander, and Priya, the
# Communications Lead. What one types, the other sees. Everything stops, and the database is removed, when both
# consoles are closed (or on Ctrl+C).
#   scripts/team-demo.sh        (from the project's root, as root on Debian 12)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

"$root/scripts/install-deps.sh"
build="${IC_BUILD_DIR:-$root/build/release}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF
cmake --build "$build" --parallel "$(nproc)"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No display found; starting Xvfb on :99 (look at it with 'import -window root shot.png')."
    Xvfb :99 -screen 0 1920x1080x24 >/dev/null 2>&1 &
    export DISPLAY=:99
    sleep 1
fi

work="$(mktemp -d)"
pgbin=/usr/lib/postgresql/15/bin
as_postgres=()
if [ "$(id -u)" = 0 ]; then
    chown postgres "$work"
    as_postgres=(runuser -u postgres --) # initdb and postgres refuse to run as root
fi
port=20000
for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
done
password="demo-$RANDOM$RANDOM"
printf '%s\n' "$password" >"$work/pw"
[ "$(id -u)" = 0 ] && chown postgres "$work/pw"

stop_all() {
    [ -n "${DEMO_DIR:-}" ] && "$root/scripts/demo-stack.sh" stop "$DEMO_DIR" || true
    "${as_postgres[@]}" "$pgbin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap stop_all EXIT

"${as_postgres[@]}" "$pgbin/initdb" -D "$work/data" -U ic -A scram-sha-256 --pwfile="$work/pw" >/dev/null
"${as_postgres[@]}" "$pgbin/pg_ctl" -D "$work/data" -l "$work/postgres.log" -w \
    -o "-p $port -k $work -c listen_addresses=127.0.0.1" start >/dev/null
PGPASSWORD="$password" psql -q -h 127.0.0.1 -p "$port" -U ic -d postgres -c 'CREATE DATABASE incidents'
address="postgresql://ic@127.0.0.1:$port/incidents"

eval "$("$root/scripts/demo-stack.sh" start "$build")"
echo "Team database: $address (password: $password)"
echo "Demo stack: simulator $SIMULATOR, Prometheus $PROMETHEUS, Alertmanager $ALERTMANAGER"
echo "Start a drill scenario with e.g.: curl -X PUT $SIMULATOR/scenario/ddos"

# Half the screen each.
size="$(import -window root png:- 2>/dev/null | identify -format '%w %h' - 2>/dev/null || echo '1600 1000')"
width="${size%% *}"
height="${size##* }"
half=$((width / 2))

seat() { # name x
    local home="$work/seat-$1"
    mkdir -p "$home/config/incident-console" "$home/data"
    printf '[user]\nname=%s\n' "$1" >"$home/config/incident-console/incident-console.conf"
    chmod 600 "$home/config/incident-console/incident-console.conf"
    XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" PGPASSWORD="$password" \
        "$build/app/incident-console" --db "$address" --prometheus "$PROMETHEUS" --alertmanager "$ALERTMANAGER" \
        -geometry "${half}x$((height - 60))+$2+0" &
}
seat Alex 0
seat Priya "$half"
wait
