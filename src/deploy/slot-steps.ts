/**
 * Boots of the under-test slot as data (pure): the steps that make the next boot — and only
 * the next one — run the under-test files of a mode, the read-back checks, and the steps that
 * put the board's default boot back on the known-good right after (whatever that boot did).
 * The controller runs them (src/deploy/trial-boot.ts).
 *
 * - uboot-env: U-Boot's bootcount convention, armed FIRST (altbootcmd that restores every
 *   known-good variable, bootlimit, bootcount=0, upgrade_available=1), then the slot's file and
 *   argument variables, the marker and the mode. A boot that never comes up is reset (console
 *   failure pattern or boot timeout → power-cycle) and U-Boot runs altbootcmd once bootcount
 *   exceeds bootlimit: the known-good boots by itself.
 * - grub-reboot: grubenv variables for the slot's entry, then `grub-reboot <entry>`: GRUB
 *   forgets a next_entry once it used it, so any reset boots the saved (known-good) default.
 * - command: your argv per mode; its fallback is yours (or the power-cycle's).
 */
import type { BoardConfig } from '../config/board.js';
import type { DeploySlot } from '../config/deploy.js';
import type { BootMode } from '../results/schema.js';
import type { Check, Step } from '../board/strategies.js';
import { BOOT_ROLES, type BootSlotPlan } from './plan.js';

export interface SlotBootPlan {
  steps: Step[];
  checks: Check[];
  /** Right after the trial boot (up, fallen back, or recovered): the default boot is the known-good again. */
  disarm: Step[];
}

/** The kernel command-line token that marks a boot of the under-test slot. */
export const SLOT_MARKER = 'avb.slot';

/** The deployment id in a kernel command line's `avb.slot=` token, if any. */
export function slotMarkerOf(cmdline: string | undefined): string | undefined {
  if (!cmdline) return undefined;
  const m = new RegExp(`(?:^|\\s)${SLOT_MARKER.replace('.', '\\.')}=([0-9a-f]{6,64})(?=\\s|$)`).exec(cmdline);
  return m?.[1];
}

type Var = [name: string, value: string | undefined];

/** The known-good values of every slot variable (undefined = unset). */
function knownGoodVars(board: BoardConfig, slot: DeploySlot): Var[] {
  const sw = board.switch;
  if (sw?.type !== 'uboot-env') return [];
  const v = slot.uboot.variables;
  const kg = slot.uboot.knownGood;
  return [
    [v.kernel, kg.kernel],
    [v.initrd, kg.initrd],
    [v.dtb, kg.dtb],
    [v.xen, kg.xen],
    [v.kernelArgs, undefined],
    [v.xenArgs, undefined],
    [v.marker, undefined],
    [sw.variable, sw.values[board.defaultBootMode]],
  ];
}

/** U-Boot commands that restore the known-good (the generated altbootcmd). */
export function ubootRestoreScript(board: BoardConfig, slot: DeploySlot): string {
  const sw = board.switch;
  const user = sw?.type === 'uboot-env' && sw.oneShot ? sw.oneShot.altbootcmd.trim().replace(/;+$/, '') : '';
  const sets = knownGoodVars(board, slot).map(([n, val]) =>
    val === undefined ? `setenv ${n}` : `setenv ${n} ${val}`,
  );
  return [...(user ? [user] : []), ...sets].join('; ');
}

