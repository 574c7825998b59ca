/**
 * scripts/release.sh on a throw-away clone of this repository, with a bare repository as its
 * `origin`: it tags vX.Y.Z, moves the major tag v1 to each new release (and only forward), and
 * refuses what would make a bad release. Real git, nothing pushed anywhere but the temp folder.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('scripts/release.sh', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'avb-release-'));
  const clone = join(tmp, 'clone');
  const origin = join(tmp, 'origin.git');
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const release = (...args: string[]) =>
    spawnSync('bash', ['scripts/release.sh', ...args], { cwd: clone, encoding: 'utf8' });
  /** Commit a release-ready state for `version`: package.json, src/version.ts, a CHANGELOG section. */
  const prepare = (version: string, date = '2026-12-01') => {
    const pkg = join(clone, 'package.json');
    writeFileSync(
      pkg,
      readFileSync(pkg, 'utf8').replace(/^ {2}"version": "[^"]*",$/m, `  "version": "${version}",`),
    );
    const ver = join(clone, 'src/version.ts');
    writeFileSync(
      ver,
      readFileSync(ver, 'utf8').replace(/TOOL_VERSION = '[^']*'/, `TOOL_VERSION = '${version}'`),
    );
    const log = join(clone, 'CHANGELOG.md');
    writeFileSync(
      log,
      readFileSync(log, 'utf8').replace(
        '## [Unreleased]',
        `## [Unreleased]\n\n## [${version}] - ${date}\n\n- release ${version}`,
      ),
    );
    git(clone, 'commit', '-qam', `release ${version}`);
    return git(clone, 'rev-parse', 'HEAD');
  };
  const tagCommit = (repo: string, tag: string) => git(repo, 'rev-parse', `refs/tags/${tag}^{commit}`);

  beforeAll(() => {
    git(tmp, 'init', '-q', '--bare', origin);
    // Sparse: the top-level files, scripts/ and src/ are all a release reads (and a full
    // checkout of dist/ and lab/ would be most of this test's time).
    git(tmp, 'clone', '-q', '--sparse', ROOT, clone);
    git(clone, 'sparse-checkout', 'set', 'scripts', 'src');
    git(clone, 'checkout', '-q', '-B', 'main');
    git(clone, 'remote', 'set-url', 'origin', origin);
    git(clone, 'config', 'user.name', 'Release Test');
    git(clone, 'config', 'user.email', 'release@test.invalid');
    // The script and changelog of the work tree under test (maybe not committed yet).
    for (const f of ['scripts/release.sh', 'CHANGELOG.md']) copyFileSync(join(ROOT, f), join(clone, f));
    git(clone, 'add', '-A');
    git(clone, 'commit', '-qm', 'work tree under test', '--allow-empty');
    // Tags of the real repository are not part of the test.
    for (const t of git(clone, 'tag', '--list').split('\n').filter(Boolean)) git(clone, 'tag', '-d', t);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('creates v1.0.0 and v1 on the release commit, and pushes both', () => {
    const sha = prepare('1.0.0');
    const r = release('1.0.0', '--push', '--no-build-check');
    expect(r.status, r.stderr + r.stdout).toBe(0);
    expect(tagCommit(clone, 'v1.0.0')).toBe(sha);
    expect(tagCommit(clone, 'v1')).toBe(sha);
    expect(tagCommit(origin, 'v1.0.0')).toBe(sha);
    expect(tagCommit(origin, 'v1')).toBe(sha);
    // The annotated tag carries the CHANGELOG section as its notes.
    expect(git(clone, 'tag', '-l', '--format=%(contents)', 'v1.0.0')).toContain('- release 1.0.0');
  });

  it('a patch release moves v1 and leaves v1.0.0 where it was', () => {
    const first = tagCommit(clone, 'v1.0.0');
    const sha = prepare('1.0.1', '2026-12-02');
    const r = release('1.0.1', '--push', '--no-build-check');
    expect(r.status, r.stderr + r.stdout).toBe(0);
    expect(tagCommit(origin, 'v1')).toBe(sha);
    expect(tagCommit(origin, 'v1.0.1')).toBe(sha);
    expect(tagCommit(origin, 'v1.0.0')).toBe(first);
  });

  it.each([
    [['1.0'], /give the version as X\.Y\.Z/],
    [['1.0.1', '--no-build-check'], /tag v1\.0\.1 exists already/],
    [['1.0.2', '--no-build-check'], /package\.json says version 1\.0\.1, not 1\.0\.2/],
  ])('refuses %j', (args, why) => {
    const before = git(clone, 'tag', '--list');
    const r = release(...args);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(why);
    expect(git(clone, 'tag', '--list')).toBe(before);
  });

  it('refuses a dirty tree, a missing CHANGELOG section, an older version and another branch', () => {
    writeFileSync(join(clone, 'stray.txt'), 'x');
    expect(release('1.0.2', '--no-build-check').stderr).toMatch(/work tree is not clean/);
    rmSync(join(clone, 'stray.txt'));

    const pkg = join(clone, 'package.json');
    writeFileSync(pkg, readFileSync(pkg, 'utf8').replace('"version": "1.0.1"', '"version": "1.0.2"'));
    const ver = join(clone, 'src/version.ts');
    writeFileSync(ver, readFileSync(ver, 'utf8').replace("'1.0.1'", "'1.0.2'"));
    git(clone, 'commit', '-qam', 'bump without notes');
    expect(release('1.0.2', '--no-build-check').stderr).toMatch(
      /CHANGELOG\.md has no section '## \[1\.0\.2\] - YYYY-MM-DD'/,
    );

    prepare('0.9.0');
    expect(release('0.9.0', '--no-build-check').status).toBe(0); // another major line: v0
    expect(tagCommit(clone, 'v0')).toBe(tagCommit(clone, 'v0.9.0'));
    prepare('0.8.0');
    expect(release('0.8.0', '--no-build-check').stderr).toMatch(
      /v0\.9\.0 exists: v0\.8\.0 would be older than the newest v0 release/,
    );

    git(clone, 'checkout', '-q', '-b', 'topic');
    expect(release('1.0.3', '--no-build-check').stderr).toMatch(/HEAD is topic, not main/);
    git(clone, 'checkout', '-q', 'main');
  });

  it('refuses to move v1 backwards (a release from a commit v1 is not behind)', () => {
    const v1 = tagCommit(clone, 'v1');
    git(clone, 'checkout', '-q', '-B', 'main', 'v1.0.0');
    prepare('1.0.5', '2026-12-05');
    const r = release('1.0.5', '--no-build-check');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/v1 points at a commit that is not an ancestor of HEAD/);
    expect(tagCommit(clone, 'v1')).toBe(v1);
  });
});
