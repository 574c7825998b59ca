/**
 * `probe` (also `run --dry-run`): validate the config, resolve the plan, reach the board and
 * fingerprint it, list the cells the run would measure with a nominal estimate of their time.
 * Nothing is measured, prepared or locked.
 */
import { BoardConfigError } from '../board/errors.js';
import type { PresetName } from '../config/presets.js';
import type { Config } from '../config/schema.js';
import { dryRun, type DryRun } from '../engine/dry-run.js';
import { formatDuration } from '../engine/reporter.js';
import { lineReporter } from '../engine/reporter.js';
import { LocalTransport } from '../transport/local.js';
import { SshTransport, sshHostFromConfig } from '../transport/ssh.js';
import type { Transport } from '../transport/types.js';
import { invoke, type Command } from './command.js';
import { EXIT } from './exit.js';
import { CONFIG_OPTIONS, configOf, envsOf, presetOf } from './run-config.js';

function gib(bytes: unknown): string | undefined {
  return typeof bytes === 'number' ? `${(bytes / 2 ** 30).toFixed(1)} GiB` : undefined;
}

/** The dry run as text a person reads (stdout). */
export function formatDryRun(d: DryRun): string {
  const out: string[] = [];
  const b = d.board;
  if (b.error) out.push(`board ${b.name} (${b.via}): does not answer: ${b.error}`);
  else {
    const fp = b.fingerprint ?? {};
    const facts = [
      `${b.mode} mode`,
      typeof fp['kernel'] === 'string' ? `kernel ${fp['kernel']}` : undefined,
      typeof fp['arch'] === 'string' ? fp['arch'] : undefined,
      typeof fp['cpus'] === 'number' ? `${fp['cpus']} CPUs` : undefined,
      typeof fp['cpuModel'] === 'string' ? fp['cpuModel'] : undefined,
      gib(fp['memoryBytes']),
      typeof fp['hypervisor'] === 'string' ? `hypervisor ${fp['hypervisor']}` : undefined,
      typeof fp['kvm'] === 'string' && /\/dev\/kvm present/.test(fp['kvm']) ? '/dev/kvm' : undefined,
      typeof fp['qemuVersion'] === 'string' ? `QEMU ${fp['qemuVersion']}` : undefined,
      typeof fp['dockerVersion'] === 'string' ? `Docker ${fp['dockerVersion']}` : undefined,
    ].filter(Boolean);
    out.push(`board ${b.name} (${b.via}): answers — ${facts.join(' · ')}`);
    const tools = fp['toolVersions'];
    if (tools && typeof tools === 'object')
      out.push(
        `  tools on the board: ${Object.entries(tools as Record<string, string>)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
      );
  }
  out.push(
    '',
    `plan (preset ${d.preset}; nominal durations, the run's own ETA is better once cells are measured):`,
  );
  for (const g of d.groups) {
    out.push(`  ${g.bootMode} boot:`);
    for (const e of g.environments) {
      for (const s of e.suites) {
        out.push(
          `    ${e.id.padEnd(12)} ${s.suite.padEnd(10)} ${String(s.cells.length).padStart(3)} cells × ${s.runs} runs  ≈ ${formatDuration(s.seconds * 1000).padStart(7)}  (${s.cells.join(', ')})`,
        );
      }
    }
  }
  for (const u of d.unreachable) out.push(`  skipped ${u.id}: ${u.reason}`);
  if (d.switches > 0)
    out.push(
      `  ${d.switches} boot switch(es) ≈ ${formatDuration(d.switchSeconds * 1000)} each (board.expectedSwitchSeconds)`,
    );
  out.push(
    '',
    `total: ${d.cellRuns} cell runs${d.switches ? ` and ${d.switches} boot switch(es)` : ''}, ≈ ${formatDuration(d.seconds * 1000)} (without preparing the environments)`,
    'nothing was measured.',
  );
  return `${out.join('\n')}\n`;
}

/** Runs the dry run against the configured board; prints it; the exit status. */
export async function probeBoard(
  config: Config,
  options: { envs?: string[] | undefined; preset?: PresetName | undefined },
): Promise<number> {
  const c = config.board.connection;
  let board: Transport;
  try {
    board = c.type === 'local' ? new LocalTransport() : new SshTransport(sshHostFromConfig(c));
  } catch (err) {
    throw new BoardConfigError(`board ${config.board.name}: ${(err as Error).message}`);
  }
  try {
    const d = await dryRun(config, {
      ...(options.envs ? { envs: options.envs } : {}),
      ...(options.preset ? { preset: options.preset } : {}),
      board,
      canSwitch: c.type === 'ssh' && config.board.switch !== undefined,
    });
    process.stdout.write(formatDryRun(d));
    return d.board.error ? EXIT.partial : EXIT.ok;
  } finally {
    await board.close().catch(() => undefined);
  }
}

export const probe: Command = {
  spec: {
    name: 'probe',
    brief: 'check config and board, list the plan; measure nothing',
    summary:
      'Check before measuring: validate the config, reach the board and fingerprint it, and list the cells a run would measure with an estimate of their time. Measures nothing, prepares no environment, takes no lock.',
    options: [...CONFIG_OPTIONS],
    notes: [
      'Exit status: 0 the board answers, 1 it does not (the reason on stdout), 2 usage or configuration error (bad config, nothing to measure, the board refused the host key or the ssh key).',
    ],
    examples: [
      'arm-virt-bench probe --config lab/board.yml',
      'arm-virt-bench probe --env host,docker --preset paper',
    ],
  },
  async run({ values }) {
    const preset = presetOf(values);
    const envs = envsOf(values);
    const config = await configOf(
      values,
      envs,
      lineReporter((t) => process.stderr.write(t)),
    );
    return probeBoard(config, { envs, preset });
  },
};

export const probeCommand = (args: string[]): Promise<number> => invoke(probe, args);
