/** The configuration reference must document every key the schemas accept. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configKeys } from '../../../src/config/keys.js';
import { PRESET_NAMES } from '../../../src/config/presets.js';

const readme = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8');
// The reference is the README's "## Configuration" section, up to the next top-level section.
const from = readme.indexOf('\n## Configuration\n');
const doc = readme.slice(from, readme.indexOf('\n## ', from + 1));

describe('README.md (configuration reference)', () => {
  it('documents every config key (as `full.path` in backticks)', () => {
    expect(from, 'README has no "## Configuration" section').toBeGreaterThanOrEqual(0);
    const keys = configKeys();
    expect(keys.length).toBeGreaterThan(80);
    const undocumented = keys.filter((k) => !doc.includes(`\`${k}\``));
    expect(undocumented).toEqual([]);
  });

  it('documents no key the schemas do not have', () => {
    const known = new Set(configKeys());
    const documented = [...doc.matchAll(/^\| `((?:board|environments|suites)[^`]*)`/gm)].map((m) => m[1]!);
    expect(documented.filter((k) => !known.has(k))).toEqual([]);
  });

  it('names every preset', () => {
    for (const p of PRESET_NAMES) expect(doc).toContain(`\`${p}\``);
  });
});
