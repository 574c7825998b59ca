/**
 * The board section of the config: how the controller reaches the board, which boot
 * modes it has and how to switch between them (U-Boot env, extlinux, grub-reboot or a
 * user command), how to reboot and power-cycle it, per-stage timeouts, an optional
 * serial-console capture and the board lock. Every key is documented in
 * docs/configuration.md (board keys) and docs/boards.md.
 */
import { z } from 'zod';
import { BootMode } from '../results/schema.js';
import { timeoutSeconds } from './bounds.js';
import { HOST_RE, HOST_RULE, USER_RE, USER_RULE } from '../transport/ssh-config.js';

/** An argv array: commands are never shell strings built from config. */
export const Argv = z.array(z.string()).min(1, 'a command needs at least the program name');
export type Argv = z.infer<typeof Argv>;

/** A host as the ssh transport accepts it (the same rule, so no surprise at run time). */
export const SshHostName = z.string().min(1).max(253).regex(HOST_RE, HOST_RULE);
export const SshUser = z.string().min(1).max(64).regex(USER_RE, USER_RULE);
/** A path that goes into ssh_config: no quote or line break (the transport refuses them). */
const SshPath = z
  .string()
  .min(1)
  .refine((p) => !/["\n\r\0]/.test(p), 'a path without quotes or line breaks');
const EnvName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'the name of an environment variable');

const SshTargetObject = z
  .object({
    host: SshHostName,
    port: z.number().int().min(1).max(65535).default(22),
    user: SshUser.default('root'),
    /** Private key file; or the name of an environment variable holding the key (a secret). */
    identityFile: SshPath.optional(),
    identityEnv: EnvName.optional(),
    /** known_hosts file the host key is checked against. Required: no silent "accept new". */
    knownHosts: SshPath,
    connectTimeoutSeconds: z.number().int().positive().max(3600, 'at most 3600 s').default(15),
  })
  .strict();

/** One identity, exactly: the transport never falls back to an agent or to ~/.ssh keys. */
function identityRule(
  t: { identityFile?: string | undefined; identityEnv?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (t.identityFile === undefined && t.identityEnv === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['identityFile'],
      message:
        'an ssh connection needs a key: identityFile (a private key file) or identityEnv (a variable holding the key); agents and ~/.ssh keys are never used',
    });
  }
  if (t.identityFile !== undefined && t.identityEnv !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['identityEnv'],
      message: 'give identityFile or identityEnv, not both',
    });
  }
}

export const SshTarget = SshTargetObject.superRefine(identityRule);
export type SshTarget = z.infer<typeof SshTarget>;

export const BoardConnection = z.discriminatedUnion('type', [
  z.object({ type: z.literal('local') }).strict(),
  z
    .object({ type: z.literal('ssh') })
    .extend(SshTargetObject.shape)
    .strict()
    .superRefine(identityRule),
]);
export type BoardConnection = z.infer<typeof BoardConnection>;

/** A U-Boot variable name (fw_setenv argument): plain identifier characters only. */
const UbootVar = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/, 'not a U-Boot variable name');
/**
 * A boot-menu label / GRUB entry. Passed as one argv item or through an environment
 * variable, never through a shell; no control characters (it lands in a config file) and
 * no leading '-' (it must not read as an option of grub-reboot).
 */
const MenuLabel = z
  .string()
  .max(200)
  .refine(
    (s) => !s.startsWith('-') && ![...s].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f),
    {
      message: 'label: one line, no control characters, not starting with "-"',
    },
  );

/** One value per boot mode (what the strategy writes to select that mode). */
const PerMode = <T extends z.ZodType>(t: T) => z.object({ linux: t, xen: t }).strict();

export const UbootEnvSwitch = z
  .object({
    type: z.literal('uboot-env'),
    /** The variable the board's boot script reads. */
    variable: UbootVar.default('bootmode'),
    /** Value of `variable` per mode. */
    values: PerMode(z.string().min(1).max(256)).default({ linux: 'linux', xen: 'xen' }),
    setenvCommand: Argv.default(['fw_setenv']),
    printenvCommand: Argv.default(['fw_printenv']),
    /**
     * Trial boot of a non-default mode, U-Boot's bootcount convention: `bootcount=0`,
     * `bootlimit`, `altbootcmd` and `upgrade_available=1` are set with the mode; once the
     * mode is verified after boot the controller confirms it (`upgrade_available=0`,
     * `bootcount=0`). A boot that never comes up falls back via `altbootcmd` after a reset.
     */
    oneShot: z
      .object({
        bootlimit: z.number().int().min(1).max(9).default(1),
        altbootcmd: z.string().min(1).max(512).default('setenv bootmode linux'),
      })
      .strict()
      .optional(),
  })
  .strict();

export const ExtlinuxSwitch = z
  .object({
    type: z.literal('extlinux'),
    path: z.string().min(1).default('/boot/extlinux/extlinux.conf'),
    /** The `LABEL` per mode; the strategy rewrites the `DEFAULT` line. */
    labels: PerMode(MenuLabel),
  })
  .strict();

