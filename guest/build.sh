#!/bin/bash
# Builds the arm-virt-bench test guest: a Debian kernel (from Debian's package, extracted with
# dpkg-deb, never installed) and an initramfs with busybox-static, the benchmark tools and
# their libraries, the kernel's virtio / Xen PV modules and an OpenSSH server.
#
#   guest/build.sh [--flavour cloud-amd64] [--authorized-key FILE] [--tool PATH]... [--cache DIR]
#
# The result is cached by a content hash of its inputs (these scripts, the kernel package
# version, the host binaries copied in, the authorized key) under
# ${AVB_CACHE:-/var/cache/arm-virt-bench}/guest/<hash>/ and holds:
#   vmlinuz  initrd.cpio.gz  host_key.pub  (id_ed25519 + .pub when no --authorized-key)
#   manifest.json (what went in)
# The last line printed on stdout is that directory. SSH host keys are generated per build;
# the public part is written out so the controller can build a known_hosts (checked, never
# accept-new).
#
# The tools are the build host's own binaries: the guest has the build host's architecture.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache_root="${AVB_CACHE:-/var/cache/arm-virt-bench}/guest"
flavour=""
authorized_key=""
tools=()
default_tools=(/usr/bin/hackbench /usr/bin/netperf /usr/bin/netserver /usr/bin/iozone)

die() { echo "guest/build.sh: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --flavour) flavour="$2"; shift 2 ;;
    --authorized-key) authorized_key="$2"; shift 2 ;;
    --tool) tools+=("$2"); shift 2 ;;
    --cache) cache_root="$2/guest"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) die "unknown argument: $1" ;;
  esac
done

arch="$(dpkg --print-architecture)"
if [ -z "$flavour" ]; then
  case "$arch" in
    amd64) flavour=cloud-amd64 ;;
    arm64) flavour=arm64 ;;
    armhf) flavour=armmp-lpae ;;
    *) die "no default kernel flavour for architecture $arch: pass --flavour" ;;
  esac
fi
if [ ${#tools[@]} -eq 0 ]; then
  for t in "${default_tools[@]}"; do [ -x "$t" ] && tools+=("$t"); done
fi
for t in "${tools[@]}"; do [ -x "$t" ] || die "tool not found or not executable: $t"; done
busybox="$(command -v busybox || true)"
[ -n "$busybox" ] || die "busybox not found (install busybox-static)"
# A static busybox is needed: it runs before any library path is set up.
if ldd "$busybox" >/dev/null 2>&1; then die "$busybox is dynamically linked: install busybox-static"; fi
sshd=/usr/sbin/sshd
sftp=/usr/lib/openssh/sftp-server
[ -x "$sshd" ] || die "$sshd not found (install openssh-server)"
for cmd in apt-get apt-cache dpkg-deb cpio gzip ssh-keygen ldd sha256sum; do
  command -v "$cmd" >/dev/null || die "$cmd not found"
done
if [ -n "$authorized_key" ]; then
  [ -r "$authorized_key" ] || die "authorized key not readable: $authorized_key"
  grep -qE '^(ssh-|ecdsa-|sk-)' "$authorized_key" || die "not an OpenSSH public key: $authorized_key"
fi

# The meta package (linux-image-FLAVOUR) names the versioned image package it depends on.
meta="linux-image-$flavour"
resolve_image() { apt-cache depends "$meta" 2>/dev/null | sed -n 's/^ *Depends: \(linux-image-[^ ]*\)$/\1/p' | head -n1; }
image_pkg="$(resolve_image)"
if [ -z "$image_pkg" ] && [ "$(id -u)" = 0 ]; then
  # A fresh machine may have no package lists yet.
  echo "guest/build.sh: $meta not in the apt lists: running apt-get update" >&2
  apt-get update -qq >&2 || true
  image_pkg="$(resolve_image)"
fi
[ -n "$image_pkg" ] || die "package $meta not found in the apt lists (run apt-get update?)"
image_ver="$(apt-cache policy "$image_pkg" | sed -n 's/^ *Candidate: //p')"
[ -n "$image_ver" ] && [ "$image_ver" != "(none)" ] || die "no candidate version for $image_pkg"

# Content hash of every input.
key="$( {
  echo "format 1 $arch $image_pkg $image_ver"
  sha256sum "$here/build.sh" "$here/init.sh" "$here/rc.sh" "$busybox" "$sshd" "$sftp" "${tools[@]}" | cut -d' ' -f1
  printf '%s\n' "${tools[@]}"
  if [ -n "$authorized_key" ]; then cat "$authorized_key"; fi
} | sha256sum | cut -c1-16)"
out="$cache_root/$key"
if [ -f "$out/manifest.json" ]; then
  echo "guest/build.sh: cached $out" >&2
  echo "$out"
  exit 0
fi

mkdir -p "$cache_root/debs"
work="$(mktemp -d "$cache_root/.build-XXXXXX")"
trap 'rm -rf "$work"' EXIT
deb="$cache_root/debs/${image_pkg}_${image_ver//:/%3a}_$arch.deb"
if [ ! -f "$deb" ]; then
  echo "guest/build.sh: downloading $image_pkg $image_ver" >&2
  (cd "$work" && apt-get download -q "$image_pkg=$image_ver" >&2)
  mv "$work"/"${image_pkg}"_*.deb "$deb"
fi
dpkg-deb -x "$deb" "$work/kernel"
kver="$(ls "$work/kernel/lib/modules")"
[ -f "$work/kernel/boot/vmlinuz-$kver" ] || die "no vmlinuz-$kver in $deb"

