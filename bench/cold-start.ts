/**
 * Cold start of the bundled action: time from spawning Node 24 on dist/index.js (or
 * $AVB_DIST_DIR/index.js) to its first log line, as the runner would start it; and the bundle
 * size. Goal: ≤ 300 ms to the first line.
 *
 *   .avb-tmp/node24 bench/cold-start.ts [runs]      # prints median/p90 and the size
 *   npx vitest bench --run bench/cold-start.bench.ts
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';

export const ROOT = resolve(import.meta.dirname, '..');
export const NODE24 = join(ROOT, '.avb-tmp/node24');

export function bundlePath(): string {
  return join(process.env.AVB_DIST_DIR ? resolve(process.env.AVB_DIST_DIR) : join(ROOT, 'dist'), 'index.js');
}

/** Milliseconds from spawn to the first complete line on stdout. */
export function timeToFirstLine(entry = bundlePath()): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const start = process.hrtime.bigint();
    // A runner-like but empty context: the action logs its first line, then stops (no GITHUB_*).
    const child = spawn(NODE24, [entry], {
      env: { PATH: '/usr/bin:/bin' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let done = false;
    child.stdout.on('data', (d: Buffer) => {
      if (!done && d.includes(10)) {
        done = true;
        resolvePromise(Number(process.hrtime.bigint() - start) / 1e6);
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', () => {
      if (!done) reject(new Error(`${entry} printed no line`));
    });
  });
}

/** Size of the whole bundle folder (entries + chunks), as committed in dist/. */
export function bundleSize(entry = bundlePath()): { bytes: number; gzipBytes: number } {
  const dir = dirname(entry);
  let bytes = 0;
  let gzipBytes = 0;
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const file = join(dir, name);
    if (!statSync(file).isFile() || !file.endsWith('.js')) continue;
    bytes += statSync(file).size;
    gzipBytes += gzipSync(readFileSync(file)).length;
  }
  return { bytes, gzipBytes };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const runs = Number(process.argv[2] ?? 15);
  const times: number[] = [];
  await timeToFirstLine(); // warm the page cache, as a runner's second step would be
  for (let i = 0; i < runs; i++) times.push(await timeToFirstLine());
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  const { bytes, gzipBytes } = bundleSize();
  console.log(
    `${bundlePath()}: first log line median ${q(0.5).toFixed(0)} ms, p90 ${q(0.9).toFixed(0)} ms, min ${times[0]!.toFixed(0)} ms (${runs} runs)`,
  );
  console.log(
    `bundle (entries + chunks) ${(bytes / 1048576).toFixed(2)} MiB, gzip ${(gzipBytes / 1048576).toFixed(2)} MiB`,
  );
}
