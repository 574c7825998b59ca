/**
 * Builds (or finds in the cache) the project's test guest with guest/build.sh, on the
 * controller. The script caches by content hash under ${AVB_CACHE}/guest/<hash>/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { minimalEnv, runProcess } from '../../transport/process.js';

export const GuestManifest = z.object({
  key: z.string(),
  arch: z.string(),
  kernelPackage: z.string(),
  kernelPackageVersion: z.string(),
  kernelRelease: z.string(),
  clientKey: z.string(),
  modules: z.array(z.string()),
  tools: z.array(z.string()),
  /** The built byte-UnixBench tree in the guest (same path as on the build host), or "". */
  unixbench: z.string().optional(),
});
export type GuestManifest = z.infer<typeof GuestManifest>;

export interface GuestImage {
  dir: string;
  kernel: string;
  initrd: string;
  /** `ssh-ed25519 AAAA...` of the guest's sshd. */
  hostKey: string;
  /** The client key baked in (when the build generated it). */
  identityFile?: string;
  manifest: GuestManifest;
}

/** guest/build.sh, found upwards from this module (src/... or dist/...). */
export function guestBuildScript(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'guest', 'build.sh');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error('guest/build.sh not found next to the arm-virt-bench installation');
}

export interface BuildGuestOptions {
  flavour?: string;
  authorizedKey?: string;
  tools?: string[];
  /** A built byte-UnixBench tree to put into the guest at the same path (with Perl). */
  unixbench?: string;
  /** Cache root (default ${AVB_CACHE:-/var/cache/arm-virt-bench}). */
  cache?: string;
  timeoutMs?: number;
  logPath?: string;
  signal?: AbortSignal;
}

export async function buildGuestImage(options: BuildGuestOptions = {}): Promise<GuestImage> {
  const argv = ['bash', guestBuildScript()];
  if (options.flavour) argv.push('--flavour', options.flavour);
  if (options.authorizedKey) argv.push('--authorized-key', options.authorizedKey);
  for (const t of options.tools ?? []) argv.push('--tool', t);
  if (options.unixbench) argv.push('--unixbench', options.unixbench);
  if (options.cache) argv.push('--cache', options.cache);
  const env: Record<string, string> = {};
  if (process.env.AVB_CACHE) env.AVB_CACHE = process.env.AVB_CACHE;
  const r = await runProcess(argv, {
    timeoutMs: options.timeoutMs ?? 600_000,
    env: minimalEnv(env),
    logPath: options.logPath,
    signal: options.signal,
  });
  const lines = r.output.trim().split('\n');
  // The script's last stdout line is the image folder (stderr lines are interleaved).
  const dir =
    [...lines]
      .reverse()
      .find((l) => l.startsWith('/'))
      ?.trim() ?? '';
  if (r.exitCode !== 0 || dir === '') {
    throw new Error(
      `guest build failed (exit ${r.exitCode}${r.timedOut ? ', timed out' : ''}): ${lines.slice(-5).join(' | ')}`,
    );
  }
  const manifest = GuestManifest.parse(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  return {
    dir,
    kernel: join(dir, 'vmlinuz'),
    initrd: join(dir, 'initrd.cpio.gz'),
    hostKey: readFileSync(join(dir, 'host_key.pub'), 'utf8').trim(),
    ...(manifest.clientKey ? { identityFile: join(dir, manifest.clientKey) } : {}),
    manifest,
  };
}
