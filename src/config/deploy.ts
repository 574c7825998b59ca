/**
 * The `deploy` section: the code under test, built by the workflow, put on the board before
 * it is measured. Files come from the controller's workspace (the build output) and go to an
 * **under-test slot** beside the board's known-good files; the board's default boot stays the
 * known-good, and a boot of the under-test slot is a trial boot that falls back by itself.
 * Every key is documented in docs/configuration.md (deploy keys) and docs/boards.md (slots).
 */
import { z } from 'zod';
import { Argv } from './board.js';
import { BootMode } from '../results/schema.js';

/**
 * A file in the controller's workspace: relative to `deploy.workspace` (default: the current
 * directory, i.e. the workflow's workspace) or absolute. Checked to exist when the run deploys.
 */
export const WorkspacePath = z
  .string()
  .min(1)
  .refine((s) => ![...s].some((ch) => ch.charCodeAt(0) < 0x20), { message: 'no control characters' });

/** An absolute path on the board, without characters a boot loader or xl config would choke on. */
const BoardDir = z
  .string()
  .regex(/^\/[A-Za-z0-9_./+-]*$/, 'an absolute path on the board (letters, digits, _ . / + - only)')
  .refine((p) => !p.split('/').some((s) => s === '..'), { message: 'no ".." segments' })
  .refine((p) => p.replace(/\/+$/, '') !== '', { message: 'not the root folder' });

/** A file or folder name inside the slot. */
const SlotName = z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.+-]{0,63}$/, 'a plain file name (no "/")');

/**
 * Extra kernel or Xen command-line arguments. They reach the boot loader through one of its
 * variables, so only the characters command lines use: no quotes, `$`, `;`, `\` or newlines.
 */
export const BootArgs = z
  .string()
  .max(1024)
  .regex(/^[A-Za-z0-9 _.,:=/+@%~-]*$/, 'letters, digits, spaces and _ . , : = / + @ % ~ - only');

const UbootVar = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'not a U-Boot variable name');
/** A file name as the known-good boot reads it (relative to the boot partition). */
const BootFileName = z
  .string()
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_./+-]{0,127}$/, 'a file name on the boot partition');
const MenuEntry = z
  .string()
  .min(1)
  .max(200)
  .refine(
    (s) => !s.startsWith('-') && ![...s].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f),
    { message: 'one line, no control characters, not starting with "-"' },
  );

/** What a Linux boot of the under-test slot gets. */
export const LinuxBootDeploy = z
  .object({
    /** The kernel image the boot loader starts (arm64 `Image`, armhf `zImage`). */
    kernel: WorkspacePath.optional(),
    /** Device tree blob. */
    dtb: WorkspacePath.optional(),
    initrd: WorkspacePath.optional(),
    /** Appended to the known-good kernel command line. */
    kernelArgs: BootArgs.optional(),
  })
  .strict();
export type LinuxBootDeploy = z.infer<typeof LinuxBootDeploy>;

/** What a Xen boot of the under-test slot gets: Xen itself and Dom0's kernel. */
export const XenBootDeploy = LinuxBootDeploy.extend({
  /** The Xen binary. */
  xen: WorkspacePath.optional(),
  /** Appended to the known-good Xen command line (e.g. `dom0_max_vcpus=2`). */
  xenArgs: BootArgs.optional(),
}).strict();
export type XenBootDeploy = z.infer<typeof XenBootDeploy>;

/**
 * Per environment (by id): the guest or container under test. Which keys apply depends on the
 * environment's kind (checked against the environments list): kvm — kernel, initrd, append,
 * disk, diskFormat, qemuArgs; xen-domu — kernel, initrd (the ramdisk), append, domainConfig;
 * docker — image (an archive from `docker save`) or context (a build folder).
 */
