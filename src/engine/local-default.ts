/**
 * What this machine can offer when `run` has no --config: the host always; docker when
 * an engine answers; a TCG guest when QEMU and a guest image are there. Each environment
 * left out comes with a one-line reason for the person running it.
 */
import { access } from 'node:fs/promises';
import { defaultLocalConfig } from '../config/default.js';
import { parseConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { environmentRegistry } from '../environments/registry.js';
import type { Transport } from '../transport/types.js';

export interface LocalDefault {
  config: Config;
  skipped: { env: string; reason: string }[];
  notes: string[];
}

/** Known places of a built byte-UnixBench tree. */
const UNIXBENCH_CANDIDATES = ['/opt/byte-unixbench/UnixBench', '/usr/local/lib/UnixBench'];

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

export async function localDefaultConfig(local: Transport): Promise<LocalDefault> {
  const skipped: LocalDefault['skipped'] = [];
  const notes: string[] = [];
  const environments: Record<string, unknown>[] = [];

  // docker: the engine must answer, and this build must have the docker environment.
  const docker = await answers(local, ['docker', 'version', '--format', '{{.Server.Version}}']);
  if (!docker.ok) {
    skipped.push({
      env: 'docker',
      reason: `no Docker engine answers (docker version: ${docker.output.split('\n').pop() || 'failed'})`,
    });
  } else if (!environmentRegistry.docker) {
    skipped.push({ env: 'docker', reason: 'the docker environment is not available in this build' });
  } else {
    environments.push({ kind: 'docker', id: 'docker' });
  }

  // kvm: a TCG guest needs QEMU and the guest image.
  const qemu = await answers(local, [
    'sh',
    '-c',
    'command -v qemu-system-aarch64 || command -v qemu-system-x86_64',
  ]);
  if (!qemu.ok)
    skipped.push({
      env: 'kvm',
      reason: 'QEMU is not installed (no qemu-system-aarch64 or qemu-system-x86_64)',
    });
  else if (!environmentRegistry.kvm)
    skipped.push({ env: 'kvm', reason: 'the kvm environment is not available in this build' });
  else
    skipped.push({
      env: 'kvm',
      reason: 'no guest image is configured for the embedded default (use --config with a kvm entry)',
    });

  let unixbenchPath: string | undefined;
  for (const p of UNIXBENCH_CANDIDATES) {
    if (
      await access(`${p}/pgms/dhry2reg`).then(
        () => true,
        () => false,
      )
    ) {
      unixbenchPath = p;
      break;
    }
  }
  if (!unixbenchPath) {
    notes.push(
      `unixbench: off (no built byte-UnixBench tree in ${UNIXBENCH_CANDIDATES.join(' or ')}; set suites.unixbench.path in a config)`,
    );
  }
  const config = parseConfig(
    defaultLocalConfig({ environments, unixbenchPath }),
    '(embedded default config)',
  );
  return { config, skipped, notes };
}