root="$work/root"
mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,usr/lib/openssh,etc/ssh,etc/avb,etc/acpi/PWRF,root,proc,sys,dev,run,tmp,var/log,lib/modules}
cp "$busybox" "$root/bin/busybox"
for applet in $("$root/bin/busybox" --list); do
  [ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"
done
install -m 0755 "$here/init.sh" "$root/init"
install -m 0755 "$here/rc.sh" "$root/etc/avb/rc"

# Binaries and the libraries ldd says they load (the loader included).
copy_with_libs() {
  local bin="$1" dest="$2"
  install -D -m 0755 "$bin" "$root$dest"
  ldd "$bin" | grep -oE '/[^ ]+' | while read -r lib; do
    [ -e "$root$lib" ] || install -D -m 0755 "$(readlink -f "$lib")" "$root$lib"
  done
}
for t in "${tools[@]}"; do copy_with_libs "$t" "/usr/bin/$(basename "$t")"; done
copy_with_libs "$sshd" /usr/sbin/sshd
copy_with_libs "$sftp" /usr/lib/openssh/sftp-server

# Kernel modules the guest needs when they are not built in, dependencies first.
moddir="$work/kernel/lib/modules/$kver"
declare -A seen=()
modorder=()
add_module() {
  local name="$1" file dep
  [ -n "${seen[$name]:-}" ] && return 0
  seen[$name]=1
  file="$(find "$moddir" -name "$name.ko" -o -name "$name.ko.xz" | head -n1)"
  [ -n "$file" ] || return 0 # built in, or not in this kernel
  # The .modinfo section holds `depends=a,b` as a NUL-terminated string.
  for dep in $(tr '\0' '\n' <"$file" | sed -n 's/^depends=//p' | head -n1 | tr ',' ' '); do add_module "$dep"; done
  file="${file#"$moddir"/}"
  install -D -m 0644 "$moddir/$file" "$root/lib/modules/$file"
  modorder+=("$file")
}
for m in virtio_pci virtio_net virtio_blk xen-netfront xen-blkfront button evdev; do add_module "$m"; done
case "${modorder[*]}" in *.xz*) die "compressed modules are not supported by this build yet" ;; esac
printf '%s\n' "${modorder[@]}" >"$root/etc/avb/modules"

cat >"$root/etc/inittab" <<'INITTAB'
::sysinit:/etc/avb/rc
::ctrlaltdel:/bin/poweroff
::shutdown:/bin/echo "avb-guest: shutting down"
INITTAB
printf '#!/bin/sh\n/bin/poweroff\n' >"$root/etc/acpi/PWRF/00000080"
chmod 0755 "$root/etc/acpi/PWRF/00000080"
cat >"$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/bin/sh
sshd:x:100:65534::/run/sshd:/bin/false
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
PASSWD
# `*` (no password) keeps key logins open; `!` would lock the account for sshd.
cat >"$root/etc/shadow" <<'SHADOW'
root:*:19000:0:99999:7:::
sshd:*:19000:0:99999:7:::
nobody:*:19000:0:99999:7:::
SHADOW
chmod 0600 "$root/etc/shadow"
printf 'root:x:0:\ntty:x:5:\nnogroup:x:65534:\n' >"$root/etc/group"
echo avb-guest >"$root/etc/hostname"
cat >"$root/etc/ssh/sshd_config" <<'SSHD'
Port 22
HostKey /etc/ssh/ssh_host_ed25519_key
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
UseDNS no
PrintMotd no
AuthorizedKeysFile /etc/ssh/authorized_keys
PidFile /run/sshd.pid
Subsystem sftp /usr/lib/openssh/sftp-server
SSHD
ssh-keygen -q -t ed25519 -N '' -C avb-guest-host -f "$root/etc/ssh/ssh_host_ed25519_key"
mkdir -p "$work/out"
mv "$root/etc/ssh/ssh_host_ed25519_key.pub" "$work/out/host_key.pub"
if [ -n "$authorized_key" ]; then
  cp "$authorized_key" "$root/etc/ssh/authorized_keys"
  client_key=""
else
  ssh-keygen -q -t ed25519 -N '' -C avb-guest-client -f "$work/out/id_ed25519"
  cp "$work/out/id_ed25519.pub" "$root/etc/ssh/authorized_keys"
  client_key="id_ed25519"
fi

(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet | gzip -6 >"$work/out/initrd.cpio.gz")
cp "$work/kernel/boot/vmlinuz-$kver" "$work/out/vmlinuz"
{
  printf '{\n  "key": "%s",\n  "arch": "%s",\n  "kernelPackage": "%s",\n  "kernelPackageVersion": "%s",\n' "$key" "$arch" "$image_pkg" "$image_ver"
  printf '  "kernelRelease": "%s",\n  "clientKey": "%s",\n' "$kver" "$client_key"
  printf '  "modules": [%s],\n' "$(printf '"%s",' "${modorder[@]}" | sed 's/,$//')"
  printf '  "tools": [%s]\n}\n' "$(printf '"%s",' "${tools[@]}" | sed 's/,$//')"
} >"$work/out/manifest.json"
chmod 0700 "$work/out"
rm -rf "$out"
mv "$work/out" "$out"
echo "guest/build.sh: built $out ($(du -sh "$out/initrd.cpio.gz" | cut -f1) initramfs, kernel $kver)" >&2
echo "$out"
