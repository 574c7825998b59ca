/**
 * Where byte-UnixBench comes from. It is not packaged by any distribution and this project
 * never contains its code (GPL-2.0): the default is one pinned upstream commit, obtained by
 * the user's own means — a tarball or directory (`suites.unixbench.source`, or
 * AVB_UNIXBENCH_SOURCE for scripts/setup.sh), else a git clone from a server the user's
 * environment names (AVB_UNIXBENCH_GIT, or GITHUB_SERVER_URL, which every GitHub Actions job
 * has). Pure: values in, values out.
 */

/** The pinned upstream commit (byte-UnixBench 6.0.0 line, 2025-05-22). */
export const UNIXBENCH_COMMIT = '986b674a1e50eedd944bc08d6bdc8be925b2bc65';
/** Its repository path on the git server. */
export const UNIXBENCH_REPOSITORY = 'kdlucas/byte-unixbench';

/** The short id used in folder names (as in `git archive --prefix=byte-unixbench-<short>/`). */
export function shortCommit(commit: string = UNIXBENCH_COMMIT): string {
  return commit.slice(0, 12);
}

/** The cache root the project uses on every machine (AVB_CACHE overrides it). */
export const DEFAULT_CACHE = '/var/cache/arm-virt-bench';

/**
 * Where a built tree lives when `suites.unixbench.path` is not set: on the board (built by
 * the engine), on this machine (built by scripts/setup.sh) and in the lab board's rootfs —
 * the same path everywhere, and the same path inside the Docker image and the guests.
 */
export function defaultTreePath(commit: string = UNIXBENCH_COMMIT, cache: string = DEFAULT_CACHE): string {
  return `${cache}/unixbench/${shortCommit(commit)}/UnixBench`;
}

/**
 * The git URL to clone from, or undefined when the environment names no server: an
 * explicit URL wins, then AVB_UNIXBENCH_GIT, then the repository under GITHUB_SERVER_URL.
 */
export function unixbenchGitUrl(
  explicit: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  if (explicit) return explicit;
  if (env.AVB_UNIXBENCH_GIT) return env.AVB_UNIXBENCH_GIT;
  const server = env.GITHUB_SERVER_URL?.replace(/\/+$/, '');
  return server ? `${server}/${UNIXBENCH_REPOSITORY}.git` : undefined;
}

/** What to tell a user who has neither a built tree nor a source. */
export function noSourceHint(): string {
  return (
    `give suites.unixbench.source (a tarball or directory of byte-UnixBench ${shortCommit()} on the controller), ` +
    `or suites.unixbench.gitUrl / AVB_UNIXBENCH_GIT (a git URL of ${UNIXBENCH_REPOSITORY}; in GitHub Actions ` +
    `GITHUB_SERVER_URL names the server), or a built tree at suites.unixbench.path`
  );
}

/** Debian package names of the programs a build on the board needs. */
export const BUILD_PACKAGES: Record<string, string> = {
  make: 'make',
  cc: 'gcc',
  perl: 'perl',
  tar: 'tar',
};

/** "make (package make), cc (package gcc)": names the package for each missing program. */
export function missingBuildTools(missing: readonly string[]): string {
  return missing.map((t) => (BUILD_PACKAGES[t] ? `${t} (package ${BUILD_PACKAGES[t]})` : t)).join(', ');
}
