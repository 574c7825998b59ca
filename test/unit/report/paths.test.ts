/**
 * The report shows what each environment measured through: its IOzone scratch (source,
 * file system, folder) and its netperf peer (kind, address, interface), from the
 * fingerprint keys `scratch` and `netperfPeer`; escaped like every other untrusted string.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/index.js';
import { renderMarkdown } from '../../../src/report/index.js';
import type { Results } from '../../../src/results/schema.js';
import { paperFixtures } from '../analysis/synthetic.js';

function withPaths(): Results {
  const { current } = paperFixtures();
  const paths: Record<string, object> = {
    host: {
      scratch: { path: '/var/tmp', source: '/dev/vda2', fstype: 'ext4' },
      netperfPeer: { kind: 'controller', address: '10.0.2.2', via: 'eth0' },
    },
    kvm: {
      scratch: { path: '/mnt/avb-scratch', source: '/dev/vda', fstype: 'ext4', device: '254:0' },
      netperfPeer: { kind: 'controller', address: '10.0.2.2', via: 'eth0|<b>' },
    },
  };
  return {
    ...current,
    environments: current.environments.map((e) => ({
      ...e,
      fingerprint: { ...e.fingerprint, ...(paths[e.kind] ?? {}) },
    })),
  };
}

describe('report: measurement paths', () => {
  it('one row per environment that recorded them, in both flavours', () => {
    const a = analyze(withPaths());
    expect(a.environments.find((e) => e.kind === 'kvm')?.paths?.scratch).toEqual({
      path: '/mnt/avb-scratch',
      source: '/dev/vda',
      fstype: 'ext4',
    });
    const md = renderMarkdown(a, { flavor: 'summary' });
    expect(md).toContain('### Measurement paths (read from inside each environment)');
    expect(md).toContain('| Host | /dev/vda2 \\(ext4\\) at /var/tmp | controller 10.0.2.2 via eth0 |');
    expect(md).toContain(
      '| KVM | /dev/vda \\(ext4\\) at /mnt/avb-scratch | controller 10.0.2.2 via eth0\\|&lt;b&gt; |',
    );
    expect(md).not.toContain('<b>');
    const comment = renderMarkdown(a, { flavor: 'comment' });
    expect(comment).toMatch(/<details><summary>Measurement paths \(read from inside each environment\)/);
  });

  it('nothing when no environment recorded them (results of older versions)', () => {
    const md = renderMarkdown(analyze(paperFixtures().current), { flavor: 'summary' });
    expect(md).not.toContain('Measurement paths');
  });
});
