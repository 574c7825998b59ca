/**
 * results.json on disk: written whole after every cell, atomically (temp file + rename),
 * so a crash or a kill loses at most the cell in flight and a reader never sees half a
 * file. Raw logs live under OUT/logs/ and are registered with their sha256 and size.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import {
  Results,
  type Environment,
  type Failure,
  type LogRef,
  type Results as ResultsT,
  type Sample,
} from './schema.js';

export const RESULTS_FILE = 'results.json';
export const LOGS_DIR = 'logs';

/** A log ref is a relative path of safe segments: `env/suite/cell.r0`. */
const SAFE_REF = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;

export function logFileFor(outDir: string, ref: string): string {
  if (!SAFE_REF.test(ref) || ref.split('/').some((s) => s === '..' || s === '.')) {
    throw new Error(`unsafe log ref '${ref}'`);
  }
  return join(outDir, LOGS_DIR, `${ref}.log`);
}

export async function sha256File(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

export class ResultsStore {
  readonly file: string;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    readonly outDir: string,
    private readonly data: ResultsT,
  ) {
    this.file = join(outDir, RESULTS_FILE);
  }

  get results(): ResultsT {
    return this.data;
  }

  logFile(ref: string): string {
    return logFileFor(this.outDir, ref);
  }

  setEnvironment(env: Environment): void {
    const i = this.data.environments.findIndex((e) => e.id === env.id);
    if (i >= 0) this.data.environments[i] = env;
    else this.data.environments.push(env);
  }

  addSample(sample: Sample): void {
    this.data.samples.push(sample);
  }

  addFailure(failure: Failure): void {
    this.data.failures.push(failure);
  }

  /**
   * Hashes a finished raw log and lists it. A missing file (a command that could not
   * even start) is created empty so every ref in results.json points at a real file.
   */
  async registerLog(ref: string): Promise<LogRef> {
    const path = this.logFile(ref);
    await mkdir(dirname(path), { recursive: true });
    try {
      await stat(path);
    } catch {
      await writeFile(path, '');
    }
    const { sha256, bytes } = await sha256File(path);
    const entry: LogRef = { ref, path: relative(this.outDir, path).split(sep).join('/'), sha256, bytes };
    const i = this.data.logs.findIndex((l) => l.ref === ref);
    if (i >= 0) this.data.logs[i] = entry;
    else this.data.logs.push(entry);
    return entry;
  }

  /** Writes results.json atomically; concurrent calls are serialized. */
  flush(): Promise<void> {
    const next = this.writing.then(() => this.write());
    this.writing = next.catch(() => undefined);
    return next;
  }

  private async write(): Promise<void> {
    await mkdir(this.outDir, { recursive: true });
    const tmp = `${this.file}.tmp-${process.pid}`;
    await writeFile(tmp, `${JSON.stringify(this.data, null, 2)}\n`);
    await rename(tmp, this.file);
  }
}

export class ResultsFileError extends Error {
  override readonly name = 'ResultsFileError';
}

/** Reads and validates a results.json; errors name the file and "path.to.key: reason". */
export async function readResultsFile(file: string): Promise<ResultsT> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ResultsFileError(`${file}: cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  return parseResultsText(text, file);
}

export function parseResultsText(text: string, file = '<results>'): ResultsT {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ResultsFileError(`${file}: not JSON: ${(err as Error).message}`);
  }
  const r = Results.safeParse(data);
  if (!r.success) {
    const lines = r.error.issues.map(
      (i) => `${file}: ${i.path.length ? i.path.map(String).join('.') : '(top level)'}: ${i.message}`,
    );
    throw new ResultsFileError(lines.join('\n'));
  }
  return r.data;
}
