#!/usr/bin/env bash
# Installs the Debian 12 packages Incident Console needs to build, test and run, when any is missing.
# Run as root (or with sudo available). Safe to run again: it installs nothing that is already there.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config dpkg-dev file
    qt6-base-dev qt6-base-dev-tools libqt6charts6-dev libqt6opengl6-dev libqt6sql6-sqlite
    qt6-qpa-plugins libgl-dev libxkbcommon-dev libsqlite3-dev sqlite3
    libkainjow-mustache-dev
    prometheus prometheus-alertmanager
    xvfb xauth imagemagick poppler-utils fonts-dejavu-core openssl libsimdjson-dev
    clang libclang-rt-14-dev
    postgresql-15 libqt6sql6-psql libpq-dev
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "Installing: ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
# --no-install-recommends keeps Prometheus from pulling in node-exporter and friends.
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