export function planSlotBoot(
  board: BoardConfig,
  slot: DeploySlot,
  mode: BootMode,
  boot: BootSlotPlan,
  id: string,
): SlotBootPlan {
  const sw = board.switch;
  if (!sw) throw new Error('booting the under-test slot needs board.switch');
  switch (sw.type) {
    case 'uboot-env': {
      if (!sw.oneShot)
        throw new Error('booting the under-test slot needs board.switch.oneShot (a trial boot)');
      const set = (name: string, value: string | undefined, what: string): Step => ({
        on: 'board',
        argv: value === undefined ? [...sw.setenvCommand, name] : [...sw.setenvCommand, name, value],
        what,
      });
      const v = slot.uboot.variables;
      const kg = slot.uboot.knownGood;
      const steps: Step[] = [
        set('altbootcmd', ubootRestoreScript(board, slot), 'trial boot: altbootcmd restores the known-good'),
        set('bootlimit', String(sw.oneShot.bootlimit), 'trial boot: bootlimit'),
        set('bootcount', '0', 'trial boot: bootcount=0'),
        set('upgrade_available', '1', 'trial boot: upgrade_available=1 (armed)'),
      ];
      const checks: Check[] = [
        { argv: [...sw.printenvCommand, '-n', 'upgrade_available'], expect: '1', what: 'trial boot armed' },
      ];
      const fileVar = { kernel: v.kernel, initrd: v.initrd, dtb: v.dtb, xen: v.xen } as const;
      for (const role of BOOT_ROLES) {
        const ut = boot.files[role];
        const value = ut ?? kg[role];
        steps.push(set(fileVar[role], value, ut ? `under-test ${role}: ${ut}` : `known-good ${role}`));
        if (value !== undefined)
          checks.push({
            argv: [...sw.printenvCommand, '-n', fileVar[role]],
            expect: value,
            what: `${fileVar[role]} reads back ${value}`,
          });
      }
      steps.push(
        set(
          v.kernelArgs,
          boot.kernelArgs,
          boot.kernelArgs ? 'under-test kernel arguments' : 'no extra kernel arguments',
        ),
        set(v.xenArgs, mode === 'xen' ? boot.xenArgs : undefined, 'under-test Xen arguments'),
        set(v.marker, id, `slot marker ${SLOT_MARKER}=${id}`),
        set(sw.variable, sw.values[mode], `select ${mode} (${sw.variable}=${sw.values[mode]})`),
      );
      checks.push(
        { argv: [...sw.printenvCommand, '-n', v.marker], expect: id, what: `${v.marker} reads back ${id}` },
        {
          argv: [...sw.printenvCommand, '-n', sw.variable],
          expect: sw.values[mode],
          what: `${sw.variable} reads back ${sw.values[mode]}`,
        },
      );
      const disarm: Step[] = [
        ...knownGoodVars(board, slot).map(([n, val]) => set(n, val, `known-good again: ${n}`)),
        set('upgrade_available', '0', 'trial over: upgrade_available=0'),
        set('bootcount', '0', 'trial over: bootcount=0'),
        set('altbootcmd', sw.oneShot.altbootcmd, 'altbootcmd back to the configured one'),
      ];
      return { steps, checks, disarm };
    }
    case 'grub-reboot': {
      const entry = slot.grubEntries?.[mode];
      if (!entry) throw new Error(`deploy.slot.grubEntries.${mode} is needed to boot the under-test slot`);
      const env = (slotId: string, k: string, x: string): Step => ({
        on: 'board',
        argv: [...slot.grubEnvCommand, `avb_slot=${slotId}`, `avb_kernel_args=${k}`, `avb_xen_args=${x}`],
        what: slotId ? `grubenv: slot ${slotId}` : 'grubenv: slot cleared',
      });
      return {
        steps: [
          env(id, boot.kernelArgs ?? '', mode === 'xen' ? (boot.xenArgs ?? '') : ''),
          {
            on: 'board',
            argv: [...sw.rebootCommand, entry],
            what: `${sw.rebootCommand[0] ?? ''} ${entry} (next boot only)`,
          },
        ],
        checks: [],
        disarm: [env('', '', '')],
      };
    }
    case 'command': {
      const argv = slot.commands?.[mode];
      if (!argv) throw new Error(`deploy.slot.commands.${mode} is needed to boot the under-test slot`);
      const env: Record<string, string> = {
        AVB_SLOT_ID: id,
        AVB_SLOT_BOOT: slot.name,
        AVB_MODE: mode,
        AVB_KERNEL_ARGS: boot.kernelArgs ?? '',
        AVB_XEN_ARGS: mode === 'xen' ? (boot.xenArgs ?? '') : '',
      };
      for (const role of BOOT_ROLES) {
        const f = boot.files[role];
        if (f) env[`AVB_${role.toUpperCase()}`] = f;
      }
      return {
        steps: [{ on: sw.on, argv: [...argv], env, what: `your under-test boot command for ${mode}` }],
        checks: [],
        disarm: [
          {
            on: sw.on,
            argv: [...sw.commands[board.defaultBootMode]],
            what: `your ${board.defaultBootMode} command (known-good default)`,
          },
        ],
      };
    }
    case 'extlinux':
      throw new Error('extlinux has no one-shot boot: an under-test slot needs uboot-env or grub-reboot');
  }
}

/** Steps that make the default boot the known-good (idempotent; used before a known-good boot and at the end). */
export function knownGoodSteps(board: BoardConfig, slot: DeploySlot): Step[] {
  const sw = board.switch;
  if (sw?.type === 'uboot-env') {
    return knownGoodVars(board, slot)
      .filter(([n]) => n !== sw.variable)
      .map(([n, val]) => ({
        on: 'board' as const,
        argv: val === undefined ? [...sw.setenvCommand, n] : [...sw.setenvCommand, n, val],
        what: `known-good: ${n}`,
      }));
  }
  if (sw?.type === 'grub-reboot') {
    return [
      {
        on: 'board',
        argv: [...slot.grubEnvCommand, 'avb_slot=', 'avb_kernel_args=', 'avb_xen_args='],
        what: 'grubenv: slot cleared',
      },
    ];
  }
  return [];
}
