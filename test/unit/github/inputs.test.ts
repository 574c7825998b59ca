import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { INPUT_DEFAULTS, INPUT_NAMES, inputVariable, readInputs } from '../../../src/github/inputs.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
};

describe('inputs', () => {
  it('action.yml declares exactly the inputs the code reads, each documented and defaulted like the code', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(INPUT_NAMES).sort());
    for (const [key, name] of Object.entries(INPUT_NAMES)) {
      const decl = action.inputs[name]!;
      expect(decl.description.length, name).toBeGreaterThan(20);
      expect(decl.required, name).toBe(false);
      if (name === 'github-token') expect(decl.default).toBe('${{ github.token }}');
      else expect(decl.default, name).toBe(INPUT_DEFAULTS[key as keyof typeof INPUT_DEFAULTS]);
    }
  });

  it('reads INPUT_* as the runner sets them (hyphens kept, upper case)', () => {
    expect(inputVariable('fail-on')).toBe('INPUT_FAIL-ON');
    const i = readInputs({
      'INPUT_FAIL-ON': 'overhead-regression',
      INPUT_ENVIRONMENTS: 'host, kvm\ndocker',
      INPUT_BASELINE: 'base/results.json',
      'INPUT_ALLOW-FORK': 'True',
      'INPUT_MIN-EFFECT': '0.1',
      'INPUT_GITHUB-TOKEN': 't',
    });
    expect(i.failOn).toBe('overhead-regression');
    expect(i.environments).toEqual(['host', 'kvm', 'docker']);
    expect(i.baseline).toEqual({ kind: 'path', path: 'base/results.json' });
    expect(i.allowFork).toBe(true);
    expect(i.minEffect).toBe(0.1);
    expect(i.phase).toBe('all');
    expect(i.comment).toBe(true);
    expect(i.retentionDays).toBe(30);
  });

  it('names the input and the accepted values when one is wrong', () => {
    expect(() => readInputs({ INPUT_PHASE: 'bench' })).toThrow(/input 'phase'.*all.*run.*report/);
    expect(() => readInputs({ INPUT_COMMENT: 'yes' })).toThrow(
      "input 'comment': comment must be true or false, got 'yes'",
    );
    expect(() => readInputs({ 'INPUT_RETENTION-DAYS': '2.5' })).toThrow(/retention-days/);
    expect(() => readInputs({ INPUT_ALPHA: '0' })).toThrow(/alpha/);
    expect(() => readInputs({ 'INPUT_ARTIFACT-NAME': '../x' })).toThrow(/artifact-name/);
    expect(() => readInputs({ INPUT_ENVIRONMENTS: 'host;rm -rf /' })).toThrow(/environments/);
  });

  it('baseline auto / none', () => {
    expect(readInputs({}).baseline).toEqual({ kind: 'auto' });
    expect(readInputs({ INPUT_BASELINE: 'none' }).baseline).toEqual({ kind: 'none' });
  });
});
