/**
 * The workflow examples and the example config, as a user copies them: the expressions that
 * decide whether they work are evaluated with GitHub's own expression library
 * (test/helpers/workflow-expressions.ts) in the scenarios that matter, and the config is
 * validated by the config schema. (Schema validity of the workflows: schemas.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../src/config/load.js';
import { EXAMPLE_CONFIG } from '../../../src/github/measure.js';
import { interpolate, jobRuns, secretNames, type Scenario } from '../../helpers/workflow-expressions.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const text = (file: string) => readFileSync(join(ROOT, 'workflows-examples', file), 'utf8');

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  'runs-on': string | string[];
  concurrency?: { group: string; 'cancel-in-progress'?: boolean | string };
  strategy?: { matrix?: { include?: Record<string, string>[] } & Record<string, unknown> };
  outputs?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  concurrency?: { group: string };
  jobs: Record<string, Job>;
}
const workflow = (file: string) => parse(text(file)) as Workflow;

const REPO = 'lab/bsp';
const github = (event_name: string, extra: Record<string, unknown> = {}) => ({
  github: {
    event_name,
    repository: REPO,
    ref: event_name === 'pull_request' ? 'refs/pull/7/merge' : 'refs/heads/main',
    event: {},
    ...extra,
  },
});
const forkPr = github('pull_request', {
  event: { pull_request: { number: 7, head: { repo: { full_name: 'stranger/bsp' } } } },
});
const ownPr = github('pull_request', {
  event: { pull_request: { number: 7, head: { repo: { full_name: REPO } } } },
});

/** Every matrix combination of a job (include entries, or one empty combination). */
function combinations(job: Job): Record<string, string>[] {
  const m = job.strategy?.matrix;
  if (!m) return [{}];
  const lists = Object.entries(m).filter(([k]) => k !== 'include' && k !== 'exclude') as [string, string[]][];
  let combos: Record<string, string>[] = [{}];
  for (const [k, values] of lists) combos = combos.flatMap((c) => values.map((v) => ({ ...c, [k]: v })));
  return lists.length > 0 ? combos : (m.include ?? [{}]);
}

const WORKFLOWS = [
  'board-farm.yml',
  'fork-pr-bench.yml',
  'fork-safe-report.yml',
  'kernel-nightly.yml',
  'kernel-pr.yml',
  'nightly.yml',
  'pr-check.yml',
  'reboot-chain.yml',
];

