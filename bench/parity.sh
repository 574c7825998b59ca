#!/bin/bash
# Docker's and the TCG guest's hackbench and UnixBench overheads on this machine, before and
# after the equal-resources change, for the README's figures. One config, two resource set-ups:
#
#   after   the defaults: every environment held to 1 CPU (the same one) and 1 GiB — the host
#           by a cgroup, the container by a cpuset, the guest's QEMU pinned to that CPU;
#   before  what the engine did until then: the host on every core with all memory
#           (resources: all), the container under a CPU-time quota (docker --cpus=1, 1 GiB),
#           the guest with 1 vCPU and 1 GiB, unpinned.
#
#   bench/parity.sh OUT_DIR [ROUNDS]    # default 3 rounds: before-1 after-1 before-2 …
#   .avb-tmp/node24 bench/parity-overheads.ts OUT_DIR
#
# Host, a Docker container and a TCG guest (the quick start's environments), hackbench as the
# local default runs it and UnixBench's dhry2reg and syscall; the two set-ups alternate so that
# the machine's load drifts over both alike. Each `run` takes the heavy lock on its own.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: bench/parity.sh OUT_DIR [ROUNDS]}
rounds=${2:-3}
ub=${AVB_CACHE:-/var/cache/arm-virt-bench}/unixbench/986b674a1e50/UnixBench
[ -x "$ub/pgms/dhry2reg" ] || { echo "no built byte-UnixBench at $ub: run scripts/setup.sh with AVB_UNIXBENCH_SOURCE" >&2; exit 1; }
guest=$(flock /tmp/avb-heavy.lock bash "$here/guest/build.sh" --unixbench "$ub" | tail -n 1)
mkdir -p "$out"

config() { # $1 = before|after
  cat <<EOF
board: { name: local, connection: { type: local } }
preset: quick
runs: 2
$([ "$1" = before ] && echo 'resources: { cpus: all, memory: all, allowUnequal: true }')
environments:
  - { kind: host }
  - { kind: docker$([ "$1" = before ] && echo ', cpus: 1, memory: 1g') }
  - kind: kvm
    arch: $(uname -m)
    accel: tcg
$([ "$1" = before ] && echo '    vcpus: 1
    memoryMiB: 1024')
    boot: { kernel: $guest/vmlinuz, initrd: $guest/initrd.cpio.gz }
    ssh: { identityFile: $guest/id_ed25519, hostKey: "$(cat "$guest/host_key.pub")" }
suites:
  hackbench: { modes: [process], ipc: [socket, pipe], groups: [1], loops: 100 }
  unixbench: { path: $ub, tests: [dhry2reg, syscall] }
  iozone: { enabled: false }
  netperf: { enabled: false }
EOF
}
config before >"$out/before.yml"
config after >"$out/after.yml"
for i in $(seq 1 "$rounds"); do
  for setup in before after; do
    echo "== $setup-$i $(date -u +%T)"
    flock /tmp/avb-heavy.lock node "$here/dist/cli.js" run --config "$out/$setup.yml" --out "$out/$setup-$i" \
      >"$out/$setup-$i.log" 2>&1 || echo "   exit $? (see $out/$setup-$i.log)"
  done
done
