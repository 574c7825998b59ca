/**
 * The board's built byte-UnixBench tree, made sure of once per run before any environment
 * is prepared (the Docker image copies it; host and Dom0 run it in place):
 *  1. a built tree at `suites.unixbench.path` (default: defaultTreePath) → used as it is;
 *  2. else, when a source is at hand on the controller (`source`: a tarball or directory;
 *     else a git clone of `commit` from `gitUrl`/AVB_UNIXBENCH_GIT/GITHUB_SERVER_URL), it is
 *     copied to the board and built there with the board's own make and compiler, then
 *     moved into place — never over an existing folder;
 *  3. else nothing: the session then tries `sourcePath` or says what is missing.
 * A missing compiler, make or Perl on the board is a message that names the package.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UnixbenchSettings } from '../config/suites.js';
import { builtTreeProbes, unixbenchTreePath } from '../suites/unixbench/command.js';
import {
  DEFAULT_CACHE,
  UNIXBENCH_COMMIT,
  missingBuildTools,
  shortCommit,
  unixbenchGitUrl,
} from '../suites/unixbench/source.js';
import { minimalEnv, runProcess } from '../transport/process.js';
import type { Transport } from '../transport/types.js';

export interface BoardUnixbench {
  /** The built tree on the board, when there is one now. */
  path?: string;
  /** Why the engine could not provide one (every UnixBench cell then fails with it). */
  unavailable?: { kind: string; message: string };
}

export interface EnsureOptions {
  /** Raw log path for a ref, and its registration once written. */
  logFile(ref: string): string;
  registerLog(ref: string): Promise<void>;
  info(line: string): void;
  signal?: AbortSignal;
  /** Variables that name a git server (default: process.env). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Controller-side cache (default $AVB_CACHE or /var/cache/arm-virt-bench). */
  cacheDir?: string;
}

const SHORT_MS = 30_000;
export const BUILD_LOG_REF = 'board/unixbench/build';

/**
 * Args: SRC DEST. Moves a source tree that the build has finished in SRC to DEST (made
 * once, never over an existing folder).
 */
const INSTALL_SCRIPT = `src=$1; dest=$2
if [ -e "$dest" ]; then echo "arm-virt-bench: $dest exists already" >&2; exit 3; fi
mkdir -p "$(dirname "$dest")" && mv "$src" "$dest"`;

/** Args: TOOL... Prints `missing:TOOL` for each program not on PATH. */
const MISSING_SCRIPT = 'for t in "$@"; do command -v "$t" >/dev/null 2>&1 || echo "missing:$t"; done';

async function allOk(board: Transport, probes: { argv: string[] }[], signal?: AbortSignal): Promise<boolean> {
  for (const p of probes) {
    const r = await board.exec(p.argv, { timeoutMs: SHORT_MS, signal });
    if (r.exitCode !== 0) return false;
  }
  return true;
}

/** The folder holding `Run`, `Makefile` and `src/` inside an unpacked source (itself, `UnixBench/`, or one level down). */
export async function findSourceTree(root: string): Promise<string | undefined> {
  const isTree = (d: string) =>
    existsSync(join(d, 'Run')) && existsSync(join(d, 'Makefile')) && existsSync(join(d, 'src'));
  const candidates = [root, join(root, 'UnixBench')];
  for (const e of await readdir(root, { withFileTypes: true }).catch(() => [])) {
    if (e.isDirectory()) candidates.push(join(root, e.name), join(root, e.name, 'UnixBench'));
  }
  return candidates.find(isTree);
}

async function local(argv: string[], timeoutMs: number, signal?: AbortSignal) {
  return runProcess(argv, { timeoutMs, env: minimalEnv(), signal });
}

/**
 * The source tree on the controller: `source` (unpacked when it is a tarball) or a git
 * checkout of `commit` in the cache. Returns the tree folder, or throws with the reason.
 */
