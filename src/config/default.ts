/**
 * The embedded default config for the local machine (`run` without `--config`): the
 * host always, plus the environments the machine can offer — decided by probes in
 * src/engine/local-default.ts, which hand their findings in here.
 */
import type { ConfigInput } from './schema.js';

export interface LocalOffer {
  /** Environment entries the machine can offer (kind, id, kind's settings). */
  environments: Record<string, unknown>[];
  /** Whether a built UnixBench tree was found, and where. */
  unixbenchPath?: string;
}

export function defaultLocalConfig(offer: LocalOffer): ConfigInput {
  return {
    board: { name: 'local', connection: { type: 'local' } },
    preset: 'quick',
    environments: [{ kind: 'host' }, ...offer.environments] as ConfigInput['environments'],
    suites: offer.unixbenchPath
      ? { unixbench: { path: offer.unixbenchPath } }
      : { unixbench: { enabled: false } },
  };
}
