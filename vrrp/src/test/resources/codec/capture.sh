#!/bin/bash
# Captures adverts sent by the real keepalived 2.2.7 for the codec test vectors.
# Usage (root): capture.sh SCENARIO OUTDIR   where SCENARIO names a config below.
# Two namespaces joined by a veth pair with fixed MAC addresses (so IPv6 link-local addresses are stable);
# keepalived runs as MASTER (priority 150) in the first, tcpdump listens in the second.
set -u
scenario=$1
out=$2
tag="cdc$$"
ns_a="${tag}a"
ns_b="${tag}b"
work=$(mktemp -d)
ka_pid=""
td_pid=""

cleanup() {
    [ -n "$ka_pid" ] && kill "$ka_pid" 2>/dev/null && sleep 1
    [ -n "$td_pid" ] && kill -INT "$td_pid" 2>/dev/null && sleep 0.5
    ip netns pids "$ns_a" 2>/dev/null | xargs -r kill -9
    ip netns pids "$ns_b" 2>/dev/null | xargs -r kill -9
    ip netns del "$ns_a" 2>/dev/null
    ip netns del "$ns_b" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

ip netns add "$ns_a"
ip netns add "$ns_b"
ip link add "${tag}x" type veth peer name "${tag}y"
ip link set "${tag}x" netns "$ns_a"
ip link set "${tag}y" netns "$ns_b"
for ns in "$ns_a" "$ns_b"; do
    ip netns exec "$ns" sysctl -q -w net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
done
ip netns exec "$ns_a" ip link set "${tag}x" name vrrp0 address 02:00:00:00:00:01
ip netns exec "$ns_b" ip link set "${tag}y" name vrrp0 address 02:00:00:00:00:02
ip netns exec "$ns_a" ip addr add 10.77.0.1/24 dev vrrp0
ip netns exec "$ns_b" ip addr add 10.77.0.2/24 dev vrrp0
for ns in "$ns_a" "$ns_b"; do
    ip netns exec "$ns" sysctl -q -w net.ipv6.conf.vrrp0.accept_dad=0
    ip netns exec "$ns" ip link set lo up
    ip netns exec "$ns" ip link set vrrp0 up
done

v4vips="192.168.200.16
        192.168.200.17"
case "$scenario" in
    v2-pass-mcast)   body="auth=PASS:s3cr3t"; vips="$v4vips" ;;
    v2-ah-mcast)     body="auth=AH:ahkey"; vips="$v4vips" ;;
    v2-none-mcast)   body=""; vips="192.168.200.16" ;;
    v3-ipv4-mcast)   body="version 3
    advert_int 0.5"; vips="$v4vips" ;;
    v3-ipv6-mcast)   body="version 3"; vips="2001:db8::10
        2001:db8::11" ;;
    v2-pass-ucast)   body="auth=PASS:s3cr3t unicast"; vips="$v4vips" ;;
    v2-ah-ucast)     body="auth=AH:ahkey unicast"; vips="$v4vips" ;;
    v3-ipv4-ucast)   body="version 3 unicast"; vips="$v4vips" ;;
    v3-ipv4-ucast-old) body="version 3 unicast
    old_unicast_checksum"; vips="$v4vips" ;;
    v3-ipv6-ucast)   body="version 3 unicast6"; vips="2001:db8::10" ;;
    *) echo "unknown scenario $scenario" >&2; exit 1 ;;
esac

auth=""
if [[ "$body" == *auth=* ]]; then
    spec=$(sed -E 's/.*auth=([A-Z]+):([^ ]+).*/\1 \2/' <<<"$body")
    set -- $spec
    auth="authentication {
        auth_type $1
        auth_pass $2
    }"
    body=$(sed -E 's/auth=[^ ]+ ?//' <<<"$body")
fi
extra=$(sed -E 's/ ?unicast6$/\n    unicast_peer {\n        fe80::ff:fe00:2\n    }/; s/ ?unicast$/\n    unicast_src_ip 10.77.0.1\n    unicast_peer {\n        10.77.0.2\n    }/' <<<"$body")

cat > "$work/keepalived.conf" <<CONF
global_defs {
    router_id capture
}
vrrp_instance VI_1 {
    state MASTER
    interface vrrp0
    virtual_router_id 51
    priority 150
    advert_int 1
    $extra
    $auth
    virtual_ipaddress {
        $vips
    }
}
CONF

ip netns exec "$ns_b" tcpdump -i vrrp0 -n -U -w "$out/$scenario.pcap" '(ip proto 112) or (ip proto 51) or (ip6 proto 112)' \
    2>"$out/$scenario.tcpdump.log" &
td_pid=$!
sleep 1
ip netns exec "$ns_a" /usr/sbin/keepalived -n -l -P -f "$work/keepalived.conf" -p "$work/k.pid" -r "$work/v.pid" \
    -c "$work/c.pid" >"$out/$scenario.keepalived.log" 2>&1 &
ka_pid=$!
sleep 8
kill "$ka_pid"
wait "$ka_pid"
ka_pid=""
sleep 1
kill -INT "$td_pid"
wait "$td_pid"
td_pid=""
cp "$work/keepalived.conf" "$out/$scenario.conf"