export async function stageSource(
  u: Pick<UnixbenchSettings, 'source' | 'gitUrl' | 'commit'>,
  work: string,
  options: Pick<EnsureOptions, 'env' | 'cacheDir' | 'signal' | 'info'>,
): Promise<string> {
  if (u.source) {
    if (!existsSync(u.source)) throw new Error(`suites.unixbench.source: ${u.source} does not exist`);
    let root = u.source;
    if (!statSync(u.source).isDirectory()) {
      root = join(work, 'unpacked');
      await mkdir(root, { recursive: true });
      const t = await local(['tar', '-C', root, '-xf', u.source], 120_000, options.signal);
      if (t.exitCode !== 0)
        throw new Error(
          `suites.unixbench.source: cannot unpack ${u.source}: ${t.output.trim().slice(0, 300)}`,
        );
    }
    const tree = await findSourceTree(root);
    if (!tree)
      throw new Error(
        `suites.unixbench.source: no byte-UnixBench tree (Run, Makefile, src/) in ${u.source} or its UnixBench/ folder`,
      );
    return tree;
  }
  const env = options.env ?? process.env;
  const url = unixbenchGitUrl(u.gitUrl, env);
  if (!url) throw new Error('no source');
  const commit = u.commit ?? UNIXBENCH_COMMIT;
  const cache = options.cacheDir ?? env.AVB_CACHE ?? DEFAULT_CACHE;
  const dir = join(cache, 'unixbench', `git-${shortCommit(commit)}`);
  const head = await local(['git', '-C', dir, 'rev-parse', 'HEAD'], SHORT_MS, options.signal).catch(
    () => undefined,
  );
  if (head?.exitCode !== 0 || head.output.trim() !== commit) {
    options.info(`unixbench: fetching ${commit.slice(0, 12)} from ${url}`);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const git = (args: string[], ms = 300_000) => local(['git', '-C', dir, ...args], ms, options.signal);
    const steps: string[][] = [
      ['init', '-q'],
      ['fetch', '-q', '--depth', '1', url, commit],
    ];
    for (const s of steps) {
      const r = await git(s);
      if (r.exitCode !== 0) {
        // Servers that refuse a commit id in a fetch: fetch everything, then check out the commit.
        if (s[0] === 'fetch' && (await git(['fetch', '-q', url])).exitCode === 0) break;
        throw new Error(`git ${s[0]} of ${url} failed: ${r.output.trim().split('\n').slice(-2).join(' ')}`);
      }
    }
    const co = await git(['checkout', '-q', '--detach', commit]);
    if (co.exitCode !== 0)
      throw new Error(`git checkout ${commit} failed: ${co.output.trim().slice(0, 300)}`);
  }
  const tree = await findSourceTree(dir);
  if (!tree) throw new Error(`the checkout of ${url} at ${commit} holds no UnixBench/ tree`);
  return tree;
}

export async function ensureBoardUnixbench(
  board: Transport,
  u: UnixbenchSettings,
  options: EnsureOptions,
): Promise<BoardUnixbench> {
  const signal = options.signal;
  const path = unixbenchTreePath(u);
  if (await allOk(board, builtTreeProbes(path), signal)) return { path };
  const env = options.env ?? process.env;
  if (!u.source && !unixbenchGitUrl(u.gitUrl, env)) return {};
  const fail = (kind: string, message: string): BoardUnixbench => ({
    unavailable: { kind, message: `unixbench: ${message}` },
  });

  const exists = await board.exec(['test', '-e', path], { timeoutMs: SHORT_MS, signal });
  if (exists.exitCode === 0) {
    return fail(
      'setup',
      `${path} exists on ${board.description} but holds no built tree (Run, pgms/dhry2reg, tmp/): remove it, or point suites.unixbench.path at a built tree`,
    );
  }
  const tools = await board.exec(['sh', '-c', MISSING_SCRIPT, 'sh', 'make', 'cc', 'perl', 'tar'], {
    timeoutMs: SHORT_MS,
    signal,
  });
  const missing = [...tools.output.matchAll(/^missing:(.+)$/gm)].map((m) => m[1]!.trim());
  if (missing.length > 0) {
    return fail(
      'missing-tool',
      `cannot build byte-UnixBench on ${board.description}: ${missingBuildTools(missing)} not found (install them on the board, e.g. apt-get install make gcc libc6-dev perl)`,
    );
  }

  const work = await mkdtemp(join(tmpdir(), 'avb-unixbench-'));
  const remote = `/tmp/avb-unixbench-${randomBytes(4).toString('hex')}`;
  const logPath = options.logFile(BUILD_LOG_REF);
  try {
    let tree: string;
    try {
      tree = await stageSource(u, work, options);
    } catch (err) {
      return fail('setup', `cannot obtain byte-UnixBench: ${(err as Error).message}`);
    }
    options.info(`unixbench: building byte-UnixBench on ${board.description} into ${path}`);
    await board.copyTo(tree, `${remote}/UnixBench`, { timeoutMs: 300_000 });
    const make = await board.exec(['make', '-C', `${remote}/UnixBench`], {
      timeoutMs: u.timeoutSeconds * 1000,
      logPath,
      signal,
    });
    await options.registerLog(BUILD_LOG_REF);
    if (make.exitCode !== 0) {
      return fail(
        'setup',
        `building byte-UnixBench on ${board.description} failed (${make.timedOut ? 'timed out' : `exit ${make.exitCode}`}): ${make.output.trim().split('\n').slice(-2).join(' | ').slice(0, 300)}; see log ${BUILD_LOG_REF}`,
      );
    }
    const mv = await board.exec(['sh', '-c', INSTALL_SCRIPT, 'avb-install', `${remote}/UnixBench`, path], {
      timeoutMs: SHORT_MS,
      signal,
    });
    if (mv.exitCode !== 0 || !(await allOk(board, builtTreeProbes(path), signal))) {
      return fail('setup', `cannot install the built tree at ${path}: ${mv.output.trim().slice(0, 300)}`);
    }
    return { path };
  } finally {
    await rm(work, { recursive: true, force: true });
    await board.exec(['rm', '-rf', remote], { timeoutMs: SHORT_MS }).catch(() => undefined);
  }
}
