/** Trial boots of the under-test slot as steps: armed first, known-good back right after. */
import { describe, expect, it } from 'vitest';
import { BoardConfig } from '../../../src/config/board.js';
import { DeploySlot } from '../../../src/config/deploy.js';
import {
  knownGoodSteps,
  planSlotBoot,
  slotMarkerOf,
  ubootRestoreScript,
} from '../../../src/deploy/slot-steps.js';

const conn = { type: 'ssh', host: 'b', identityFile: 'k', knownHosts: 'kh' };
const uboot = BoardConfig.parse({ connection: conn, switch: { type: 'uboot-env', oneShot: {} } });
const slot = DeploySlot.parse({});
const boot = { files: { kernel: 'avb-under-test/linux-kernel' }, kernelArgs: 'slub_debug=FZPU' };

describe('slot marker', () => {
  it('reads avb.slot=<id> from a kernel command line', () => {
    expect(slotMarkerOf('root=/dev/vda2 rw avb.slot=0123456789ab console=ttyAMA0')).toBe('0123456789ab');
    expect(slotMarkerOf('avb.slot=0123456789ab')).toBe('0123456789ab');
    expect(slotMarkerOf('root=/dev/vda2 xavb.slot=0123456789ab')).toBeUndefined();
    expect(slotMarkerOf('avb.slot=')).toBeUndefined();
    expect(slotMarkerOf(undefined)).toBeUndefined();
  });
});

describe('U-Boot (bootcount) trial boot', () => {
  const p = planSlotBoot(uboot, slot, 'linux', boot, '0123456789ab');
  const argv = p.steps.map((s) => s.argv.slice(1).join('='));

  it('arms the fallback before it points the boot at the slot', () => {
    expect(argv).toEqual([
      'altbootcmd=setenv bootmode linux; setenv linux_image Image; setenv initrd_image initrd.img; setenv fdt_image; setenv xen_image xen; setenv linux_args; setenv xen_args; setenv avb_slot; setenv bootmode linux',
      'bootlimit=1',
      'bootcount=0',
      'upgrade_available=1',
      'linux_image=avb-under-test/linux-kernel',
      'fdt_image',
      'initrd_image=initrd.img',
      'xen_image=xen',
      'linux_args=slub_debug=FZPU',
      'xen_args',
      'avb_slot=0123456789ab',
      'bootmode=linux',
    ]);
    expect(argv.indexOf('upgrade_available=1')).toBeLessThan(
      argv.indexOf('linux_image=avb-under-test/linux-kernel'),
    );
    expect(p.steps.every((s) => s.on === 'board' && s.argv[0] === 'fw_setenv')).toBe(true);
  });

  it('reads back the armed state, the files, the marker and the mode', () => {
    expect(p.checks.map((c) => `${c.argv.at(-1)}=${c.expect}`)).toEqual([
      'upgrade_available=1',
      'linux_image=avb-under-test/linux-kernel',
      'initrd_image=initrd.img',
      'xen_image=xen',
      'avb_slot=0123456789ab',
      'bootmode=linux',
    ]);
  });

  it('disarms to the known-good default, whatever the boot did', () => {
    expect(p.disarm.map((s) => s.argv.slice(1).join('='))).toEqual([
      'linux_image=Image',
      'initrd_image=initrd.img',
      'fdt_image',
      'xen_image=xen',
      'linux_args',
      'xen_args',
      'avb_slot',
      'bootmode=linux',
      'upgrade_available=0',
      'bootcount=0',
      'altbootcmd=setenv bootmode linux',
    ]);
  });

  it('a Xen trial keeps the user altbootcmd first and passes Xen arguments only to Xen boots', () => {
    const b = BoardConfig.parse({
      connection: conn,
      switch: { type: 'uboot-env', oneShot: { bootlimit: 2, altbootcmd: 'run recover;' } },
    });
    const x = planSlotBoot(
      b,
      slot,
      'xen',
      { files: { xen: 'avb-under-test/xen-xen' }, xenArgs: 'dom0_max_vcpus=2' },
      'ab12cd34ef56',
    );
    const a = x.steps.map((s) => s.argv.slice(1).join('='));
    expect(a[0]).toMatch(/^altbootcmd=run recover; setenv linux_image Image; .*; setenv bootmode linux$/);
    expect(a).toContain('bootlimit=2');
    expect(a).toContain('xen_args=dom0_max_vcpus=2');
    expect(a).toContain('xen_image=avb-under-test/xen-xen');
    expect(a.at(-1)).toBe('bootmode=xen');
    expect(ubootRestoreScript(b, slot)).toMatch(/^run recover; setenv linux_image Image; /);
  });

  it('known-good steps reset the slot variables without touching the mode', () => {
    expect(knownGoodSteps(uboot, slot).map((s) => s.argv.slice(1).join('='))).toEqual([
      'linux_image=Image',
      'initrd_image=initrd.img',
      'fdt_image',
      'xen_image=xen',
      'linux_args',
      'xen_args',
      'avb_slot',
    ]);
  });

  it('refuses a trial without oneShot, and extlinux', () => {
    const noTrial = BoardConfig.parse({ connection: conn, switch: { type: 'uboot-env' } });
    expect(() => planSlotBoot(noTrial, slot, 'linux', boot, 'x')).toThrow(/oneShot/);
    const ext = BoardConfig.parse({
      connection: conn,
      switch: { type: 'extlinux', labels: { linux: 'a', xen: 'b' } },
    });
    expect(() => planSlotBoot(ext, slot, 'linux', boot, 'x')).toThrow(/no one-shot boot/);
  });
});

