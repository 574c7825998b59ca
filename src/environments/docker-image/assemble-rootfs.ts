/**
 * The fixed script that assembles the bench image's root filesystem ON THE TARGET from
 * the target's own tool binaries and their shared libraries (found with ldd): no
 * registry, no base image. Run through the board transport as
 *   sh -c ASSEMBLE_ROOTFS_SCRIPT avb-assemble ROOTFS UNIXBENCH_TREE TOOL...
 * where TOOL is a program name (looked up in PATH) or an absolute path. busybox (static
 * or not) provides sh and the small utilities the runners need; without busybox the
 * same utilities are copied one by one from the target.
 * UNIXBENCH_TREE is empty, or a built byte-UnixBench tree on the target: it is copied to
 * the same path in the image (without its results), with the target's perl, the modules
 * `Run` loads (asked of that perl itself: %INC and the XS libraries) and their libraries.
 *
 * Output lines (stdout): `tool NAME PATH`, `missing NAME`, and last `hash HEX`: the
 * sha256 over every file's path and content and every link's path, so the image tag
 * changes exactly when the tools or their libraries change.
 */

/** Bumped when the layout below changes, so old images are not reused. */
export const ROOTFS_LAYOUT_VERSION = '2';

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
  // byte-UnixBench's Run and its shell tests (pgms/tst.sh)
  'od',
  'tee',
  'hostname',
  'touch',
  'expr',
  'uptime',
];

/** Perl modules byte-UnixBench's `Run` loads, directly or through each other. */
export const UNIXBENCH_PERL_MODULES = [
  'POSIX',
  'Time::HiRes',
  'IO::Handle',
  'File::Path',
  'FindBin',
  'Carp',
  'Cwd',
  'File::Basename',
  'File::Spec',
  'Symbol',
  'Tie::Hash',
];

export const ASSEMBLE_ROOTFS_SCRIPT = `set -u
R=$1; UB=$2; shift 2
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
if [ -n "$UB" ]; then
  if p=$(resolve perl); then
    copy_with_libs "$p" /usr/bin/perl || exit 1
    # Every file perl loaded for Run's modules, at the same path (absolute in %INC).
    for f in $("$p" ${UNIXBENCH_PERL_MODULES.map((m) => `-M${m}`).join(' ')} -e 'print "$_\n" for values %INC, @DynaLoader::dl_shared_objects'); do
      case $f in /*) [ -e "$R$f" ] || copy_with_libs "$f" "$f" || exit 1 ;; esac
    done
    echo "tool perl $p"
  else
    echo "missing perl"
  fi
  mkdir -p "$R$(dirname "$UB")" && cp -a "$UB" "$R$UB" || exit 1
  rm -rf "$R$UB"/results/* "$R$UB"/tmp/*
  echo "tool unixbench $UB"
fi
cd "$R" || exit 1
# Links are hashed by name only: they all point at busybox, whose content is hashed.
h=$( { find . -type l | LC_ALL=C sort; find . -type f -exec sha256sum {} + | LC_ALL=C sort -k 2; } | sha256sum | cut -d' ' -f1)
echo "hash $h"
`;
