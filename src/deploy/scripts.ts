/**
 * Fixed POSIX sh scripts the deployment runs on the board with `sh -c SCRIPT name ARGS...`.
 * Values (paths, releases, marker names) are only ever positional parameters, never spliced
 * into the script text.
 */

/** The file that marks a folder as an under-test slot (or a module folder) this tool made. */
export const SLOT_MARKER_FILE = '.arm-virt-bench-under-test';

/**
 * Args: MARKER DIR... Empties each slot folder (keeping nothing of the previous deployment)
 * and marks it. A folder that exists, is not empty and has no marker is refused: it is not
 * ours to empty (a wrong `deploy.slot` setting must never wipe a boot partition or a home).
 */
export const SLOT_PREPARE_SCRIPT = `m=$1; shift
for d in "$@"; do
  if [ -e "$d" ] && [ ! -f "$d/$m" ]; then
    if [ -d "$d" ] && [ -z "$(ls -A "$d" 2>/dev/null)" ]; then :; else
      echo "avb-slot: $d exists and is not an under-test slot made by arm-virt-bench (no $m in it): refusing to empty it" >&2; exit 3
    fi
  fi
done
for d in "$@"; do
  if [ -d "$d" ]; then find "$d" -mindepth 1 -maxdepth 1 ! -name "$m" -exec rm -rf {} + || exit 4; fi
  mkdir -p "$d" && : > "$d/$m" || exit 4
done
sync
`;

/**
 * Args: MARKER. Removes every module folder an earlier deployment installed (the ones holding
 * the marker file), also when that deployment never got to write its manifest.
 */
export const MODULES_REMOVE_SCRIPT = `m=$1
for d in /lib/modules/*/; do
  [ -f "$d$m" ] || continue
  rm -rf "$d" && echo "avb-modules: removed $(basename "$d")"
done
exit 0
`;

/**
 * Args: MARKER ARCHIVE TMPDIR KNOWN_GOOD_RELEASE. Unpacks a modules archive (`lib/modules/<rel>/`
 * or `<rel>/` at its top) to /lib/modules/<rel>, marks it, runs depmod. Refuses the known-good
 * kernel's own release and any module folder it did not install itself.
 */
export const MODULES_INSTALL_SCRIPT = `m=$1; a=$2; t=$3; kg=$4
rm -rf "$t" && mkdir -p "$t" || exit 4
tar -xf "$a" -C "$t" || { echo "avb-modules: cannot unpack $a" >&2; exit 5; }
if [ -d "$t/lib/modules" ]; then src="$t/lib/modules"; else src="$t"; fi
n=0
for d in "$src"/*/; do
  [ -d "$d" ] || continue
  rel=$(basename "$d")
  if [ "$rel" = "$kg" ]; then
    echo "avb-modules: the archive holds modules for $rel, the known-good kernel's own release: refusing to overwrite them (give the kernel under test its own release, e.g. CONFIG_LOCALVERSION)" >&2; exit 6
  fi
  if [ -e "/lib/modules/$rel" ] && [ ! -f "/lib/modules/$rel/$m" ]; then
    echo "avb-modules: /lib/modules/$rel exists and was not installed by arm-virt-bench: refusing to overwrite it" >&2; exit 7
  fi
  n=$((n+1))
done
[ "$n" -gt 0 ] || { echo "avb-modules: no lib/modules/<release>/ folder in $a" >&2; exit 9; }
mkdir -p /lib/modules
for d in "$src"/*/; do
  [ -d "$d" ] || continue
  rel=$(basename "$d")
  rm -rf "/lib/modules/$rel"
  cp -a "$d" "/lib/modules/$rel" || exit 4
  : > "/lib/modules/$rel/$m"
  if command -v depmod >/dev/null 2>&1; then depmod -a "$rel" || exit 8
  else echo "avb-modules: depmod not found on the board: no modules.dep for $rel (install kmod)"; fi
  echo "avb-modules: installed $rel"
done
rm -rf "$t"
sync
`;

/** Args: PATH... `sha256sum` of each file (one "HASH  PATH" line each). */
export const SHA256_FILES_SCRIPT = `for f in "$@"; do
  if [ ! -f "$f" ]; then echo "missing  $f"; continue; fi
  sha256sum -- "$f" 2>/dev/null || echo "unreadable  $f"
done
sync`;

/** Args: DIR. "HASH  ./relative/path" for every file under DIR, sorted by path (a folder's checksum). */
export const SHA256_TREE_SCRIPT = `cd "$1" || exit 2
find . -type f | LC_ALL=C sort | while IFS= read -r f; do sha256sum -- "$f"; done`;
