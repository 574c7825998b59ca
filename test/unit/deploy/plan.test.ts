/** The deployment plan: slot layout, boot-loader names, one copy of identical boot files, the id. */
import { describe, expect, it } from 'vitest';
import { DeployConfig } from '../../../src/config/deploy.js';
import { changeName, deploySources, planDeployment, type HashedSource } from '../../../src/deploy/plan.js';

const h = (c: string): string => c.repeat(64);
function hashed(d: DeployConfig, hashes: Record<string, string>): HashedSource[] {
  return deploySources(d, '/ws').map((s) => ({ ...s, sha256: hashes[s.source] ?? h('0'), bytes: 10 }));
}

describe('planDeployment', () => {
  const d = DeployConfig.parse({
    linux: { kernel: 'out/Image', dtb: 'out/b.dtb', kernelArgs: 'slub_debug=FZPU' },
    xen: { xen: '/abs/xen', kernel: 'out/Image', xenArgs: 'dom0_max_vcpus=2' },
    modules: 'out/modules.tgz',
    environments: { kvm: { kernel: 'g/Image', qemuArgs: ['-smp', '1'] }, docker: { image: 'img.tar' } },
    files: [{ from: 'tools/probe', name: 'probe' }],
  });
  const sources = hashed(d, {
    'out/Image': h('a'),
    'out/b.dtb': h('b'),
    '/abs/xen': h('c'),
    'g/Image': h('a'),
  });

  it('resolves workspace paths and names each source by its config key', () => {
    const s = deploySources(d, '/ws');
    expect(s.map((x) => [x.key, x.local])).toEqual([
      ['deploy.linux.kernel', '/ws/out/Image'],
      ['deploy.linux.dtb', '/ws/out/b.dtb'],
      ['deploy.xen.kernel', '/ws/out/Image'],
      ['deploy.xen.xen', '/abs/xen'],
      ['deploy.modules', '/ws/out/modules.tgz'],
      ['deploy.environments.kvm.kernel', '/ws/g/Image'],
      ['deploy.environments.docker.image', '/ws/img.tar'],
      ['deploy.files.0.from', '/ws/tools/probe'],
    ]);
    expect(deploySources({ ...d, workspace: 'build' }, '/ws')[0]!.local).toBe('/ws/build/out/Image');
  });

  it('lays out the slot: boot files on the boot partition, the rest in the slot folder', () => {
    const p = planDeployment(d, sources, { commit: 'abcdef1234567890', label: 'PR #7' });
    const t = Object.fromEntries(p.files.map((f) => [`${f.scope}.${f.role}`, [f.target, f.bootName]]));
    expect(t).toEqual({
      'linux.kernel': ['/boot/firmware/avb-under-test/linux-kernel', 'avb-under-test/linux-kernel'],
      'linux.dtb': ['/boot/firmware/avb-under-test/linux-dtb', 'avb-under-test/linux-dtb'],
      // Dom0's kernel is Linux's: the same bytes, one copy.
      'xen.kernel': ['/boot/firmware/avb-under-test/linux-kernel', 'avb-under-test/linux-kernel'],
      'xen.xen': ['/boot/firmware/avb-under-test/xen-xen', 'avb-under-test/xen-xen'],
      'modules.modules': ['/var/lib/arm-virt-bench/under-test/modules/archive', undefined],
      // A guest kernel with the same bytes is still the guest's own file (another partition).
      'env:kvm.kernel': ['/var/lib/arm-virt-bench/under-test/env/kvm/kernel', undefined],
      'env:docker.image': ['/var/lib/arm-virt-bench/under-test/env/docker/image', undefined],
      'files.file': ['/var/lib/arm-virt-bench/under-test/files/probe', undefined],
    });
    expect(p.copies).toHaveLength(7);
    expect(p.boots).toEqual({
      linux: {
        files: { kernel: 'avb-under-test/linux-kernel', dtb: 'avb-under-test/linux-dtb' },
        kernelArgs: 'slub_debug=FZPU',
      },
      xen: {
        files: { kernel: 'avb-under-test/linux-kernel', xen: 'avb-under-test/xen-xen' },
        xenArgs: 'dom0_max_vcpus=2',
      },
    });
    expect(p.environments).toEqual({
      kvm: { kernel: '/var/lib/arm-virt-bench/under-test/env/kvm/kernel' },
      docker: { image: '/var/lib/arm-virt-bench/under-test/env/docker/image' },
    });
    expect(p.imageTags).toEqual({ docker: `arm-virt-bench/under-test-docker:${p.id}` });
    expect(p.args).toEqual({
      'linux.kernelArgs': 'slub_debug=FZPU',
      'xen.xenArgs': 'dom0_max_vcpus=2',
      'env:kvm.qemuArgs': '-smp 1',
    });
    expect(p.id).toMatch(/^[0-9a-f]{12}$/);
  });

  it('the id changes with any content, argument or commit, and only then', () => {
    const id = (dd: DeployConfig, s = sources, commit = 'abc1234') => planDeployment(dd, s, { commit }).id;
    const base = id(d);
    expect(id(d)).toBe(base);
    expect(
      id(
        d,
        sources.map((s) => (s.role === 'dtb' ? { ...s, sha256: h('e') } : s)),
      ),
    ).not.toBe(base);
    expect(id({ ...d, linux: { ...d.linux, kernelArgs: 'quiet' } })).not.toBe(base);
    expect(id(d, sources, 'def5678')).not.toBe(base);
    expect(
      id({
        ...d,
        environments: { ...d.environments, kvm: { ...d.environments.kvm, qemuArgs: ['-smp', '2'] } },
      }),
    ).not.toBe(base);
  });

  it('a boot mode with only arguments under test still boots from the slot', () => {
    const only = DeployConfig.parse({ linux: { kernelArgs: 'maxcpus=1' } });
    expect(planDeployment(only, []).boots).toEqual({ linux: { files: {}, kernelArgs: 'maxcpus=1' } });
  });

  it('names the change', () => {
    expect(changeName({ commit: 'abcdef123', label: 'PR #7' })).toBe('PR #7@abcdef1');
    expect(changeName({ commit: 'abcdef123' })).toBe('abcdef1');
    expect(changeName({})).toBe('unknown commit');
  });
});
