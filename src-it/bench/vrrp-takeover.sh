#!/bin/bash
# Takeover time after the master's death, for the four pairings of jkeepalived (ours) and keepalived 2.2.7 (real).
# Namespace A (eth0 192.168.77.1) runs the master (state MASTER, priority 150), B (eth0 192.168.77.2) the backup
# (state BACKUP, priority 100); VRRPv2, advert_int 1, one VIP 192.168.77.100. Each run kills the master, then times
# the VIP's appearance on B by polling `ip -n B -o addr` every 10 ms, and restarts the master, which preempts back.
#   kill -9: every process of the master is stopped (SIGSTOP), then killed: keepalived's VRRP child would otherwise
#            see its parent die and stop cleanly, sending priority 0;
#   SIGTERM: the master's main process gets SIGTERM and sends priority 0.
# A tcpdump on B also gives the backup's own reaction time: the master's last advert to the backup's first.
# Prints one markdown table row per pairing on stdout.
#   usage: src-it/bench/vrrp-takeover.sh [RUNS]    (RUNS of each kind per pairing, default 5)
source "$(dirname "$(readlink -f "$0")")/vrrp-lib.sh"
runs=${1:-5}
vip=192.168.77.100

vb_namespace a
vb_namespace b
vb_link a eth0 192.168.77.1 b eth0 192.168.77.2
# appending, so that truncating the file between pairings leaves no hole
ip netns exec "$VB_PREFIX-b" tcpdump -tt -n -l -i eth0 'ip proto 112' >>"$VB_WORK/adverts.txt" 2>/dev/null &
tcpdump_pid=$!

vip_on_a() { vb_has_address a eth0 "$vip"; }
vip_on_b() { vb_has_address b eth0 "$vip"; }
vip_only_on_a() { vip_on_a && ! vip_on_b; }

# start_master IMPL: (re)starts the master in A and waits until it holds the VIP and the backup has let go of it
start_master() {
    ip -n "$VB_PREFIX-a" addr del "$vip/24" dev eth0 2>/dev/null || true
    master_pid=$(vb_start "$1" a "$VB_WORK/master.conf" master)
    vb_await 30 vip_only_on_a >/dev/null || { vb_log "no master in A"; cat "$VB_WORK/master.log" >&2; exit 1; }
    # a few adverts, so that the backup's master down timer runs from a steady master
    sleep 1.5
}

# takeover KIND: one run; appends "KIND start-time vip-time" to $VB_WORK/runs.txt
takeover() {
    local start seen
    start=$EPOCHREALTIME
    if [ "$1" = kill ]; then
        vb_kill_all a -STOP
        vb_kill_all a -9
    else
        kill -TERM "$master_pid"
    fi
    seen=$(vb_await 30 vip_on_b) || { vb_log "no takeover by B"; cat "$VB_WORK"/*.log >&2; exit 1; }
    wait "$master_pid" 2>/dev/null || true
    echo "$1 $start $seen" >>"$VB_WORK/runs.txt"
}

# report KIND: "median max" of the VIP times and of the advert gaps (the master's last advert, or its priority 0
# one, to the backup's first) of the runs of KIND in the current pairing
report() {
    local gaps
    gaps=$(awk -v kind="$1" '
        NR == FNR { if ($1 == kind) starts[++n] = $2; next }
        { t[++m] = $1; src[m] = $3 }
        END {
            for (r = 1; r <= n; r++) {
                last = 0
                for (i = 1; i <= m; i++) {
                    if (src[i] == "192.168.77.2" && t[i] > starts[r]) {
                        printf "%d\n", (t[i] - last) * 1000
                        break
                    }
                    if (src[i] == "192.168.77.1") last = t[i]
                }
            }
        }' "$VB_WORK/runs.txt" "$VB_WORK/adverts.txt" | vb_median_max)
    echo "$(awk -v kind="$1" '$1 == kind { print int(($3 - $2) * 1000) }' "$VB_WORK/runs.txt" | vb_median_max) $gaps"
}

label() {
    [ "$1" = ours ] && echo jkeepalived || echo keepalived
}

for pairing in "real real" "ours ours" "real ours" "ours real"; do
    read -r master backup <<<"$pairing"
    vb_log "takeover: $(label "$master") master, $(label "$backup") backup, $runs runs of kill -9 and of SIGTERM"
    vb_vrrp_config VI_1 MASTER 51 150 1 2 "$vip" >"$VB_WORK/master.conf"
    vb_vrrp_config VI_1 BACKUP 51 100 1 2 "$vip" >"$VB_WORK/backup.conf"
    : >"$VB_WORK/runs.txt"
    backup_pid=$(vb_start "$backup" b "$VB_WORK/backup.conf" backup)
    start_master "$master"
    for kind in kill term; do
        for _ in $(seq 1 "$runs"); do
            takeover "$kind"
            start_master "$master"
        done
    done
    vb_kill_all a -TERM
    kill -TERM "$backup_pid"
    wait "$master_pid" "$backup_pid" 2>/dev/null || true
    # the last adverts reach the capture file before the next pairing reads it
    sleep 0.5
    read -r kill_median kill_max kill_gap_median kill_gap_max <<<"$(report kill)"
    read -r term_median term_max term_gap_median term_gap_max <<<"$(report term)"
    echo "| $(label "$master") → $(label "$backup") | $kill_median / $kill_max | $kill_gap_median / $kill_gap_max" \
        "| $term_median / $term_max | $term_gap_median / $term_gap_max |"
    : >"$VB_WORK/adverts.txt"
done
kill "$tcpdump_pid"
