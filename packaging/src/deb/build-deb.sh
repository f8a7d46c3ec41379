#!/bin/sh
# Builds target/jkeepalived_<version>_all.deb from target/lib with dpkg-deb.
# Usage: build-deb.sh TARGET_DIR MAVEN_VERSION
set -eu
here=$(cd "$(dirname "$0")" && pwd)
target=$1
version=$(echo "$2" | sed 's/-/~/')
root=$target/deb-root
rm -rf "$root"
install -d "$root/DEBIAN" "$root/usr/sbin" "$root/usr/bin" "$root/usr/share/jkeepalived/lib" \
    "$root/lib/systemd/system" "$root/etc/keepalived" "$root/etc/default" "$root/usr/share/man/man8" \
    "$root/usr/share/man/man5" "$root/usr/share/man/man1"
install -m 0755 "$here/keepalived" "$root/usr/sbin/keepalived"
install -m 0755 "$here/genhash" "$root/usr/bin/genhash"
install -m 0644 "$target"/lib/*.jar "$root/usr/share/jkeepalived/lib/"
install -m 0755 "$here/train-class-data.sh" "$root/usr/share/jkeepalived/train-class-data.sh"
install -m 0644 "$here/keepalived.service" "$root/lib/systemd/system/keepalived.service"
install -m 0644 "$here/keepalived.conf.sample" "$root/etc/keepalived/keepalived.conf.sample"
install -m 0644 "$here/default-keepalived" "$root/etc/default/keepalived"
gzip -9n -c "$here/man/keepalived.8" > "$root/usr/share/man/man8/keepalived.8.gz"
gzip -9n -c "$here/man/keepalived.conf.5" > "$root/usr/share/man/man5/keepalived.conf.5.gz"
gzip -9n -c "$here/man/genhash.1" > "$root/usr/share/man/man1/genhash.1.gz"
install -m 0755 "$here/debian/postinst" "$here/debian/postrm" "$root/DEBIAN/"
install -m 0644 "$here/debian/conffiles" "$root/DEBIAN/conffiles"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@SIZE@/$size/" "$here/debian/control" > "$root/DEBIAN/control"
dpkg-deb --root-owner-group -Zxz -z1 --build "$root" "$target/jkeepalived_${version}_all.deb" >/dev/null
rm -rf "$root"
echo "$target/jkeepalived_${version}_all.deb"
