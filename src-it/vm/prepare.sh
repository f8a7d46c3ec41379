#!/bin/bash
# Prepares the IPVS test VM: downloads Debian's kernel (the package linux-image-amd64 depends on) and busybox-static,
# unpacks them with dpkg -x into the cache directory, indexes the kernel's modules and builds a busybox initramfs
# whose /init mounts this machine's root read-only over 9p under a tmpfs overlay (see init.sh).
#
# Cache: $JKEEPALIVED_VM_CACHE, else src-it/target/vm-cache (under target/, so out of git; `mvn clean` empties it and
# the next run downloads again, ~70 MB). Kernel package: $JKEEPALIVED_VM_KERNEL_PACKAGE, else what apt resolves.
# Idempotent: a cache built for the same kernel package by the same scripts is reused. Prints the cache directory.
# Needs apt-get, dpkg and xz (any user; no root), and apt lists that know the packages (apt-get update).
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
cache=${JKEEPALIVED_VM_CACHE:-$here/../target/vm-cache}
mkdir -p "$cache"
cache=$(cd "$cache" && pwd)
# One preparation at a time per cache (parallel builds, worktrees sharing $JKEEPALIVED_VM_CACHE).
exec 9>"$cache/lock"
flock 9

# Modules /init loads (with their dependencies): those it mounts the host root with; crc32c_generic, which libcrc32c
# (an ip_vs dependency) asks the crypto API for, found through an alias table the initramfs lacks; ip_vs and every
# scheduler (found below).
initramfs_modules=(virtio_pci 9pnet_virtio 9p overlay crc32c_generic)

fail() {
    echo "prepare.sh: $*" >&2
    exit 1
}

resolve_kernel_package() {
    if [[ -n ${JKEEPALIVED_VM_KERNEL_PACKAGE:-} ]]; then
        echo "$JKEEPALIVED_VM_KERNEL_PACKAGE"
        return
    fi
    apt-cache depends linux-image-amd64 2>/dev/null | awk '$1 == "Depends:" && $2 ~ /^linux-image-/ { print $2; exit }'
}

command -v xz >/dev/null || fail "needs xz (Debian package xz-utils)"
stamp=$cache/prepared
kernel_package=$(resolve_kernel_package || true)
# Without apt lists, the kernel prepared before will do.
kernel_package=${kernel_package:-$(cut -d' ' -f1 "$stamp" 2>/dev/null || true)}
[[ -n $kernel_package ]] || fail "apt knows no linux-image-amd64 (run apt-get update?)"
# The cache is rebuilt for another kernel package or another version of these scripts.
wanted="$kernel_package $(cat "$here/prepare.sh" "$here/init.sh" | sha256sum | cut -d' ' -f1)"
if [[ -f $stamp && $(cat "$stamp") == "$wanted" ]]; then
    echo "$cache"
    exit 0
fi

debs=$cache/debs
rm -rf "$debs" "$cache/kernel" "$cache/busybox" "$cache/initramfs" "$stamp"
mkdir -p "$debs"
# As root apt-get would fetch as the _apt user, who may not write here.
(cd "$debs" && apt-get download -q -o APT::Sandbox::User="$(id -un)" "$kernel_package" busybox-static) >&2 \
    || fail "apt-get download $kernel_package busybox-static failed"
dpkg -x "$debs/${kernel_package}"_*.deb "$cache/kernel"
dpkg -x "$debs"/busybox-static_*.deb "$cache/busybox"
busybox=$cache/busybox/bin/busybox
[[ -x $busybox ]] || fail "busybox-static has no bin/busybox"

kernel_version=$(ls "$cache/kernel/lib/modules")
[[ $(wc -w <<<"$kernel_version") == 1 ]] || fail "expected one module tree in $kernel_package, got: $kernel_version"
modules=$cache/kernel/lib/modules/$kernel_version
"$busybox" depmod -b "$cache/kernel" "$kernel_version"

# The initramfs: busybox, /init, the names of the modules to load in /modules, and those modules with their
# dependencies at their usual paths, indexed by the lines of modules.dep that name them (busybox modprobe parses the
# whole file, slowly under TCG).
initramfs=$cache/initramfs
mkdir -p "$initramfs"/{bin,dev,proc,sys,ro,rw,io,newroot}
cp "$busybox" "$initramfs/bin/busybox"
cp "$here/init.sh" "$initramfs/init"
chmod 755 "$initramfs/init"
ipvs_modules=$(cd "$modules" && ls kernel/net/netfilter/ipvs/ | sed -n 's/\.ko$//p')
[[ -n $ipvs_modules ]] || fail "$kernel_package has no ip_vs modules"
initramfs_dep=$initramfs/lib/modules/$kernel_version/modules.dep
mkdir -p "$(dirname "$initramfs_dep")"
printf '%s\n' "${initramfs_modules[@]}" $ipvs_modules >"$initramfs/modules"
for module in $(cat "$initramfs/modules"); do
    line=$(grep -E "(^|/)${module}\.ko:" "$modules/modules.dep") || fail "no module $module in $kernel_package"
    for file in ${line/:/}; do
        mkdir -p "$initramfs/lib/modules/$kernel_version/$(dirname "$file")"
        cp "$modules/$file" "$initramfs/lib/modules/$kernel_version/$file"
        grep -E "^$file:" "$modules/modules.dep" >>"$initramfs_dep"
    done
done
sort -u -o "$initramfs_dep" "$initramfs_dep"
(cd "$initramfs" && find . | "$busybox" cpio -o -H newc 2>/dev/null) >"$cache/initramfs.cpio"

# qemu boots the bare ELF kernel through its PVH entry point: that skips decompressing vmlinuz, seconds under TCG.
vmlinuz=$cache/kernel/boot/vmlinuz-$kernel_version
xz_offset=$(LC_ALL=C grep -obUaP '\xfd7zXZ\x00' "$vmlinuz" | head -1 | cut -d: -f1)
[[ -n $xz_offset ]] || fail "$vmlinuz is not xz-compressed"
# xz complains about the bzImage trailer after the stream; the ELF check below catches a real failure.
tail -c +$((xz_offset + 1)) "$vmlinuz" | xz -dc 2>/dev/null >"$cache/vmlinux" || true
[[ $(head -c 4 "$cache/vmlinux") == $'\x7fELF' ]] || fail "could not unpack the ELF kernel from $vmlinuz"
ln -sfn "kernel/lib/modules" "$cache/modules"
echo "$wanted" >"$stamp"
echo "$cache"
