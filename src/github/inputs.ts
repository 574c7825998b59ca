/**
 * The action's inputs (action.yml), read from the runner's INPUT_* variables and checked with
 * zod: a wrong value stops the action with the input's name and the accepted values.
 */
import { z } from 'zod';
import { PRESET_NAMES } from '../config/presets.js';

const bool = (name: string) =>
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      // The YAML 1.2 core-schema booleans, as @actions/core's getBooleanInput accepts them.
      if (['true', 'True', 'TRUE'].includes(v)) return true;
      if (['false', 'False', 'FALSE'].includes(v)) return false;
      ctx.addIssue({ code: 'custom', message: `${name} must be true or false, got '${v}'` });
      return z.NEVER;
    });

const number = (name: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      const n = Number(v);
      if (v === '' || !Number.isFinite(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a number in [${min}, ${max}], got '${v}'` });
        return z.NEVER;
      }
      return n;
    });

/** `auto` | `none` | a path to a results.json (or a folder of them). */
export const BaselineInput = z
  .string()
  .trim()
  .transform((v): { kind: 'auto' } | { kind: 'none' } | { kind: 'path'; path: string } =>
    v === '' || v === 'auto' ? { kind: 'auto' } : v === 'none' ? { kind: 'none' } : { kind: 'path', path: v },
  );

/** A comma/space/newline separated list; empty means "all the config declares". */
const list = z
  .string()
  .transform((v) => v.split(/[\s,]+/).filter((s) => s.length > 0))
  .pipe(z.array(z.string().regex(/^[A-Za-z0-9._-]+$/, 'environment ids are letters, digits, . _ -')));

/** Fingerprint keys (kernel, cgroupCpuLimit, toolVersions.netperf), comma/space/newline separated. */
const keyList = z
  .string()
  .transform((v) => v.split(/[\s,]+/).filter((s) => s.length > 0))
  .pipe(
    z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9._-]*$/, 'fingerprint keys are letters, digits, . _ -')),
  );

/** Artifact names end up in URLs and file names: keep them plain. */
const artifactName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{1,100}$/, 'artifact-name must be 1-100 of letters, digits, . _ -');

export const Inputs = z.object({
  config: z.string().trim().min(1, 'config must name the board/suite config file'),
  environments: list,
  /** Empty: the config's own preset. */
  preset: z.union([z.enum(PRESET_NAMES), z.literal('')]),
  phase: z.enum(['all', 'run', 'report']),
  baseline: BaselineInput,
  failOn: z.enum(['regression', 'overhead-regression', 'never']),
  comment: bool('comment'),
  check: bool('check'),
  summary: bool('summary'),
  githubToken: z.string(),
  artifactName,
  retentionDays: number('retention-days', 0, 400).pipe(z.number().int('retention-days must be whole days')),
  allowFork: bool('allow-fork'),
  minEffect: number('min-effect', 0, 10),
  alpha: number('alpha', 0, 0.5).refine((n) => n > 0, 'alpha must be above 0'),
  correction: z.enum(['holm', 'bh']),
  expectChange: keyList,
  expectSame: keyList,
  outDir: z.string().trim().min(1),
  checkName: z.string().trim().min(1).max(100),
});
export type Inputs = z.infer<typeof Inputs>;

/** input name in action.yml → key in Inputs */
export const INPUT_NAMES = {
  config: 'config',
  environments: 'environments',
  preset: 'preset',
  phase: 'phase',
  baseline: 'baseline',
  failOn: 'fail-on',
  comment: 'comment',
  check: 'check',
  summary: 'summary',
  githubToken: 'github-token',
  artifactName: 'artifact-name',
  retentionDays: 'retention-days',
  allowFork: 'allow-fork',
  minEffect: 'min-effect',
  alpha: 'alpha',
  correction: 'correction',
  expectChange: 'expect-change',
  expectSame: 'expect-same',
  outDir: 'out-dir',
  checkName: 'check-name',
} as const satisfies Record<keyof Inputs, string>;

/**
 * Defaults used when a variable is missing altogether (a step without `with:` still gets
 * action.yml's defaults from the runner; these matter for local runs and tests).
 * test/unit/github/action-yml.test.ts checks they equal action.yml's.
 */
export const INPUT_DEFAULTS: Record<keyof Inputs, string> = {
  config: '.github/arm-virt-bench.yml',
  environments: '',
  preset: '',
  phase: 'all',
  baseline: 'auto',
  failOn: 'regression',
  comment: 'true',
  check: 'true',
  summary: 'true',
  githubToken: '',
  artifactName: 'arm-virt-bench',
  retentionDays: '30',
  allowFork: 'false',
  minEffect: '0.05',
  alpha: '0.05',
  correction: 'holm',
  expectChange: '',
  expectSame: '',
  outDir: 'arm-virt-bench-results',
  checkName: 'arm-virt-bench',
};

export class InputError extends Error {
  override readonly name = 'InputError';
}

/** The runner's variable for an input: INPUT_ + name upper-cased, spaces to `_` (hyphens kept). */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

export function readInputs(env: NodeJS.ProcessEnv = process.env): Inputs {
  const raw: Record<string, string> = {};
  for (const [key, name] of Object.entries(INPUT_NAMES) as [keyof Inputs, string][]) {
    const value = env[inputVariable(name)];
    raw[key] = value === undefined || value.trim() === '' ? INPUT_DEFAULTS[key] : value;
  }
  const parsed = Inputs.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = issue.path[0] as keyof Inputs | undefined;
      const name = key ? INPUT_NAMES[key] : '(inputs)';
      return `input '${name}': ${issue.message}`;
    });
    throw new InputError(lines.join('\n'));
  }
  return parsed.data;
}
