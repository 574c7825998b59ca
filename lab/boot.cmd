# U-Boot script of the virtual board (compiled to boot.scr by lab/build.sh).
# Picks Linux or Xen from the variable `bootmode` in uboot.env on the FAT partition, the
# file Linux edits with fw_setenv (/etc/fw_env.config). One-shot boots follow U-Boot's
# bootcount convention: while upgrade_available=1 every boot increments bootcount (saved
# back to uboot.env); once bootcount > bootlimit, altbootcmd runs first (it resets
# bootmode), so a Xen boot that never comes up falls back to Linux after a power-cycle.
# The under-test slot (src/deploy, docs/boards.md): for one trial boot the controller points
# the image variables at avb-under-test/<file>, adds arguments (linux_args, xen_args) and the
# slot marker (avb_slot, appended to the kernel command line as avb.slot=<id>); altbootcmd then
# restores every known-good value, so a change that does not boot falls back by itself.
setenv bootmode linux
setenv bootcount 0
setenv bootlimit 1
setenv upgrade_available 0
setenv altbootcmd 'setenv bootmode linux'
setenv xen_image xen
setenv linux_image Image
setenv initrd_image initrd.img
setenv fdt_image
setenv linux_args
setenv xen_args
setenv avb_slot
setenv envaddr 0x50000000
setenv dom0_kernel_addr 0x47000000
setenv dom0_initrd_addr 0x4b000000
if load virtio 0:1 ${envaddr} uboot.env; then
  env import -c ${envaddr} ${filesize}
fi
if test "${upgrade_available}" = "1"; then
  setexpr bootcount ${bootcount} + 1
  # `env export` with a name that is not set fails: list the slot's variables only when set.
  setenv avb_export "bootmode bootcount bootlimit upgrade_available altbootcmd xen_image linux_image initrd_image"
  for v in fdt_image linux_args xen_args avb_slot; do
    if env exists ${v}; then setenv avb_export "${avb_export} ${v}"; fi
  done
  env export -c -s 0x10000 ${envaddr} ${avb_export}
  fatwrite virtio 0:1 ${envaddr} uboot.env 0x10000
  if test ${bootcount} -gt ${bootlimit}; then
    echo "avb-lab: bootcount ${bootcount} > bootlimit ${bootlimit}: running altbootcmd"
    run altbootcmd
  fi
fi
echo "avb-lab: bootmode=${bootmode} bootcount=${bootcount}"
if test -n "${avb_slot}"; then setenv slot_arg "avb.slot=${avb_slot}"; echo "avb-lab: under-test slot ${avb_slot}: ${linux_image} ${xen_image}"; else setenv slot_arg; fi
if test -n "${fdt_image}"; then load virtio 0:1 ${fdt_addr_r} ${fdt_image} && setenv fdt_addr ${fdt_addr_r}; fi
if test "${bootmode}" = "linux"; then
  setenv bootargs "root=/dev/vda2 rw rootwait console=ttyAMA0 ${linux_args} ${slot_arg}"
  load virtio 0:1 ${kernel_addr_r} ${linux_image} && load virtio 0:1 ${ramdisk_addr_r} ${initrd_image} && booti ${kernel_addr_r} ${ramdisk_addr_r}:${filesize} ${fdt_addr}
fi
if test "${bootmode}" = "xen"; then
  fdt addr ${fdt_addr}
  fdt resize 8192
  fdt set /chosen \#address-cells <1>
  fdt set /chosen \#size-cells <1>
  # Dom0 sized like the host's benchmark processes (resources: 1 CPU, 1 GiB).
  fdt set /chosen xen,xen-bootargs "dom0_mem=1024M,max:1024M dom0_max_vcpus=1 console=dtuart ${xen_args}"
  if load virtio 0:1 ${dom0_kernel_addr} ${linux_image}; then
    fdt mknode /chosen module@47000000
    fdt set /chosen/module@47000000 compatible "multiboot,kernel" "multiboot,module"
    fdt set /chosen/module@47000000 reg <${dom0_kernel_addr} 0x${filesize}>
    fdt set /chosen/module@47000000 bootargs "root=/dev/vda2 rw rootwait console=hvc0 earlycon=xenboot ${linux_args} ${slot_arg}"
  fi
  if load virtio 0:1 ${dom0_initrd_addr} ${initrd_image}; then
    fdt mknode /chosen module@4b000000
    fdt set /chosen/module@4b000000 compatible "multiboot,ramdisk" "multiboot,module"
    fdt set /chosen/module@4b000000 reg <${dom0_initrd_addr} 0x${filesize}>
  fi
  load virtio 0:1 ${kernel_addr_r} ${xen_image} && booti ${kernel_addr_r} - ${fdt_addr}
fi
# Nothing booted (unknown mode, missing or bad image): stay here, like a real board whose
# boot hangs. Only a power-cycle (and the bootcount fallback) gets it back.
echo "avb-lab: BOOT FAILED (bootmode=${bootmode}); halting until power-cycle"
while true; do sleep 3600; done
