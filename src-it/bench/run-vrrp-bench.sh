#!/bin/bash
# Runs the three VRRP benchmarks, jkeepalived next to keepalived 2.2.7 in the same run, and rewrites the part of
# docs/benchmarks.md between <!-- vrrp-results --> and <!-- /vrrp-results --> (run-bench.sh owns <!-- results -->
# to the end). Needs root, iproute2, tcpdump, keepalived. About 8 minutes with the defaults.
#   usage: src-it/bench/run-vrrp-bench.sh [RUNS] [SECONDS]
#     RUNS     takeovers of each kind per pairing (default 5)
#     SECONDS  length of each jitter capture and of the footprint sample (default 60)
set -euo pipefail
bench=$(dirname "$(readlink -f "$0")")
doc=$(cd "$bench/../.." && pwd)/docs/benchmarks.md
runs=${1:-5}
seconds=${2:-60}
begin='<!-- vrrp-results -->'
end='<!-- /vrrp-results -->'

if ! grep -qxF "$begin" "$doc" || ! grep -qxF "$end" "$doc"; then
    echo "$doc lacks the $begin and $end markers" >&2
    exit 1
fi
work=$(mktemp -d /tmp/jkvbench-run.XXXXXX)
trap 'rm -rf "$work"' EXIT
# a part runs in the background so that a signal to this script reaches it and it cleans up its namespaces
trap '[ -z "${part:-}" ] || kill "$part" 2>/dev/null; exit 130' INT TERM

# run_part SCRIPT ARGUMENT: runs src-it/bench/SCRIPT, its table rows into $work/SCRIPT.rows
run_part() {
    "$bench/$1" "$2" >"$work/$1.rows" &
    part=$!
    wait "$part"
    part=
}

run_part vrrp-takeover.sh "$runs"
run_part vrrp-jitter.sh "$seconds"
run_part vrrp-footprint.sh "$seconds"
updated=$work/benchmarks.md
{
    sed "\\|^$begin\$|q" "$doc"
    echo "Measured $(date -u +%Y-%m-%d) on $(nproc) CPU(s) ($(awk -F': ' '/^model name/ { print $2; exit }' \
        /proc/cpuinfo)), $(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM,"
    echo "Linux $(uname -r), $(java -version 2>&1 | head -1 | tr -d '"'), $(/usr/sbin/keepalived -v 2>&1 | head -1)."
    echo
    echo "Takeover, $runs runs of each kind per pairing, median / max in ms. \"VIP\": from the signal to the VIP"
    echo "seen on the backup (10 ms polling); \"adverts\": from the master's last advert (kill -9) or its priority 0"
    echo "advert (SIGTERM) to the backup's first, from tcpdump on the backup."
    echo
    echo "| master → backup | kill -9, VIP | kill -9, adverts | SIGTERM, VIP | SIGTERM, adverts |"
    echo "|---|---|---|---|---|"
    cat "$work/vrrp-takeover.sh.rows"
    echo
    echo "Advert gaps of a lone master over $seconds s, in ms (nearest-rank percentiles):"
    echo
    echo "| advert | load | master | gaps | min | p50 | p99 | max |"
    echo "|---|---|---|---|---|---|---|---|"
    cat "$work/vrrp-jitter.sh.rows"
    echo
    echo "One master with 100 instances, after all are master plus 5 s, sampled over $seconds s:"
    echo
    echo "| daemon | processes | RSS (MiB) | peak RSS (MiB) | CPU (ms) | CPU (% of one CPU) |"
    echo "|---|---|---|---|---|---|"
    cat "$work/vrrp-footprint.sh.rows"
    sed -n "\\|^$end\$|,\$p" "$doc"
} >"$updated"
cp "$updated" "$doc"
