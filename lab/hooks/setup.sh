#!/bin/sh
# mmdebstrap --setup-hook: runs on the build host before any package is unpacked, with
# $1 = the rootfs directory. Makes the initramfs small (only the modules the virtual
# board needs to mount its root: virtio-mmio block device + ext4), which also keeps
# update-initramfs fast under qemu-user emulation.
set -eu
root=$1
mkdir -p "$root/etc/initramfs-tools/conf.d" "$root/etc/initramfs-tools/hooks"
cat >"$root/etc/initramfs-tools/conf.d/avb-lab" <<'CONF'
MODULES=list
COMPRESS=gzip
CONF
cat >"$root/etc/initramfs-tools/hooks/avb-lab" <<'HOOK'
#!/bin/sh
[ "$1" = prereqs ] && exit 0
. /usr/share/initramfs-tools/hook-functions
for m in virtio_mmio virtio_pci virtio_blk virtio_net ext4 crc32c_generic libcrc32c; do
  manual_add_modules "$m"
done
HOOK
chmod 0755 "$root/etc/initramfs-tools/hooks/avb-lab"
