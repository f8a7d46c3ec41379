#!/bin/sh
# Makes jkeepalived's AppCDS archive, the JVM's class-data archive of the classes a daemon loads, at ARCHIVE: runs
# LAUNCHER (bin/keepalived or /usr/sbin/keepalived, which take JKEEPALIVED_ARCHIVE_AT_EXIT) as a VRRP master in a
# private network namespace until 2 s after it became master, then stops it with SIGTERM, so that the archive holds
# the start-up, the VRRP engine and the stop. Where no namespace can be made (not root, a container without
# CAP_SYS_ADMIN, no unshare) or the run fails, a configuration test (-t) of the same config makes it instead, which
# covers the parser only. Never fails: without an archive the JVM starts without one.
#   usage: train-class-data.sh LAUNCHER ARCHIVE
set -u
launcher=$1
archive=$2
master_wait_tenths=600
unset JKEEPALIVED_JAVA_OPTS JKEEPALIVED_CLASSPATH
work=$(mktemp -d "${TMPDIR:-/tmp}/jkeepalived-cds.XXXXXX") || exit 0
trap 'rm -rf "$work"' EXIT
cat >"$work/keepalived.conf" <<CONF
vrrp_instance training {
    state MASTER
    interface eth0
    virtual_router_id 1
    priority 255
    advert_int 1
    virtual_ipaddress {
        192.0.2.1/24
    }
}
CONF
rm -f "$archive"
export JKEEPALIVED_ARCHIVE_AT_EXIT="$archive"

# The daemon's side, inside the namespace: eth0 (addressed: VRRP needs an IPv4 address) is a veth whose peer stays
# there, so nothing leaves it; /sys is mounted again in a private mount namespace, or /sys/class/net would still show
# the host's interfaces to the daemon (ip netns exec does the same). Pid files in the work directory keep a running
# keepalived's own untouched; -G keeps the training out of syslog.
# shellcheck disable=SC2016 # expanded by the inner shell
unshare -n -m sh -c '
    launcher=$1 work=$2 polls=$3
    mount -t sysfs sysfs /sys && ip link set lo up && ip link add eth0 type veth peer name eth0p \
        && ip addr add 192.0.2.2/24 dev eth0 && ip link set eth0 up && ip link set eth0p up || exit 1
    "$launcher" -n -l -G -f "$work/keepalived.conf" -p "$work/keepalived.pid" -r "$work/vrrp.pid" \
        -c "$work/checkers.pid" >"$work/daemon.log" 2>&1 </dev/null &
    daemon=$!
    until grep -q "Entering MASTER STATE" "$work/daemon.log"; do
        polls=$((polls - 1))
        if [ "$polls" -le 0 ]; then
            kill -KILL "$daemon"
            exit 1
        fi
        sleep 0.1
    done
    sleep 2
    kill -TERM "$daemon"
    wait "$daemon"
' sh "$launcher" "$work" "$master_wait_tenths" >/dev/null 2>&1

if [ ! -s "$archive" ]; then
    rm -f "$archive"
    "$launcher" -t -f "$work/keepalived.conf" >/dev/null 2>&1
fi
# The daemon's umask (keepalived's, 077) made it private; every user of the launcher may map it.
[ ! -f "$archive" ] || chmod 0444 "$archive"
exit 0
