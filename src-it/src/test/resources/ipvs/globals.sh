#!/bin/bash
# Usage (in the IPVS VM): globals.sh CONF ROOT CLASSPATH
# Runs keepalived 2.2.7, then ours (ROOT/bin/keepalived on CLASSPATH), on CONF: a VRRP instance alone on a veth
# pair made here, the IPVS sync daemon following it (lvs_sync_daemon ... inst VI_1), lvs_timeouts and
# lvs_flush_on_stop VS, beside a service that is not theirs. For each it prints, under `=== NAME STAGE`, the sync
# daemons while the instance is BACKUP, then the sync daemons, the timeouts and the table once it is MASTER with the
# checkers started, and after SIGTERM. (Our daemon starts its checkers after VRRP, keepalived beside it.)
set -u
conf=$1 root=$2 classpath=$3
state=/run/globals
mkdir -p "$state"
ip link set lo up
ip link add vk0 type veth peer name vk1
ip link set vk1 up
ip link set vk0 up
ip addr add 10.77.0.1/24 dev vk0
show() {
    echo "=== $1 daemon"; ipvsadm -L --daemon
    echo "=== $1 timeout"; ipvsadm -L --timeout
    echo "=== $1 table"; ipvsadm -Ln
}
await() {
    for attempt in $(seq 300); do grep -q "$1" "$2" && return; sleep 0.1; done
    echo "=== timed out waiting for $1 in $2"
}
scenario() {
    local name=$1
    shift
    ipvsadm -C
    ipvsadm -A -t 10.99.0.1:80 -s rr
    ipvsadm -a -t 10.99.0.1:80 -r 10.99.0.10:80 -m
    "$@" -n -l -D -f "$conf" -p "$state/$name.pid" -r "$state/$name-r.pid" -c "$state/$name-c.pid" \
        >"$state/$name.log" 2>&1 &
    local pid=$!
    await 'Entering BACKUP STATE' "$state/$name.log"
    echo "=== $name backup daemon"; ipvsadm -L --daemon
    await 'Entering MASTER STATE' "$state/$name.log"
    await 'Activating BFD healthchecker' "$state/$name.log"
    sleep 1
    show "$name master"
    kill -TERM $pid; wait $pid; echo "=== $name status $?"
    show "$name stopped"
    echo "=== $name log"; cat "$state/$name.log"
}
scenario keepalived /usr/sbin/keepalived
JKEEPALIVED_CLASSPATH=$classpath scenario ours "$root/bin/keepalived"
