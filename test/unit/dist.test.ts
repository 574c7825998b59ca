// dist/ is committed (the runner executes it without installing anything): this test
// rebuilds the bundle into a temporary folder and fails when the committed one differs —
// any file changed, missing or left over (entries, chunks and dist/licenses.txt, the
// licence notice of every bundled package, alike).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((name) => statSync(join(dir, name)).isFile())
    .sort();
}

describe('dist/', () => {
  it('is the Rollup bundle of src/ (run `npm run build` and commit dist/ when this fails)', () => {
    const out = mkdtempSync(join(tmpdir(), 'avb-dist-'));
    try {
      execFileSync(
        process.execPath,
        ['node_modules/rollup/dist/bin/rollup', '-c', 'rollup.config.mjs', '--silent'],
        { env: { ...process.env, AVB_DIST_DIR: out }, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      const fresh = filesUnder(out);
      expect(fresh).toContain('index.js');
      expect(fresh).toContain('cli.js');
      expect(fresh).toContain('licenses.txt');
      expect(filesUnder('dist'), 'dist/ holds other files than a fresh build').toEqual(fresh);
      for (const file of fresh) {
        const same = readFileSync(join(out, file)).equals(readFileSync(join('dist', file)));
        expect(same, `dist/${file} is stale`).toBe(true);
      }
      // The notice covers what the bundle holds: the runtime dependencies and what they pull in.
      const notice = readFileSync(join('dist', 'licenses.txt'), 'utf8');
      for (const pkg of ['@actions/artifact', '@actions/core', 'yaml', 'yauzl', 'zod', 'simple-statistics'])
        expect(notice, pkg).toMatch(new RegExp(`^${pkg.replace('/', '\\/')} \\d`, 'm'));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 600_000);
});
