#!/bin/busybox sh
# /init of the test VM's initramfs (prepare.sh puts it there). Loads the modules /modules names (those for 9p and
# overlay, ip_vs with every scheduler), mounts the host's root (9p tag hostroot, read-only) under a tmpfs overlay at
# /newroot, runs /io/command chrooted into /newroot and leaves its stdout, stderr and exit status in /io (9p tag io,
# run-in-vm.sh's per-run directory), then powers off. /io/vm.env (written by run-in-vm.sh) names the kernel's full
# module tree in the prepared cache and the working directory.
/bin/busybox mkdir -p /sbin /usr/bin /usr/sbin
/bin/busybox --install -s
export PATH=/sbin:/bin:/usr/sbin:/usr/bin

fail() {
    echo "jkvm: $*"
    poweroff -f
}

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
modprobe -a $(cat /modules) || fail "modprobe failed"
ninep=trans=virtio,version=9p2000.L,msize=512000
mount -t 9p -o "$ninep,cache=loose,ro" hostroot /ro || fail "cannot mount the host root"
mount -t 9p -o "$ninep" io /io || fail "cannot mount the io share"
. /io/vm.env
mount -t tmpfs -o mode=755 tmpfs /rw
mkdir /rw/upper /rw/work
mount -t overlay -o lowerdir=/ro,upperdir=/rw/upper,workdir=/rw/work overlay /newroot || fail "overlay failed"

# The kernel's own module requests (say for a dummy interface) run /sbin/modprobe here, in the initramfs, so the
# full tree goes where busybox modprobe looks.
mount --bind "/ro$JKVM_MODULES" /lib/modules || fail "no module tree at $JKVM_MODULES"

mount -t proc proc /newroot/proc
mount -t sysfs sysfs /newroot/sys
mount -t devtmpfs devtmpfs /newroot/dev
mkdir -p /newroot/dev/pts /newroot/dev/shm
mount -t devpts devpts /newroot/dev/pts
mount -t tmpfs tmpfs /newroot/dev/shm
mount -t tmpfs -o mode=755 tmpfs /newroot/run
mkdir -p /newroot/run/vm/io
cp /bin/busybox /newroot/run/vm/busybox
mount --bind /io /newroot/run/vm/io
ip link set lo up
hostname jkvm

chroot /newroot /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
    TERM=dumb LANG=C.UTF-8 VM_BUSYBOX=/run/vm/busybox JKVM_WORKDIR="$JKVM_WORKDIR" \
    /bin/bash /run/vm/io/command </dev/null >/io/stdout 2>/io/stderr
echo $? >/io/status.tmp
mv /io/status.tmp /io/status
sync
poweroff -f
