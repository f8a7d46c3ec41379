#!/bin/bash
# Builds jkeepalived and runs every test: the unit tests of each module, then src-it's integration tests, which
# compare our `keepalived -t` with keepalived 2.2.7 in network namespaces (those need root, iproute2 and
# /usr/sbin/keepalived; without them they are skipped). `package` rather than `test` so that bin/keepalived's
# class path (packaging/target/lib) is assembled too.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
cd "$root"
exec mvn -B package "$@"
