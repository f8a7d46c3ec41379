#!/bin/bash
# Measures our checkers (src-it/bench/CheckerBench.java driving healthcheck's Checkers on one event loop, as the
# daemon's checker thread) with 10,000 TCP_CHECK and 1,000 HTTP_GET real servers at delay_loop 1 against one
# loopback listener (CheckerBenchListener.java, port 8080 of 127.1.0.0/16 and 127.2.0.0/16), in a scratch namespace:
# CPU (utime+stime over SECONDS after a WARMUP) and RSS of the checker JVM, and the heap used after a full GC every
# HEAP_INTERVAL seconds until DURATION. Needs root, iproute2 and `mvn -B -q -pl src-it -am package` done before.
#   usage: src-it/bench/run-checker-bench.sh [DURATION=70] [WARMUP=10] [SECONDS=60] [HEAP_INTERVAL=60]
# For the heap over 10 minutes: run-checker-bench.sh 600.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
duration=${1:-70}
warmup=${2:-10}
measured=${3:-60}
heap_interval=${4:-60}
lib="$root/packaging/target/lib/*"
ns=jkchkbench-$$
work=$(mktemp -d /tmp/jkchkbench.XXXXXX)
listener=

cleanup() {
    [[ -n $listener ]] && kill "$listener" 2>/dev/null || true
    ip netns delete "$ns" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

generate() {
    for group in $(seq 0 9); do
        echo "virtual_server 10.0.0.$((group + 1)) 8080 {"
        echo "    delay_loop 1"
        echo "    lb_algo rr"
        echo "    lb_kind NAT"
        echo "    protocol TCP"
        for i in $(seq 0 999); do
            n=$((group * 1000 + i))
            echo "    real_server 127.1.$((n / 250)).$((n % 250 + 1)) 8080 {"
            echo "        TCP_CHECK {"
            echo "            connect_timeout 3"
            echo "        }"
            echo "    }"
        done
        echo "}"
    done
    echo "virtual_server 10.0.1.1 8080 {"
    echo "    delay_loop 1"
    echo "    lb_algo rr"
    echo "    lb_kind NAT"
    echo "    protocol TCP"
    for n in $(seq 0 999); do
        echo "    real_server 127.2.$((n / 250)).$((n % 250 + 1)) 8080 {"
        echo "        HTTP_GET {"
        echo "            url {"
        echo "                path /"
        echo "                status_code 200"
        echo "            }"
        echo "            connect_timeout 3"
        echo "        }"
        echo "    }"
    done
    echo "}"
}

generate >"$work/keepalived.conf"
ip netns add "$ns"
ip -n "$ns" link set lo up
ip netns exec "$ns" java -Xmx64m -cp "$lib" "$root/src-it/bench/CheckerBenchListener.java" 8080 >"$work/listener.log" 2>&1 &
listener=$!
for _ in $(seq 100); do grep -q listening "$work/listener.log" && break; sleep 0.2; done

ip netns exec "$ns" java -cp "$lib" "$root/src-it/bench/CheckerBench.java" "$work/keepalived.conf" "$duration" \
    "$heap_interval" >"$work/bench.log" 2>&1 &
bench=$!
sleep 3
# the JVM itself, not ip netns exec
pid=$(pgrep -P "$bench" java || echo "$bench")
sleep "$warmup"
ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
start=$(ticks)
sleep "$measured"
end=$(ticks)
rss_kib=$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")
hz=$(getconf CLK_TCK)
wait "$bench" || true
echo "Measured $(date -u +%Y-%m-%d) on $(nproc) CPU(s), $(uname -r), $(java -version 2>&1 | head -1 | tr -d '"')"
awk -v t=$((end - start)) -v hz="$hz" -v s="$measured" -v rss="$rss_kib" \
    'BEGIN { printf "checker JVM: %.1f%% of one CPU over %d s, RSS %.0f MiB\n", 100 * t / hz / s, s, rss / 1024 }'
cat "$work/bench.log" | grep -v DEBUG
