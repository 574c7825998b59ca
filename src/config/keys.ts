/**
 * Every key a config file may hold, as dotted paths (`suites.hackbench.groups`,
 * `environments[kvm].boot.kernel`), read off the zod schemas themselves. The docs test
 * checks docs/configuration.md against this list, so a new key cannot go
 * undocumented.
 */
import type { z } from 'zod';
import { environmentRegistry } from '../environments/registry.js';
import { BoardConfig } from './board.js';
import { ResourcesSettings } from './resources.js';
import { DeployConfig, EnvironmentDeploy } from './deploy.js';
import { EnvironmentCommon } from './schema.js';
import { SuiteSettings } from './suites.js';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  element?: z.ZodType;
  in?: z.ZodType;
  valueType?: z.ZodType;
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Dotted paths of all object keys under `schema` (arrays and records add no segment). */
export function schemaKeys(schema: z.ZodType, prefix: string): string[] {
  const d = defOf(schema);
  switch (d.type) {
    case 'object': {
      const out: string[] = [];
      for (const [k, v] of Object.entries(d.shape ?? {})) {
        const p = prefix ? `${prefix}.${k}` : k;
        out.push(p, ...schemaKeys(v, p));
      }
      return out;
    }
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nullable':
    case 'readonly':
    case 'catch':
      return schemaKeys(d.innerType!, prefix);
    case 'union':
      return [...new Set((d.options ?? []).flatMap((o) => schemaKeys(o, prefix)))];
    case 'array':
      return schemaKeys(d.element!, prefix);
    case 'pipe':
      return schemaKeys(d.in!, prefix);
    default:
      return [];
  }
}

export function configKeys(): string[] {
  const keys = [
    'board',
    ...schemaKeys(BoardConfig, 'board'),
    'preset',
    'runs',
    'environments',
    ...schemaKeys(EnvironmentCommon, 'environments[]'),
  ];
  for (const [kind, f] of Object.entries(environmentRegistry)) {
    if (f) keys.push(...schemaKeys(f.schema, `environments[${kind}]`));
  }
  keys.push('resources', ...schemaKeys(ResourcesSettings, 'resources'));
  keys.push('suites');
  for (const [suite, s] of Object.entries(SuiteSettings.shape))
    keys.push(`suites.${suite}`, ...schemaKeys(s, `suites.${suite}`));
  keys.push(
    'deploy',
    ...schemaKeys(DeployConfig, 'deploy'),
    ...schemaKeys(EnvironmentDeploy, 'deploy.environments.<id>'),
  );
  return [...new Set(keys)];
}
