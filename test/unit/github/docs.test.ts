import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderActionTables } from '../../helpers/action-docs.js';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('docs/action.md', () => {
  it('has the inputs/outputs tables generated from action.yml', () => {
    const doc = readFileSync(join(ROOT, 'docs/action.md'), 'utf8');
    const expected = renderActionTables(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
    const start = doc.indexOf('<!-- action-tables:start');
    const end = doc.indexOf('<!-- action-tables:end -->') + '<!-- action-tables:end -->'.length;
    expect(start, 'table markers missing').toBeGreaterThanOrEqual(0);
    // On failure: paste renderActionTables(action.yml) between the markers.
    expect(doc.slice(start, end)).toBe(expected);
  });
});
