/**
 * Boot-switch strategies as data: for a target mode, the argv steps that make the next
 * boot that mode, the steps that confirm a trial boot once it is verified, and how to
 * check the setting took. Pure: the controller runs the steps.
 */
import type { BootMode } from '../results/schema.js';
import type { SwitchStrategy } from '../config/board.js';

export interface Step {
  /** Where the argv runs: on the board (over its transport) or on the controller. */
  on: 'board' | 'controller';
  argv: string[];
  /** Variables for the fixed scripts (values never spliced into script text). */
  env?: Record<string, string>;
  /** For the logs. */
  what: string;
}

/** A check after the steps: run `argv` on the board, its trimmed output must equal `expect`. */
export interface Check {
  argv: string[];
  /** Variables for a fixed script (as for steps). */
  env?: Record<string, string>;
  expect: string;
  what: string;
}

export interface SwitchPlan {
  steps: Step[];
  checks: Check[];
  /** Steps to run once the new boot has been verified to be the wanted mode. */
  confirm: Step[];
}

/**
 * Rewrites the DEFAULT line of an extlinux.conf to $AVB_LABEL (checked to exist as a
 * LABEL first), atomically (temp file + rename). Fixed text; path and label come in as
 * environment variables.
 */
export const EXTLINUX_SET_DEFAULT = [
  'set -eu',
  'f=$AVB_PATH; label=$AVB_LABEL',
  '[ -f "$f" ] || { echo "extlinux: no such file: $f" >&2; exit 2; }',
  'awk \'BEGIN{l=ENVIRON["AVB_LABEL"]} toupper($1)=="LABEL"{n=$0; sub(/^[ \\t]*[Ll][Aa][Bb][Ee][Ll][ \\t]+/,"",n); if(n==l) found=1} END{exit found?0:1}\' "$f" || { echo "extlinux: no LABEL $label in $f" >&2; exit 3; }',
  'tmp="$f.avb-tmp"',
  'awk \'BEGIN{l=ENVIRON["AVB_LABEL"]; done=0} toupper($1)=="DEFAULT"{print "DEFAULT " l; done=1; next} {print} END{if(!done) print "DEFAULT " l}\' "$f" >"$tmp"',
  'sync "$tmp" 2>/dev/null || true',
  'mv "$tmp" "$f"',
  'sync',
].join('\n');

/** Prints the DEFAULT label of $AVB_PATH. */
export const EXTLINUX_GET_DEFAULT =
  'awk \'toupper($1)=="DEFAULT"{sub(/^[ \\t]*[Dd][Ee][Ff][Aa][Uu][Ll][Tt][ \\t]+/,""); print; exit}\' "$AVB_PATH"';

export function planSwitch(strategy: SwitchStrategy, mode: BootMode, defaultMode: BootMode): SwitchPlan {
  switch (strategy.type) {
    case 'uboot-env': {
      const value = strategy.values[mode];
      const set = (name: string, v: string, what: string): Step => ({
        on: 'board',
        argv: [...strategy.setenvCommand, name, v],
        what,
      });
      const steps: Step[] = [set(strategy.variable, value, `select ${mode} (${strategy.variable}=${value})`)];
      const checks: Check[] = [
        {
          argv: [...strategy.printenvCommand, '-n', strategy.variable],
          expect: value,
          what: `${strategy.variable} reads back ${value}`,
        },
      ];
      const confirm: Step[] = [];
      const trial = strategy.oneShot && mode !== defaultMode;
      if (strategy.oneShot) {
        if (trial) {
          steps.push(
            set('bootlimit', String(strategy.oneShot.bootlimit), 'trial boot: bootlimit'),
            set('altbootcmd', strategy.oneShot.altbootcmd, 'trial boot: altbootcmd (fallback)'),
            set('bootcount', '0', 'trial boot: bootcount=0'),
            set('upgrade_available', '1', 'trial boot: upgrade_available=1'),
          );
          checks.push({
            argv: [...strategy.printenvCommand, '-n', 'upgrade_available'],
            expect: '1',
            what: 'trial boot armed',
          });
          confirm.push(
            set('upgrade_available', '0', 'confirm the verified boot: upgrade_available=0'),
            set('bootcount', '0', 'confirm the verified boot: bootcount=0'),
          );
        } else {
          // Back to the default: no trial, clear any left-over trial state.
          steps.push(set('upgrade_available', '0', 'no trial boot'), set('bootcount', '0', 'bootcount=0'));
        }
      }
      return { steps, checks, confirm };
    }
    case 'extlinux': {
      const env = { AVB_PATH: strategy.path, AVB_LABEL: strategy.labels[mode] };
      return {
        steps: [
          {
            on: 'board',
            argv: ['sh', '-c', EXTLINUX_SET_DEFAULT],
            env,
            what: `extlinux DEFAULT ${strategy.labels[mode]}`,
          },
        ],
        checks: [
          {
            argv: ['sh', '-c', EXTLINUX_GET_DEFAULT],
            // The script reads the path from here: without it the read-back read nothing and
            // could never confirm the new default.
            env: { AVB_PATH: strategy.path },
            expect: strategy.labels[mode],
            what: `extlinux DEFAULT in ${strategy.path} reads back ${strategy.labels[mode]}`,
          },
        ],
        confirm: [],
      };
    }
    case 'grub-reboot': {
      const entry = strategy.entries[mode];
      // The default mode is made the saved default; another mode only for the next boot,
      // so any later reset (power-cycle included) returns to the default by itself.
      const argv =
        mode === defaultMode ? [...strategy.setDefaultCommand, entry] : [...strategy.rebootCommand, entry];
      return { steps: [{ on: 'board', argv, what: `${argv[0] ?? ''} ${entry}` }], checks: [], confirm: [] };
    }
    case 'command':
      return {
        steps: [
          { on: strategy.on, argv: [...strategy.commands[mode]], what: `user switch command for ${mode}` },
        ],
        checks: [],
        confirm: [],
      };
  }
}