export const EnvironmentDeploy = z
  .object({
    kernel: WorkspacePath.optional(),
    initrd: WorkspacePath.optional(),
    /** The guest kernel's command line (kvm: `boot.append`; xen-domu: `generate.cmdline`). */
    append: z
      .string()
      .max(1024)
      .regex(/^[^"\n\r\0\\]*$/, 'no quotes, backslashes or newlines')
      .optional(),
    /** kvm: a bootable disk image. */
    disk: WorkspacePath.optional(),
    diskFormat: z.enum(['raw', 'qcow2']).optional(),
    /** kvm: extra QEMU arguments (argv items, appended to the command line). */
    qemuArgs: z.array(z.string().min(1)).optional(),
    /** xen-domu: an xl domain config file (its `name` must match the environment's). */
    domainConfig: WorkspacePath.optional(),
    /** docker: an image archive (`docker save` output, optionally gzip'd), loaded with `docker load`. */
    image: WorkspacePath.optional(),
    /** docker: a build context folder (with its Dockerfile), built on the board with `docker build`. */
    context: WorkspacePath.optional(),
  })
  .strict()
  .refine((e) => !(e.image && e.context), { message: 'give image or context, not both' })
  .refine((e) => !(e.disk && (e.kernel || e.initrd)), {
    message: 'give a disk or a kernel (+ initrd), not both',
  });
export type EnvironmentDeploy = z.infer<typeof EnvironmentDeploy>;

export const DeployCommand = z
  .object({
    argv: Argv,
    /**
     * `after-copy`: in the known-good boot, once every file is on the board and verified (e.g.
     * `depmod`); `after-boot`: in each verified under-test boot (of `mode`, or of both).
     */
    when: z.enum(['after-copy', 'after-boot']).default('after-copy'),
    mode: BootMode.optional(),
    timeoutSeconds: z.number().positive().max(86_400).default(300),
  })
  .strict();
export type DeployCommand = z.infer<typeof DeployCommand>;

/** How the boot loader is pointed at the under-test slot for one trial boot (U-Boot). */
export const UbootSlot = z
  .object({
    /** The boot script's variable for each file and argument (defaults: lab/boot.cmd's). */
    variables: z
      .object({
        kernel: UbootVar.default('linux_image'),
        initrd: UbootVar.default('initrd_image'),
        dtb: UbootVar.default('fdt_image'),
        xen: UbootVar.default('xen_image'),
        kernelArgs: UbootVar.default('linux_args'),
        xenArgs: UbootVar.default('xen_args'),
        /** Set to the deployment id; the boot script appends `avb.slot=<value>` to the kernel command line. */
        marker: UbootVar.default('avb_slot'),
      })
      .strict()
      .prefault({}),
    /**
     * The known-good value of each file variable: written back after the trial boot and by the
     * fallback (`altbootcmd`). A role without a value here is unset instead (the boot script
     * then uses its own default or, for dtb, the firmware's device tree).
     */
    knownGood: z
      .object({
        kernel: BootFileName.default('Image'),
        initrd: BootFileName.default('initrd.img'),
        dtb: BootFileName.optional(),
        xen: BootFileName.default('xen'),
      })
      .strict()
      .prefault({}),
  })
  .strict();
export type UbootSlot = z.infer<typeof UbootSlot>;

export const DeploySlot = z
  .object({
    /** Where the boot partition is mounted on the board (Linux path). */
    bootDir: BoardDir.default('/boot/firmware'),
    /** The under-test folder inside bootDir; the boot loader reads `<name>/<file>` from its partition. */
    name: SlotName.default('avb-under-test'),
    /** Folder on the board for everything else under test (guests, images, files) and the manifest. */
    dir: BoardDir.default('/var/lib/arm-virt-bench/under-test'),
    uboot: UbootSlot.prefault({}),
    /** grub-reboot boards: the menu entry that boots the under-test slot, per mode. */
    grubEntries: z.object({ linux: MenuEntry.optional(), xen: MenuEntry.optional() }).strict().optional(),
    /** grub-reboot boards: how the slot's id and arguments reach the entries (grubenv variables). */
    grubEnvCommand: Argv.default(['grub-editenv', '-', 'set']),
    /** command boards: your argv per mode that makes the next boot (only) the under-test slot. */
    commands: z.object({ linux: Argv.optional(), xen: Argv.optional() }).strict().optional(),
  })
  .strict();
export type DeploySlot = z.infer<typeof DeploySlot>;

export const DeployConfig = z
  .object({
    /** The commit the files were built from (default: the run's commit, e.g. the PR's head). */
    commit: z
      .string()
      .regex(/^[0-9a-fA-F]{7,64}$/, 'a commit id (hex)')
      .optional(),
    /** A name for the change in reports, e.g. `PR #42` or `main` (default: none). */
    label: z
      .string()
      .max(100)
      .regex(/^[^\n\r`<>]*$/, 'one line, no backticks or angle brackets')
      .optional(),
    /** Folder the workspace paths are relative to (default: the current directory). */
    workspace: z.string().min(1).optional(),
    slot: DeploySlot.prefault({}),
    /** The Linux boot (host, docker, kvm) from the under-test slot. */
    linux: LinuxBootDeploy.optional(),
    /** The Xen boot (xen-dom0, xen-domu) from the under-test slot. */
    xen: XenBootDeploy.optional(),
    /**
     * A modules archive (tar, optionally compressed) holding `lib/modules/<release>/…` or
     * `<release>/…`: unpacked to /lib/modules/<release> on the board. Refused when <release> is
     * the known-good kernel's own release.
     */
    modules: WorkspacePath.optional(),
    environments: z.record(z.string(), EnvironmentDeploy).default({}),
    /** Other files your commands need: copied to `<slot.dir>/files/<name>`. */
    files: z.array(z.object({ from: WorkspacePath, name: SlotName }).strict()).default([]),
    /** Commands on the board (argv, never a shell string); cwd is the slot folder, $AVB_SLOT names it. */
    commands: z.array(DeployCommand).default([]),
    /** One file's copy (and checksum) over the board connection. */
    copyTimeoutSeconds: z.number().positive().max(86_400).default(900),
  })
  .strict()
  .superRefine((d, ctx) => {
    const names = new Set<string>();
    d.files.forEach((f, i) => {
      if (names.has(f.name))
        ctx.addIssue({
          code: 'custom',
          path: ['files', i, 'name'],
          message: `duplicate file name '${f.name}'`,
        });
      names.add(f.name);
    });
    const bootDir = d.slot.bootDir.replace(/\/+$/, '');
    if (d.slot.dir.replace(/\/+$/, '') === bootDir) {
      ctx.addIssue({
        code: 'custom',
        path: ['slot', 'dir'],
        message: 'the slot folder must not be the boot partition itself (it is emptied at each deploy)',
      });
    }
  });
export type DeployConfig = z.infer<typeof DeployConfig>;

/** Does the deployment change what boots in `mode` (so that mode needs a trial boot)? */
export function touchesBoot(d: DeployConfig, mode: BootMode): boolean {
  const b = mode === 'linux' ? d.linux : d.xen;
  if (!b) return false;
  return Object.values(b).some((v) => v !== undefined && v !== '');
}

/** Which per-environment deploy keys each kind takes. */
export const ENVIRONMENT_DEPLOY_KEYS: Record<string, readonly (keyof EnvironmentDeploy)[]> = {
  kvm: ['kernel', 'initrd', 'append', 'disk', 'diskFormat', 'qemuArgs'],
  'xen-domu': ['kernel', 'initrd', 'append', 'domainConfig'],
  docker: ['image', 'context'],
  host: [],
  'xen-dom0': [],
};

interface CheckedConfig {
  deploy?: DeployConfig;
  board: {
    connection: { type: string };
    switch?: { type: string; oneShot?: unknown };
  };
  environments: readonly { id: string; kind: string }[];
}

/**
 * Checks of the deploy section against the rest of the config: environments exist and take
 * the keys given; a boot from the under-test slot needs a board connection over SSH and a
 * boot-switch strategy that can make it a trial boot.
 */
export function deployIssues(c: CheckedConfig): { path: (string | number)[]; message: string }[] {
  const d = c.deploy;
  if (!d) return [];
  const out: { path: (string | number)[]; message: string }[] = [];
  const kinds = new Map(c.environments.map((e) => [e.id, e.kind]));
  for (const [id, e] of Object.entries(d.environments)) {
    const kind = kinds.get(id);
    if (kind === undefined) {
      out.push({
        path: ['deploy', 'environments', id],
        message: `no environment with id '${id}' (configured: ${[...kinds.keys()].join(', ')})`,
      });
      continue;
    }
    const allowed = ENVIRONMENT_DEPLOY_KEYS[kind] ?? [];
    for (const key of Object.keys(e)) {
      if (!(allowed as readonly string[]).includes(key)) {
        out.push({
          path: ['deploy', 'environments', id, key],
          message: `a ${kind} environment takes ${allowed.length ? allowed.join(', ') : 'nothing here (its files come from the boot: deploy.linux / deploy.xen)'}`,
        });
      }
    }
  }
  const modes = (['linux', 'xen'] as const).filter((m) => touchesBoot(d, m));
  if (modes.length === 0) return out;
  const where = ['deploy', modes[0]!];
  if (c.board.connection.type !== 'ssh') {
    out.push({
      path: where,
      message:
        'booting an under-test kernel or Xen needs board.connection type ssh: the controller must survive the reboot',
    });
  }
  const sw = c.board.switch;
  if (!sw) {
    out.push({
      path: where,
      message: 'booting an under-test kernel or Xen needs board.switch (how the next boot is chosen)',
    });
    return out;
  }
  if (sw.type === 'uboot-env' && !sw.oneShot) {
    out.push({
      path: ['board', 'switch', 'oneShot'],
      message:
        "an under-test boot must be a trial boot: set board.switch.oneShot (U-Boot's bootcount/altbootcmd convention, which the boot script implements)",
    });
  }
  if (sw.type === 'extlinux') {
    out.push({
      path: ['board', 'switch', 'type'],
      message:
        'extlinux has no one-shot boot, so an under-test kernel that does not boot would stay the default: use uboot-env (U-Boot bootcount, see docs/boards.md) or grub-reboot',
    });
  }
  for (const m of modes) {
    if (sw.type === 'grub-reboot' && !d.slot.grubEntries?.[m]) {
      out.push({
        path: ['deploy', 'slot', 'grubEntries', m],
        message: `the GRUB entry that boots the under-test slot in ${m} mode is needed (grub-reboot boards)`,
      });
    }
    if (sw.type === 'command' && !d.slot.commands?.[m]) {
      out.push({
        path: ['deploy', 'slot', 'commands', m],
        message: `your command that makes the next boot the under-test ${m} boot is needed (command boards)`,
      });
    }
  }
  return out;
}
