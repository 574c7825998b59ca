/**
 * A guest's own disk for IOzone: the image file (or block device) on the board, created
 * when absent, attached to the guest (virtio-blk in KVM, a Xen PV disk in the DomU), and
 * formatted and mounted INSIDE the guest. Fixed scripts, values as arguments.
 */
import type { Transport } from '../../transport/types.js';

/** Where the guests mount their scratch disk. */
export const GUEST_SCRATCH_MOUNT = '/mnt/avb-scratch';
/** The virtio-blk serial number the KVM guest finds its scratch disk by. */
export const SCRATCH_SERIAL = 'avb-scratch';

/**
 * On the board: $1 path, $2 format (raw|qcow2), $3 size in MiB, $4 `fresh` (an image the
 * engine owns: made anew). A block device or an existing image is used as it is. Prints
 * `created PATH` or `exists PATH`.
 */
export const BOARD_DISK_SCRIPT = `p=$1; fmt=$2; size=$3
if [ "$4" = fresh ]; then rm -f -- "$p" || exit 3; fi
if [ -e "$p" ]; then echo "exists $p"; exit 0; fi
mkdir -p -- "$(dirname -- "$p")" || exit 3
case $fmt in
  raw) truncate -s "\${size}M" -- "$p" || exit 3 ;;
  qcow2) qemu-img create -q -f qcow2 "$p" "\${size}M" || exit 3 ;;
  *) echo "unknown format $fmt"; exit 2 ;;
esac
echo "created $p"`;

/**
 * In the guest: $1 the disk (`serial:NAME` for virtio-blk, or a device path such as
 * /dev/xvdb), $2 the mount point. Waits (bounded) for the device, mounts the file system
 * it holds; a disk that holds no file system is formatted ext4 (e2fsprogs' mke2fs, else
 * busybox's ext2) only when its first MiB is blank — a disk with data is never
 * formatted. Prints `mounted DEV` or `formatted DEV`, or the reason and a non-zero exit.
 */
export const GUEST_MOUNT_SCRIPT = `spec=$1; mnt=$2; dev=
nap() { usleep 100000 2>/dev/null || sleep 0.1 2>/dev/null || sleep 1; }
n=0
while [ "$n" -lt 150 ]; do
  case $spec in
    serial:*)
      for s in /sys/block/*/serial; do
        [ -r "$s" ] && [ "$(cat "$s")" = "\${spec#serial:}" ] && dev=/dev/$(basename "$(dirname "$s")")
      done ;;
    *) [ -b "$spec" ] && dev=$spec ;;
  esac
  [ -n "$dev" ] && [ -b "$dev" ] && break
  dev=; nap; n=$((n + 1))
done
[ -n "$dev" ] || { echo "no disk $spec in the guest (ls /sys/block: $(ls /sys/block | tr '\\n' ' '))"; exit 5; }
if awk -v m="$mnt" '$2 == m { f = 1 } END { exit !f }' /proc/mounts; then echo "mounted $dev"; exit 0; fi
mkdir -p -- "$mnt" || exit 3
if mount "$dev" "$mnt" 2>/dev/null; then echo "mounted $dev"; exit 0; fi
if [ -n "$(dd if="$dev" bs=65536 count=16 2>/dev/null | tr -d '\\000' | head -c 1)" ]; then
  echo "$dev holds data but no file system this guest can mount: refusing to format it"; exit 6
fi
# e2fsprogs' mke2fs by its path: a busybox shell runs its own applet for a bare "mke2fs".
made=
for m in /usr/sbin/mkfs.ext4 /sbin/mkfs.ext4 /usr/bin/mke2fs /usr/sbin/mke2fs /sbin/mke2fs; do
  [ -x "$m" ] && "$m" -t ext4 -F -q "$dev" >/dev/null 2>&1 && { made=ext4; break; }
done
[ -n "$made" ] || mke2fs -F "$dev" >/dev/null 2>&1 || { echo "mke2fs $dev failed"; exit 7; }
mount "$dev" "$mnt" || { echo "mount $dev after formatting failed"; exit 8; }
echo "formatted $dev"`;

/** Removes an image the engine made, and its folder when nothing else is left in it. Never throws. */
export async function removeBoardDisk(board: Transport, path: string): Promise<void> {
  await board
    .exec(['sh', '-c', 'rm -f -- "$1"; rmdir -- "$(dirname -- "$1")" 2>/dev/null; true', 'sh', path], {
      timeoutMs: 30_000,
    })
    .catch(() => undefined);
}

/** Creates the image on the board when absent (or anew when the engine owns it). */
export async function prepareBoardDisk(
  board: Transport,
  disk: { path: string; format: string; sizeMiB: number; fresh: boolean },
  signal?: AbortSignal,
): Promise<'created' | 'exists'> {
  const r = await board.exec(
    [
      'sh',
      '-c',
      BOARD_DISK_SCRIPT,
      'sh',
      disk.path,
      disk.format,
      String(disk.sizeMiB),
      disk.fresh ? 'fresh' : 'keep',
    ],
    { timeoutMs: 120_000, signal },
  );
  const m = /^(created|exists) /m.exec(r.output);
  if (r.exitCode !== 0 || !m) {
    throw new Error(
      `cannot create the scratch disk ${disk.path} on ${board.description} (exit ${r.exitCode}): ${r.output.trim().slice(0, 300)}`,
    );
  }
  return m[1] as 'created' | 'exists';
}

/** Mounts (formatting a blank disk first) the scratch disk inside the guest. */
export async function mountGuestDisk(
  guest: Transport,
  spec: string,
  mountPoint: string,
  signal?: AbortSignal,
): Promise<string> {
  const r = await guest.exec(['sh', '-c', GUEST_MOUNT_SCRIPT, 'sh', spec, mountPoint], {
    timeoutMs: 300_000,
    signal,
  });
  const line = r.output.trim().split('\n').pop() ?? '';
  if (r.exitCode !== 0 || !/^(mounted|formatted) /.test(line)) {
    throw new Error(
      `the scratch disk (${spec}) could not be mounted at ${mountPoint} in the guest (exit ${r.exitCode}): ${r.output.trim().slice(0, 300)}`,
    );
  }
  return line;
}
