#!/bin/bash
# Usage (in the IPVS VM): checked-pool.sh CONF WORK ROOT CLASSPATH
# Runs keepalived 2.2.7 (keepalived -C), then ours (ROOT/bin/keepalived on CLASSPATH), on CONF against busybox httpd
# listeners on 127.0.0.1:8001-8003 (serving WORK/www) and a MISC_CHECK flag file. For each it prints, under
# `=== NAME STAGE`, the IPVS table once the checks settle, after 8002 and the flag die, after they return and after
# SIGTERM, then its exit status, the lines its notify scripts wrote and its log.
set -u
conf=$1 work=$2 root=$3 classpath=$4
state=/run/lvs
mkdir -p "$state"
ip link set lo up
table() { ipvsadm -Ln; ipvsadm -Ln --thresholds | grep -- '->'; }
declare -A listeners
up() { "$VM_BUSYBOX" httpd -f -p "127.0.0.1:$1" -h "$work/www" & listeners[$1]=$!; }
down() { kill "${listeners[$1]}"; wait "${listeners[$1]}" 2>/dev/null; }
# the checkers start a second after the config is read; give them their first round and one more
settled() {
    for attempt in $(seq 120); do grep -q 'Activating BFD healthchecker' "$1" && break; sleep 0.5; done
    sleep 6
}
scenario() {
    local name=$1
    shift
    for port in 8001 8002 8003; do up $port; done
    touch "$state/misc-ok"
    : >"$state/notify"
    "$@" -C -n -l -D -f "$conf" -p "$state/$name.pid" -c "$state/$name-c.pid" >"$state/$name.log" 2>&1 &
    local pid=$!
    settled "$state/$name.log"
    echo "=== $name settled"; table
    down 8002; rm "$state/misc-ok"; sleep 5
    echo "=== $name died"; table
    up 8002; touch "$state/misc-ok"; sleep 5
    echo "=== $name returned"; table
    kill -TERM $pid; wait $pid; echo "=== $name status $?"
    echo "=== $name stopped"; table
    for port in 8001 8002 8003; do down $port; done
    echo "=== $name notify"; cat "$state/notify"
    echo "=== $name log"; cat "$state/$name.log"
}
scenario keepalived /usr/sbin/keepalived
JKEEPALIVED_CLASSPATH=$classpath scenario ours "$root/bin/keepalived"
