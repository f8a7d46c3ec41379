#!/bin/bash
# Usage (on the host): JKEEPALIVED_VM_CACHE=/work/vm-cache src-it/vm/run-in-vm.sh src-it/vm/pool-transcript.sh
# Runs the real keepalived 2.2.7 in the IPVS VM with the virtual servers of KeepalivedTranscriptTest against busybox
# listeners on 127.0.0.1:8001-8003 stopped and started in stages, and a misc_dynamic script whose exit status changes;
# prints keepalived's log with `ipvsadm -Ln` after each stage. The test replays the verdicts in the logged order.
set -u
ip link set lo up
work=/run/vm/pool
mkdir -p "$work"
printf '#!/bin/sh\nexit $(cat %s/weight 2>/dev/null || echo 0)\n' "$work" >"$work/weight.sh"
chmod +x "$work/weight.sh"
check='TCP_CHECK {
            connect_timeout 1
            retry 0
        }'
server() { printf '    real_server 127.0.0.1 %s {\n        %s\n        %s\n    }\n' "$1" "$2" "$check"; }
service() {
    printf 'virtual_server %s 80 {\n    delay_loop 1\n    lb_algo rr\n    lb_kind NAT\n    protocol TCP\n' "$1"
}
{
    service 10.10.10.1
    printf '    quorum 2\n    sorry_server 127.0.0.9 8009\n'
    server 8001 ""; server 8002 inhibit_on_failure; server 8003 ""
    echo "}"
    service 10.10.10.2
    printf '    alpha\n    omega\n    sorry_server 127.0.0.9 8009\n    sorry_server_inhibit\n'
    server 8001 ""
    echo "}"
    service 10.10.10.3
    printf '    quorum 3\n    hysteresis 1\n'
    server 8001 ""; server 8002 ""; server 8003 ""
    printf '    real_server 127.0.0.1 8004 {\n        weight 2\n        MISC_CHECK {\n'
    printf '            misc_path %s/weight.sh\n            misc_dynamic\n        }\n    }\n}\n' "$work"
} >"$work/keepalived.conf"
declare -A pids
up() { "$VM_BUSYBOX" httpd -f -p "127.0.0.1:$1" -h "$work" & pids[$1]=$!; }
down() { kill "${pids[$1]}"; wait "${pids[$1]}" 2>/dev/null; }
log=$work/keepalived.log
stage() { echo "=== $1" >>"$log"; sleep "$2"; ipvsadm -Ln >>"$log"; }
for port in 8001 8002 8003; do up $port; done
keepalived -n -l -D -f "$work/keepalived.conf" -p "$work/k.pid" -c "$work/c.pid" -r "$work/v.pid" >>"$log" 2>&1 &
keepalived_pid=$!
stage start 5
down 8001; stage "8001 down" 4
down 8002; stage "8002 down" 4
echo 7 >"$work/weight"; stage "misc_dynamic exit 7: weight 5" 4
up 8001; up 8002; stage "8001 8002 up" 5
kill -TERM $keepalived_pid; wait $keepalived_pid; stage stopped 1
for port in 8001 8002 8003; do down $port; done
cat "$log"
