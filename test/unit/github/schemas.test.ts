/**
 * action.yml and every workflow example against the SchemaStore schemas vendored in
 * test/schemas (see its README for where they come from).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv, type AnySchema } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const load = (p: string) => JSON.parse(readFileSync(join(ROOT, p), 'utf8')) as Record<string, unknown>;

/** The vendored action schema, with `node24` added to `runs.using` (see test/schemas/README.md). */
export function loadActionSchema(): Record<string, unknown> {
  const schema = load('test/schemas/github-action.json');
  const using = (schema.definitions as Record<string, { properties: { using: { enum: string[] } } }>)[
    'runs-javascript'
  ]!.properties.using;
  expect(using.enum).toEqual(['node12', 'node16', 'node20']);
  using.enum.push('node24');
  return schema;
}

const compiled = new Map<Record<string, unknown> | string, ReturnType<Ajv['compile']>>();
function compile(schema: Record<string, unknown>, key?: string) {
  const hit = key ? compiled.get(key) : undefined;
  if (hit) return hit;
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema as AnySchema);
  if (key) compiled.set(key, validate);
  return validate;
}

/** Workflow files; arm-virt-bench.yml beside them is the example config (test/unit/github/examples.test.ts). */
const examples = readdirSync(join(ROOT, 'workflows-examples')).filter(
  (f) => f.endsWith('.yml') && f !== 'arm-virt-bench.yml',
);

describe('vendored SchemaStore schemas', () => {
  it('action.yml is a valid action (node24, dist/index.js)', () => {
    const validate = compile(loadActionSchema());
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
      runs: { using: string; main: string };
    };
    expect(validate(action), JSON.stringify(validate.errors)).toBe(true);
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('the schema rejects a broken action (so the test above can fail)', () => {
    const validate = compile(loadActionSchema());
    expect(validate({ name: 'x', description: 'y', runs: { using: 'node99', main: 'a.js' } })).toBe(false);
    expect(
      validate({
        name: 'x',
        description: 'y',
        inputs: { a: { default: '1' } },
        runs: { using: 'node24', main: 'a.js' },
      }),
    ).toBe(false);
  });

  it('there are the workflow examples of the issue (the fork-safe pattern is two files)', () => {
    expect(examples.sort()).toEqual([
      'board-farm.yml',
      'fork-pr-bench.yml',
      'fork-safe-report.yml',
      'kernel-nightly.yml',
      'kernel-pr.yml',
      'nightly.yml',
      'pr-check.yml',
      'reboot-chain.yml',
    ]);
  });

  it.each(examples)('%s is a valid workflow with least-privilege permissions', (file) => {
    const validate = compile(load('test/schemas/github-workflow.json'), 'workflow');
    const wf = parse(readFileSync(join(ROOT, 'workflows-examples', file), 'utf8')) as {
      permissions?: Record<string, string>;
      jobs: Record<
        string,
        { permissions?: Record<string, string>; steps?: { uses?: string; with?: Record<string, string> }[] }
      >;
    };
    expect(validate(wf), JSON.stringify(validate.errors)).toBe(true);
    // An explicit top-level permissions block, never write-all, no write it does not need.
    expect(wf.permissions).toBeDefined();
    const all = [
      wf.permissions!,
      ...Object.values(wf.jobs).flatMap((j) => (j.permissions ? [j.permissions] : [])),
    ];
    for (const p of all) {
      expect(typeof p).toBe('object');
      for (const [scope, level] of Object.entries(p)) {
        if (level === 'write') expect(['pull-requests', 'checks']).toContain(scope);
      }
    }
    // Every use of the action passes only inputs action.yml declares.
    const declared = Object.keys(
      (parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: object }).inputs,
    );
    for (const job of Object.values(wf.jobs)) {
      for (const step of job.steps ?? []) {
        if (step.uses?.startsWith('org/arm-virt-bench')) {
          for (const key of Object.keys(step.with ?? {})) expect(declared).toContain(key);
        }
      }
    }
  });

  it.each(readdirSync(join(ROOT, '.github/workflows')))(
    "the project's own .github/workflows/%s is a valid workflow, read-only",
    (file) => {
      const validate = compile(load('test/schemas/github-workflow.json'), 'workflow');
      const wf = parse(readFileSync(join(ROOT, '.github/workflows', file), 'utf8')) as {
        permissions?: Record<string, string>;
        jobs: Record<string, { 'timeout-minutes'?: number }>;
      };
      expect(validate(wf), JSON.stringify(validate.errors)).toBe(true);
      expect(wf.permissions).toEqual({ contents: 'read' });
      for (const job of Object.values(wf.jobs)) expect(job['timeout-minutes']).toBeGreaterThan(0);
    },
  );

  it('the project has a CI and a check-dist workflow', () => {
    expect(readdirSync(join(ROOT, '.github/workflows')).sort()).toEqual(['check-dist.yml', 'ci.yml']);
  });

  it('the workflow schema rejects a broken workflow (so the tests above can fail)', () => {
    const validate = compile(load('test/schemas/github-workflow.json'), 'workflow');
    expect(
      validate({ on: 'push', jobs: { a: { 'runs-on': 'x', steps: [{ uses: 'a/b@v1', bogus: 1 }] } } }),
    ).toBe(false);
    expect(validate({ on: 'push', permissions: { 'pull-requests': 'admin' }, jobs: {} })).toBe(false);
  });
});
