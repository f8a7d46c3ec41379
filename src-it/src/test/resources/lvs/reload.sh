#!/bin/bash
# Usage (in the IPVS VM): reload.sh BEFORE AFTER WORK ROOT CLASSPATH
# Runs keepalived 2.2.7 (keepalived -C), then ours (ROOT/bin/keepalived on CLASSPATH), on BEFORE against busybox
# httpd listeners on 127.0.0.1:8001-8003; once the checks settle, connects through the virtual server, then copies
# AFTER over the config and sends SIGHUP. For each it prints, under `=== NAME STAGE`, the IPVS table once settled and
# after the reload, the connection count of 127.0.0.1:8001 (ipvsadm --stats) before and after the reload, and the
# log lines written from the reload on.
set -u
before=$1 after=$2 work=$3 root=$4 classpath=$5
state=/run/lvs-reload
mkdir -p "$state" "$work/www"
ip link set lo up
ip addr add 10.0.5.1/32 dev lo 2>/dev/null
declare -A listeners
up() { "$VM_BUSYBOX" httpd -f -p "127.0.0.1:$1" -h "$work/www" & listeners[$1]=$!; }
down() { kill "${listeners[$1]}"; wait "${listeners[$1]}" 2>/dev/null; }
await() {
    for attempt in $(seq 120); do [ "$(grep -c "$2" "$1")" -ge "$3" ] && break; sleep 0.5; done
    sleep 4
}
conns() { ipvsadm -Ln --stats | awk '$2 == "127.0.0.1:8001" { print $3 }'; }
# the kernel folds its per-CPU counters into what --stats shows every 2 s (the estimator): wait for a count
counted_conns() {
    for attempt in $(seq 20); do [ "$(conns)" -gt 0 ] && break; sleep 0.5; done
    conns
}
scenario() {
    local name=$1
    shift
    local conf=$state/$name.conf
    cp "$before" "$conf"
    for port in 8001 8002 8003; do up $port; done
    "$@" -C -n -l -D -f "$conf" -p "$state/$name.pid" -c "$state/$name-c.pid" >"$state/$name.log" 2>&1 &
    local pid=$!
    await "$state/$name.log" 'Activating BFD healthchecker' 1
    echo "=== $name settled"; ipvsadm -Ln
    for i in $(seq 6); do
        timeout 2 bash -c 'exec 3<>/dev/tcp/10.0.5.1/80 && printf "GET / HTTP/1.0\r\n\r\n" >&3 && cat <&3' \
            >/dev/null 2>&1
    done
    echo "=== $name conns before $(counted_conns)"
    local lines
    lines=$(wc -l <"$state/$name.log")
    echo "=== $name unhandled before reload $(grep -c exceptionCaught "$state/$name.log")"
    cp "$after" "$conf"
    kill -HUP $pid
    await "$state/$name.log" 'Activating BFD healthchecker' 2
    echo "=== $name reloaded"; ipvsadm -Ln
    sleep 3
    echo "=== $name conns after $(conns)"
    kill -TERM $pid; wait $pid
    for port in 8001 8002 8003; do down $port; done
    echo "=== $name reload log"; tail -n +"$((lines + 1))" "$state/$name.log"
    ipvsadm -C
}
scenario keepalived /usr/sbin/keepalived
JKEEPALIVED_CLASSPATH=$classpath scenario ours "$root/bin/keepalived"
