/**
 * The deployment plan (pure): which workspace file goes where in the under-test slot, under
 * which name the boot loader reads it, and the deployment's id — a digest of everything under
 * test (files' sha256, arguments, commands, commit), which the under-test boot carries on its
 * kernel command line as its slot marker.
 *
 * Slot layout on the board (docs/boards.md):
 *   <slot.bootDir>/<slot.name>/<mode>-<role>   kernel, dtb, initrd, xen of a boot mode (the boot
 *                                              loader reads `<slot.name>/<mode>-<role>`)
 *   <slot.dir>/env/<id>/<role>                 guest kernels, disks, domain configs, images
 *   <slot.dir>/modules/archive                 the modules archive (unpacked to /lib/modules)
 *   <slot.dir>/files/<name>                    other files for the commands
 *   <slot.dir>/manifest.json                   this plan, written last
 */
import { createHash } from 'node:crypto';
import { isAbsolute, join } from 'node:path';
import type { DeployConfig } from '../config/deploy.js';
import type { BootMode, DeployedFile } from '../results/schema.js';

export const BOOT_ROLES = ['kernel', 'dtb', 'initrd', 'xen'] as const;
export type BootRole = (typeof BOOT_ROLES)[number];

/** One source file named by the config, before it is hashed. */
export interface DeploySource {
  role: string;
  scope: string;
  /** The config's path (for messages and provenance). */
  source: string;
  /** Absolute path on the controller. */
  local: string;
  /** The config key that names it, e.g. `deploy.linux.kernel`. */
  key: string;
  /** A folder (docker build context) rather than a file. */
  folder?: boolean;
  /** `files` entries: the name in the slot. */
  name?: string;
}

export interface HashedSource extends DeploySource {
  sha256: string;
  bytes: number;
}

export interface PlannedFile extends DeployedFile {
  local: string;
  key: string;
  folder?: boolean;
  /** Boot files: the name the boot loader reads (relative to the boot partition). */
  bootName?: string;
}

export interface BootSlotPlan {
  /** Boot-loader names of the under-test files of this mode, by role. */
  files: Partial<Record<BootRole, string>>;
  kernelArgs?: string;
  xenArgs?: string;
}

export interface DeployPlan {
  id: string;
  commit?: string;
  label?: string;
  slot: { bootDir: string; bootName: string; dir: string };
  /** Every file, as recorded in results.json (boot files that are byte-identical share one copy). */
  files: PlannedFile[];
  /** The copies to make (unique targets). */
  copies: PlannedFile[];
  /** Per boot mode that runs from the under-test slot. */
  boots: Partial<Record<BootMode, BootSlotPlan>>;
  modules?: PlannedFile;
  /** Per environment id: the board paths of its files by role. */
  environments: Record<string, Record<string, string>>;
  /** Per docker environment id: the tag its deployed image (or build) gets on the board. */
  imageTags: Record<string, string>;
  args: Record<string, string>;
}

/** The sources the config names, resolved against the workspace (pure). */
export function deploySources(d: DeployConfig, workspace: string): DeploySource[] {
  const base = d.workspace
    ? isAbsolute(d.workspace)
      ? d.workspace
      : join(workspace, d.workspace)
    : workspace;
  const at = (p: string): string => (isAbsolute(p) ? p : join(base, p));
  const out: DeploySource[] = [];
  for (const mode of ['linux', 'xen'] as const) {
    const b = d[mode];
    if (!b) continue;
    for (const role of BOOT_ROLES) {
      const p = (b as Partial<Record<BootRole, string>>)[role];
      if (p) out.push({ role, scope: mode, source: p, local: at(p), key: `deploy.${mode}.${role}` });
    }
  }
  if (d.modules)
    out.push({
      role: 'modules',
      scope: 'modules',
      source: d.modules,
      local: at(d.modules),
      key: 'deploy.modules',
    });
  for (const [id, e] of Object.entries(d.environments)) {
    const add = (role: string, p: string | undefined, key: string, folder = false): void => {
      if (p)
        out.push({
          role,
          scope: `env:${id}`,
          source: p,
          local: at(p),
          key: `deploy.environments.${id}.${key}`,
          ...(folder ? { folder } : {}),
        });
    };
    add('kernel', e.kernel, 'kernel');
    add('initrd', e.initrd, 'initrd');
    add('disk', e.disk, 'disk');
    add('domain-config', e.domainConfig, 'domainConfig');
    add('image', e.image, 'image');
    add('context', e.context, 'context', true);
  }
  d.files.forEach((f, i) =>
    out.push({
      role: 'file',
      scope: 'files',
      source: f.from,
      local: at(f.from),
      key: `deploy.files.${i}.from`,
      name: f.name,
    }),
  );
  return out;
}

