/** The `deploy` section of the config: defaults, and the checks against the board and environments. */
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../src/config/load.js';
import { touchesBoot } from '../../../src/config/deploy.js';

const sshBoard = {
  name: 'lab',
  connection: { type: 'ssh', host: '10.0.0.2', identityFile: 'k', knownHosts: 'kh' },
  switch: { type: 'uboot-env', oneShot: {} },
};
const envs = [
  { kind: 'host' },
  { kind: 'kvm', boot: { kernel: '/k' }, ssh: { identityFile: 'k', hostKey: 'ssh-ed25519 AAAA' } },
  { kind: 'docker' },
  {
    kind: 'xen-domu',
    name: 'd',
    generate: { kernel: '/k', bridge: 'xenbr0' },
    address: '192.168.100.2',
    ssh: { identityFile: 'k', hostKey: 'ssh-ed25519 AAAA' },
  },
];

function problems(data: unknown): string[] {
  try {
    parseConfig(data, 'c.yml');
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('deploy config', () => {
  it('fills the slot defaults of the lab boot script (lab/boot.cmd)', () => {
    const c = parseConfig({
      board: sshBoard,
      environments: envs,
      deploy: { linux: { kernel: 'out/Image' } },
    });
    expect(c.deploy?.slot).toMatchObject({
      bootDir: '/boot/firmware',
      name: 'avb-under-test',
      dir: '/var/lib/arm-virt-bench/under-test',
      uboot: {
        variables: {
          kernel: 'linux_image',
          initrd: 'initrd_image',
          dtb: 'fdt_image',
          xen: 'xen_image',
          kernelArgs: 'linux_args',
          xenArgs: 'xen_args',
          marker: 'avb_slot',
        },
        knownGood: { kernel: 'Image', initrd: 'initrd.img', xen: 'xen' },
      },
    });
    expect(c.deploy?.commands).toEqual([]);
    expect(touchesBoot(c.deploy!, 'linux')).toBe(true);
    expect(touchesBoot(c.deploy!, 'xen')).toBe(false);
  });

  it('a config without deploy has none', () => {
    expect(parseConfig({ environments: [{ kind: 'host' }] }).deploy).toBeUndefined();
  });

  it('names unknown environments and keys that do not fit the kind', () => {
    expect(
      problems({
        board: sshBoard,
        environments: envs,
        deploy: {
          environments: {
            nope: { kernel: 'a' },
            docker: { kernel: 'a' },
            host: { image: 'x.tar' },
            kvm: { qemuArgs: ['-smp', '2'] },
          },
        },
      }),
    ).toEqual([
      "deploy.environments.nope: no environment with id 'nope' (configured: host, kvm, docker, xen-domu)",
      'deploy.environments.docker.kernel: a docker environment takes image, context',
      'deploy.environments.host.image: a host environment takes nothing here (its files come from the boot: deploy.linux / deploy.xen)',
    ]);
  });

  it('a kernel under test needs ssh, a switch, and a trial boot (oneShot)', () => {
    expect(
      problems({ environments: [{ kind: 'host' }], deploy: { linux: { kernelArgs: 'quiet' } } }),
    ).toEqual([
      'deploy.linux: booting an under-test kernel or Xen needs board.connection type ssh: the controller must survive the reboot',
      'deploy.linux: booting an under-test kernel or Xen needs board.switch (how the next boot is chosen)',
    ]);
    expect(
      problems({
        board: { ...sshBoard, switch: { type: 'uboot-env' } },
        environments: envs,
        deploy: { xen: { xen: 'xen' } },
      }),
    ).toEqual([expect.stringMatching(/^board\.switch\.oneShot: an under-test boot must be a trial boot/)]);
  });

  it('extlinux is refused for boots under test (no one-shot), grub and command need their slot entries', () => {
    expect(
      problems({
        board: { ...sshBoard, switch: { type: 'extlinux', labels: { linux: 'l', xen: 'x' } } },
        environments: envs,
        deploy: { linux: { kernel: 'Image' } },
      }),
    ).toEqual([expect.stringMatching(/^board\.switch\.type: extlinux has no one-shot boot/)]);
    expect(
      problems({
        board: { ...sshBoard, switch: { type: 'grub-reboot', entries: { linux: 'l', xen: 'x' } } },
        environments: envs,
        deploy: {
          linux: { kernel: 'Image' },
          xen: { xen: 'xen' },
          slot: { grubEntries: { linux: 'avb-ut-linux' } },
        },
      }),
    ).toEqual([
      'deploy.slot.grubEntries.xen: the GRUB entry that boots the under-test slot in xen mode is needed (grub-reboot boards)',
    ]);
    expect(
      problems({
        board: { ...sshBoard, switch: { type: 'command', commands: { linux: ['a'], xen: ['b'] } } },
        environments: envs,
        deploy: { linux: { kernel: 'Image' } },
      }),
    ).toEqual([
      'deploy.slot.commands.linux: your command that makes the next boot the under-test linux boot is needed (command boards)',
    ]);
  });

  it('environment files alone need no reboot, so no switch', () => {
    expect(
      problems({
        environments: [{ kind: 'docker' }],
        deploy: { environments: { docker: { image: 'img.tar' } } },
      }),
    ).toEqual([]);
  });

  it('refuses boot arguments that could break out of a boot-loader variable', () => {
    expect(
      problems({ board: sshBoard, environments: envs, deploy: { linux: { kernelArgs: 'quiet; reset' } } }),
    ).toEqual(['deploy.linux.kernelArgs: letters, digits, spaces and _ . , : = / + @ % ~ - only']);
    expect(
      problems({ board: sshBoard, environments: envs, deploy: { linux: { kernelArgs: 'a ${x}' } } }),
    ).toHaveLength(1);
  });

  it('refuses a slot folder that is the boot partition or the root', () => {
    expect(
      problems({ environments: [{ kind: 'host' }], deploy: { slot: { dir: '/boot/firmware' } } }),
    ).toEqual([
      'deploy.slot.dir: the slot folder must not be the boot partition itself (it is emptied at each deploy)',
    ]);
    expect(problems({ environments: [{ kind: 'host' }], deploy: { slot: { dir: '/' } } })).toEqual([
      'deploy.slot.dir: not the root folder',
    ]);
    expect(problems({ environments: [{ kind: 'host' }], deploy: { slot: { dir: '/var/../etc' } } })).toEqual([
      'deploy.slot.dir: no ".." segments',
    ]);
  });

  it('duplicate file names and commands as shell strings are refused', () => {
    expect(
      problems({
        environments: [{ kind: 'host' }],
        deploy: {
          files: [
            { from: 'a', name: 'x' },
            { from: 'b', name: 'x' },
          ],
        },
      }),
    ).toEqual(["deploy.files.1.name: duplicate file name 'x'"]);
    expect(
      problems({ environments: [{ kind: 'host' }], deploy: { commands: [{ argv: 'depmod -a' }] } }),
    ).toEqual([expect.stringMatching(/^deploy\.commands\.0\.argv: Invalid input: expected array/)]);
  });
});
