#!/bin/bash
# Time to install 1,000 IPVS services with 10 destinations each, in the IPVS VM (one boot): `ipvsadm --restore` of
# the table, keepalived 2.2.7 (-C, real servers without checkers) from exec until the table is complete, and ours
# (IpvsReconciler from the same config, src-it/bench/IpvsBench.java) from exec until the table is complete and its
# install alone. Each is measured RUNS times, round-robin, the table flushed in between. Rewrites the part of
# docs/benchmarks.md between <!-- ipvs-results --> and <!-- /ipvs-results -->.
# Needs qemu (src-it/vm), ipvsadm, keepalived 2.2.7 and JKEEPALIVED_VM_CACHE (e.g. /work/vm-cache).
#   usage: src-it/bench/run-ipvs-bench.sh [RUNS] [SERVICES]   (defaults 3 and 1000; about 10 minutes under TCG)
#   inside the VM, the script runs itself as: run-ipvs-bench.sh --in-vm WORKDIR RUNS SERVICES
set -euo pipefail
bench=$(dirname "$(readlink -f "$0")")
root=$(cd "$bench/../.." && pwd)
destinations=10

now_ms() {
    echo $(( $(date +%s%N) / 1000000 ))
}

# ipvsadm -Ln and /proc/net/ip_vs: 3 header lines, a line per service and per destination
table_lines() {
    echo $((3 + $1 * (1 + destinations)))
}

# waits until the table has all its lines; /proc/net/ip_vs costs the kernel less than a dump through ipvsadm
await_table() {
    until [ "$(wc -l </proc/net/ip_vs)" -ge "$table_lines" ]; do
        sleep 0.05
    done
}

in_vm() {
    local work=$1 runs=$2 start pid
    local archive=$root/packaging/target/keepalived.jsa cds=
    [ -r "$archive" ] && cds="-XX:SharedArchiveFile=$archive -Xlog:cds=off -Xlog:cds+dynamic=off"
    table_lines=$(table_lines "$3")
    echo "kernel $(uname -r)"
    for run in $(seq "$runs"); do
        ipvsadm -C
        start=$(now_ms)
        ipvsadm --restore <"$work/table.ipvsadm"
        echo "ipvsadm $run $(( $(now_ms) - start ))"
        [ "$(ipvsadm -Ln | wc -l)" -eq "$table_lines" ] || { echo "ipvsadm: incomplete table" >&2; exit 1; }

        ipvsadm -C
        start=$(now_ms)
        /usr/sbin/keepalived -C -n -l -f "$work/lvs.conf" -p "$work/k.pid" -c "$work/c.pid" >"$work/k.log" 2>&1 &
        pid=$!
        await_table
        echo "keepalived $run $(( $(now_ms) - start ))"
        kill -TERM "$pid"
        wait "$pid" || true

        ipvsadm -C
        start=$(now_ms)
        # bin/keepalived's flags and class-data archive; the archive wants its class path first
        java -XX:+UseSerialGC -Xss512k -XX:TieredStopAtLevel=1 -XX:MaxRAM=256m $cds \
            -cp "$root/packaging/target/lib/*:$work/classes" IpvsBench "$work/lvs.conf" >"$work/ours.out" &
        pid=$!
        await_table
        echo "ours $run $(( $(now_ms) - start ))"
        wait "$pid" || { echo "IpvsBench failed: $(cat "$work/ours.out")" >&2; exit 1; }
        echo "ours-inside $run $(cat "$work/ours.out")"
    done
    ipvsadm -C
}

if [ "${1:-}" = --in-vm ]; then
    in_vm "$2" "$3" "$4"
    exit
fi

runs=${1:-3}
services=${2:-1000}
doc=$root/docs/benchmarks.md
begin='<!-- ipvs-results -->'
end='<!-- /ipvs-results -->'
if ! grep -qxF "$begin" "$doc" || ! grep -qxF "$end" "$doc"; then
    echo "$doc lacks the $begin and $end markers" >&2
    exit 1
