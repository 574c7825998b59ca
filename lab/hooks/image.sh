#!/usr/bin/env bash
# Assembles the board's disk image from the rootfs tarball, without loop mounts:
#   p1 FAT32 (boot.scr, uboot.env, Image, initrd.img, xen), p2 ext4 rootfs (mkfs.ext4 -d).
# Usage: image.sh ROOTFS(dir or tar) LAB_DIR KEYS_DIR OUT_DIR
set -euo pipefail
rootfs_tar=$1 lab=$2 keys=$3 out=$4
work=$(mktemp -d "${TMPDIR:-/tmp}/avb-lab-image.XXXXXX")
trap 'rm -rf "$work"' EXIT
root="$work/root"
mkdir -p "$root" "$work/boot"
# The cached rootfs (a directory made by mmdebstrap) stays pristine: work on a copy.
if [ -d "$rootfs_tar" ]; then cp -a "$rootfs_tar/." "$root/"; else tar -C "$root" -xpf "$rootfs_tar"; fi

# Boot files: U-Boot's booti wants uncompressed Images (Debian ships gzip'd vmlinuz).
vmlinuz=$(ls "$root"/boot/vmlinuz-* | sort -V | tail -1)
initrd=$(ls "$root"/boot/initrd.img-* | sort -V | tail -1)
xen=$(ls "$root"/boot/xen-4.17* | grep -v '\.efi$' | grep -v config | sort -V | tail -1)
if gzip -t "$vmlinuz" 2>/dev/null; then gzip -dc "$vmlinuz" >"$work/boot/Image"; else cp "$vmlinuz" "$work/boot/Image"; fi
cp "$initrd" "$work/boot/initrd.img"
cp "$xen" "$work/boot/xen"
mkimage -q -A arm64 -T script -C none -n avb-lab -d "$lab/boot.cmd" "$work/boot/boot.scr"
printf 'bootmode=linux\nbootcount=0\nbootlimit=1\nupgrade_available=0\naltbootcmd=setenv bootmode linux\n' >"$work/env.txt"
mkenvimage -s 0x10000 -o "$work/boot/uboot.env" "$work/env.txt"

# --- byte-UnixBench -------------------------------------------------------------------------
# The pinned source scripts/setup.sh verified (UB_SOURCE, set by lab/build.sh), built inside
# the arm64 rootfs by its own gcc (through qemu-user) at the path the engine looks for it
# (src/suites/unixbench/source.ts, defaultTreePath); the guest build below copies it into the
# KVM guest and the DomU. Generic code (no -march=native): qemu-user's CPU is not the board's.
ub_tree=/var/cache/arm-virt-bench/unixbench/986b674a1e50/UnixBench
mkdir -p "$root$(dirname "$ub_tree")"
cp -a "$UB_SOURCE" "$root$ub_tree"
[ -e /proc/sys/fs/binfmt_misc/register ] || mount -t binfmt_misc none /proc/sys/fs/binfmt_misc
update-binfmts --enable qemu-aarch64 >/dev/null 2>&1 || true
if ! chroot "$root" /usr/bin/make -C "$ub_tree" UB_GCC_OPTIONS="-O3 -ffast-math" >"$out/unixbench-build.log" 2>&1; then
  tail -5 "$out/unixbench-build.log" >&2
  echo "image.sh: building byte-UnixBench in the arm64 rootfs failed (log: $out/unixbench-build.log)" >&2
  exit 1
fi
[ -x "$root$ub_tree/pgms/dhry2reg" ] || { echo "image.sh: no pgms/dhry2reg after the UnixBench build" >&2; exit 1; }

# --- rootfs configuration -----------------------------------------------------------------
echo avb-board >"$root/etc/hostname"
printf '127.0.0.1 localhost\n127.0.1.1 avb-board\n' >"$root/etc/hosts"
cat >"$root/etc/fstab" <<'FSTAB'
/dev/vda2 / ext4 defaults,noatime 0 1
/dev/vda1 /boot/firmware vfat defaults,nofail,x-systemd.device-timeout=600s 0 2
FSTAB
# Emulated boots on a busy machine can be 10x slower than usual: never give up on a device
# or a service because it is slow (the controller has its own boot timeout).
mkdir -p "$root/etc/systemd/system.conf.d"
printf '[Manager]\nDefaultTimeoutStartSec=900s\nDefaultDeviceTimeoutSec=900s\n' >"$root/etc/systemd/system.conf.d/avb-lab.conf"
mkdir -p "$root/boot/firmware"
# fw_setenv/fw_printenv edit the same file U-Boot's boot script imports.
echo '/boot/firmware/uboot.env 0x0 0x10000' >"$root/etc/fw_env.config"
# Root password locked; SSH by key only. The host key is made at build and exported.
rm -f "$root"/etc/ssh/ssh_host_*
install -m 0600 "$keys/board_host_ed25519" "$root/etc/ssh/ssh_host_ed25519_key"
install -m 0644 "$keys/board_host_ed25519.pub" "$root/etc/ssh/ssh_host_ed25519_key.pub"
cat >"$root/etc/ssh/sshd_config.d/avb-lab.conf" <<'SSHD'
HostKey /etc/ssh/ssh_host_ed25519_key
PermitRootLogin prohibit-password
PasswordAuthentication no
UseDNS no
SSHD
install -d -m 0700 "$root/root/.ssh"
install -m 0600 "$keys/controller_ed25519.pub" "$root/root/.ssh/authorized_keys"
# Network: DHCP from QEMU's user network on whatever the NIC is called.
mkdir -p "$root/etc/systemd/network"
printf '[Match]\nName=e*\n\n[Network]\nDHCP=ipv4\n' >"$root/etc/systemd/network/50-avb.network"
# xenbr0: a host-only bridge for DomU (and KVM guest) PV NICs, Dom0/host at 192.168.100.1.
printf '[NetDev]\nName=xenbr0\nKind=bridge\n' >"$root/etc/systemd/network/40-xenbr0.netdev"
printf '[Match]\nName=xenbr0\n\n[Network]\nAddress=192.168.100.1/24\nConfigureWithoutCarrier=yes\n' \
  >"$root/etc/systemd/network/41-xenbr0.network"
