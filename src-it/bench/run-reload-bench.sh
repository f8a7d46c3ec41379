#!/bin/bash
# Reload time of a 1,000-instance config, jkeepalived next to keepalived 2.2.7 in the same run: each daemon runs the
# config in a scratch namespace until every instance is master, then takes RUNS SIGHUPs, each after a change of one
# instance's VIPs; the time is from the SIGHUP to the daemon's "Reload complete" line (keepalived's parent logs it
# once its VRRP child has reloaded). Rewrites the part of docs/benchmarks.md between <!-- reload-results --> and
# <!-- /reload-results -->. Needs root, iproute2, keepalived. About 3 minutes with the defaults.
#   usage: src-it/bench/run-reload-bench.sh [RUNS]
source "$(dirname "$(readlink -f "$0")")/vrrp-lib.sh"
runs=${1:-5}
interfaces=4
per_interface=250
doc=$VB_ROOT/docs/benchmarks.md
begin='<!-- reload-results -->'
end='<!-- /reload-results -->'
grep -qxF "$begin" "$doc" && grep -qxF "$end" "$doc" || { echo "$doc lacks the $begin and $end markers" >&2; exit 1; }

# config EXTRA_VIP: 1,000 instances, 250 VRIDs on each of rb0..rb3, one /32 VIP each; EXTRA_VIP goes to the first
config() {
    local i vrid
    for i in $(seq 0 $((interfaces - 1))); do
        for vrid in $(seq 1 "$per_interface"); do
            printf 'vrrp_instance VI_%d_%d {\n    interface rb%d\n    virtual_router_id %d\n    priority 100\n' \
                "$i" "$vrid" "$i" "$vrid"
            printf '    advert_int 1\n    virtual_ipaddress {\n        172.16.%d.%d/32\n' "$i" "$vrid"
            if [ "$i$vrid" = 01 ] && [ -n "$1" ]; then
                printf '        %s/32\n' "$1"
            fi
            printf '    }\n}\n'
        done
    done
}

# has_vip NS IF ADDRESS: whether ADDRESS is on IF in NS (vb_has_address's grep -q would cut a 1,000-line listing short,
# and pipefail count that as absent)
has_vip() {
    [ -n "$(ip -n "$VB_PREFIX-$1" -o addr show dev "$2" to "$3")" ]
}

# interfaces_in NS: rb0..rb3, veths up with an address each, in namespace NS (made here, so the EXIT trap knows it)
interfaces_in() {
    vb_namespace "$1"
    for i in $(seq 0 $((interfaces - 1))); do
        ip -n "$VB_PREFIX-$1" link add "rb$i" type veth peer name "rb${i}p"
        ip -n "$VB_PREFIX-$1" addr add "10.9.$i.1/24" dev "rb$i"
        ip -n "$VB_PREFIX-$1" link set "rb${i}p" up
        ip -n "$VB_PREFIX-$1" link set "rb$i" up
    done
}

# reload_times IMPL: in namespace IMPL, the milliseconds of each reload, one a line
reload_times() {
    local ns=$1 conf=$VB_WORK/$1.conf pid run sent done_at before
    config "" >"$conf"
    pid=$(vb_start "$1" "$ns" "$conf" "$1")
    vb_log "$1: waiting for 1,000 masters"
    vb_await 120 has_vip "$ns" "rb$((interfaces - 1))" "172.16.$((interfaces - 1)).$per_interface" >/dev/null
    vb_await 120 grep -q "Startup complete" "$VB_WORK/$1.log" >/dev/null
    for run in $(seq 1 "$runs"); do
        config "172.17.0.$run" >"$conf"
        before=$(grep -c "Reload complete" "$VB_WORK/$1.log" || true)
        sent=$EPOCHREALTIME
        kill -HUP "$pid"
        done_at=$(vb_await 120 sh -c "[ \$(grep -c 'Reload complete' '$VB_WORK/$1.log') -gt $before ]")
        vb_elapsed_ms "$sent" "$done_at"
        vb_await 30 has_vip "$ns" rb0 "172.17.0.$run" >/dev/null
    done
    vb_kill_all "$ns" -TERM
    sleep 2
}

vb_log "reload of 1,000 instances, $runs runs each"
interfaces_in ours
interfaces_in real
read -r ours_median ours_max < <(reload_times ours | vb_median_max)
read -r real_median real_max < <(reload_times real | vb_median_max)
table=$(cat <<TABLE
| Reload of a 1,000-instance config (SIGHUP to "Reload complete") | median | max |
|---|---|---|
| jkeepalived | $ours_median ms | $ours_max ms |
| keepalived 2.2.7 | $real_median ms | $real_max ms |

$runs reloads each, every one adding a VIP to one instance, all 1,000 instances master; $(nproc) CPUs,
$(uname -r), $(date -u +%Y-%m-%d). Reproduce: \`sudo src-it/bench/run-reload-bench.sh $runs\`.
TABLE
)
awk -v begin="$begin" -v end="$end" -v table="$table" '
    $0 == begin { print; print table; skip = 1; next }
    $0 == end { skip = 0 }
    !skip { print }' "$doc" >"$VB_WORK/benchmarks.md"
cp "$VB_WORK/benchmarks.md" "$doc"
echo "$table"
