/**
 * The fixed script that assembles the bench image's root filesystem ON THE TARGET from
 * the target's own tool binaries and their shared libraries (found with ldd): no
 * registry, no base image. Run through the board transport as
 *   sh -c ASSEMBLE_ROOTFS_SCRIPT avb-assemble ROOTFS TOOL...
 * where TOOL is a program name (looked up in PATH) or an absolute path. busybox (static
 * or not) provides sh and the small utilities the runners need; without busybox the
 * same utilities are copied one by one from the target.
 *
 * Output lines (stdout): `tool NAME PATH`, `missing NAME`, and last `hash HEX`: the
 * sha256 over every file's path and content and every link's path, so the image tag
 * changes exactly when the tools or their libraries change.
 */

/** Bumped when the layout below changes, so old images are not reused. */
export const ROOTFS_LAYOUT_VERSION = '1';

/** Utilities copied one by one when busybox is not on the target. */
export const FALLBACK_UTILITIES = [
  'sh',
  'env',
  'setsid',
  'cat',
  'echo',
  'sleep',
  'kill',
  'ls',
  'mkdir',
  'rm',
  'cp',
  'mv',
  'uname',
  'nproc',
  'dirname',
  'tar',
  'ps',
  'id',
  'pwd',
  'sort',
  'head',
  'tail',
  'grep',
  'sed',
  'cut',
  'tr',
  'wc',
  'mktemp',
  'chmod',
  'date',
  'true',
  'false',
  'printf',
  'test',
  'timeout',
  'sync',
];

export const ASSEMBLE_ROOTFS_SCRIPT = `set -u
R=$1; shift
umask 022
mkdir -p "$R/bin" "$R/usr/bin" "$R/proc" "$R/sys" "$R/dev" "$R/etc" "$R/tmp" "$R/root" || exit 1
chmod 1777 "$R/tmp"
echo "root:x:0:0:root:/root:/bin/sh" > "$R/etc/passwd"
echo "root:x:0:" > "$R/etc/group"
echo "layout ${ROOTFS_LAYOUT_VERSION}" > "$R/etc/avb-image"
copy_with_libs() {
  src=$1; dst=$2
  mkdir -p "$R$(dirname "$dst")" && cp -L "$src" "$R$dst" || return 1
  # ldd prints "name => /path (addr)" and "/lib/ld-linux... (addr)"; static: a message, no paths.
  for lib in $(ldd "$src" 2>/dev/null | sed -n 's/.*=> \\(\\/[^ ]*\\) .*/\\1/p; s/^[[:space:]]*\\(\\/[^ ]*\\) (0x.*/\\1/p'); do
    [ -e "$R$lib" ] && continue
    mkdir -p "$R$(dirname "$lib")" && cp -L "$lib" "$R$lib" || return 1
  done
}
resolve() {
  case $1 in
    /*) [ -x "$1" ] && echo "$1" ;;
    *) command -v "$1" 2>/dev/null | grep '^/' ;;
  esac
}
if bb=$(resolve busybox); then
  copy_with_libs "$bb" /bin/busybox || exit 1
  for a in $("$bb" --list); do
    [ -e "$R/bin/$a" ] || ln -s busybox "$R/bin/$a"
  done
  echo "tool busybox $bb"
else
  for u in ${FALLBACK_UTILITIES.join(' ')}; do
    if p=$(resolve "$u"); then copy_with_libs "$p" "/bin/$u" || exit 1; else echo "missing $u"; fi
  done
fi
for t in "$@"; do
  if p=$(resolve "$t"); then
    copy_with_libs "$p" "/usr/bin/$(basename "$t")" || exit 1
    echo "tool $(basename "$t") $p"
  else
    echo "missing $t"
  fi
done
cd "$R" || exit 1
# Links are hashed by name only: they all point at busybox, whose content is hashed.
h=$( { find . -type l | LC_ALL=C sort; find . -type f -exec sha256sum {} + | LC_ALL=C sort -k 2; } | sha256sum | cut -d' ' -f1)
echo "hash $h"
`;
