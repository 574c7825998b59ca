/**
 * Puts a deployment plan on the board, over its transport: the previous deployment's slot,
 * modules and images removed (only what this tool installed), the slot folders made, every
 * file copied (`Transport.copyTo`) and checked with sha256sum on the board, modules unpacked,
 * container images loaded or built, the after-copy commands run, and the manifest written last.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { DeployCommand, DeployConfig } from '../config/deploy.js';
import { sha256File } from '../results/store.js';
import type { Transport } from '../transport/types.js';
import { DeployError, DeployInputError } from './errors.js';
import type { DeploySource, DeployPlan, HashedSource, PlannedFile } from './plan.js';
import {
  MODULES_INSTALL_SCRIPT,
  MODULES_REMOVE_SCRIPT,
  SHA256_FILES_SCRIPT,
  SHA256_TREE_SCRIPT,
  SLOT_MARKER_FILE,
  SLOT_PREPARE_SCRIPT,
} from './scripts.js';

/** The listing SHA256_TREE_SCRIPT prints for a folder ("HASH  ./path" lines, byte-sorted). */
export async function treeListing(dir: string): Promise<{ listing: string; bytes: number }> {
  const files: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) files.push(p);
    }
  };
  await walk(dir);
  const rel = files.map((f) => `./${relative(dir, f).split(sep).join('/')}`);
  rel.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  let bytes = 0;
  const lines: string[] = [];
  for (const r of rel) {
    const h = await sha256File(join(dir, r));
    bytes += h.bytes;
    lines.push(`${h.sha256}  ${r}`);
  }
  return { listing: lines.join('\n'), bytes };
}

/** Hashes every source; a missing or unreadable one names its config key and where it was looked for. */
export async function hashSources(sources: readonly DeploySource[]): Promise<HashedSource[]> {
  const out: HashedSource[] = [];
  const problems: string[] = [];
  for (const s of sources) {
    try {
      const st = await stat(s.local);
      if (s.folder) {
        if (!st.isDirectory()) throw new Error('not a folder');
        const t = await treeListing(s.local);
        out.push({ ...s, sha256: createHash('sha256').update(t.listing).digest('hex'), bytes: t.bytes });
      } else {
        if (!st.isFile()) throw new Error('not a regular file');
        out.push({ ...s, ...(await sha256File(s.local)) });
      }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : (code ?? (err as Error).message);
      problems.push(
        `${s.key}: ${s.source}: ${why} (looked for ${s.local}; is it the build's output, uploaded to this job?)`,
      );
    }
  }
  if (problems.length > 0) throw new DeployInputError(problems.join('\n'));
  return out;
}

export interface InstallContext {
  board: () => Transport;
  plan: DeployPlan;
  config: DeployConfig;
  /** The known-good kernel's release (`uname -r` of the boot the copy runs in). */
  knownGoodRelease: string;
  /** Docker CLI per environment id (the environment's own `docker` argv and DOCKER_HOST). */
  docker: (envId: string) => { argv: readonly string[]; env?: Record<string, string> };
  /** Local log file for a ref (the run's store). */
  logFile: (ref: string) => string;
  /** A ref was written (to be registered in results.json). */
  wrote: (ref: string) => void;
  log: (line: string) => void;
  signal?: AbortSignal;
  timeoutMs: number;
}

export interface Installed {
  moduleReleases: string[];
  imageTags: Record<string, string>;
  commands: { argv: string[]; when: string; exitCode: number | null; log?: string }[];
}

/** What the previous deployment left (read from its manifest), to remove before the new one. */
interface PreviousManifest {
  moduleReleases?: string[];
  imageTags?: Record<string, string>;
  dockerByEnv?: Record<string, { argv: string[]; env?: Record<string, string> }>;
}

async function run(
  ctx: InstallContext,
  argv: string[],
  what: string,
  opts: { timeoutMs?: number; ref?: string; env?: Record<string, string>; cwd?: string } = {},
): Promise<string> {
  const logPath = opts.ref ? ctx.logFile(opts.ref) : undefined;
  if (logPath) await mkdir(join(logPath, '..'), { recursive: true });
  const r = await ctx.board().exec(argv, {
    timeoutMs: opts.timeoutMs ?? 120_000,
    ...(logPath ? { logPath } : {}),
    ...(opts.env ? { env: opts.env } : {}),
    ...(opts.cwd ? { cwd: opts.cwd } : {}),
    signal: ctx.signal,
  });
  if (opts.ref) ctx.wrote(opts.ref);
  if (r.exitCode !== 0) {
    const tail = r.output.trim().split('\n').slice(-3).join(' ').slice(-400) || '(no output)';
    throw new DeployError(
      `deploy: ${what} failed (${r.timedOut ? 'timed out' : r.cancelled ? 'cancelled' : `exit ${String(r.exitCode)}`}): ${tail}`,
      opts.ref ? { logRef: opts.ref } : {},
    );
  }
  return r.output;
}

