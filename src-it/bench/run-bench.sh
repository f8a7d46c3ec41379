#!/bin/bash
# Measures `keepalived -t` wall time, jkeepalived (bin/keepalived) against keepalived 2.2.7, on two generated
# configs: 200 VRRP instances, and 10,000 virtual servers. Runs inside a scratch namespace holding eth0 (the
# instances' interface). Uses hyperfine when installed, else a loop timed with date +%s%N; reports the median of
# RUNS runs (default 7) and rewrites the results table in docs/benchmarks.md. Needs root, iproute2, keepalived.
#   usage: src-it/bench/run-bench.sh [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
runs=${1:-7}
ns=jkbench-$$
work=$(mktemp -d /tmp/jkbench.XXXXXX)

cleanup() {
    ip netns delete "$ns" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

generate_vrrp() {
    echo "global_defs {"
    echo "    router_id BENCH"
    echo "}"
    for i in $(seq 1 200); do
        cat <<CONF
vrrp_instance VI_$i {
    state BACKUP
    interface eth0
    virtual_router_id $(( (i - 1) % 255 + 1 ))
    priority $(( i % 254 + 1 ))
    advert_int 1
    unicast_src_ip 10.$(( i / 250 )).$(( i % 250 )).1
    unicast_peer {
        10.$(( i / 250 )).$(( i % 250 )).2
    }
    virtual_ipaddress {
        172.16.$(( i / 250 )).$(( i % 250 ))/32
    }
}
CONF
    done
}

generate_lvs() {
    for i in $(seq 0 9999); do
        cat <<CONF
virtual_server 10.$(( i / 65536 % 256 )).$(( i / 256 % 256 )).$(( i % 256 )) 80 {
    delay_loop 10
    lb_algo rr
    lb_kind DR
    protocol TCP
    real_server 192.168.$(( i / 256 % 256 )).$(( i % 256 )) 80 {
        weight 1
        TCP_CHECK {
            connect_timeout 3
        }
    }
}
CONF
    done
}

if [ ! -d "$root/packaging/target/lib" ]; then
    (cd "$root" && mvn -B -q -DskipTests package)
fi
generate_vrrp > "$work/vrrp-200.conf"
generate_lvs > "$work/lvs-10000.conf"

ip netns add "$ns"
ip -n "$ns" link add eth0 type veth peer name peth0
ip -n "$ns" link set eth0 up

# prints the median wall time in milliseconds of RUNS runs of "$@"
median_ms() {
    if command -v hyperfine >/dev/null; then
        hyperfine --runs "$runs" --ignore-failure --export-json "$work/h.json" --style none -- \
            "$(printf '%q ' "$@")" >/dev/null
        python3 -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["results"][0]["median"]*1000))' \
            "$work/h.json"
        return
    fi
    local times=()
    for _ in $(seq 1 "$runs"); do
        local start end
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1 || true
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

rows=()
for conf in vrrp-200 lvs-10000; do
    theirs=$(median_ms ip netns exec "$ns" /usr/sbin/keepalived -t -f "$work/$conf.conf")
    ours=$(median_ms ip netns exec "$ns" "$root/bin/keepalived" -t -f "$work/$conf.conf")
    # the parse alone, in a warm JVM: what a reload costs once the daemon runs
    warm=$(ip netns exec "$ns" java -cp "$root/packaging/target/lib/*" "$root/src-it/bench/ParseBench.java" \
        "$work/$conf.conf")
    rows+=("| $conf.conf | $theirs | $ours | $warm |")
    echo "$conf: keepalived ${theirs} ms, jkeepalived ${ours} ms, jkeepalived warm parse ${warm} ms"
done

tool=$(command -v hyperfine >/dev/null && echo hyperfine || echo "date +%s%N loop")
{
    sed '/^<!-- results -->$/,$d' "$root/docs/benchmarks.md"
    echo "<!-- results -->"
    echo "Measured $(date -u +%Y-%m-%d) on $(nproc) CPU(s), $(uname -r), $(java -version 2>&1 | head -1 | tr -d '"'),"
    echo "median of $runs runs ($tool):"
    echo
    echo "| config | keepalived 2.2.7 -t (ms) | jkeepalived -t (ms) | jkeepalived parse, warm JVM (ms) |"
    echo "|---|---|---|---|"
    printf '%s\n' "${rows[@]}"
} > "$work/benchmarks.md"
cp "$work/benchmarks.md" "$root/docs/benchmarks.md"
