#!/bin/bash
# The jkeepalived demo: builds if needed, joins two network namespaces with a veth pair (eth0 in each,
# 192.168.77.1 and .2), and runs our keepalived with src-it/demo/keepalived.conf in the first one, logging to the
# console. Ctrl-C stops the daemon and removes the namespaces. Needs root and iproute2.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
ns_a=jkdemo-a-$$
ns_b=jkdemo-b-$$
run_dir=$(mktemp -d /tmp/jkdemo.XXXXXX)
daemon_pid=

cleanup() {
    trap - INT TERM EXIT
    if [ -n "$daemon_pid" ] && kill -0 "$daemon_pid" 2>/dev/null; then
        kill -TERM "$daemon_pid" 2>/dev/null || true
        wait "$daemon_pid" 2>/dev/null || true
    fi
    ip netns delete "$ns_a" 2>/dev/null || true
    ip netns delete "$ns_b" 2>/dev/null || true
    rm -rf "$run_dir"
}
trap cleanup INT TERM EXIT

if [ "$(id -u)" -ne 0 ]; then
    echo "run-demo.sh: needs root (network namespaces)" >&2
    exit 1
fi
if [ ! -d "$root/packaging/target/lib" ]; then
    echo "== building jkeepalived (mvn -B -q -DskipTests package)"
    (cd "$root" && mvn -B -q -DskipTests package)
fi

echo "== namespaces $ns_a and $ns_b joined by a veth pair"
ip netns add "$ns_a"
ip netns add "$ns_b"
ip link add jkdemo-a$$ netns "$ns_a" type veth peer name jkdemo-b$$ netns "$ns_b"
ip -n "$ns_a" link set jkdemo-a$$ name eth0
ip -n "$ns_b" link set jkdemo-b$$ name eth0
for ns in "$ns_a" "$ns_b"; do
    ip -n "$ns" link set lo up
    ip -n "$ns" link set eth0 up
done
ip -n "$ns_a" addr add 192.168.77.1/24 dev eth0
ip -n "$ns_b" addr add 192.168.77.2/24 dev eth0

echo "== jkeepalived in $ns_a (Ctrl-C to stop); send SIGHUP to pid in $run_dir/keepalived.pid to reload"
ip netns exec "$ns_a" "$root/bin/keepalived" -n -l -D -f "$root/src-it/demo/keepalived.conf" \
    -p "$run_dir/keepalived.pid" -r "$run_dir/vrrp.pid" -c "$run_dir/checkers.pid" &
daemon_pid=$!
wait "$daemon_pid" || true
daemon_pid=
