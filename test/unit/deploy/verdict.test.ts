/** The action's verdict when the code under test did not boot: it decides before any regression. */
import { describe, expect, it } from 'vitest';
import { withDeployment, type Decision } from '../../../src/github/verdict.js';
import type { Deploy, Results } from '../../../src/results/schema.js';
import { makeResults } from '../../helpers/results-factory.js';

const pass: Decision = {
  verdict: 'pass',
  regressions: 0,
  fail: false,
  conclusion: 'success',
  title: 'No regression against the baseline',
};
const deploy = (status: Deploy['status'], boots: Deploy['boots'] = []): Deploy => ({
  id: '0123456789ab',
  slot: { boot: '/b', dir: '/d' },
  files: [],
  args: {},
  commands: [],
  modes: [],
  boots,
  status,
});
const withDeploy = (board: string, d: Deploy): Results => ({ ...makeResults({ board }), deploy: d });

describe('withDeployment', () => {
  it('a change that did not boot fails the check and says where it stopped', () => {
    const r = withDeploy(
      'avb-lab',
      deploy('did-not-boot', [{ mode: 'linux', outcome: 'fell-back', stage: 'boot loader' }]),
    );
    expect(withDeployment(pass, [r], 'overhead-regression')).toEqual({
      verdict: 'did-not-boot',
      regressions: 0,
      fail: true,
      conclusion: 'failure',
      title: 'The change did not boot on avb-lab: its linux boot stopped in the boot loader',
    });
    expect(withDeployment(pass, [r], 'never')).toMatchObject({
      fail: false,
      conclusion: 'neutral',
      verdict: 'did-not-boot',
    });
  });

  it('a deployment that failed before any boot; several boards', () => {
    const a = withDeploy('a', deploy('failed'));
    const b = withDeploy(
      'b',
      deploy('did-not-boot', [{ mode: 'xen', outcome: 'unreachable', stage: 'xen' }]),
    );
    expect(withDeployment(pass, [a, b], 'regression')).toMatchObject({
      verdict: 'deploy-failed',
      title: 'The change could not be deployed to a (and 1 more board)',
    });
  });

  it('a deployment that booted changes nothing; nor does a run without one', () => {
    expect(withDeployment(pass, [withDeploy('a', deploy('deployed'))], 'regression')).toBe(pass);
    expect(withDeployment(pass, [makeResults()], 'regression')).toBe(pass);
  });
});