async function readPrevious(ctx: InstallContext): Promise<PreviousManifest> {
  const r = await ctx
    .board()
    .exec(['cat', `${ctx.plan.slot.dir}/manifest.json`], { timeoutMs: 30_000, signal: ctx.signal });
  if (r.exitCode !== 0) return {};
  try {
    return JSON.parse(r.output) as PreviousManifest;
  } catch {
    return {};
  }
}

/** Copies one planned file and checks it on the board. */
async function copyAndCheck(ctx: InstallContext, f: PlannedFile): Promise<void> {
  const board = ctx.board();
  ctx.log(`copy ${f.source} → ${f.target} (${f.bytes} bytes)`);
  try {
    await board.copyTo(f.local, f.target, { timeoutMs: ctx.timeoutMs });
  } catch (err) {
    throw new DeployError(`deploy: copying ${f.source} to ${f.target} failed: ${(err as Error).message}`);
  }
  if (f.folder) {
    const out = await run(
      ctx,
      ['sh', '-c', SHA256_TREE_SCRIPT, 'avb-sha', f.target],
      `checksums of ${f.target}`,
      {
        timeoutMs: ctx.timeoutMs,
      },
    );
    const got = createHash('sha256').update(out.trim()).digest('hex');
    if (got !== f.sha256) {
      throw new DeployError(
        `deploy: ${f.target} on the board does not match ${f.source} after the copy (checksums of its files differ)`,
      );
    }
    return;
  }
  const out = await run(
    ctx,
    ['sh', '-c', SHA256_FILES_SCRIPT, 'avb-sha', f.target],
    `sha256sum ${f.target}`,
    {
      timeoutMs: ctx.timeoutMs,
    },
  );
  const got = /^([0-9a-f]{64})\s/m.exec(out)?.[1];
  if (got !== f.sha256) {
    throw new DeployError(
      `deploy: ${f.target} on the board does not match ${f.source} after the copy: sha256 ${got ?? `unknown (${out.trim().slice(0, 100)})`}, expected ${f.sha256}`,
    );
  }
}

/** Runs deploy commands of one kind (after-copy, or after-boot of `mode`). */
export async function runDeployCommands(
  ctx: Pick<InstallContext, 'board' | 'plan' | 'logFile' | 'wrote' | 'log' | 'signal'>,
  commands: readonly DeployCommand[],
  label: string,
): Promise<Installed['commands']> {
  const out: Installed['commands'] = [];
  let i = 0;
  for (const c of commands) {
    i += 1;
    const ref = `deploy/command-${label}-${i}`;
    ctx.log(`command (${label}): ${c.argv.join(' ')}`);
    const logPath = ctx.logFile(ref);
    await mkdir(join(logPath, '..'), { recursive: true });
    const r = await ctx.board().exec(c.argv, {
      timeoutMs: c.timeoutSeconds * 1000,
      logPath,
      cwd: ctx.plan.slot.dir,
      env: {
        AVB_SLOT: ctx.plan.slot.dir,
        AVB_SLOT_BOOT: ctx.plan.slot.bootDir,
        AVB_DEPLOY_ID: ctx.plan.id,
        ...(ctx.plan.commit ? { AVB_COMMIT: ctx.plan.commit } : {}),
      },
      signal: ctx.signal,
    });
    ctx.wrote(ref);
    out.push({
      argv: [...c.argv],
      when: c.when,
      ...(c.mode ? { mode: c.mode } : {}),
      exitCode: r.exitCode,
      log: ref,
    });
    if (r.exitCode !== 0) {
      throw new DeployError(
        `deploy: command ${c.argv.join(' ')} (${c.when}) failed (${r.timedOut ? 'timed out' : `exit ${String(r.exitCode)}`}): ${r.output.trim().split('\n').slice(-2).join(' ').slice(-300)}`,
        { logRef: ref },
      );
    }
  }
  return out;
}

