#!/usr/bin/env bash
# Builds the virtual ARM board (arm64 QEMU `virt` + U-Boot + Linux/KVM + Xen 4.17 Dom0),
# only from Debian packages, cached by content hash under ${AVB_CACHE}/lab:
#   rootfs/<key>/          mmdebstrap arm64 rootfs directory (key: package list + setup hook)
#   images/<key>/          disk.img (FAT boot partition + ext4 rootfs), keys, boot files
#   current -> images/<key>
# One command: `bash lab/build.sh` (as root). Prints the time of every stage.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${AVB_CACHE:-/var/cache/arm-virt-bench}/lab
mkdir -p "$cache/rootfs" "$cache/images" "$cache/keys"
t0=$(date +%s)
stage() { printf '[lab] %-34s %4ss (total %ss)\n' "$1" "$(($(date +%s) - $2))" "$(($(date +%s) - t0))" >&2; }
log() { printf '[lab] %s\n' "$*" >&2; }

for tool in mmdebstrap mkimage mkenvimage mkfs.vfat mcopy mkfs.ext4 sfdisk qemu-system-aarch64 ssh-keygen; do
  command -v "$tool" >/dev/null || { log "missing $tool: run scripts/setup.sh"; exit 1; }
done
uboot=/usr/lib/u-boot/qemu_arm64/u-boot.bin
[ -f "$uboot" ] || { log "missing $uboot (package u-boot-qemu)"; exit 1; }
# byte-UnixBench's pinned source, verified and kept by scripts/setup.sh (never in this repo).
export UB_SOURCE=${AVB_CACHE:-/var/cache/arm-virt-bench}/unixbench/986b674a1e50/source/UnixBench
[ -f "$UB_SOURCE/Run" ] || { log "no byte-UnixBench source at $UB_SOURCE: run scripts/setup.sh with AVB_UNIXBENCH_SOURCE or AVB_UNIXBENCH_GIT set"; exit 1; }

# --- apt sources: the machine's own Debian entry (deb822), never a host name of ours ---
sources_lines() {
  python3 - /etc/apt/sources.list.d/debian.sources <<'PY'
import re, sys
text = open(sys.argv[1]).read()
for stanza in re.split(r'\n\s*\n', text):
    f = {}
    for line in stanza.splitlines():
        m = re.match(r'^([A-Za-z-]+):\s*(.*)$', line)
        if m: f[m.group(1)] = m.group(2).split()
    if 'deb' not in f.get('Types', []) or not f.get('URIs'): continue
    comps = f.get('Components', ['main'])
    for suite in f.get('Suites', []):
        c = list(comps)
        if not suite.endswith('-security') and 'non-free' not in c: c.append('non-free')
        print(f"deb {f['URIs'][0]} {suite} {' '.join(c)}")
PY
}

# --- stage 1: rootfs tarball -------------------------------------------------------------
mapfile -t pkgs < <(grep -vE '^\s*(#|$)' "$here/packages.txt")
rootfs_key=$(cat "$here/packages.txt" "$here/hooks/setup.sh" | sha256sum | cut -c1-16)
rootfs_dir="$cache/rootfs/$rootfs_key"
if [ ! -d "$rootfs_dir" ]; then
  ts=$(date +%s)
  # mmdebstrap runs the arm64 maintainer scripts through qemu-user (binfmt_misc).
  [ -e /proc/sys/fs/binfmt_misc/register ] || mount -t binfmt_misc none /proc/sys/fs/binfmt_misc
  update-binfmts --enable qemu-aarch64 >/dev/null 2>&1 || true
  mapfile -t mirrors < <(sources_lines)
  [ ${#mirrors[@]} -gt 0 ] || { log "no Debian source entry found in /etc/apt/sources.list.d/debian.sources"; exit 1; }
  log "mmdebstrap arm64 rootfs ($rootfs_key) from: ${mirrors[*]}"
  rm -rf "$rootfs_dir.part"
  mmdebstrap --arch=arm64 --variant=minbase --mode=root --format=directory --quiet \
    --aptopt='APT::Install-Recommends "false"' \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-include=/usr/share/locale/locale.alias' \
    --include="$(IFS=,; echo "${pkgs[*]}")" \
    --setup-hook="sh $here/hooks/setup.sh \"\$1\"" \
    bookworm "$rootfs_dir.part" "${mirrors[@]}"
  mv "$rootfs_dir.part" "$rootfs_dir"
  stage "rootfs (mmdebstrap arm64)" "$ts"
else
  log "rootfs cached: $rootfs_dir"
fi

# --- keys: the controller's client key and the board's host key (made once, kept) ----------
[ -f "$cache/keys/controller_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C avb-controller -f "$cache/keys/controller_ed25519"
[ -f "$cache/keys/board_host_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C avb-board -f "$cache/keys/board_host_ed25519"

# --- stage 2: disk image -------------------------------------------------------------------
image_key=$( { echo "$rootfs_key"; cat "$here/build.sh" "$here/boot.cmd" "$here/hooks/image.sh" "$uboot" \
  "$here"/../guest/*.sh \
  "$cache/keys/controller_ed25519.pub" "$cache/keys/board_host_ed25519.pub"
  (cd "$UB_SOURCE" && find . -type f | LC_ALL=C sort | xargs -d '\n' sha256sum); } | sha256sum | cut -c1-16)
out="$cache/images/$image_key"
if [ ! -f "$out/disk.img" ]; then
  ts=$(date +%s)
  rm -rf "$out.part" && mkdir -p "$out.part"
  bash "$here/hooks/image.sh" "$rootfs_dir" "$here" "$cache/keys" "$out.part"
  cp "$uboot" "$out.part/u-boot.bin"
  cp "$cache/keys/board_host_ed25519.pub" "$out.part/host_ed25519.pub"
  rm -rf "$out" && mv "$out.part" "$out"
  stage "disk image" "$ts"
else
  log "image cached: $out"
fi
ln -sfn "images/$image_key" "$cache/current"
log "board ready: $cache/current (start it: bash lab/board.sh start)"
stage "build total" "$t0"
