/**
 * The config file (YAML or JSON): the board, the environments to measure, the preset
 * and per-suite overrides. Every key is documented in docs/configuration.md; a
 * unit test fails when a key of these schemas is missing there.
 */
import { z } from 'zod';
import { EnvironmentKind } from '../results/schema.js';
import { environmentRegistry } from '../environments/registry.js';
import { BoardConfig } from './board.js';
import { Runs } from './bounds.js';
import { DeployConfig, deployIssues } from './deploy.js';
import { PRESET_NAMES } from './presets.js';
import { ResourcesSettings } from './resources.js';
import { SuiteOverrides } from './suites.js';

export const EnvironmentId = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_.-]{0,62}$/,
    'lower-case letters, digits, ".", "_" and "-" (it names log folders)',
  );

const EnvVarName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'not an environment variable name');

/** Keys every environment entry has; the kind's own keys are checked by its registry schema. */
export const EnvironmentCommon = z.object({
  kind: EnvironmentKind,
  /** Defaults to the kind; must be unique. */
  id: EnvironmentId.optional(),
  /** Extra environment variables for benchmark commands here (e.g. a PATH with the tools). */
  env: z
    .record(z.string(), z.string())
    .superRefine((vars, ctx) => {
      for (const k of Object.keys(vars)) {
        const r = EnvVarName.safeParse(k);
        if (!r.success) ctx.addIssue({ code: 'custom', path: [k], message: r.error.issues[0]!.message });
      }
    })
    .optional(),
});

export interface EnvironmentEntry {
  kind: EnvironmentKind;
  id: string;
  env: Record<string, string>;
  /** The kind's own settings, validated by its registry schema. */
  settings: object;
}

const COMMON_KEYS = new Set(['kind', 'id', 'env']);

export const EnvironmentEntrySchema = EnvironmentCommon.catchall(z.unknown()).transform((raw, ctx) => {
  const rest = Object.fromEntries(Object.entries(raw).filter(([k]) => !COMMON_KEYS.has(k)));
  const factory = environmentRegistry[raw.kind];
  if (!factory) {
    ctx.addIssue({
      code: 'custom',
      path: ['kind'],
      message: `kind '${raw.kind}' is not available in this build`,
    });
    return z.NEVER;
  }
  const parsed = factory.schema.safeParse(rest);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: 'custom', path: issue.path });
    return z.NEVER;
  }
  const entry: EnvironmentEntry = {
    kind: raw.kind,
    id: raw.id ?? raw.kind,
    env: raw.env ?? {},
    settings: parsed.data,
  };
  return entry;
});

const FingerprintKeys = z.array(z.string().min(1, 'a fingerprint key, e.g. kernel or cgroupCpuLimit'));

/** How this board's results are compared with a baseline (the action inputs and CLI flags add to it). */
export const AnalysisConfig = z
  .object({
    /** Fingerprint keys compared although they differ (a setup change made on purpose). */
    expectChange: FingerprintKeys.default([]),
    /** Fingerprint keys that must not differ: a difference makes the cells incomparable. */
    expectSame: FingerprintKeys.default([]),
  })
  .strict();
export type AnalysisConfig = z.infer<typeof AnalysisConfig>;

/** Adaptive rounds (the preset's round policy, see docs/analysis.md): on/off and its caps. */
export const AdaptiveConfig = z
  .object({
    /** Extra rounds for suggestive cells when a baseline is known (default: as the preset says). */
    enabled: z.boolean().optional(),
    /** Rounds an extended cell may reach. */
    maxRuns: z.number().int().positive().max(1000, 'at most 1000 runs per cell').optional(),
    /** Time budget of the extra rounds, as a share of the time the first rounds took. */
    extraTime: z.number().positive().max(10, 'at most 10 × the first rounds').optional(),
  })
  .strict();

export const ConfigSchema = z
  .object({
    board: BoardConfig.prefault({}),
    /** Default preset; `--preset` overrides it. */
    preset: z.enum(PRESET_NAMES).default('quick'),
    /** Runs per cell for every suite (a suite's own `runs` wins). */
    runs: Runs.optional(),
    environments: z.array(EnvironmentEntrySchema).min(1, 'name at least one environment'),
    /** The CPUs and memory every environment gets (default: the paper's 1 CPU, 1 GiB). */
    resources: ResourcesSettings.prefault({}),
    suites: SuiteOverrides.prefault({}),
    analysis: AnalysisConfig.prefault({}),
    adaptive: AdaptiveConfig.prefault({}),
    /** The code under test, put on the board before it is measured (under-test slot). */
    deploy: DeployConfig.optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Map<string, number>();
    c.environments.forEach((e, i) => {
      const first = seen.get(e.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['environments', i, 'id'],
          message: `duplicate environment id '${e.id}' (also environments.${first}); give each an explicit id`,
        });
      } else seen.set(e.id, i);
    });
    for (const issue of deployIssues(c)) ctx.addIssue({ code: 'custom', ...issue });
  });
export type Config = z.infer<typeof ConfigSchema>;
/** What a config file contains before defaults are applied. */
export type ConfigInput = z.input<typeof ConfigSchema>;
