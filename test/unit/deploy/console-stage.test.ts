/**
 * Where a boot stopped, read off real serial consoles of the lab's machine (QEMU virt at EL2,
 * Debian's U-Boot, the lab's boot script, kernel and Xen), captured by
 * test/fixtures/board/console-capture.sh (see each fixture's .cmd).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bootAttempts, describeStop, whereConsoleStopped } from '../../../src/deploy/console-stage.js';
import { slotMarkerOf } from '../../../src/deploy/slot-steps.js';

const fixture = (name: string): string =>
  readFileSync(join(import.meta.dirname, '../../fixtures/board', `${name}.txt`), 'utf8');

describe('whereConsoleStopped (real consoles)', () => {
  it('a kernel image that is not one: U-Boot refuses it', () => {
    const stop = whereConsoleStopped(fixture('console-uboot-bad-image'));
    expect(stop).toMatchObject({ stage: 'boot loader', line: 'Bad Linux ARM64 Image magic!', attempts: 1 });
    expect(describeStop(stop, true)).toBe('the boot loader (U-Boot): Bad Linux ARM64 Image magic!');
  });

  it('a Dom0 kernel that is not one: Xen panics and reboots by itself; the fallback is the next attempt', () => {
    const text = fixture('console-xen-bad-dom0-fallback');
    const stop = whereConsoleStopped(text);
    expect(stop).toMatchObject({ stage: 'xen', line: 'Could not set up DOM0 guest OS', attempts: 2 });
    expect(describeStop(stop, true)).toBe('Xen: Could not set up DOM0 guest OS');
    // The trial attempt is what is described; the fallback (the known-good Linux) follows it.
    expect(stop.text).toContain('avb-lab: under-test slot 0123456789ab: avb-under-test/xen-kernel xen');
    expect(stop.text).not.toContain('running altbootcmd');
    expect(text).toMatch(
      /avb-lab: bootcount 2 > bootlimit 1: running altbootcmd\r?\navb-lab: bootmode=linux bootcount=2/,
    );
    // The known-good boot's command line carries no slot marker.
    const kg = /Kernel command line: (.*)/.exec(text.slice(text.indexOf('running altbootcmd')))![1]!;
    expect(slotMarkerOf(kg)).toBeUndefined();
  });

  it("the slot's boot: the boot script puts the arguments under test and the marker on the command line", () => {
    const text = fixture('console-slot-linux');
    const cmdline = /Kernel command line: (.*)/.exec(text)![1]!;
    expect(cmdline).toContain('slub_debug=FZPU');
    expect(slotMarkerOf(cmdline)).toBe('0123456789ab');
    // (The capture ends a few seconds later, in the initramfs.)
    expect(whereConsoleStopped(text)).toMatchObject({ stage: 'init', attempts: 1 });
  });

  it('text before the first boot-loader banner (the old boot shutting down) is not an attempt', () => {
    const text = `[  OK  ] Reached target reboot.target - System Reboot.\nreboot: Restarting system\n${fixture('console-uboot-bad-image')}`;
    expect(bootAttempts(text)).toHaveLength(1);
    expect(whereConsoleStopped(text).stage).toBe('boot loader');
  });

  it('no console configured, or nothing on it, is said as such', () => {
    expect(describeStop(whereConsoleStopped(''), false)).toMatch(/^unknown stage \(no board\.consoleCommand/);
    expect(describeStop(whereConsoleStopped(''), true)).toBe('nothing on the console');
  });

  it('a kernel that panics, and a lab power-on line followed by U-Boot, which is one attempt', () => {
    const text = [
      '=== avb-lab: power on 2026-12-05T15:00:00Z ===',
      'U-Boot 2023.01+dfsg-2+deb12u3 (Jun 22 2026 - 08:38:07 +0000)',
      'Starting kernel ...',
      '[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x411fd070]',
      '[    2.100000] VFS: Cannot open root device "vda9" or unknown-block(0,0): error -6',
      '[    2.100100] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)',
      '=== avb-lab: power on 2026-12-05T15:01:00Z ===',
      'U-Boot 2023.01+dfsg-2+deb12u3 (Jun 22 2026 - 08:38:07 +0000)',
      'avb-lab: bootcount 2 > bootlimit 1: running altbootcmd',
    ].join('\n');
    const stop = whereConsoleStopped(text);
    expect(stop).toMatchObject({
      stage: 'kernel',
      attempts: 2,
      line: 'Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)',
    });
    expect(stop.text).not.toContain('running altbootcmd');
  });
});
