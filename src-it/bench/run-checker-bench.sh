#!/bin/bash
# Measures our checkers on the host (src-it/bench/CheckerBench.java driving healthcheck's Checkers on one event loop,
# as the daemon's checker thread) with TCP TCP_CHECK and HTTP HTTP_GET real servers at delay_loop 1 against one
# loopback listener (CheckerBenchListener.java) in a scratch namespace: CPU (utime+stime over SECONDS after a WARMUP)
# and RSS of the checker JVM, the heap used after a full GC every HEAP_INTERVAL seconds until DURATION, and how many
# warnings Netty logged. Needs root, iproute2 and `mvn -B -q -pl packaging -am package -DskipTests` done before.
#   usage: src-it/bench/run-checker-bench.sh [DURATION=70] [WARMUP=10] [SECONDS=60] [HEAP_INTERVAL=60]
# Environment: CHECKER_BENCH_TCP (10000), CHECKER_BENCH_HTTP (1000), CHECKER_BENCH_CLASSPATH (packaging/target/lib/*,
# e.g. an older build's copy for a before/after comparison), CHECKER_BENCH_LOG (a file to keep the checker JVM's output
# in). For the heap over 10 minutes: run-checker-bench.sh 600.
# keepalived 2.2.7 beside ours, in the IPVS VM: run-checker-vm-bench.sh.
set -euo pipefail
. "$(dirname "$(readlink -f "$0")")/checker-bench-lib.sh"
duration=${1:-70}
warmup=${2:-10}
measured=${3:-60}
heap_interval=${4:-60}
classpath=${CHECKER_BENCH_CLASSPATH:-$CB_ROOT/packaging/target/lib/*}
ns=jkchkbench-$$
work=$(mktemp -d /tmp/jkchkbench.XXXXXX)
CB_LISTENER=

cleanup() {
    [[ -n ${CHECKER_BENCH_LOG:-} && -f $work/bench.log ]] && cp "$work/bench.log" "$CHECKER_BENCH_LOG"
    [[ -n $CB_LISTENER ]] && kill "$CB_LISTENER" 2>/dev/null || true
    ip netns delete "$ns" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

cb_config "${CHECKER_BENCH_TCP:-10000}" "${CHECKER_BENCH_HTTP:-1000}" >"$work/keepalived.conf"
ip netns add "$ns"
ip -n "$ns" link set lo up
cb_listener "$classpath" "$work/listener.log" ip netns exec "$ns"

ip netns exec "$ns" java -cp "$classpath" "$CB_ROOT/src-it/bench/CheckerBench.java" "$work/keepalived.conf" \
    "$duration" "$heap_interval" >"$work/bench.log" 2>&1 &
bench=$!
sleep 3
# the JVM itself, not ip netns exec
pid=$(pgrep -P "$bench" java || echo "$bench")
sleep "$warmup"
result=$(cb_measure "checker JVM" "$pid" "$measured")
wait "$bench" || true
echo "Measured $(date -u +%Y-%m-%d) on $(nproc) CPU(s), $(uname -r), $(java -version 2>&1 | head -1 | tr -d '"')"
echo "$result"
# CheckerBench's own lines; anything else is a warning (logback.xml lets only warnings through, message alone),
# but for Netty's one notice that the scratch namespace has no hardware address to make channel ids from
grep -e '^checkers ' -e '^after ' "$work/bench.log" || true
warnings=$(grep -v -e '^checkers ' -e '^after ' -e '^\s' -e 'usable hardware address' "$work/bench.log" || true)
echo "warnings logged: $(grep -c . <<<"$warnings" || true)"
sort <<<"$warnings" | uniq -c | sort -rn | head -5
