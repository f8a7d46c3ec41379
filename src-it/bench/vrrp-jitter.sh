#!/bin/bash
# Advert jitter of a lone master: jkeepalived (ours) and keepalived 2.2.7 (real), each at VRRPv2 advert_int 1 and at
# VRRPv3 advert_int 0.1, four masters at once, each in its own namespace on its own veth pair to a capture namespace
# where tcpdump -tt records its adverts. The gaps between consecutive adverts over SECONDS (default 60) are reported
# idle, then again with one CPU-burning busy loop per CPU running beside them.
# Prints one markdown table row per master and load on stdout.
#   usage: src-it/bench/vrrp-jitter.sh [SECONDS]
source "$(dirname "$(readlink -f "$0")")/vrrp-lib.sh"
seconds=${1:-60}
masters=(ours-v2 real-v2 ours-v3 real-v3)

vb_namespace capture
for index in "${!masters[@]}"; do
    name=${masters[$index]}
    subnet=10.0.$(( index + 1 ))
    vb_namespace "$name"
    vb_link "$name" eth0 "$subnet.1" capture "$name" "$subnet.2"
    if [ "${name#*-}" = v2 ]; then
        vb_vrrp_config VI_1 MASTER 51 150 1 2 "$subnet.100" >"$VB_WORK/$name.conf"
    else
        vb_vrrp_config VI_1 MASTER 51 150 0.1 3 "$subnet.100" >"$VB_WORK/$name.conf"
    fi
    vb_start "${name%-*}" "$name" "$VB_WORK/$name.conf" "$name" >/dev/null
done
for index in "${!masters[@]}"; do
    vb_await 30 vb_has_address "${masters[$index]}" eth0 "10.0.$(( index + 1 )).100" >/dev/null \
        || { vb_log "${masters[$index]} is not master"; cat "$VB_WORK/${masters[$index]}.log" >&2; exit 1; }
done
# past start-up: ours has compiled its advert path by then
sleep 5

# capture LOAD: SECONDS of adverts of every master, then one row per master
capture() {
    local name pids=() subnet count min p50 p99 max
    for name in "${masters[@]}"; do
        ip netns exec "$VB_PREFIX-capture" tcpdump -tt -n -l -i "$name" 'ip proto 112' \
            >"$VB_WORK/$name-$1.txt" 2>/dev/null &
        pids+=($!)
    done
    sleep "$seconds"
    kill "${pids[@]}"
    wait "${pids[@]}" 2>/dev/null || true
    for index in "${!masters[@]}"; do
        name=${masters[$index]}
        read -r count min p50 p99 max <<<"$(awk -v src="10.0.$(( index + 1 )).1" '
            $3 == src { if (last) printf "%.1f\n", ($1 - last) * 1000; last = $1 }' "$VB_WORK/$name-$1.txt" \
            | vb_percentiles)"
        echo "| ${name#*-}, advert_int $([ "${name#*-}" = v2 ] && echo 1 || echo 0.1) | $1" \
            "| $([ "${name%-*}" = ours ] && echo jkeepalived || echo keepalived) | $count | $min | $p50 | $p99 | $max |"
    done
}

vb_log "jitter: $seconds s idle"
capture idle
vb_log "jitter: $seconds s beside $(nproc) busy loops"
vb_burn
capture "$(nproc) busy loops"
vb_unburn
