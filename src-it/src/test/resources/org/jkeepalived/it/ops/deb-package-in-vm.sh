#!/bin/bash
# DebPackageVmTest's part inside the IPVS test VM, whose root is a throw-away overlay of this machine's: swaps
# keepalived 2.2.7 for the jkeepalived .deb with dpkg, then runs the installed unit's ExecStart as systemd would (its
# EnvironmentFile read, $NOTIFY_SOCKET set, / as working directory, no standard input), with CONFIG as
# /etc/keepalived/keepalived.conf on a veth eth0 made here, busybox syslogd behind /dev/log and NotifyListener (run
# from CLASSPATH) on the notify socket; stops it with SIGTERM. Prints what it saw as `name: value` lines on stdout,
# the logs on stderr.
#   usage: deb-package-in-vm.sh DEB CONFIG CLASSPATH
set -uo pipefail
deb=$1
config=$2
classpath=$3
unit=/lib/systemd/system/keepalived.service
notify_socket=/run/jkeepalived-notify
packaged_files=(/usr/sbin/keepalived /usr/bin/genhash "$unit" /etc/keepalived/keepalived.conf.sample
    /etc/default/keepalived /usr/share/man/man8/keepalived.8.gz /usr/share/man/man5/keepalived.conf.5.gz
    /usr/share/man/man1/genhash.1.gz /var/cache/jkeepalived/keepalived.jsa)

fact() {
    echo "$1: $2"
}

# await SECONDS COMMAND...: polls COMMAND every 0.2 s until it succeeds or SECONDS have passed
await() {
    local polls=$(($1 * 5))
    shift
    until "$@"; do
        polls=$((polls - 1))
        [ "$polls" -gt 0 ] || return 1
        sleep 0.2
    done
}

vip_count() {
    ip -o addr show dev eth0 | grep -c ' 10\.53\.0\.100/'
}

# man-db's trigger would index every manual page of the machine over 9p: minutes under TCG
rm -f /var/lib/man-db/auto-update
dpkg -r keepalived >&2 || dpkg -r --force-depends keepalived >&2
fact keepalived-package "$(dpkg-query -W -f='${db:Status-Status}' keepalived 2>/dev/null)"
dpkg -i "$deb" >&2
fact dpkg-install-status $?
fact jkeepalived-package "$(dpkg-query -W -f='${db:Status-Status}' jkeepalived 2>/dev/null)"
for file in "${packaged_files[@]}"; do
    [ -s "$file" ] && fact installed "$file"
done
fact type "$(sed -n 's/^Type=//p' "$unit")"
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
environment_file=$(sed -n 's/^EnvironmentFile=//p' "$unit")
fact exec-start "$exec_start"

ip link add eth0 type veth peer name eth0-peer
ip addr add 10.53.0.1/24 dev eth0
ip link set eth0 up
ip link set eth0-peer up
cp "$config" /etc/keepalived/keepalived.conf
"$VM_BUSYBOX" syslogd -n -O /run/syslog.log &
syslogd=$!
java -cp "$classpath" org.jkeepalived.it.ops.NotifyListener "$notify_socket" >/run/notify.log 2>&1 &
listener=$!
await 120 test -S "$notify_socket" || fact error "no notify socket"

(
    cd /
    # systemd: a leading '-' makes the file optional; $VAR alone in ExecStart splits into words, as unquoted here
    optional=${environment_file#-}
    if [ -r "$optional" ]; then
        set -a
        . "$optional"
        set +a
    fi
    eval "set -- $exec_start"
    exec env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin NOTIFY_SOCKET="$notify_socket" "$@" \
        </dev/null >/run/journal.log 2>&1
) &
daemon=$!
fact main-pid "$daemon"
await 180 grep -q '^READY=1' /run/notify.log || fact error "no READY=1"
await 30 grep -q 'Entering MASTER STATE' /run/syslog.log || fact error "never master"
fact vip-while-running "$(vip_count)"
grep -q /var/cache/jkeepalived/keepalived.jsa "/proc/$daemon/maps" && fact class-data-archive mapped
kill -TERM "$daemon"
wait "$daemon"
fact exit-status $?
fact vip-after-stop "$(vip_count)"
await 10 grep -q '^STOPPING=1' /run/notify.log || fact error "no STOPPING=1"
while read -r notification; do
    fact notification "$notification"
done </run/notify.log
# no /dev/fd here for a process substitution
grep -a Keepalived /run/syslog.log | while read -r line; do
    fact syslog "$line"
done
kill "$listener" "$syslogd"
echo "--- journal (the daemon's stdout and stderr)" >&2
cat /run/journal.log >&2
echo "--- syslog" >&2
cat /run/syslog.log >&2
