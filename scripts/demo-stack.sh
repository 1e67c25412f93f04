#!/usr/bin/env bash
# Starts the local demo stack on free loopback ports: the game-server simulator, Prometheus with the shipped
# alerting rules (demo timings: alerts fire within seconds), and Alertmanager. Prints the addresses as
#   SIMULATOR=http://127.0.0.1:P  PROMETHEUS=http://127.0.0.1:P  ALERTMANAGER=http://127.0.0.1:P
# and writes the process ids to $DEMO_DIR/pids. Stop it with: scripts/demo-stack.sh stop DEMO_DIR
#   usage: scripts/demo-stack.sh start BUILD_DIR   |   scripts/demo-stack.sh stop DEMO_DIR
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

http_status() { # host port path -> HTTP status code, or nothing
    local code
    code=$( (exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&3 && head -n1 <&3) 2>/dev/null | awk '{print $2}')
    echo "${code:-}"
}

free_port() {
    local p
    for _ in $(seq 1 200); do
        p=$((20000 + RANDOM % 20000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            echo "$p"
            return
        fi
    done
    echo "no free port found" >&2
    exit 1
}

wait_ready() { # port path name
    for _ in $(seq 1 100); do
        [ "$(http_status "$1" "$2")" = "200" ] && return 0
        sleep 0.1
    done
    echo "$3 did not become ready on 127.0.0.1:$1" >&2
    return 1
}

if [ "${1:-}" = "stop" ]; then
    dir="${2:?usage: demo-stack.sh stop DEMO_DIR}"
    if [ -f "$dir/pids" ]; then
        # shellcheck disable=SC2046
        kill $(cat "$dir/pids") 2>/dev/null || true
    fi
    rm -rf "$dir"
    exit 0
fi

build="${2:?usage: demo-stack.sh start BUILD_DIR}"
dir="$(mktemp -d "${TMPDIR:-/tmp}/incident-console-demo.XXXXXX")"
sim_port=$(free_port); prom_port=$(free_port); am_port=$(free_port)

"$build/app/game-server-simulator" --listen "127.0.0.1:$sim_port" --scenario "${DEMO_SCENARIO:-latency-regression}" \
    >"$dir/simulator.log" 2>&1 &
echo $! >>"$dir/pids"

cat >"$dir/alertmanager.yml" <<YAML
route:
  receiver: nobody
  group_wait: 1s
  group_interval: 5s
  repeat_interval: 1h
receivers:
  - name: nobody
YAML
prometheus-alertmanager --config.file="$dir/alertmanager.yml" --storage.path="$dir/am" \
    --web.listen-address="127.0.0.1:$am_port" --cluster.listen-address= >"$dir/alertmanager.log" 2>&1 &
echo $! >>"$dir/pids"

# Demo timings: the shipped rules with 20 s windows and 10 s "for", so a newcomer sees alerts in under a minute.
sed -e 's/\[1m\]/[20s]/g' -e 's/for: [0-9]*m/for: 10s/' "$root/resources/rules/game-server.rules.yml" >"$dir/rules.yml"
cat >"$dir/prometheus.yml" <<YAML
global:
  scrape_interval: 5s
  evaluation_interval: 5s
rule_files: [$dir/rules.yml]
scrape_configs:
  - job_name: game-server
    static_configs:
      - targets: ["127.0.0.1:$sim_port"]
alerting:
  alertmanagers:
    - static_configs:
        - targets: ["127.0.0.1:$am_port"]
YAML
prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/tsdb" \
    --web.listen-address="127.0.0.1:$prom_port" --rules.alert.resend-delay=5s >"$dir/prometheus.log" 2>&1 &
echo $! >>"$dir/pids"

wait_ready "$sim_port" /-/healthy "the game-server simulator"
wait_ready "$am_port" /-/ready "Alertmanager"
wait_ready "$prom_port" /-/ready "Prometheus"

echo "DEMO_DIR=$dir"
echo "SIMULATOR=http://127.0.0.1:$sim_port"
echo "PROMETHEUS=http://127.0.0.1:$prom_port"
echo "ALERTMANAGER=http://127.0.0.1:$am_port"
