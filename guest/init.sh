#!/bin/sh
# PID 1 of the arm-virt-bench test guest (built by guest/build.sh). It mounts the kernel
# filesystems and hands over to busybox init, which runs /etc/avb/rc once and then only
# reaps processes and handles poweroff/reboot.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
exec /bin/busybox init
