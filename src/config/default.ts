/**
 * The embedded default config for the local machine (`run` without `--config`): the
 * host always, plus the environments the machine can offer — decided by probes in
 * src/engine/local-default.ts, which hand their findings in here.
 */
import { TEN_SECOND_UNIXBENCH_TESTS } from './presets.js';
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
    // `quick`, trimmed so that a run with an emulated (TCG) guest stays within a few
    // minutes: under TCG one hackbench group of 500 loops alone takes minutes.
    runs: 2,
    suites: {
      hackbench: { modes: ['process'], ipc: ['socket', 'pipe'], groups: [1], loops: 100 },
      iozone: { fileSizesKb: [256], tests: ['write-rewrite', 'read-reread'] },
      netperf: { messageBytes: [1024], tests: ['TCP_STREAM', 'TCP_RR'], lengthSeconds: 1 },
      // All of UnixBench's 10-second tests (quick picks three of them for PRs).
      unixbench: offer.unixbenchPath
        ? { path: offer.unixbenchPath, tests: [...TEN_SECOND_UNIXBENCH_TESTS] }
        : { enabled: false },
    },
  };
}
