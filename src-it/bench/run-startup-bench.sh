#!/bin/bash
# Start-up and footprint: keepalived 2.2.7 and jkeepalived (bin/keepalived) under several JVM settings, in the same
# run, and rewrites the part of docs/benchmarks.md between <!-- startup-results --> and <!-- /startup-results -->.
# Every daemon runs alone in a scratch namespace ($VB_PREFIX-*, see vrrp-lib.sh) on a veth eth0 whose peer stays in
# the same namespace.
#   - Exec to first advert: one master at priority 255 (an address owner becomes master at once, without waiting for
#     the master down interval). tcpdump -tt on the peer records the first VRRP packet; the time is measured from just
#     before `ip netns exec` runs the daemon. RUNS runs of each, interleaved; median and max.
#   - RSS: one master with 1 instance and one with 100 instances (VRIDs 1..100, advert_int 1, one VIP each), all
#     started at once, sampled SETTLE seconds later: VmRSS (and peak VmHWM) summed over the namespace's processes.
# Needs root, iproute2, tcpdump, keepalived. About 3 minutes with the defaults.
#   usage: src-it/bench/run-startup-bench.sh [RUNS] [SETTLE]
#     RUNS    start-ups of each variant (default 7)
#     SETTLE  seconds from start to the RSS sample (default 30)
source "$(dirname "$(readlink -f "$0")")/vrrp-lib.sh"
runs=${1:-7}
settle_seconds=${2:-30}
doc=$VB_ROOT/docs/benchmarks.md
begin='<!-- startup-results -->'
end='<!-- /startup-results -->'
tcpdump_pids=()

# The variants: "label|environment|JKEEPALIVED_JAVA_OPTS" for ours (an empty JKEEPALIVED_JAVA_OPTS keeps
# bin/keepalived's defaults; "-" runs keepalived 2.2.7). The archive `mvn package` trained on a daemon run
# (packaging/src/deb/train-class-data.sh) is compared with one trained on a -t run, made below.
base_flags="-XX:+UseSerialGC -Xss512k -XX:TieredStopAtLevel=1 -XX:MaxRAM=256m"
daemon_archive=$VB_ROOT/packaging/target/keepalived.jsa
test_archive=$VB_WORK/config-test.jsa
with_archive() {
    echo "-XX:SharedArchiveFile=$1 -Xlog:cds=off -Xlog:cds+dynamic=off"
}
variants=(
    "keepalived 2.2.7||-"
    "jkeepalived, JVM defaults|| "
    "jkeepalived, small-daemon flags, JDK's CDS only||$base_flags"
    "jkeepalived, small-daemon flags, AppCDS from -t||$base_flags $(with_archive "$test_archive")"
    "jkeepalived, small-daemon flags, AppCDS from a daemon run||$base_flags $(with_archive "$daemon_archive")"
    "jkeepalived, as above, MALLOC_ARENA_MAX=2|MALLOC_ARENA_MAX=2|$base_flags $(with_archive "$daemon_archive")"
    "jkeepalived, as above, -XX:-UsePerfData -XX:CICompilerCount=1|MALLOC_ARENA_MAX=2|$base_flags \
-XX:-UsePerfData -XX:CICompilerCount=1 $(with_archive "$daemon_archive")"
    "jkeepalived, as above, -Xmx24m -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=16m|MALLOC_ARENA_MAX=2|\
$base_flags -XX:-UsePerfData -XX:CICompilerCount=1 -Xmx24m -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=16m \
$(with_archive "$daemon_archive")"
    "jkeepalived, bin/keepalived as shipped||"
)

stop_captures() {
    local pid
    for pid in "${tcpdump_pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
}
trap 'stop_captures; vb_cleanup' EXIT

# instances_config COUNT PRIORITY: COUNT instances on eth0, VRIDs 1..COUNT, VRRPv2, advert_int 1
instances_config() {
    local vrid
    for vrid in $(seq 1 "$1"); do
        vb_vrrp_config "VI_$vrid" MASTER "$vrid" "$2" 1 2 "10.1.$vrid.1"
    done
}

# daemon_namespace NAME: namespace NAME with eth0 (10.0.0.1/24) and its veth peer eth0p, both up
daemon_namespace() {
    vb_namespace "$1"
    ip -n "$VB_PREFIX-$1" link add eth0 type veth peer name eth0p
    ip -n "$VB_PREFIX-$1" addr add 10.0.0.1/24 dev eth0
    ip -n "$VB_PREFIX-$1" link set eth0 up
    ip -n "$VB_PREFIX-$1" link set eth0p up
}

# launch VARIANT NAMESPACE CONFIG: starts the daemon of variant number VARIANT in the background; its pid in $daemon
launch() {
    local label environment opts binary=$OURS
    IFS='|' read -r label environment opts <<<"${variants[$1]}"
    [ "$opts" != - ] || binary=$REAL
    # shellcheck disable=SC2086 # the environment and the options are word lists
    ip netns exec "$VB_PREFIX-$2" env $environment JKEEPALIVED_JAVA_OPTS="$opts" "$binary" -n -l -D -f "$3" \
        -p "$VB_WORK/$2.pid" -r "$VB_WORK/$2-vrrp.pid" -c "$VB_WORK/$2-checkers.pid" \
        >"$VB_WORK/$2.log" 2>&1 </dev/null &
    daemon=$!
}

