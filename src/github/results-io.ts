/**
 * Reading results.json files that came from artifacts. An artifact from a fork's run is
 * untrusted input: it is size-capped and must pass the zod result model, nothing else is read.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Results } from '../results/schema.js';

export const RESULTS_FILE = 'results.json';
/** Far above a paper run (~10^5 samples); stops a hostile artifact from exhausting memory. */
export const MAX_RESULTS_BYTES = 256 * 1024 * 1024;

export class ResultsFileError extends Error {
  override readonly name = 'ResultsFileError';
}

export async function readResultsFile(path: string): Promise<Results> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new ResultsFileError(`${path}: no such file`);
  }
  if (size > MAX_RESULTS_BYTES)
    throw new ResultsFileError(`${path}: ${size} bytes, over the ${MAX_RESULTS_BYTES} limit`);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new ResultsFileError(`${path}: not JSON (${(err as Error).message})`);
  }
  const parsed = Results.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ResultsFileError(`${path}: not an arm-virt-bench results file (${first.join('; ')})`);
  }
  return parsed.data;
}

/** results.json in a folder (an extracted artifact) or the file itself. */
export async function readResultsIn(pathOrDir: string): Promise<Results> {
  const s = await stat(pathOrDir).catch(() => undefined);
  return readResultsFile(s?.isDirectory() ? join(pathOrDir, RESULTS_FILE) : pathOrDir);
}