export const GrubRebootSwitch = z
  .object({
    type: z.literal('grub-reboot'),
    /** GRUB menu entry (title, id or index; `>` for submenus) per mode. */
    entries: PerMode(MenuLabel),
    /** Non-default modes with grub-reboot (next boot only); the default with grub-set-default. */
    rebootCommand: Argv.default(['grub-reboot']),
    setDefaultCommand: Argv.default(['grub-set-default']),
  })
  .strict();

export const CommandSwitch = z
  .object({
    type: z.literal('command'),
    /** argv per mode that selects the next boot; run on the board (or the controller). */
    commands: PerMode(Argv),
    on: z.enum(['board', 'controller']).default('board'),
  })
  .strict();

export const SwitchStrategy = z.discriminatedUnion('type', [
  UbootEnvSwitch,
  ExtlinuxSwitch,
  GrubRebootSwitch,
  CommandSwitch,
]);
export type SwitchStrategy = z.infer<typeof SwitchStrategy>;

/** Per-stage limits, seconds. Waits poll the board over SSH; nothing sleeps a fixed time. */
export const BoardTimeouts = z
  .object({
    /** A switch/reboot/probe command on the board. */
    commandSeconds: timeoutSeconds().default(60),
    /** From the reboot command until SSH stops answering with the old boot id. */
    shutdownSeconds: timeoutSeconds().default(180),
    /** From "down" (or power-on) until SSH answers with a new boot id. */
    bootSeconds: timeoutSeconds().default(300),
    /** At the start: a board that does not answer may still be booting; wait this long before power-cycling it. */
    startSeconds: timeoutSeconds({ zero: true }).default(120),
    /** The power-cycle command itself. */
    powerCycleSeconds: timeoutSeconds().default(120),
    /** One SSH poll attempt. */
    pollSeconds: timeoutSeconds().default(20),
    /** Pause between polls (the polls themselves carry the timing). */
    pollIntervalSeconds: timeoutSeconds({ zero: true }).default(2),
  })
  .strict();
export type BoardTimeouts = z.infer<typeof BoardTimeouts>;

export const BoardLock = z
  .object({
    enabled: z.boolean().default(true),
    /** Lock directory on the board (created with an atomic mkdir); survives reboots. */
    boardPath: z
      .string()
      .regex(/^\/[^\0]*$/, 'an absolute path')
      .default('/var/lib/arm-virt-bench/board.lock'),
    /** Lock file on the controller; default: <tmpdir>/arm-virt-bench-<board name>.lock. */
    localPath: z.string().optional(),
    /** A board lock older than this (not refreshed) is taken over. */
    staleSeconds: z
      .number()
      .int()
      .positive()
      .max(365 * 86_400, 'at most a year (31536000 s)')
      .default(6 * 3600),
  })
  .strict();
export type BoardLock = z.infer<typeof BoardLock>;

export const BoardConfig = z
  .object({
    name: z.string().min(1).default('local'),
    connection: BoardConnection.default({ type: 'local' }),
    /** The mode the board is left in after every run (also after a failure or cancel). */
    defaultBootMode: BootMode.default('linux'),
    /** How the next boot's mode is chosen; absent: the board cannot switch modes. */
    switch: SwitchStrategy.optional(),
    /** Reboots the board; run on the board. */
    rebootCommand: Argv.default(['systemctl', 'reboot']),
    /** Power-cycles the board when it does not come back (e.g. a PDU CLI); run on the controller. */
    powerCycleCommand: Argv.optional(),
    /** Power-cycles tried before giving up. */
    powerCycleAttempts: z.number().int().min(0).max(5).default(1),
    /**
     * How long one boot switch takes (reboot and verification), for the ETA until a switch
     * was measured in the run.
     */
    expectedSwitchSeconds: z
      .number()
      .nonnegative()
      .max(86_400, 'at most a day (86400 s): it only feeds the ETA')
      .default(120),
    /** Long-running controller command whose output is the serial console (kept in the logs). */
    consoleCommand: Argv.optional(),
    /**
     * Regular expressions that mark a failed boot on the console (e.g. `Kernel panic - not
     * syncing`, a boot script's own failure line): seen while waiting for the board, they end
     * the wait at once and go to the power-cycle. Needs consoleCommand.
     */
    consoleFailurePatterns: z
      .array(
        z
          .string()
          .min(1)
          .refine(
            (p) => {
              try {
                new RegExp(p);
                return true;
              } catch {
                return false;
              }
            },
            { message: 'not a valid regular expression' },
          ),
      )
      .default([]),
    timeouts: BoardTimeouts.prefault({}),
    lock: BoardLock.prefault({}),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.consoleFailurePatterns.length > 0 && !b.consoleCommand) {
      ctx.addIssue({
        code: 'custom',
        path: ['consoleFailurePatterns'],
        message: 'console failure patterns need consoleCommand (the console is where they are looked for)',
      });
    }
    if (b.switch && b.connection.type === 'local') {
      ctx.addIssue({
        code: 'custom',
        path: ['switch'],
        message:
          'boot switching needs connection: ssh (a local runner does not survive its own reboot; drive the board from a controller)',
      });
    }
  });
export type BoardConfig = z.infer<typeof BoardConfig>;