# The lab's stand-in for a LAN: the guests on xenbr0 (KVM guest's TAP, DomU's vif) reach
# the controller (QEMU's user-network gateway 10.0.2.2, this machine's loopback) through
# the board: IPv4 forwarding and NAT out of its uplink, in both boots.
cat >"$root/etc/systemd/system/avb-lab-nat.service" <<'UNIT'
[Unit]
Description=arm-virt-bench lab: NAT for the guests on xenbr0
After=systemd-networkd.service
[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/usr/sbin/sysctl -q -w net.ipv4.ip_forward=1
ExecStart=/usr/sbin/iptables -t nat -A POSTROUTING -s 192.168.100.0/24 ! -o xenbr0 -j MASQUERADE
ExecStart=/usr/sbin/iptables -I FORWARD -i xenbr0 -j ACCEPT
ExecStart=/usr/sbin/iptables -I FORWARD -o xenbr0 -j ACCEPT
[Install]
WantedBy=multi-user.target
UNIT
systemctl --root="$root" enable avb-lab-nat.service >/dev/null 2>&1
systemctl --root="$root" enable systemd-networkd.service >/dev/null 2>&1
# Boot faster under emulation: no periodic jobs, no wait for "network online".
# dockerd starts on first use (docker.socket), not on every boot.
systemctl --root="$root" disable docker.service containerd.service >/dev/null 2>&1 || true
# The benchmark starts its own netserver on the port it chooses: no boot-time daemon.
systemctl --root="$root" disable netperf.service >/dev/null 2>&1 || true
systemctl --root="$root" enable docker.socket >/dev/null 2>&1 || true
systemctl --root="$root" mask apt-daily.timer apt-daily-upgrade.timer e2scrub_all.timer fstrim.timer \
  systemd-networkd-wait-online.service >/dev/null 2>&1 || true
# The Xen toolstack only in the Xen boot (its units check for /proc/xen themselves).
# xenconsoled keeps each guest's console (/var/log/xen/console/guest-NAME.log): the
# xen-domu environment copies it into the run's logs. Debian's init script passes
# XENCONSOLED_ARGS from /etc/default/xen (its XENCONSOLED_TRACE comment is not read).
echo 'XENCONSOLED_ARGS="--log=guest"' >>"$root/etc/default/xen"
mkdir -p "$root/var/log/xen/console"
# The KVM guest and the Xen DomU: the project's test guest (guest/build.sh: busybox, sshd,
# the benchmark tools, virtio and Xen PV drivers in an initramfs) made from this rootfs's
# own arm64 binaries and kernel, with the controller's key authorized, and byte-UnixBench with
# Perl (built above, hence this copy of the rootfs as the sysroot). Both boot the board's
# uncompressed kernel (QEMU and xl load it as it is). The guest's host key goes next to the
# image so that the controller checks it (guest-host_key.pub).
guest=$(bash "$lab/../guest/build.sh" --sysroot "$root" --unixbench "$ub_tree" --authorized-key "$keys/controller_ed25519.pub" | tail -n 1)
[ -f "$guest/initrd.cpio.gz" ] || { echo "image.sh: guest build failed" >&2; exit 1; }
install -d "$root/var/lib/avb-lab/guest"
install -m 0644 "$work/boot/Image" "$root/var/lib/avb-lab/guest/Image"
install -m 0644 "$guest/initrd.cpio.gz" "$root/var/lib/avb-lab/guest/initrd.cpio.gz"
cp "$guest/host_key.pub" "$out/guest-host_key.pub"
cp "$guest/manifest.json" "$out/guest-manifest.json"

# --- partitions ------------------------------------------------------------------------------
fat_mb=256
used_mb=$(du -sm "$root" | cut -f1)
root_mb=$((used_mb + 2048))
mkfs.vfat -C -n AVBBOOT -F 32 "$work/fat.img" $((fat_mb * 1024)) >/dev/null
mcopy -i "$work/fat.img" "$work"/boot/* ::
mkfs.ext4 -q -F -L avbroot -d "$root" "$work/root.img" "${root_mb}M"
total_mb=$((1 + fat_mb + root_mb + 1))
truncate -s "${total_mb}M" "$out/disk.img"
sfdisk -q "$out/disk.img" <<SF
label: dos
start=1MiB, size=${fat_mb}MiB, type=c, bootable
start=$((1 + fat_mb))MiB, size=${root_mb}MiB, type=83
SF
dd if="$work/fat.img" of="$out/disk.img" bs=1M seek=1 conv=notrunc status=none
dd if="$work/root.img" of="$out/disk.img" bs=1M seek=$((1 + fat_mb)) conv=notrunc,sparse status=none
cp "$work/boot/Image" "$work/boot/initrd.img" "$out/"
ls -l "$root"/boot >"$out/boot-files.txt"
basename "$vmlinuz" | sed 's/^vmlinuz-//' >"$out/kernel-release"