describe('GRUB and command trial boots', () => {
  it('grub-reboot: grubenv for the slot entry, then next boot only', () => {
    const g = BoardConfig.parse({
      connection: conn,
      switch: { type: 'grub-reboot', entries: { linux: 'Debian', xen: 'Debian, with Xen' } },
    });
    const s = DeploySlot.parse({ grubEntries: { linux: 'avb-under-test-linux' } });
    const p = planSlotBoot(g, s, 'linux', boot, '0123456789ab');
    expect(p.steps.map((x) => x.argv)).toEqual([
      [
        'grub-editenv',
        '-',
        'set',
        'avb_slot=0123456789ab',
        'avb_kernel_args=slub_debug=FZPU',
        'avb_xen_args=',
      ],
      ['grub-reboot', 'avb-under-test-linux'],
    ]);
    expect(p.disarm.map((x) => x.argv)).toEqual([
      ['grub-editenv', '-', 'set', 'avb_slot=', 'avb_kernel_args=', 'avb_xen_args='],
    ]);
    expect(() => planSlotBoot(g, s, 'xen', boot, 'x')).toThrow(/grubEntries\.xen/);
  });

  it('command: your argv with the slot in its environment; disarm is your default-mode command', () => {
    const c = BoardConfig.parse({
      connection: conn,
      switch: { type: 'command', commands: { linux: ['sel', 'l'], xen: ['sel', 'x'] }, on: 'controller' },
    });
    const s = DeploySlot.parse({ commands: { linux: ['sel-ut', 'l'] } });
    const p = planSlotBoot(c, s, 'linux', boot, '0123456789ab');
    expect(p.steps).toEqual([
      {
        on: 'controller',
        argv: ['sel-ut', 'l'],
        env: {
          AVB_SLOT_ID: '0123456789ab',
          AVB_SLOT_BOOT: 'avb-under-test',
          AVB_MODE: 'linux',
          AVB_KERNEL_ARGS: 'slub_debug=FZPU',
          AVB_XEN_ARGS: '',
          AVB_KERNEL: 'avb-under-test/linux-kernel',
        },
        what: 'your under-test boot command for linux',
      },
    ]);
    expect(p.disarm.map((x) => x.argv)).toEqual([['sel', 'l']]);
  });
});