# first_advert_ms VARIANT: one start-up of the variant in namespace "start", exec to the first VRRP packet in ms
first_advert_ms() {
    local capture=$VB_WORK/capture started first
    : >"$capture"
    ip netns exec "$VB_PREFIX-start" tcpdump -tt -n -l -i eth0p 'ip proto 112' >"$capture" 2>"$capture.err" &
    tcpdump_pids=($!)
    vb_await 10 grep -q 'listening on' "$capture.err" >/dev/null
    started=$EPOCHREALTIME
    launch "$1" start "$VB_WORK/one.conf"
    if ! vb_await 60 test -s "$capture" >/dev/null; then
        vb_log "variant $1: no advert within 60 s"
        tail -20 "$VB_WORK/start.log" >&2
        exit 1
    fi
    first=$(awk 'NR == 1 { print $1; exit }' "$capture")
    kill -TERM "$daemon"
    wait "$daemon" || true
    stop_captures
    wait "${tcpdump_pids[0]}" 2>/dev/null || true
    awk -v from="$started" -v to="$first" 'BEGIN { printf "%.0f\n", (to - from) * 1000 }'
}

# rss_mib NAME: "RSS peak-RSS archive" summed over the processes in namespace NAME, in MiB; archive is the file name
# of the AppCDS archive mapped beside the JDK's own (classes.jsa), or "-"
rss_mib() {
    local pid rss=0 peak=0 archive
    for pid in $(ip netns pids "$VB_PREFIX-$1"); do
        [ -r "/proc/$pid/status" ] || continue
        rss=$(( rss + $(awk '$1 == "VmRSS:" { print $2 }' "/proc/$pid/status") ))
        peak=$(( peak + $(awk '$1 == "VmHWM:" { print $2 }' "/proc/$pid/status") ))
        archive=$(awk '$6 ~ /\.jsa$/ && $6 !~ /\/classes\.jsa$/ { print $6; exit }' "/proc/$pid/maps")
    done
    echo "$(( (rss + 512) / 1024 )) $(( (peak + 512) / 1024 )) $(basename "${archive:--}")"
}

# train_test_archive: the AppCDS archive of a configuration test (-t) of the start-up config
train_test_archive() {
    JKEEPALIVED_ARCHIVE_AT_EXIT=$test_archive "$OURS" -t -f "$VB_WORK/one.conf" >/dev/null 2>&1 || true
    [ -s "$test_archive" ] || { vb_log "the -t run left no archive"; exit 1; }
}

if ! grep -qxF "$begin" "$doc" || ! grep -qxF "$end" "$doc"; then
    echo "$doc lacks the $begin and $end markers" >&2
    exit 1
fi
instances_config 1 255 >"$VB_WORK/one.conf"
instances_config 1 150 >"$VB_WORK/master-1.conf"
instances_config 100 150 >"$VB_WORK/master-100.conf"
daemon_namespace start
train_test_archive
vb_log "AppCDS archives: -t $(du -k "$test_archive" | cut -f1) KiB, daemon run $(du -k "$daemon_archive" | cut -f1) KiB"

declare -A startup_ms
for run in $(seq 1 "$runs"); do
    vb_log "start-up run $run of $runs"
    for variant in "${!variants[@]}"; do
        startup_ms[$variant]+="$(first_advert_ms "$variant") "
    done
done

vb_log "footprint: every variant with 1 and with 100 instances, sampled after $settle_seconds s"
for variant in "${!variants[@]}"; do
    for size in 1 100; do
        daemon_namespace "rss$variant-$size"
        launch "$variant" "rss$variant-$size" "$VB_WORK/master-$size.conf"
    done
done
sleep "$settle_seconds"
declare -A footprint
for variant in "${!variants[@]}"; do
    for size in 1 100; do
        footprint[$variant-$size]=$(rss_mib "rss$variant-$size")
    done
    vb_kill_all "rss$variant-1" -TERM
    vb_kill_all "rss$variant-100" -TERM
done

rows=$VB_WORK/rows
for variant in "${!variants[@]}"; do
    IFS='|' read -r label environment opts <<<"${variants[$variant]}"
    read -r median max <<<"$(tr ' ' '\n' <<<"${startup_ms[$variant]}" | grep . | vb_median_max)"
    read -r rss_one peak_one archive <<<"${footprint[$variant-1]}"
    read -r rss_hundred peak_hundred _ <<<"${footprint[$variant-100]}"
    echo "| $label | $archive | $median / $max | $rss_one ($peak_one) | $rss_hundred ($peak_hundred) |"
done >"$rows"
cat "$rows"

updated=$VB_WORK/benchmarks.md
{
    sed "\\|^$begin\$|q" "$doc"
    echo "Measured $(date -u +%Y-%m-%d) on $(nproc) CPU(s), Linux $(uname -r), load average $(cut -d' ' -f1 \
        /proc/loadavg) at the end, $(java -version 2>&1 | head -1 | tr -d '"'), $runs start-ups per variant."
    echo
    echo "| daemon, settings | AppCDS archive mapped | exec to first advert, median / max (ms) |" \
        "RSS, 1 instance (peak), MiB | RSS, 100 instances (peak), MiB |"
    echo "|---|---|---|---|---|"
    cat "$rows"
    echo
    echo "The settings of each row, as \`JKEEPALIVED_JAVA_OPTS\` (and environment) for \`bin/keepalived\`:"
    echo
    for variant in "${!variants[@]}"; do
        IFS='|' read -r label environment opts <<<"${variants[$variant]}"
        [ "$opts" != - ] || continue
        opts=${opts//$VB_WORK\//}
        opts=${opts//$VB_ROOT\//}
        echo "- $label: \`${environment:+$environment }${opts:-(the defaults of bin/keepalived)}\`"
    done
    sed -n "\\|^$end\$|,\$p" "$doc"
} >"$updated"
cp "$updated" "$doc"