fi
# inside the worktree: the VM sees the host's root read-only, and this directory whatever /tmp is
work=$(mktemp -d "$root/src-it/target/ipvs-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
if [ ! -d "$root/packaging/target/lib" ]; then
    (cd "$root" && mvn -B -q -DskipTests package)
fi
javac -d "$work/classes" -cp "$root/packaging/target/lib/*" "$bench/IpvsBench.java"

# 10.1.X.Y:80 with NAT destinations 192.168.D.Y:8080, the same table for keepalived, ours and ipvsadm
for s in $(seq 0 $((services - 1))); do
    vip=10.1.$((s / 250)).$((s % 250 + 1))
    printf 'virtual_server %s 80 {\n    lb_algo wlc\n    lb_kind NAT\n    protocol TCP\n' "$vip"
    echo "-A -t $vip:80 -s wlc" >>"$work/table.ipvsadm"
    for d in $(seq 1 $destinations); do
        rip=192.168.$d.$((s % 250 + 1))
        printf '    real_server %s 8080 {\n        weight %d\n    }\n' "$rip" $((s / 250 + d))
        echo "-a -t $vip:80 -r $rip:8080 -m -w $((s / 250 + d))" >>"$work/table.ipvsadm"
    done
    echo "}"
done >"$work/lvs.conf"

JKEEPALIVED_VM_TIMEOUT_SECONDS=${JKEEPALIVED_VM_TIMEOUT_SECONDS:-1800} \
    "$root/src-it/vm/run-in-vm.sh" "$bench/run-ipvs-bench.sh" --in-vm "$work" "$runs" "$services" | tee "$work/times"

# median of the RUNS figures in column $2 of the lines starting with $1
median() {
    awk -v what="$1" -v column="$2" '$1 == what { print $column }' "$work/times" | sort -n \
        | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
restore=$(median ipvsadm 3)
reference=$(median keepalived 3)
ours=$(median ours 3)
install=$(median ours-inside 8)
open=$(median ours-inside 6)
load=$(median ours-inside 4)
ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
}
updated=$work/benchmarks.md
{
    sed "\\|^$begin\$|q" "$doc"
    echo "Measured $(date -u +%Y-%m-%d) in the IPVS VM (qemu TCG, 1 vCPU, Linux $(awk '$1 == "kernel" { print $2 }' \
        "$work/times")) on a host"
    echo "with $(nproc) CPU(s) ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)), $(java -version 2>&1 \
        | head -1 | tr -d '"'), $(/usr/sbin/keepalived -v 2>&1 | head -1), median of $runs runs."
    echo "$services services × $destinations NAT destinations ($((services * destinations)) destinations)."
    echo
    echo "| installer | what is timed | median (ms) | ratio to ipvsadm --restore |"
    echo "|---|---|---|---|"
    echo "| ipvsadm --restore | the process | $restore | 1.00 |"
    echo "| keepalived 2.2.7 -C | exec until the table is complete | $reference | $(ratio "$reference" "$restore") |"
    echo "| jkeepalived (IpvsBench) | exec until the table is complete | $ours | $(ratio "$ours" "$restore") |"
    echo "| jkeepalived (IpvsBench) | config load (ConfigLoader, cold JVM) | $load | $(ratio "$load" "$restore") |"
    echo "| jkeepalived (IpvsBench) | netlink socket open, family lookup (first native calls) | $open |" \
        "$(ratio "$open" "$restore") |"
    echo "| jkeepalived (IpvsBench) | install through IpvsReconciler | $install | $(ratio "$install" "$restore") |"
    echo
    echo "Raw figures (installer, run, ms):"
    echo
    echo '```'
    grep -E '^(ipvsadm|keepalived|ours-inside) ' "$work/times"
    echo '```'
    sed -n "\\|^$end\$|,\$p" "$doc"
} >"$updated"
cp "$updated" "$doc"
