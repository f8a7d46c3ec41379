#!/bin/bash
# keepalived 2.2.7's checker process and ours side by side in the IPVS VM (keepalived needs IPVS to run its checkers),
# on the same config (checker-vm-bench.sh). Needs `mvn -B -q -pl packaging -am package -DskipTests` done before.
#   usage: JKEEPALIVED_VM_CACHE=/work/vm-cache src-it/bench/run-checker-vm-bench.sh [TCP=1000] [HTTP=100] [WARMUP=60]
#          [SECONDS=60]
# The VM is qemu TCG: compare the two, not the absolute numbers. JKEEPALIVED_VM_CPUS (2 here) and
# JKEEPALIVED_VM_MEMORY_MIB (2048 here) size it.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
tcp=${1:-1000} http=${2:-100} warmup=${3:-60} measured=${4:-60}
export JKEEPALIVED_VM_CPUS=${JKEEPALIVED_VM_CPUS:-2}
export JKEEPALIVED_VM_MEMORY_MIB=${JKEEPALIVED_VM_MEMORY_MIB:-2048}
export JKEEPALIVED_VM_TIMEOUT_SECONDS=${JKEEPALIVED_VM_TIMEOUT_SECONDS:-$((2 * (warmup + measured) + 240))}
exec "$here/../vm/run-in-vm.sh" bash "$here/checker-vm-bench.sh" "$tcp" "$http" "$warmup" "$measured"
