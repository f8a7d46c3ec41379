#!/bin/bash
# Usage: run-in-vm.sh COMMAND [ARG...]
# Boots Debian's kernel (prepared by prepare.sh) under qemu TCG with this machine's root read-only over 9p beneath a
# tmpfs overlay and every ip_vs module loaded, runs COMMAND there as root (an argument vector, as with exec: use
# `bash -c '...'` for shell syntax) in the current directory, prints its stdout and stderr and exits with its status.
# Exits 125 when the VM cannot be prepared or did not finish the command (its console log then goes to stderr).
# Environment: JKEEPALIVED_VM_MEMORY_MIB (default 1024), JKEEPALIVED_VM_CPUS (default 1),
# JKEEPALIVED_VM_TIMEOUT_SECONDS (default 300), JKEEPALIVED_VM_KERNEL_ARGS (added to the kernel command line, e.g.
# loglevel=7), JKEEPALIVED_VM_CONSOLE (a file to copy the VM's console log to), and those of prepare.sh.
# Inside, $VM_BUSYBOX is a static busybox (nc, httpd, ... that the host may lack).
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
unfinished=125

if [[ $# -eq 0 ]]; then
    sed -n '2,12s/^# \{0,1\}//p' "$0" >&2
    exit 2
fi
command -v qemu-system-x86_64 >/dev/null || { echo "run-in-vm.sh: qemu-system-x86_64 is not installed" >&2; exit 125; }
cache=$("$here/prepare.sh") || exit $unfinished

io=$(mktemp -d "${TMPDIR:-/tmp}/jkvm.XXXXXXXX")
qemu_pid=
cleanup() {
    if [[ -n $qemu_pid ]]; then
        kill -TERM "$qemu_pid" 2>/dev/null || true
        wait "$qemu_pid" 2>/dev/null || true
    fi
    if [[ -n ${JKEEPALIVED_VM_CONSOLE:-} && -f $io/console.log ]]; then
        cp "$io/console.log" "$JKEEPALIVED_VM_CONSOLE"
    fi
    rm -rf "$io"
}
trap cleanup EXIT
trap 'exit 143' TERM INT HUP

printf 'JKVM_MODULES=%q\nJKVM_WORKDIR=%q\n' "$(readlink -f "$cache/modules")" "$PWD" >"$io/vm.env"
{
    echo 'cd "$JKVM_WORKDIR" 2>/dev/null || cd /'
    printf 'exec'
    printf ' %q' "$@"
    echo
} >"$io/command"

shares=()
share() {
    local tag=$1 path=$2 options=$3
    shares+=(-fsdev "local,id=$tag,path=$path,security_model=none,multidevs=remap$options"
        -device "virtio-9p-pci,fsdev=$tag,mount_tag=$tag")
}
share hostroot / ,readonly=on
share io "$io" ""
# KVM hangs on this project's machines, hence TCG, where one vCPU boots and runs a JVM faster than two on a busy
# host. The kernel arguments shave boot time: no speculation mitigations, crypto self-tests, audit, clock checks or
# read-only remapping, and the CPU's RNG trusted so that getrandom() does not wait for entropy.
kernel_args="console=ttyS0 panic=-1 quiet mitigations=off cryptomgr.notests audit=0 tsc=reliable no_timer_check"
kernel_args+=" rodata=off random.trust_cpu=on ${JKEEPALIVED_VM_KERNEL_ARGS:-}"
# The 9p tags are what init.sh mounts; timeout passes our TERM on to qemu.
timeout --kill-after=5 "${JKEEPALIVED_VM_TIMEOUT_SECONDS:-300}" \
    qemu-system-x86_64 -accel tcg -machine pc -cpu max -smp "${JKEEPALIVED_VM_CPUS:-1}" \
    -m "${JKEEPALIVED_VM_MEMORY_MIB:-1024}" -nodefaults -no-user-config -display none -no-reboot \
    -serial "file:$io/console.log" -kernel "$cache/vmlinux" -initrd "$cache/initramfs.cpio" -append "$kernel_args" \
    "${shares[@]}" &
qemu_pid=$!
# `wait` returns early for the TERM trap, so a killed run still takes its VM down.
wait "$qemu_pid" || true
qemu_pid=

if [[ ! -f $io/status ]]; then
    echo "run-in-vm.sh: the VM did not finish the command; its console:" >&2
    cat "$io/console.log" >&2 || true
    exit $unfinished
fi
cat "$io/stdout"
cat "$io/stderr" >&2
exit "$(cat "$io/status")"