/** The whole installation in the current (known-good) boot. */
export async function install(ctx: InstallContext): Promise<Installed> {
  const { plan } = ctx;
  // 1. What the previous deployment installed outside the slot folders goes first.
  const prev = await readPrevious(ctx);
  await run(
    ctx,
    ['sh', '-c', MODULES_REMOVE_SCRIPT, 'avb-modules', SLOT_MARKER_FILE],
    "removing earlier deployments' modules",
  );
  for (const [envId, tag] of Object.entries(prev.imageTags ?? {})) {
    const d = prev.dockerByEnv?.[envId] ?? ctx.docker(envId);
    await ctx
      .board()
      .exec([...d.argv, 'rmi', tag], {
        timeoutMs: 120_000,
        ...(d.env ? { env: d.env } : {}),
        signal: ctx.signal,
      })
      .catch(() => undefined);
  }
  // 2. The slot folders: emptied (only if they are ours) and marked.
  ctx.log(`slot ${plan.slot.bootDir} and ${plan.slot.dir}`);
  await run(
    ctx,
    ['sh', '-c', SLOT_PREPARE_SCRIPT, 'avb-slot', SLOT_MARKER_FILE, plan.slot.bootDir, plan.slot.dir],
    'preparing the under-test slot',
  );
  // 3. Every file, checked on the board.
  for (const f of plan.copies) await copyAndCheck(ctx, f);
  // 4. Modules.
  const moduleReleases: string[] = [];
  if (plan.modules) {
    const out = await run(
      ctx,
      [
        'sh',
        '-c',
        MODULES_INSTALL_SCRIPT,
        'avb-modules',
        SLOT_MARKER_FILE,
        plan.modules.target,
        `${plan.slot.dir}/modules/unpacked`,
        ctx.knownGoodRelease,
      ],
      `installing the modules archive ${plan.modules.source}`,
      { ref: 'deploy/modules', timeoutMs: ctx.timeoutMs },
    );
    for (const m of out.matchAll(/^avb-modules: installed (\S+)$/gm)) moduleReleases.push(m[1]!);
  }
  // 5. Container images, tagged for this deployment.
  const imageTags: Record<string, string> = {};
  const dockerByEnv: Record<string, { argv: string[]; env?: Record<string, string> }> = {};
  for (const [envId, files] of Object.entries(plan.environments)) {
    const tag = plan.imageTags[envId];
    if (!tag) continue;
    const d = ctx.docker(envId);
    dockerByEnv[envId] = { argv: [...d.argv], ...(d.env ? { env: d.env } : {}) };
    const opts = { timeoutMs: ctx.timeoutMs, ...(d.env ? { env: d.env } : {}) };
    if (files.image) {
      const out = await run(ctx, [...d.argv, 'load', '-i', files.image], `docker load of ${envId}'s image`, {
        ...opts,
        ref: `deploy/docker-load-${envId}`,
      });
      const ref = /Loaded image(?: ID)?: (\S+)\s*$/m.exec(out)?.[1];
      if (!ref)
        throw new DeployError(
          `deploy: docker load of ${envId}'s image named no image: ${out.trim().slice(-200)}`,
        );
      await run(ctx, [...d.argv, 'tag', ref, tag], `docker tag ${ref} ${tag}`, opts);
    } else if (files.context) {
      await run(ctx, [...d.argv, 'build', '-t', tag, files.context], `docker build of ${envId}'s context`, {
        ...opts,
        ref: `deploy/docker-build-${envId}`,
      });
    }
    imageTags[envId] = tag;
  }
  // 6. Commands after the copy, in the known-good boot.
  const commands = await runDeployCommands(
    ctx,
    ctx.config.commands.filter((c) => c.when === 'after-copy'),
    'after-copy',
  );
  // 7. The manifest, last: a slot without one is an incomplete deployment.
  const manifest = join(ctx.logFile('deploy/manifest'), '..', 'manifest.json');
  await mkdir(join(manifest, '..'), { recursive: true });
  await writeFile(
    manifest,
    `${JSON.stringify({ id: plan.id, commit: plan.commit, label: plan.label, files: plan.files.map(({ local: _l, key: _k, ...f }) => f), args: plan.args, moduleReleases, imageTags, dockerByEnv }, null, 2)}\n`,
  );
  await ctx.board().copyTo(manifest, `${plan.slot.dir}/manifest.json`, { timeoutMs: 60_000 });
  await run(ctx, ['sync'], 'sync');
  return { moduleReleases, imageTags, commands };
}
