/** Provenance in results.json and the fingerprints; the first line about a deployment. */
import { describe, expect, it } from 'vitest';
import {
  deployChanges,
  deployFacts,
  deployHeadline,
  headlineMarkdown,
} from '../../../src/deploy/provenance.js';
import { Results, type Deploy } from '../../../src/results/schema.js';
import { makeResults } from '../../helpers/results-factory.js';
import { analyze } from '../../../src/analysis/index.js';

const h = (c: string): string => c.repeat(64);
function deploy(over: Partial<Deploy> = {}): Deploy {
  return {
    id: '0123456789ab',
    commit: 'def5678901234567',
    label: 'PR #7',
    slot: { boot: '/boot/firmware/avb-under-test', dir: '/var/lib/arm-virt-bench/under-test' },
    files: [
      {
        role: 'kernel',
        scope: 'linux',
        source: 'out/Image',
        target: '/boot/firmware/avb-under-test/linux-kernel',
        sha256: h('a'),
        bytes: 9,
      },
      {
        role: 'kernel',
        scope: 'env:kvm',
        source: 'g/Image',
        target: '/var/lib/arm-virt-bench/under-test/env/kvm/kernel',
        sha256: h('b'),
        bytes: 9,
      },
    ],
    args: { 'linux.kernelArgs': 'slub_debug=FZPU' },
    commands: [],
    modes: ['linux'],
    boots: [{ mode: 'linux', outcome: 'booted', bootId: 'x', kernel: '6.1.0' }],
    status: 'deployed',
    ...over,
  };
}

describe('deployFacts (the fingerprint key `deployed`)', () => {
  it('the board in an under-test boot: its boot files and arguments', () => {
    expect(deployFacts(deploy(), { mode: 'linux' })).toEqual({
      deployed: {
        change: 'PR #7@def5678',
        commit: 'def5678901234567',
        slot: 'under-test 0123456789ab',
        'boot.kernel': 'sha256:aaaaaaaaaaaa',
        'boot.kernelArgs': 'slub_debug=FZPU',
      },
    });
  });

  it('an environment: the boot it ran on plus its own guest files', () => {
    expect(deployFacts(deploy(), { mode: 'linux', envId: 'kvm' })).toMatchObject({
      deployed: { 'boot.kernel': 'sha256:aaaaaaaaaaaa', 'guest.kernel': 'sha256:bbbbbbbbbbbb' },
    });
  });

  it('nothing under test reached it: no key (it ran the known-good)', () => {
    expect(deployFacts(deploy(), { mode: 'xen', envId: 'xen-dom0' })).toEqual({});
    // A boot that did not come up from the slot is not claimed as under test.
    expect(deployFacts(deploy({ modes: [] }), { mode: 'linux', envId: 'host' })).toEqual({});
  });
});

describe('deployChanges', () => {
  const cur = { ...makeResults(), deploy: deploy() };
  it('against a baseline on the known-good: every role is a change from known-good', () => {
    expect(deployChanges(cur, makeResults())).toEqual([
      {
        scope: 'linux',
        role: 'kernel',
        baseline: 'known-good',
        current: 'PR #7@def5678 (sha256 aaaaaaaaaaaa)',
      },
      {
        scope: 'env:kvm',
        role: 'kernel',
        baseline: 'known-good',
        current: 'PR #7@def5678 (sha256 bbbbbbbbbbbb)',
      },
      {
        scope: 'linux',
        role: 'kernelArgs',
        baseline: 'known-good',
        current: 'PR #7@def5678: slub_debug=FZPU',
      },
    ]);
  });

  it("against main's nightly deployment: only what differs", () => {
    const base = {
      ...makeResults(),
      deploy: deploy({
        label: 'main',
        commit: 'abc1234000',
        files: [{ ...deploy().files[0]!, sha256: h('c') }, deploy().files[1]!],
      }),
    };
    expect(deployChanges(cur, base)).toEqual([
      {
        scope: 'linux',
        role: 'kernel',
        baseline: 'main@abc1234 (sha256 cccccccccccc)',
        current: 'PR #7@def5678 (sha256 aaaaaaaaaaaa)',
      },
    ]);
  });
});

describe('deployHeadline', () => {
  it('names the deployed commit and the known-good it was compared against', () => {
    const cur = Results.parse({ ...makeResults({ board: 'avb-lab' }), deploy: deploy() });
    const base = Results.parse({
      ...makeResults({ board: 'avb-lab' }),
      run: { ...makeResults().run, gitSha: 'abc1234ffff' },
    });
    expect(deployHeadline(cur, base)).toEqual({
      text: "Deployed PR #7@def5678 (kernel, kernelArgs) to avb-lab's under-test slot (linux boot), compared with the baseline run of abc1234 (the board's known-good).",
    });
    expect(deployHeadline(makeResults())).toBeUndefined();
  });

  it('a change that did not boot says so first, with the stage and what was not measured', () => {
    const r = makeResults({ board: 'avb-lab' });
    r.environments = [
      { id: 'host', kind: 'host', bootMode: 'linux', fingerprint: {}, skipped: 'not measured' },
    ];
    const d = deploy({
      status: 'did-not-boot',
      modes: [],
      boots: [
        {
          mode: 'linux',
          outcome: 'fell-back',
          stage: 'boot loader',
          message:
            'the change did not boot: the under-test linux boot of PR #7@def5678 stopped in the boot loader (U-Boot): Bad Linux ARM64 Image magic!; the board fell back to its known-good.',
        },
      ],
    });
    const h = deployHeadline({ ...r, deploy: d })!;
    expect(headlineMarkdown(h, (x) => x.replace(/!/g, '\\!'))).toBe(
      '**The change did not boot**: the under-test linux boot of PR #7@def5678 stopped in the boot loader (U-Boot): Bad Linux ARM64 Image magic\\!; the board fell back to its known-good. Not measured: host.',
    );
  });
});

describe('the analysis compares what was deployed as a change under test', () => {
  it('against a known-good baseline: each role is a difference, compared (the verdicts include it)', () => {
    const base = makeResults({ board: 'avb-lab', runId: 'base' });
    const cur = makeResults({ board: 'avb-lab', runId: 'cur', means: { host: 0.7, kvm: 0.75 } });
    cur.environments = cur.environments.map((e) => ({
      ...e,
      fingerprint: { ...e.fingerprint, ...deployFacts(deploy(), { mode: 'linux', envId: e.id }) },
    }));
    const a = analyze(cur, { baseline: base });
    const host = a.fingerprintDifferences.filter((d) => d.env === 'host');
    expect(host.map((d) => [d.key, d.baseline, d.current, d.class, d.expected])).toEqual([
      ['deployed.boot.kernel', 'known-good', 'sha256:aaaaaaaaaaaa', 'under-test', true],
      ['deployed.boot.kernelArgs', 'known-good', 'slub_debug=FZPU', 'under-test', true],
      ['deployed.change', 'known-good', 'PR #7@def5678', 'under-test', true],
    ]);
    // Compared, not incomparable: the slower host is a regression the deployed change made.
    expect(a.headline.status).toBe('regression');
    expect(a.notes.join('\n')).toMatch(
      /deployed\.boot\.kernelArgs differs from the baseline's \(.*known-good → slub_debug=FZPU\)/,
    );
  });
});
