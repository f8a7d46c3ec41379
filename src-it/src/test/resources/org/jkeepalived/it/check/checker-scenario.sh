#!/bin/bash
# Usage: checker-scenario.sh KEEPALIVED
# Runs checkers.conf's scenario through keepalived 2.2.7's checker process in the IPVS VM and prints its log:
#   src-it/vm/run-in-vm.sh bash src-it/src/test/resources/org/jkeepalived/it/check/checker-scenario.sh \
#       /usr/sbin/keepalived
# CheckerLogComparisonTest holds the lines it printed and runs the same phases through our Checkers:
#   0 s  web server (busybox httpd, 8080), UDP server (5353) and flag file up, dynamic script exiting 0
#   8 s  dynamic script exits 7
#  14 s  web and UDP servers stopped, flag removed, dynamic script exits 1
#  24 s  all back as at 0 s
#  32 s  SIGTERM
set -euo pipefail
keepalived=$1
here=$(cd "$(dirname "$0")" && pwd)
dir=/tmp/jkcheck
mkdir -p "$dir/www"
printf 'keepalived checker scenario\n' >"$dir/www/ok.html"
printf '#!/bin/sh\ntest -e %s/flag\n' "$dir" >"$dir/misc.sh"
printf '#!/bin/sh\nexit $(cat %s/dynamic)\n' "$dir" >"$dir/dynamic.sh"
chmod 755 "$dir/misc.sh" "$dir/dynamic.sh"
sed "s|@DIR@|$dir|g" "$here/checkers.conf" >"$dir/keepalived.conf"

web=
udp=
servers_up() {
    "$VM_BUSYBOX" httpd -f -p 8080 -h "$dir/www" &
    web=$!
    /usr/bin/python3 -c 'import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.9", 5353))
while True:
    s.recvfrom(2048)' &
    udp=$!
    touch "$dir/flag"
    echo 0 >"$dir/dynamic"
}
servers_down() {
    kill "$web" "$udp"
    wait "$web" "$udp" || true
    rm -f "$dir/flag"
    echo 1 >"$dir/dynamic"
}

servers_up
sleep 1
"$keepalived" -C -n -l -D -f "$dir/keepalived.conf" >"$dir/keepalived.log" 2>&1 &
keepalived_pid=$!
sleep 8
echo 7 >"$dir/dynamic"
sleep 6
servers_down
sleep 10
servers_up
sleep 8
kill -TERM "$keepalived_pid"
wait "$keepalived_pid" || true
kill "$web" "$udp"
cat "$dir/keepalived.log"
