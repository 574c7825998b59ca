/** The configuration reference must document every key the schemas accept. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configKeys } from '../../../src/config/keys.js';
import { PRESET_NAMES } from '../../../src/config/presets.js';

// The reference is docs/configuration.md (the README links to it).
const doc = readFileSync(join(import.meta.dirname, '../../../docs/configuration.md'), 'utf8');
const from = doc.indexOf('# Configuration\n');

describe('docs/configuration.md (configuration reference)', () => {
  it('documents every config key (as `full.path` in backticks)', () => {
    expect(from, 'docs/configuration.md has no "# Configuration" heading').toBeGreaterThanOrEqual(0);
    const keys = configKeys();
    expect(keys.length).toBeGreaterThan(80);
    const undocumented = keys.filter((k) => !doc.includes(`\`${k}\``));
    expect(undocumented).toEqual([]);
  });

  it('documents no key the schemas do not have', () => {
    const known = new Set(configKeys());
    const documented = [...doc.matchAll(/^\| `((?:board|environments|suites|deploy)[^`]*)`/gm)].map(
      (m) => m[1]!,
    );
    expect(documented.filter((k) => !known.has(k))).toEqual([]);
  });

  it('names every preset', () => {
    for (const p of PRESET_NAMES) expect(doc).toContain(`\`${p}\``);
  });
});