/** The deployment's id: a digest of everything under test. */
export function deploymentId(parts: {
  files: readonly { scope: string; role: string; sha256: string; target: string }[];
  args: Record<string, string>;
  commands: readonly { argv: readonly string[]; when: string; mode?: string }[];
  environments: DeployConfig['environments'];
  commit?: string;
}): string {
  const canonical = JSON.stringify({
    files: [...parts.files].map((f) => [f.scope, f.role, f.sha256, f.target]).sort(),
    args: Object.entries(parts.args).sort(),
    commands: parts.commands.map((c) => [c.when, c.mode ?? '', ...c.argv]),
    // qemuArgs / append / formats change what is measured too.
    environments: Object.entries(parts.environments)
      .map(([id, e]) => [id, e.append ?? '', e.diskFormat ?? '', ...(e.qemuArgs ?? [])])
      .sort(),
    commit: parts.commit ?? '',
  });
  return createHash('sha256').update(canonical).digest('hex').slice(0, 12);
}

const trim = (p: string): string => p.replace(/\/+$/, '');

export function planDeployment(
  d: DeployConfig,
  sources: readonly HashedSource[],
  info: { commit?: string; label?: string } = {},
): DeployPlan {
  const bootDir = `${trim(d.slot.bootDir)}/${d.slot.name}`;
  const dir = trim(d.slot.dir);
  const files: PlannedFile[] = [];
  const copies: PlannedFile[] = [];
  const byHash = new Map<string, PlannedFile>();
  const boots: Partial<Record<BootMode, BootSlotPlan>> = {};
  const environments: Record<string, Record<string, string>> = {};
  let modules: PlannedFile | undefined;

  for (const s of sources) {
    const base = {
      role: s.role,
      scope: s.scope,
      source: s.source,
      sha256: s.sha256,
      bytes: s.bytes,
      local: s.local,
      key: s.key,
      ...(s.folder ? { folder: true } : {}),
    };
    if (s.scope === 'linux' || s.scope === 'xen') {
      const name = `${s.scope}-${s.role}`;
      // The same bytes for two roles (Linux's kernel is Dom0's): one copy on the boot partition.
      const same = byHash.get(s.sha256);
      const f: PlannedFile = same
        ? { ...base, target: same.target, bootName: same.bootName! }
        : { ...base, target: `${bootDir}/${name}`, bootName: `${d.slot.name}/${name}` };
      if (!same) {
        byHash.set(s.sha256, f);
        copies.push(f);
      }
      files.push(f);
      const b = (boots[s.scope] ??= { files: {} });
      b.files[s.role as BootRole] = f.bootName;
      continue;
    }
    let target: string;
    if (s.scope === 'modules') target = `${dir}/modules/archive`;
    else if (s.scope === 'files') target = `${dir}/files/${s.name ?? s.role}`;
    else target = `${dir}/env/${s.scope.slice('env:'.length)}/${s.role}`;
    const f: PlannedFile = { ...base, target };
    files.push(f);
    copies.push(f);
    if (s.scope === 'modules') modules = f;
    if (s.scope.startsWith('env:')) (environments[s.scope.slice(4)] ??= {})[s.role] = target;
  }

  const args: Record<string, string> = {};
  for (const mode of ['linux', 'xen'] as const) {
    const b = d[mode];
    if (!b) continue;
    if (b.kernelArgs) {
      args[`${mode}.kernelArgs`] = b.kernelArgs;
      (boots[mode] ??= { files: {} }).kernelArgs = b.kernelArgs;
    }
    if (mode === 'xen' && d.xen?.xenArgs) {
      args['xen.xenArgs'] = d.xen.xenArgs;
      (boots.xen ??= { files: {} }).xenArgs = d.xen.xenArgs;
    }
  }
  for (const [id, e] of Object.entries(d.environments)) {
    if (e.append) args[`env:${id}.append`] = e.append;
    if (e.qemuArgs) args[`env:${id}.qemuArgs`] = e.qemuArgs.join(' ');
  }
  const id = deploymentId({
    files,
    args,
    commands: d.commands,
    environments: d.environments,
    commit: info.commit,
  });
  const imageTags: Record<string, string> = {};
  for (const [envId, roles] of Object.entries(environments)) {
    if (roles.image || roles.context) imageTags[envId] = underTestImageTag(envId, id);
  }
  return {
    id,
    ...(info.commit ? { commit: info.commit } : {}),
    ...(info.label ? { label: info.label } : {}),
    slot: { bootDir, bootName: d.slot.name, dir },
    files,
    copies,
    boots,
    ...(modules ? { modules } : {}),
    environments,
    imageTags,
    args,
  };
}

/** The docker image tag a deployed image or build context gets on the board. */
export function underTestImageTag(envId: string, id: string): string {
  return `arm-virt-bench/under-test-${envId}:${id}`;
}

/** A short name for the commit under test: `PR #42@abc1234`, `abc1234`, or `unknown commit`. */
export function changeName(p: { commit?: string; label?: string }): string {
  const c = p.commit ? p.commit.slice(0, 7) : undefined;
  if (p.label && c) return `${p.label}@${c}`;
  return p.label ?? c ?? 'unknown commit';
}
