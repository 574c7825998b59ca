/**
 * Extracting a results artifact (a zip that may come from a fork's run, so untrusted) without
 * letting it fill the disk: every entry's size is read from the zip's central directory and
 * checked BEFORE anything is written — per file, in total, and the number of files — and each
 * entry is then extracted with yauzl, which refuses names that escape the folder and stops an
 * entry whose inflated bytes exceed what the directory declared (a lying directory).
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Entry } from 'yauzl';

export interface ArtifactLimits {
  /** The zip itself (the artifact's listed size): refused before it is downloaded. */
  maxArtifactBytes: number;
  /** Any one file in it, uncompressed. */
  maxFileBytes: number;
  /** All files together, uncompressed. */
  maxTotalBytes: number;
  maxFiles: number;
}

/**
 * Far above a paper run of one board (results.json ~10^5 samples, a few MB of raw logs per
 * environment), far below what would fill a runner's disk.
 */
export const ARTIFACT_LIMITS: ArtifactLimits = {
  maxArtifactBytes: 512 * 1024 * 1024,
  maxFileBytes: 256 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxFiles: 20_000,
};

export class ArtifactRefusedError extends Error {
  override readonly name = 'ArtifactRefusedError';
}

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 3 : 0)} MiB`;

/** Refuse an artifact whose listed size is over the limit, before downloading it. */
export function checkArtifactSize(name: string, size: number, limits = ARTIFACT_LIMITS): void {
  if (size > limits.maxArtifactBytes) {
    throw new ArtifactRefusedError(
      `${name} is ${mib(size)}, over the ${mib(limits.maxArtifactBytes)} limit for a results artifact: not downloaded`,
    );
  }
}

/** Check every entry of `zipPath`, then extract them all into `dir`. Returns the files written. */
export async function extractArtifactZip(
  zipPath: string,
  dir: string,
  limits = ARTIFACT_LIMITS,
): Promise<string[]> {
  // 1. The central directory: names and sizes of every entry, nothing written yet.
  const entries: Entry[] = [];
  let total = 0;
  // Loaded on first use, like @actions/artifact: a job that downloads nothing never parses it.
  const { default: yauzl } = await import('yauzl');
  const open = () =>
    yauzl
      .openPromise(zipPath, { lazyEntries: true, strictFileNames: true, autoClose: false })
      .catch((err) => {
        throw new ArtifactRefusedError(`not a valid artifact zip: ${(err as Error).message}`);
      });
  let zip = await open();
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      if (entries.length >= limits.maxFiles)
        throw new ArtifactRefusedError(`more than ${limits.maxFiles} files: not extracted`);
      if (entry.uncompressedSize > limits.maxFileBytes) {
        throw new ArtifactRefusedError(
          `${entry.fileName} is ${mib(entry.uncompressedSize)} uncompressed, over the ${mib(limits.maxFileBytes)} limit per file: not extracted`,
        );
      }
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes) {
        throw new ArtifactRefusedError(
          `its files add up to more than ${mib(limits.maxTotalBytes)} uncompressed: not extracted`,
        );
      }
      entries.push(entry);
    }
  } catch (err) {
    if (err instanceof ArtifactRefusedError) throw err;
    throw new ArtifactRefusedError(`not a valid artifact zip: ${(err as Error).message}`);
  } finally {
    zip.close();
  }

  // 2. Extract. validateEntrySizes (yauzl's default) fails an entry that inflates past its
  // declared size, so the checks above bound what is written.
  zip = await open();
  const written: string[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      const target = join(dir, entry.fileName);
      await mkdir(dirname(target), { recursive: true });
      const stream = await zip.openReadStreamPromise(entry);
      // 'wx': an entry named twice never overwrites the first.
      await pipeline(stream, createWriteStream(target, { flags: 'wx', mode: 0o644 }));
      written.push(target);
    }
  } catch (err) {
    if (err instanceof ArtifactRefusedError) throw err;
    throw new ArtifactRefusedError(`not a valid artifact zip: ${(err as Error).message}`);
  } finally {
    zip.close();
  }
  if (written.length !== entries.length)
    throw new ArtifactRefusedError('the zip changed between its check and its extraction');
  return written;
}
