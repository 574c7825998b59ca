#!/bin/sh
# One-shot start-up of the test guest, run by busybox init (sysinit). Every stage prints an
# `avb-guest:` line on the console: the controller follows the boot by those lines.
# Network settings come from the kernel command line:
#   avb.ip=ADDR/PREFIX (default 10.0.2.15/24, QEMU user networking)
#   avb.gw=ADDR        (default 10.0.2.2; `none` for no default route)
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev 2>/dev/null
mkdir -p /dev/pts /dev/shm /run/sshd /tmp /var/tmp /var/log
mount -t devpts -o gid=5,mode=620 devpts /dev/pts
mount -t tmpfs -o mode=1777 tmpfs /dev/shm
mount -t tmpfs -o mode=1777 tmpfs /tmp
chmod 0755 /run/sshd
hostname -F /etc/hostname 2>/dev/null
echo "avb-guest: init started"

# Drivers the kernel has as modules (virtio, Xen PV front-ends), in dependency order.
if [ -f /etc/avb/modules ]; then
  while read -r m; do
    [ -n "$m" ] && insmod "/lib/modules/$m" 2>/dev/null
  done </etc/avb/modules
fi
if [ -r /sys/hypervisor/type ]; then
  echo "avb-guest: hypervisor $(cat /sys/hypervisor/type)"
fi

ip=10.0.2.15/24
gw=10.0.2.2
for arg in $(cat /proc/cmdline); do
  case "$arg" in
    avb.ip=*) ip="${arg#avb.ip=}" ;;
    avb.gw=*) gw="${arg#avb.gw=}" ;;
  esac
done
ip link set lo up
# The NIC appears once its driver has bound: wait for it (bounded, no fixed sleep when ready).
n=0
while [ ! -e /sys/class/net/eth0 ] && [ "$n" -lt 100 ]; do
  usleep 100000
  n=$((n + 1))
done
if [ -e /sys/class/net/eth0 ]; then
  ip link set eth0 up
  ip addr add "$ip" dev eth0
  [ "$gw" != none ] && ip route add default via "$gw"
  echo "avb-guest: network eth0 $ip"
else
  echo "avb-guest: error: no network interface eth0"
fi

# The power button (QMP system_powerdown) powers the guest off.
if [ -d /etc/acpi ]; then
  acpid -c /etc/acpi 2>/dev/null
fi

if /usr/sbin/sshd -f /etc/ssh/sshd_config -E /var/log/sshd.log; then
  echo "avb-guest: sshd started"
else
  echo "avb-guest: error: sshd failed to start"
  cat /var/log/sshd.log
fi
