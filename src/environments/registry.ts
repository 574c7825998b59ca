/**
 * Environment kinds → how to validate their config and build them. A new kind adds one
 * entry here. The keys every entry shares (`kind`, `id`, `env`) are handled by the
 * config schema; `schema` validates the rest.
 */
import type { z } from 'zod';
import type { BootMode, EnvironmentKind } from '../results/schema.js';
import { HostEnvironment, HostEnvironmentConfig } from './host.js';
import type { BenchEnvironment } from './types.js';
import type { BoardSshDeps } from '../engine/board.js';

export interface EnvironmentFactory {
  kind: EnvironmentKind;
  /** The boot mode the board must be in for this kind. */
  bootMode: BootMode;
  /** The kind's own keys (without kind/id/env). */
  schema: z.ZodType<object>;
  create(id: string, config: object, deps: BoardSshDeps): BenchEnvironment;
}

const host: EnvironmentFactory = {
  kind: 'host',
  bootMode: 'linux',
  schema: HostEnvironmentConfig,
  create: (id) => new HostEnvironment(id),
};

export const environmentRegistry: Partial<Record<EnvironmentKind, EnvironmentFactory>> = {
  host,
};

export function factoryFor(kind: EnvironmentKind): EnvironmentFactory {
  const f = environmentRegistry[kind];
  if (!f) throw new Error(`environment kind '${kind}' is not available in this build`);
  return f;
}
