/**
 * Environment kinds → how to validate their config and build them. A new kind adds one
 * entry here. The keys every entry shares (`kind`, `id`, `env`) are handled by the
 * config schema; `schema` validates the rest.
 */
import type { z } from 'zod';
import type { Resources } from '../config/resources.js';
import type { BootMode, EnvironmentKind } from '../results/schema.js';
import type { SshHost } from '../transport/ssh.js';
import { DockerEnvironment, DockerEnvironmentConfig } from './docker.js';
import { HostEnvironment, HostEnvironmentConfig } from './host.js';
import { KvmEnvironment, KvmEnvironmentConfig } from './kvm.js';
import type { BenchEnvironment } from './types.js';
import { XenDom0Environment, XenDom0EnvironmentConfig } from './xen-dom0.js';
import { XenDomuEnvironment, XenDomuEnvironmentConfig } from './xen-domu.js';

export interface EnvironmentDeps {
  /** Set when the board is reached over SSH (guests are then reached through it). */
  boardSsh?: SshHost;
  /** The CPUs and memory every environment gets (config `resources`; default the paper's). */
  resources?: Resources;
}

export interface EnvironmentFactory {
  kind: EnvironmentKind;
  /** The boot mode the board must be in for this kind. */
  bootMode: BootMode;
  /** The kind's own keys (without kind/id/env). */
  schema: z.ZodType<object>;
  create(id: string, config: object, deps: EnvironmentDeps): BenchEnvironment;
}

const resourcesOf = (deps: EnvironmentDeps): { resources?: Resources } =>
  deps.resources ? { resources: deps.resources } : {};

export const environmentRegistry: Partial<Record<EnvironmentKind, EnvironmentFactory>> = {
  host: {
    kind: 'host',
    bootMode: 'linux',
    schema: HostEnvironmentConfig,
    create: (id, config, deps) => new HostEnvironment(id, config as HostEnvironmentConfig, resourcesOf(deps)),
  },
  docker: {
    kind: 'docker',
    bootMode: 'linux',
    schema: DockerEnvironmentConfig,
    create: (id, config, deps) =>
      new DockerEnvironment(id, config as DockerEnvironmentConfig, resourcesOf(deps)),
  },
  kvm: {
    kind: 'kvm',
    bootMode: 'linux',
    schema: KvmEnvironmentConfig,
    create: (id, config, deps) =>
      new KvmEnvironment(id, config, {
        ...(deps.boardSsh ? { boardSsh: deps.boardSsh } : {}),
        ...resourcesOf(deps),
      }),
  },
  'xen-dom0': {
    kind: 'xen-dom0',
    bootMode: 'xen',
    schema: XenDom0EnvironmentConfig,
    create: (id, config, deps) =>
      new XenDom0Environment(id, config as XenDom0EnvironmentConfig, resourcesOf(deps)),
  },
  'xen-domu': {
    kind: 'xen-domu',
    bootMode: 'xen',
    schema: XenDomuEnvironmentConfig,
    create: (id, config, deps) =>
      new XenDomuEnvironment(id, config, {
        ...(deps.boardSsh ? { boardSsh: deps.boardSsh } : {}),
        ...resourcesOf(deps),
      }),
  },
};

export function factoryFor(kind: EnvironmentKind): EnvironmentFactory {
  const f = environmentRegistry[kind];
  if (!f) throw new Error(`environment kind '${kind}' is not available in this build`);
  return f;
}