describe('workflow examples, as copied', () => {
  it.each(WORKFLOWS)('%s: every secret it reads has a valid secret name', (file) => {
    const wf = workflow(file);
    // GitHub: letters, digits and _ only, not starting with a digit nor with GITHUB_.
    const valid = /^(?!GITHUB_)[A-Za-z_][A-Za-z0-9_]*$/i;
    for (const [id, job] of Object.entries(wf.jobs)) {
      for (const matrix of combinations(job)) {
        const names = secretNames(JSON.stringify(job), { contexts: { matrix, ...github('push') } });
        for (const name of names)
          expect(name, `${file} job ${id} (${JSON.stringify(matrix)})`).toMatch(valid);
      }
    }
  });

  it('the old board-farm pattern (a secret name built from a board id with a dash) is caught', () => {
    const names = secretNames("${{ secrets[format('BOARD_SSH_KEY_{0}', matrix.board)] }}", {
      contexts: { matrix: { board: 'odroid-xu4' } },
    });
    expect(names).toEqual(['BOARD_SSH_KEY_odroid-xu4']);
    expect(names[0]).not.toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
  });

  it.each(['board-farm.yml', 'pr-check.yml'])(
    '%s: a fork PR never reaches the board; own PRs, pushes and the schedule do',
    (file) => {
      const bench = workflow(file).jobs.bench!;
      expect(jobRuns(bench.if, { contexts: forkPr })).toBe(false);
      expect(jobRuns(bench.if, { contexts: ownPr })).toBe(true);
      expect(jobRuns(bench.if, { contexts: github('push') })).toBe(true);
      expect(jobRuns(bench.if, { contexts: github('schedule') })).toBe(true);
    },
  );

  it.each([
    ['board-farm.yml', ['bench']],
    ['reboot-chain.yml', ['linux', 'xen']],
    ['kernel-pr.yml', ['bench']],
    ['kernel-nightly.yml', ['paper']],
  ])(
    '%s: the report job does not run when the benchmark was skipped, and does when a board failed',
    (file, needs) => {
      const report = workflow(file).jobs.report!;
      const scenario = (
        result: 'success' | 'failure' | 'skipped' | 'cancelled',
        cancelled = false,
      ): Scenario => ({
        contexts: {
          needs: Object.fromEntries(needs.map((n) => [n, { result, outputs: {} }])),
          ...github('pull_request'),
        },
        needs: Object.fromEntries(needs.map((n) => [n, result])),
        cancelled,
      });
      expect(jobRuns(report.if, scenario('skipped'))).toBe(false);
      expect(jobRuns(report.if, scenario('failure'))).toBe(true);
      expect(jobRuns(report.if, scenario('success'))).toBe(true);
      expect(jobRuns(report.if, scenario('cancelled', true))).toBe(false);
    },
  );

  it('the old report condition (`!cancelled()` alone) would run after a skipped benchmark', () => {
    expect(jobRuns('${{ !cancelled() }}', { contexts: {}, needs: { bench: 'skipped' } })).toBe(true);
  });

  it('PR and nightly runs of one board share one concurrency group, which never cancels a run in progress', () => {
    const pr = workflow('pr-check.yml').jobs.bench!;
    const nightly = workflow('nightly.yml').jobs.paper!;
    expect(pr['runs-on']).toEqual(nightly['runs-on']);
    const groupOf = (job: Job, s: Scenario) => interpolate(job.concurrency!.group, s);
    const prGroup = groupOf(pr, { contexts: ownPr });
    expect(prGroup).toBe(groupOf(pr, { contexts: github('push') }));
    expect(prGroup).toBe(groupOf(nightly, { contexts: github('schedule') }));
    expect(prGroup).toBe(groupOf(nightly, { contexts: github('workflow_dispatch') }));
    for (const job of [pr, nightly]) expect(job.concurrency!['cancel-in-progress']).toBe(false);
    // The farm's group for a board is the same kind of name, one per board.
    const farm = workflow('board-farm.yml').jobs.bench!;
    const farmGroups = combinations(farm).map((matrix) =>
      groupOf(farm, { contexts: { matrix, ...github('push') } }),
    );
    expect(farmGroups).toEqual([
      'arm-virt-bench-board-rk3399',
      'arm-virt-bench-board-imx8mq',
      'arm-virt-bench-board-odroid-xu4',
    ]);
    // Superseded runs of one PR are cancelled by the workflow-level group, which is per PR.
    const wfGroup = (n: number) =>
      interpolate(workflow('pr-check.yml').concurrency!.group, {
        contexts: github('pull_request', { event: { pull_request: { number: n } } }),
      });
    expect(wfGroup(7)).not.toBe(wfGroup(8));
  });

  it('every workflow that benchmarks also runs on trusted events of main, so that baseline auto finds a run', () => {
    for (const file of [
      'pr-check.yml',
      'kernel-pr.yml',
      'kernel-nightly.yml',
      'board-farm.yml',
      'fork-pr-bench.yml',
      'nightly.yml',
      'reboot-chain.yml',
    ]) {
      const on = Object.keys(workflow(file).on);
      expect(
        on.some((e) => ['push', 'schedule', 'workflow_dispatch'].includes(e)),
        file,
      ).toBe(true);
    }
    // The fork pattern: its benchmark workflow pushes to main too, and the report looks at it.
    const forkBench = workflow('fork-pr-bench.yml');
    expect((forkBench.on.push as { branches: string[] }).branches).toEqual(['main']);
    const report = workflow('fork-safe-report.yml');
    expect((report.on.workflow_run as { workflows: string[] }).workflows).toEqual([
      (parse(text('fork-pr-bench.yml')) as { name: string }).name,
    ]);
  });

  describe('reboot-chain.yml', () => {
    const wf = workflow('reboot-chain.yml');
    const { linux, gate, xen } = wf.jobs as Record<string, Job>;

    it('waits for the new boot (boot_id changed and /proc/xen present) before it measures', () => {
      // job 1 records the boot id it ran in, as an output of a step.
      const bootStep = linux!.steps.find((s) => s.id === 'boot')!;
      expect(bootStep.run).toMatch(
        /boot_id=\$\(cat \/proc\/sys\/kernel\/random\/boot_id\)" >> "\$GITHUB_OUTPUT"/,
      );
      expect(linux!.outputs!.boot_id).toBe('${{ steps.boot.outputs.boot_id }}');
      // job 3 compares the current boot id with it and requires Xen, before the action runs.
      const wait = xen!.steps.findIndex((s) => /\/proc\/sys\/kernel\/random\/boot_id/.test(s.run ?? ''));
      const bench = xen!.steps.findIndex((s) => s.uses?.startsWith('org/arm-virt-bench'));
      expect(wait).toBeGreaterThanOrEqual(0);
      expect(wait).toBeLessThan(bench);
      const step = xen!.steps[wait]!;
      expect(step.env!.OLD_BOOT_ID).toBe('${{ needs.linux.outputs.boot_id }}');
      expect(step.run).toMatch(/"\$now" != "\$OLD_BOOT_ID"/);
      expect(step.run).toMatch(/-e \/proc\/xen\//);
      expect(step.run).toMatch(/exit 1/);
      // and it cannot be picked up in the old boot: it also waits on a gate that runs elsewhere.
      expect(xen!.needs).toEqual(['linux', 'gate']);
      expect(gate!['runs-on']).toBe('ubuntu-latest');
      expect(gate!.needs).toBe('linux');
    });

    it('sets the boot variable the boot script reads (bootmode), one-shot with the bootcount fallback', () => {
      const arm = linux!.steps.find((s) => /fw_setenv/.test(s.run ?? ''))!.run!;
      const config = parseConfigText(readFileSync(join(ROOT, EXAMPLE_CONFIG), 'utf8'), EXAMPLE_CONFIG);
      const variable = config.board.switch?.type === 'uboot-env' ? config.board.switch.variable : undefined;
      expect(variable).toBe('bootmode');
      expect(arm).toMatch(new RegExp(`fw_setenv ${variable} xen\\b`));
      for (const v of ['bootlimit', 'altbootcmd', 'bootcount 0', 'upgrade_available 1'])
        expect(arm).toContain(`fw_setenv ${v}`);
      expect(arm).not.toMatch(/avb_next_boot/);
      // The tested boot script (lab/boot.cmd) branches on that very variable.
      const script = readFileSync(join(ROOT, 'lab/boot.cmd'), 'utf8');
      expect(script).toMatch(new RegExp(`\\$\\{${variable}\\}`));
      const restore = xen!.steps.find((s) => s.name === 'Back to the default boot')!;
      expect(restore.if).toBe('always()');
      expect(restore.run).toMatch(new RegExp(`fw_setenv ${variable} linux`));
    });
  });
});

describe('workflows-examples/arm-virt-bench.yml (the example config)', () => {
  const file = join(ROOT, EXAMPLE_CONFIG);

  it('is valid against the config schema: one board over SSH, host + docker + kvm, U-Boot switching to Xen', () => {
    const config = parseConfigText(readFileSync(file, 'utf8'), EXAMPLE_CONFIG);
    expect(config.board.connection).toMatchObject({ type: 'ssh', identityEnv: 'BOARD_SSH_KEY' });
    expect(config.board.switch).toMatchObject({
      type: 'uboot-env',
      variable: 'bootmode',
      values: { linux: 'linux', xen: 'xen' },
    });
    expect(config.board.defaultBootMode).toBe('linux');
    expect(config.environments.map((e) => e.kind)).toEqual(['host', 'docker', 'kvm', 'xen-dom0', 'xen-domu']);
  });

  it('is what the workflows read: the default config path and the secret they pass', () => {
    const config = parseConfigText(readFileSync(file, 'utf8'), EXAMPLE_CONFIG);
    const env = (config.board.connection as { identityEnv?: string }).identityEnv!;
    for (const wfFile of ['pr-check.yml', 'nightly.yml']) {
      const steps = Object.values(workflow(wfFile).jobs).flatMap((j) => j.steps);
      const action = steps.find((s) => s.uses?.startsWith('org/arm-virt-bench'))!;
      expect(action.with!.config).toBe('.github/arm-virt-bench.yml');
      expect(action.env![env]).toBe(`\${{ secrets.${env} }}`);
    }
  });

  it('a broken copy is refused with the path and the key (so the tests above can fail)', () => {
    const broken = readFileSync(file, 'utf8').replace('type: uboot-env', 'type: uboot-envv');
    expect(() => parseConfigText(broken, EXAMPLE_CONFIG)).toThrow(/arm-virt-bench\.yml: board\.switch/);
  });
});

describe('kernel-pr.yml and kernel-nightly.yml (a kernel repository: build, deploy, measure)', () => {
  it('a fork PR is neither built for the lab nor run on it; own PRs and pushes to main are', () => {
    const build = workflow('kernel-pr.yml').jobs.build!;
    expect(jobRuns(build.if, { contexts: forkPr })).toBe(false);
    expect(jobRuns(build.if, { contexts: ownPr })).toBe(true);
    expect(jobRuns(build.if, { contexts: github('push') })).toBe(true);
    // The board job needs the build: skipped with it.
    expect(workflow('kernel-pr.yml').jobs.bench!.needs).toBe('build');
  });

  it('builds the PR head, not the merge commit (the commit the comment names)', () => {
    const checkout = workflow('kernel-pr.yml').jobs.build!.steps.find((s) =>
      s.uses?.startsWith('actions/checkout'),
    )!;
    const ref = (c: Record<string, unknown>) => interpolate(checkout.with!.ref!, { contexts: c });
    expect(
      ref(github('pull_request', { sha: 'merge', event: { pull_request: { head: { sha: 'head' } } } })),
    ).toBe('head');
    expect(ref(github('push', { sha: 'pushed' }))).toBe('pushed');
  });

  it('every build is downloaded where its board job looks for it, for the arch of that board', () => {
    for (const [file, bench] of [
      ['kernel-pr.yml', 'bench'],
      ['kernel-nightly.yml', 'paper'],
    ] as const) {
      const wf = workflow(file);
      const built = combinations(wf.jobs.build!).map((m) =>
        interpolate('kernel-${{ matrix.arch }}', { contexts: { matrix: m } }),
      );
      const upload = wf.jobs.build!.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))!;
      expect(upload.with!.name).toBe('kernel-${{ matrix.arch }}');
      const job = wf.jobs[bench]!;
      const download = job.steps.find((s) => s.uses?.startsWith('actions/download-artifact'))!;
      for (const m of combinations(job)) {
        expect(built).toContain(interpolate(download.with!.name!, { contexts: { matrix: m } }));
        expect(download.with!.path).toBe('build');
      }
    }
  });

  it("shares each board's concurrency group with the other workflows of that board, never cancelling a run in progress", () => {
    const group = (file: string, job: string) => {
      const j = workflow(file).jobs[job]!;
      expect(j.concurrency!['cancel-in-progress']).toBe(false);
      return combinations(j).map((m) =>
        interpolate(j.concurrency!.group, { contexts: { matrix: m, ...github('push') } }),
      );
    };
    expect(group('kernel-pr.yml', 'bench')).toEqual([
      'arm-virt-bench-board-rk3399',
      'arm-virt-bench-board-arndale',
    ]);
    expect(group('kernel-nightly.yml', 'paper')).toEqual(group('kernel-pr.yml', 'bench'));
    expect(group('kernel-pr.yml', 'bench')).toContain(
      interpolate(workflow('pr-check.yml').jobs.bench!.concurrency!.group, { contexts: ownPr }),
    );
  });
});
