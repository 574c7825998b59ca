/** Environments pointed at their deployed files, validated again by their kind's schema. */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load.js';
import { applyDeployment } from '../../../src/deploy/environments.js';
import { deploySources, planDeployment } from '../../../src/deploy/plan.js';

const ssh = { identityFile: 'k', hostKey: 'ssh-ed25519 AAAA' };
const base = {
  environments: [
    {
      kind: 'kvm',
      boot: { kernel: '/srv/Image', initrd: '/srv/initrd', append: 'console=ttyAMA0' },
      ssh,
      extraArgs: ['-no-hpet'],
    },
    {
      kind: 'xen-domu',
      name: 'g',
      generate: { kernel: '/srv/Image', bridge: 'xenbr0' },
      address: '10.0.0.2',
      ssh,
    },
    { kind: 'docker' },
    { kind: 'host' },
  ],
};

function apply(deploy: object) {
  const c = parseConfig({ ...base, deploy });
  const plan = planDeployment(
    c.deploy!,
    deploySources(c.deploy!, '/ws').map((s) => ({ ...s, sha256: '1'.repeat(64), bytes: 1 })),
  );
  return { out: applyDeployment(c, c.deploy!, plan), plan };
}

describe('applyDeployment', () => {
  it('kvm: the deployed kernel, the configured initrd and append kept, QEMU arguments appended', () => {
    const { out } = apply({ environments: { kvm: { kernel: 'g/Image', qemuArgs: ['-smp', '1'] } } });
    expect(out.environments[0]!.settings).toMatchObject({
      boot: {
        kernel: '/var/lib/arm-virt-bench/under-test/env/kvm/kernel',
        initrd: '/srv/initrd',
        append: 'console=ttyAMA0',
      },
      extraArgs: ['-no-hpet', '-smp', '1'],
    });
  });

  it('kvm: a deployed disk replaces the kernel boot', () => {
    const { out } = apply({ environments: { kvm: { disk: 'disk.qcow2', diskFormat: 'qcow2' } } });
    expect(out.environments[0]!.settings).toMatchObject({
      boot: { disk: '/var/lib/arm-virt-bench/under-test/env/kvm/disk', format: 'qcow2' },
    });
  });

  it('xen-domu: kernel, ramdisk and cmdline of the generated domain; or a deployed domain config', () => {
    const { out } = apply({
      environments: { 'xen-domu': { kernel: 'k', initrd: 'r', append: 'console=hvc0 quiet' } },
    });
    expect(out.environments[1]!.settings).toMatchObject({
      generate: {
        kernel: '/var/lib/arm-virt-bench/under-test/env/xen-domu/kernel',
        ramdisk: '/var/lib/arm-virt-bench/under-test/env/xen-domu/initrd',
        cmdline: 'console=hvc0 quiet',
      },
    });
    const cfg = apply({ environments: { 'xen-domu': { domainConfig: 'g.cfg' } } }).out.environments[1]!
      .settings;
    expect(cfg).toMatchObject({
      configFile: '/var/lib/arm-virt-bench/under-test/env/xen-domu/domain-config',
    });
    expect(cfg).not.toHaveProperty('generate');
  });

  it("docker: the deployed image, by the deployment's tag", () => {
    const { out, plan } = apply({ environments: { docker: { image: 'img.tar' } } });
    expect(out.environments[2]!.settings).toMatchObject({
      image: `arm-virt-bench/under-test-docker:${plan.id}`,
    });
  });

  it('environments without deployed files are untouched', () => {
    const { out } = apply({ files: [{ from: 'tool', name: 'tool' }] });
    expect(out.environments).toEqual(parseConfig(base).environments);
  });
});
