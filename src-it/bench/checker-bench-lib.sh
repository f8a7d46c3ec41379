# Sourced by the checker benchmark scripts: the config (TCP_CHECK real servers on 127.1.0.0/16 and HTTP_GET ones on
# 127.2.0.0/16, port 8080, delay_loop 1), the loopback listener that answers them, and a process's CPU and RSS.
CB_ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)

# cb_config TCP HTTP: a keepalived.conf with TCP TCP_CHECK real servers (in virtual servers of 1,000 each) and HTTP
# HTTP_GET ones
cb_config() {
    local tcp=$1 http=$2 n
    for n in $(seq 0 $((tcp - 1))); do
        if ((n % 1000 == 0)); then
            ((n == 0)) || echo "}"
            cb_virtual_server "10.0.0.$((n / 1000 + 1))"
        fi
        echo "    real_server 127.1.$((n / 250)).$((n % 250 + 1)) 8080 {"
        echo "        TCP_CHECK {"
        echo "            connect_timeout 3"
        echo "        }"
        echo "    }"
    done
    ((tcp == 0)) || echo "}"
    ((http == 0)) && return
    cb_virtual_server 10.0.1.1
    for n in $(seq 0 $((http - 1))); do
        echo "    real_server 127.2.$((n / 250)).$((n % 250 + 1)) 8080 {"
        echo "        HTTP_GET {"
        echo "            url {"
        echo "                path /"
        echo "                status_code 200"
        echo "            }"
        echo "            connect_timeout 3"
        echo "        }"
        echo "    }"
    done
    echo "}"
}

cb_virtual_server() {
    printf 'virtual_server %s 8080 {\n    delay_loop 1\n    lb_algo rr\n    lb_kind NAT\n    protocol TCP\n' "$1"
}

# cb_listener CLASSPATH LOG [ip netns exec NS]: starts CheckerBenchListener in the background; CB_LISTENER is its pid
cb_listener() {
    local classpath=$1 log=$2
    shift 2
    "$@" java -Xmx64m -XX:+UseSerialGC -cp "$classpath" "$CB_ROOT/src-it/bench/CheckerBenchListener.java" 8080 \
        >"$log" 2>&1 &
    CB_LISTENER=$!
    for _ in $(seq 300); do grep -q listening "$log" && return; sleep 0.2; done
    echo "the listener did not start: $(cat "$log")" >&2
    return 1
}

# cb_ticks PID: the CPU time (utime + stime, all threads) the process has used, in clock ticks
cb_ticks() {
    awk '{ print $14 + $15 }' "/proc/$1/stat"
}

# cb_rss_kib PID
cb_rss_kib() {
    awk '/^VmRSS/ { print $2 }' "/proc/$1/status"
}

# cb_measure NAME PID SECONDS: one line with the share of one CPU PID used over SECONDS from now, and its RSS after
cb_measure() {
    local name=$1 pid=$2 seconds=$3 start end
    start=$(cb_ticks "$pid")
    sleep "$seconds"
    end=$(cb_ticks "$pid")
    awk -v name="$name" -v t=$((end - start)) -v hz="$(getconf CLK_TCK)" -v s="$seconds" -v rss="$(cb_rss_kib "$pid")" \
        'BEGIN { printf "%s: %.1f%% of one CPU over %d s, RSS %.0f MiB\n", name, 100 * t / hz / s, s, rss / 1024 }'
}
