// dist/ is committed (the runner executes it without installing anything): this test
// rebuilds the bundles into a temporary folder and fails when the committed ones differ.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('dist/', () => {
  it('is the Rollup bundle of src/ (run `npm run build` and commit dist/ when this fails)', () => {
    const out = mkdtempSync(join(tmpdir(), 'avb-dist-'));
    try {
      execFileSync(
        process.execPath,
        ['node_modules/rollup/dist/bin/rollup', '-c', 'rollup.config.mjs', '--silent'],
        {
          env: { ...process.env, AVB_DIST_DIR: out },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      for (const file of ['index.js', 'cli.js']) {
        const fresh = readFileSync(join(out, file), 'utf8');
        const committed = readFileSync(join('dist', file), 'utf8');
        expect(committed === fresh, `dist/${file} is stale`).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 180_000);
});
