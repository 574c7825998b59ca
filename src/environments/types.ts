/**
 * An environment is where cells run: host, docker, kvm, xen-dom0, xen-domu. Each has a
 * lifecycle prepare → fingerprint → (cells through `transport`) → teardown, and teardown
 * always runs, also after a failure or a cancel.
 */
import type { BootMode, EnvironmentKind, Fingerprint } from '../results/schema.js';
import type { Transport } from '../transport/types.js';
import type { EnvironmentIo } from './io-paths.js';

export interface EnvironmentContext {
  /** The board's transport (local or SSH): environments are started from here. */
  board: Transport;
  /** Folder for this environment's own logs (boot console, docker build, ...). */
  logDir: string;
  /** Cancels preparation (boot waits, image builds). */
  signal?: AbortSignal;
  /** One line of progress for a person. */
  log: (line: string) => void;
  /** The run's id: what the environment starts is labelled with it (containers: a label). */
  runId?: string;
  /**
   * Tells the run's record what the environment made on the board that is no process (a TAP,
   * a bridge, a NAT rule): if the run dies, the next one removes it (engine/leftovers.ts).
   */
  track?: (item: MadeOnBoard) => Promise<void>;
  /**
   * A built byte-UnixBench tree on the board, when the run measures UnixBench: the Docker
   * image carries it (with Perl) at the same path.
   */
  unixbenchTree?: string;
}

/** Something an environment made on the board that outlives its processes. */
export type MadeOnBoard = { kind: 'tap'; tap: string; bridge?: string; natFor?: string; forwardWas?: string };

export interface BenchEnvironment {
  readonly id: string;
  readonly kind: EnvironmentKind;
  readonly bootMode: BootMode;
  /** Start the environment (container, guest, domain); throws with a clear reason. */
  prepare(ctx: EnvironmentContext): Promise<void>;
  /** Facts that decide comparability (kernel, hypervisor, versions, CPU, limits). */
  fingerprint(): Promise<Fingerprint>;
  /** How cells' commands reach the environment; valid between prepare and teardown. */
  transport(): Transport;
  /**
   * Its storage and network paths (valid after prepare): IOzone's scratch folder, the
   * board's address over its own link, its virtual interface on the board. Without it the
   * environment counts as one of the board's own (host-like: 127.0.0.1, default folder).
   */
  io?(): EnvironmentIo;
  /** Stop and remove what prepare made. Never throws; safe after a failed prepare. */
  teardown(): Promise<void>;
}
