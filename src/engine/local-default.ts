/**
 * What this machine can offer when `run` has no --config: the host always; docker when
 * an engine answers; a TCG guest when QEMU and a guest image are there. Each environment
 * left out comes with a one-line reason for the person running it.
 */
import { access } from 'node:fs/promises';
import { buildGuestImage, type GuestImage } from '../environments/guest/build.js';
import { defaultLocalConfig } from '../config/default.js';
import { parseConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { environmentRegistry } from '../environments/registry.js';
import type { Transport } from '../transport/types.js';
import { DEFAULT_CACHE, UNIXBENCH_COMMIT, defaultTreePath } from '../suites/unixbench/source.js';

export interface LocalDefault {
  config: Config;
  skipped: { env: string; reason: string }[];
  notes: string[];
}

/**
 * Known places of a built byte-UnixBench tree: where scripts/setup.sh builds the pinned
 * commit (under $AVB_CACHE), then where people often keep one.
 */
export function unixbenchCandidates(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string[] {
  return [
    defaultTreePath(UNIXBENCH_COMMIT, env.AVB_CACHE ?? DEFAULT_CACHE),
    '/opt/byte-unixbench/UnixBench',
    '/usr/local/lib/UnixBench',
  ];
}

async function builtTreeAt(p: string): Promise<boolean> {
  const ok = (f: string) =>
    access(f).then(
      () => true,
      () => false,
    );
  return (await ok(`${p}/pgms/dhry2reg`)) && (await ok(`${p}/Run`)) && (await ok(`${p}/tmp`));
}

async function answers(
  t: Transport,
  argv: string[],
  timeoutMs = 15_000,
): Promise<{ ok: boolean; output: string }> {
  try {
    const r = await t.exec(argv, { timeoutMs });
    return { ok: r.exitCode === 0, output: r.output.trim() };
  } catch (err) {
    return { ok: false, output: (err as Error).message };
  }
}

export interface LocalDefaultOptions {
  /**
   * Finds or builds the TCG guest (default: guest/build.sh, cached by content hash), with
   * the built UnixBench tree in it when there is one.
   */
  guestImage?: (unixbench: string | undefined) => Promise<GuestImage>;
  /** Only these environment ids are wanted (`--env`): the others are not probed at all. */
  only?: readonly string[];
}

export async function localDefaultConfig(
  local: Transport,
  options: LocalDefaultOptions = {},
): Promise<LocalDefault> {
  const skipped: LocalDefault['skipped'] = [];
  const notes: string[] = [];
  const environments: Record<string, unknown>[] = [];

  const wanted = (id: string): boolean => !options.only || options.only.includes(id);
  // docker: the engine must answer, and this build must have the docker environment.
  const docker = !wanted('docker')
    ? undefined
    : await answers(local, ['docker', 'version', '--format', '{{.Server.Version}}']);
  if (!docker) {
    // not asked for
  } else if (!docker.ok) {
    skipped.push({
      env: 'docker',
      reason: `no Docker engine answers (docker version: ${docker.output.split('\n').pop() || 'failed'})`,
    });
  } else if (!environmentRegistry.docker) {
    skipped.push({ env: 'docker', reason: 'the docker environment is not available in this build' });
  } else {
    environments.push({ kind: 'docker', id: 'docker' });
  }

  let unixbenchPath: string | undefined;
  const candidates = unixbenchCandidates();
  for (const p of candidates) {
    if (await builtTreeAt(p)) {
      unixbenchPath = p;
      break;
    }
  }
  if (!unixbenchPath) {
    notes.push(
      `unixbench: off (no built byte-UnixBench tree in ${candidates.join(' or ')}: run scripts/setup.sh with AVB_UNIXBENCH_SOURCE or AVB_UNIXBENCH_GIT set, or set suites.unixbench.path in a config)`,
    );
  }

  // kvm: a TCG guest (no usable KVM assumed) needs QEMU for this machine's arch and the guest image.
  const arch = process.arch === 'arm64' ? 'aarch64' : process.arch === 'x64' ? 'x86_64' : undefined;
  const qemu = arch
    ? await answers(local, ['sh', '-c', 'command -v "$1"', 'sh', `qemu-system-${arch}`])
    : { ok: false };
  if (!wanted('kvm')) {
    // not asked for
  } else if (!arch) skipped.push({ env: 'kvm', reason: `no guest image for ${process.arch} machines` });
  else if (!qemu.ok) skipped.push({ env: 'kvm', reason: `QEMU is not installed (no qemu-system-${arch})` });
  else if (!environmentRegistry.kvm)
    skipped.push({ env: 'kvm', reason: 'the kvm environment is not available in this build' });
  else {
    try {
      const build = (ub: string | undefined) =>
        buildGuestImage({ timeoutMs: 300_000, ...(ub ? { unixbench: ub } : {}) });
      const image = await (options.guestImage ?? build)(unixbenchPath);
      if (unixbenchPath && image.manifest.unixbench !== unixbenchPath) {
        notes.push(`kvm: the guest image has no UnixBench tree at ${unixbenchPath}: UnixBench fails there`);
      }
      if (!image.identityFile) throw new Error('the guest image has no client key');
      environments.push({
        kind: 'kvm',
        id: 'kvm',
        arch,
        accel: 'tcg',
        boot: { kernel: image.kernel, initrd: image.initrd },
        // network and dataDisk: the defaults, the paper's paths — a TAP on a bridge made for
        // the run (avbbr0, removed afterwards) and a virtio-blk scratch disk formatted in the guest.
        ssh: { identityFile: image.identityFile, hostKey: image.hostKey },
      });
      notes.push(
        `kvm: a TCG guest (emulated, slow: only overhead ratios against this machine mean anything) from ${image.dir}, on a bridge + TAP with a virtio-blk scratch disk`,
      );
    } catch (err) {
      skipped.push({ env: 'kvm', reason: `the guest image is not available: ${(err as Error).message}` });
    }
  }

  const config = parseConfig(
    defaultLocalConfig({ environments, unixbenchPath }),
    '(embedded default config)',
  );
  return { config, skipped, notes };
}
