#!/usr/bin/env bash
# Runs the virtual ARM board built by lab/build.sh.
#   board.sh start       boot it in the background (serial console appended to console.log)
#   board.sh stop        kill QEMU (like pulling the plug)
#   board.sh pdu-cycle   the "PDU": kill QEMU and start it again on the same disk
#   board.sh status      running / stopped (exit 0 / 3)
#   board.sh known-hosts print a known_hosts line for the forwarded SSH port
# Env: AVB_LAB_RUN (state dir: disk overlay, pid, console log; default $AVB_CACHE/lab/run),
#      AVB_LAB_PORT (127.0.0.1 port forwarded to the board's sshd; default 2222),
#      AVB_LAB_IMAGE (image dir; default $AVB_CACHE/lab/current).
set -euo pipefail
cache=${AVB_CACHE:-/var/cache/arm-virt-bench}/lab
run=${AVB_LAB_RUN:-$cache/run}
port=${AVB_LAB_PORT:-2222}
image=${AVB_LAB_IMAGE:-$cache/current}
mkdir -p "$run"

running() { [ -f "$run/qemu.pid" ] && kill -0 "$(cat "$run/qemu.pid")" 2>/dev/null; }

start() {
  if running; then echo "already running (pid $(cat "$run/qemu.pid"))"; return 0; fi
  [ -f "$image/disk.img" ] || { echo "no board image at $image: run lab/build.sh" >&2; exit 1; }
  # The board writes to a copy-on-write overlay: the cached image stays pristine. The
  # overlay survives stop/pdu-cycle (like a real disk) and goes with `reset`.
  [ -f "$run/disk.qcow2" ] || qemu-img create -q -f qcow2 -b "$(readlink -f "$image")/disk.img" -F raw "$run/disk.qcow2"
  echo "=== avb-lab: power on $(date -u +%FT%TZ) ===" >>"$run/console.log"
  qemu-system-aarch64 \
    -M virt,virtualization=on,gic-version=3 -cpu cortex-a57 -smp 2 -m 3072 \
    -accel tcg,thread=multi -bios "$image/u-boot.bin" \
    -drive if=none,id=hd0,file="$run/disk.qcow2",format=qcow2 -device virtio-blk-device,drive=hd0 \
    -netdev user,id=n0,hostfwd=tcp:127.0.0.1:"$port"-:22 -device virtio-net-device,netdev=n0 \
    -chardev file,id=con0,path="$run/console.log",append=on -serial chardev:con0 \
    -display none -monitor none -daemonize -pidfile "$run/qemu.pid"
  write_known_hosts
  echo "started (pid $(cat "$run/qemu.pid"), ssh 127.0.0.1:$port, console $run/console.log)"
}

# known_hosts for the board and for its test guest (the KVM guest through the board's
# 127.0.0.1:10022, the DomU at 192.168.100.2), as lab/board.yml names them.
write_known_hosts() {
  printf '[127.0.0.1]:%s %s\n' "$port" "$(cut -d' ' -f1-2 "$image/host_ed25519.pub")" >"$run/known_hosts"
  if [ -f "$image/guest-host_key.pub" ]; then
    key=$(cut -d' ' -f1-2 "$image/guest-host_key.pub")
    printf '[127.0.0.1]:10022 %s\n192.168.100.2 %s\n' "$key" "$key" >"$run/guests_known_hosts"
  fi
}

stop() {
  if running; then
    pid=$(cat "$run/qemu.pid")
    kill -KILL "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    echo "=== avb-lab: power off $(date -u +%FT%TZ) ===" >>"$run/console.log"
  fi
  rm -f "$run/qemu.pid"
  echo stopped
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  pdu-cycle) stop; start ;;
  reset) stop; rm -f "$run/disk.qcow2"; echo "overlay removed" ;;
  status) if running; then echo "running (pid $(cat "$run/qemu.pid"))"; else echo stopped; exit 3; fi ;;
  known-hosts) printf '[127.0.0.1]:%s %s\n' "$port" "$(cut -d' ' -f1-2 "$image/host_ed25519.pub")" ;;
  *) echo "usage: $0 start|stop|pdu-cycle|reset|status|known-hosts" >&2; exit 2 ;;
esac
