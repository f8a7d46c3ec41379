# Sourced by the VRRP benchmark scripts: scratch namespaces, starting jkeepalived (bin/keepalived) or keepalived 2.2.7
# in them, waiting on addresses, and the statistics. Every namespace is named $VB_PREFIX-*; the EXIT trap kills what
# still runs in them, deletes them and the work directory, and stops the CPU burners this run started.
set -euo pipefail

VB_ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
VB_PREFIX=jkvb$$
VB_WORK=$(mktemp -d /tmp/jkvbench.XXXXXX)
VB_NAMESPACES=()
VB_BURNERS=()
OURS="$VB_ROOT/bin/keepalived"
REAL=/usr/sbin/keepalived

vb_cleanup() {
    # the shell would report every job killed here
    exec 2>/dev/null
    local ns pid
    for pid in "${VB_BURNERS[@]}"; do
        kill -9 "$pid" 2>/dev/null || true
    done
    for ns in "${VB_NAMESPACES[@]}"; do
        vb_kill_all "$ns" -9
        ip netns delete "$VB_PREFIX-$ns" 2>/dev/null || true
    done
    rm -rf "$VB_WORK"
}
trap vb_cleanup EXIT
trap 'exit 130' INT TERM

vb_log() {
    echo "[$(date +%H:%M:%S)] $*" >&2
}

# vb_kill_all NAME SIGNAL: sends SIGNAL to every process in namespace $VB_PREFIX-NAME
vb_kill_all() {
    local pids
    pids=$(ip netns pids "$VB_PREFIX-$1" 2>/dev/null || true)
    [ -z "$pids" ] || kill "$2" $pids 2>/dev/null || true
}

# vb_namespace NAME: a fresh namespace $VB_PREFIX-NAME with lo up; the other functions take NAME
vb_namespace() {
    ip netns add "$VB_PREFIX-$1"
    VB_NAMESPACES+=("$1")
    ip -n "$VB_PREFIX-$1" link set lo up
}

# vb_link NS_A IF_A ADDR_A NS_B IF_B ADDR_B: a veth pair between two namespaces, both ends up and addressed (/24)
vb_link() {
    ip link add "$2" netns "$VB_PREFIX-$1" type veth peer name "$5" netns "$VB_PREFIX-$4"
    ip -n "$VB_PREFIX-$1" addr add "$3/24" dev "$2"
    ip -n "$VB_PREFIX-$4" addr add "$6/24" dev "$5"
    ip -n "$VB_PREFIX-$1" link set "$2" up
    ip -n "$VB_PREFIX-$4" link set "$5" up
}

# vb_start IMPL NS CONFIG NAME: runs IMPL (ours or real) in the foreground of a background job inside namespace NS
# with CONFIG, its log in $VB_WORK/NAME.log and pid files $VB_WORK/NAME-*.pid; prints the daemon's pid (the JVM for
# ours, keepalived's parent process for the real one: ip netns exec and bin/keepalived both exec)
vb_start() {
    local binary
    binary=$([ "$1" = ours ] && echo "$OURS" || echo "$REAL")
    rm -f "$VB_WORK/$4".pid "$VB_WORK/$4"-*.pid
    # ip itself in the background, not a function: $! would be a subshell's pid
    ip netns exec "$VB_PREFIX-$2" "$binary" -n -l -D -f "$3" -p "$VB_WORK/$4.pid" -r "$VB_WORK/$4-vrrp.pid" \
        -c "$VB_WORK/$4-checkers.pid" >"$VB_WORK/$4.log" 2>&1 </dev/null &
    echo $!
}

# vb_has_address NS IF ADDRESS: whether ADDRESS is on interface IF in namespace NS
vb_has_address() {
    ip -n "$VB_PREFIX-$1" -o addr show dev "$2" | grep -q " $3/"
}

# vb_await SECONDS COMMAND...: polls COMMAND every 10 ms until it succeeds; prints the time of the successful poll
# ($EPOCHREALTIME); fails after SECONDS
vb_await() {
    local limit=$1 start now
    shift
    start=$EPOCHREALTIME
    while :; do
        now=$EPOCHREALTIME
        if "$@"; then
            echo "$now"
            return 0
        fi
        if (( $(vb_micros "$now") - $(vb_micros "$start") > limit * 1000000 )); then
            return 1
        fi
        sleep 0.01
    done
}

# vb_micros EPOCHREALTIME: the same instant in integer microseconds
vb_micros() {
    echo $(( ${1/./} ))
}

# vb_elapsed_ms FROM TO: milliseconds between two $EPOCHREALTIME values
vb_elapsed_ms() {
    echo $(( ($(vb_micros "$2") - $(vb_micros "$1")) / 1000 ))
}

# vb_burn: one busy loop per CPU, at the daemons' own nice level, until cleanup
vb_burn() {
    local cpu
    for cpu in $(seq 1 "$(nproc)"); do
        sh -c 'while :; do :; done' &
        VB_BURNERS+=($!)
    done
}

vb_unburn() {
    local pid
    for pid in "${VB_BURNERS[@]}"; do
        kill -9 "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    VB_BURNERS=()
}

# reads numbers, one a line; prints "median max" (the lower median for an even count), or "- -" for none
vb_median_max() {
    sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "- -"; else print v[int((NR + 1) / 2)], v[NR] }'
}

# reads numbers, one a line; prints "count min p50 p99 max" (nearest rank), or "0 - - - -" for none
vb_percentiles() {
    sort -n | awk '
        function rank(p) { r = int(p * NR / 100); if (r < p * NR / 100) r++; return v[r < 1 ? 1 : r] }
        { v[NR] = $1 }
        END { if (NR == 0) print "0 - - - -"; else print NR, v[1], rank(50), rank(99), v[NR] }'
}

# vb_vrrp_config NAME STATE VRID PRIORITY ADVERT_INT VERSION VIP: one vrrp_instance on eth0, multicast
vb_vrrp_config() {
    cat <<CONF
vrrp_instance $1 {
    interface eth0
    state $2
    virtual_router_id $3
    priority $4
    advert_int $5
    version $6
    virtual_ipaddress {
        $7/24
    }
}
CONF
}

if [ "$(id -u)" != 0 ]; then
    echo "the VRRP benchmarks need root (network namespaces)" >&2
    exit 1
fi
if [ ! -d "$VB_ROOT/packaging/target/lib" ]; then
    (cd "$VB_ROOT" && mvn -B -q -DskipTests package)
fi
