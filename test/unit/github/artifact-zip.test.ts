/**
 * Extraction of untrusted results artifacts: sizes checked from the central directory before
 * anything is written; names that escape the folder and directories that lie are refused.
 * Zips are made by the GitHub stand-in's writer (test/helpers/github-server.ts), stored or
 * deflated as @actions/artifact uploads them.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeZip } from '../../helpers/github-server.js';
import {
  ARTIFACT_LIMITS,
  ArtifactRefusedError,
  checkArtifactSize,
  extractArtifactZip,
} from '../../../src/github/artifact-zip.js';

function zipFile(bytes: Buffer): { zip: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'avb-zip-'));
  const zip = join(dir, 'a.zip');
  writeFileSync(zip, bytes);
  return { zip, out: join(dir, 'out') };
}
const small = { ...ARTIFACT_LIMITS, maxFileBytes: 1000, maxTotalBytes: 1500, maxFiles: 3 };

describe('results artifact extraction', () => {
  it('extracts every file of a good artifact, stored or deflated, in sub-folders', async () => {
    for (const deflate of [false, true]) {
      const { zip, out } = zipFile(
        makeZip({ 'results.json': '{"a":1}', 'logs/host/hackbench-1.log': 'x'.repeat(900) }, { deflate }),
      );
      const files = await extractArtifactZip(zip, out, small);
      expect(files.map((f) => f.slice(out.length + 1)).sort()).toEqual([
        'logs/host/hackbench-1.log',
        'results.json',
      ]);
      expect(readFileSync(join(out, 'logs/host/hackbench-1.log'), 'utf8')).toBe('x'.repeat(900));
    }
  });

  it('refuses, before writing anything, a file over the per-file limit (a deflated bomb)', async () => {
    const { zip, out } = zipFile(
      makeZip({ 'results.json': '{}', 'logs/big.log': Buffer.alloc(5000) }, { deflate: true }),
    );
    await expect(extractArtifactZip(zip, out, small)).rejects.toThrow(
      /logs\/big\.log is 0\.005 MiB uncompressed, over the 0\.001 MiB limit per file: not extracted/,
    );
    expect(() => readdirSync(out)).toThrow(/ENOENT/);
  });

  it('refuses files that add up to more than the total, and too many files', async () => {
    const many = makeZip({ a: 'x'.repeat(800), b: 'x'.repeat(800) });
    const t = zipFile(many);
    await expect(extractArtifactZip(t.zip, t.out, small)).rejects.toThrow(/add up to more than/);
    const count = zipFile(makeZip({ a: '1', b: '2', c: '3', d: '4' }));
    await expect(extractArtifactZip(count.zip, count.out, small)).rejects.toThrow(/more than 3 files/);
  });

  it('a directory that declares less than the entry holds stops that entry', async () => {
    const { zip, out } = zipFile(
      makeZip({ 'results.json': 'y'.repeat(900) }, { deflate: true, declaredSizes: { 'results.json': 10 } }),
    );
    await expect(extractArtifactZip(zip, out, small)).rejects.toThrow(ArtifactRefusedError);
  });

  it('names that escape the folder are refused', async () => {
    for (const name of ['../evil.json', '/etc/evil.json']) {
      const { zip, out } = zipFile(makeZip({ [name]: '{}' }));
      await expect(extractArtifactZip(zip, out, small)).rejects.toThrow(/not a valid artifact zip/);
    }
  });

  it('garbage is not a zip', async () => {
    const { zip, out } = zipFile(Buffer.from('not a zip at all'));
    await expect(extractArtifactZip(zip, out, small)).rejects.toThrow(/not a valid artifact zip/);
  });

  it('the listed size is checked before download', () => {
    expect(() => checkArtifactSize('arm-virt-bench-x', ARTIFACT_LIMITS.maxArtifactBytes + 1)).toThrow(
      /arm-virt-bench-x is 512 MiB, over the 512 MiB limit for a results artifact: not downloaded/,
    );
    expect(() => checkArtifactSize('arm-virt-bench-x', 1000)).not.toThrow();
  });
});
