/**
 * Deploying to a board over SSH, for real: a real OpenSSH server on 127.0.0.1 (test/helpers/
 * sshd.ts) stands in for the board's sshd; the files go through the SSH transport's copy, are
 * checked with the board's own sha256sum, a modules archive is unpacked to /lib/modules with
 * depmod, commands run in the slot. The slot folders are in a temporary folder of this test
 * (never this machine's boot partition); the module release is a made-up one, removed after.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import type { DeployConfig } from '../../src/config/deploy.js';
import type { Config } from '../../src/config/schema.js';
import { prepareDeployment } from '../../src/deploy/deployment.js';
import { DeployError, DeployInputError } from '../../src/deploy/errors.js';
import { SshTransport } from '../../src/transport/ssh.js';
import type { Transport } from '../../src/transport/types.js';
import { startSshd, type Sshd } from '../helpers/sshd.js';

const RELEASE = `9.9.${process.pid}-avb-deploy-test`;
let sshd: Sshd;
let board: SshTransport;
let ws: string;
let root: string;

beforeAll(async () => {
  sshd = await startSshd();
  board = new SshTransport({
    host: sshd.host,
    port: sshd.port,
    user: sshd.user,
    identityFile: sshd.clientKey,
    knownHosts: sshd.knownHosts,
  });
  ws = await mkdtemp(join(tmpdir(), 'avb-deploy-ws-'));
  root = await mkdtemp(join(tmpdir(), 'avb-deploy-board-'));
  await mkdir(join(ws, 'out', 'guest'), { recursive: true });
  await writeFile(join(ws, 'out', 'Image'), randomBytes(256 * 1024));
  await writeFile(join(ws, 'out', 'board.dtb'), randomBytes(4096));
  await writeFile(join(ws, 'out', 'guest', 'Image'), randomBytes(64 * 1024));
  await writeFile(join(ws, 'probe.sh'), 'echo probe\n');
  // A modules archive as a kernel build makes it (`make modules_install INSTALL_MOD_PATH=…`).
  const mods = join(ws, 'modroot', 'lib', 'modules', RELEASE, 'kernel', 'drivers');
  await mkdir(mods, { recursive: true });
  await writeFile(join(mods, 'avb-test.ko'), randomBytes(1024));
  execFileSync('tar', ['-C', join(ws, 'modroot'), '-czf', join(ws, 'out', 'modules.tar.gz'), 'lib']);
}, 60_000);

afterAll(async () => {
  await board?.close();
  await sshd?.stop();
  await rm(`/lib/modules/${RELEASE}`, { recursive: true, force: true });
  await rm(`/lib/modules/${RELEASE}-b`, { recursive: true, force: true });
});

function config(deploy: object): Config & { deploy: DeployConfig } {
  return parseConfig({
    board: {
      name: 'sshd-board',
      // The trial boots are not run here (test/integration/board-e2e.test.ts boots the slot).
      switch: { type: 'uboot-env', oneShot: {} },
      connection: {
        type: 'ssh',
        host: sshd.host,
        port: sshd.port,
        user: sshd.user,
        identityFile: sshd.clientKey,
        knownHosts: sshd.knownHosts,
      },
    },
    environments: [
      { kind: 'host' },
      {
        kind: 'kvm',
        boot: { kernel: '/srv/Image' },
        ssh: {
          identityFile: sshd.clientKey,
          hostKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
        },
      },
    ],
    deploy: {
      slot: { bootDir: join(root, 'boot'), dir: join(root, 'slot') },
      ...deploy,
    },
  }) as Config & { deploy: DeployConfig };
}

async function deployWith(deploy: object, t: Transport = board, out?: string) {
  const outDir = out ?? (await mkdtemp(join(tmpdir(), 'avb-deploy-out-')));
  const d = await prepareDeployment({
    config: config(deploy),
    workspace: ws,
    commit: 'abcdef1234567890',
    label: 'PR #3',
    outDir,
    board: () => t,
  });
  return { d, outDir };
}

const sha = (p: string): string => execFileSync('sha256sum', [p]).toString().split(' ')[0]!;

describe('deploy over ssh (real sshd on 127.0.0.1 as the board)', () => {
  it('copies every file to its slot place, checks it there, installs modules and runs the commands', async () => {
    const { d, outDir } = await deployWith({
      linux: { kernel: 'out/Image', dtb: 'out/board.dtb', kernelArgs: 'quiet' },
      modules: 'out/modules.tar.gz',
      environments: { kvm: { kernel: 'out/guest/Image' } },
      files: [{ from: 'probe.sh', name: 'probe.sh' }],
      commands: [{ argv: ['sha256sum', 'files/probe.sh'] }],
    });
    await d.deploy();
    expect(d.record.status).toBe('in-progress'); // the Linux boot from the slot is still to come
    const at = (p: string): string => join(root, p);
    expect(sha(at('boot/avb-under-test/linux-kernel'))).toBe(sha(join(ws, 'out/Image')));
    expect(sha(at('boot/avb-under-test/linux-dtb'))).toBe(sha(join(ws, 'out/board.dtb')));
    expect(sha(at('slot/env/kvm/kernel'))).toBe(sha(join(ws, 'out/guest/Image')));
    expect(sha(at('slot/files/probe.sh'))).toBe(sha(join(ws, 'probe.sh')));
    expect(d.record.files.map((f) => [f.role, f.sha256])).toEqual([
      ['kernel', sha(join(ws, 'out/Image'))],
      ['dtb', sha(join(ws, 'out/board.dtb'))],
      ['modules', sha(join(ws, 'out/modules.tar.gz'))],
      ['kernel', sha(join(ws, 'out/guest/Image'))],
      ['file', sha(join(ws, 'probe.sh'))],
    ]);
    // Modules: unpacked, marked as ours, depmod run.
    expect(existsSync(`/lib/modules/${RELEASE}/kernel/drivers/avb-test.ko`)).toBe(true);
    expect(existsSync(`/lib/modules/${RELEASE}/.arm-virt-bench-under-test`)).toBe(true);
    // depmod ran where the board has it (kmod); where it has not, the log says so.
    const modulesLog = await readFile(join(outDir, 'logs', 'deploy', 'modules.log'), 'utf8');
    expect(modulesLog).toContain(`avb-modules: installed ${RELEASE}`);
    if (existsSync('/usr/sbin/depmod') || existsSync('/sbin/depmod'))
      expect(existsSync(`/lib/modules/${RELEASE}/modules.dep`)).toBe(true);
    else expect(modulesLog).toContain(`depmod not found on the board: no modules.dep for ${RELEASE}`);
    // The command ran in the slot folder; its output is a log of the run.
    expect(d.record.commands).toEqual([
      {
        argv: ['sha256sum', 'files/probe.sh'],
        when: 'after-copy',
        exitCode: 0,
        log: 'deploy/command-after-copy-1',
      },
    ]);
    expect(await readFile(join(outDir, 'logs', 'deploy', 'command-after-copy-1.log'), 'utf8')).toContain(
      sha(join(ws, 'probe.sh')),
    );
    expect(d.takeLogs()).toEqual(
      expect.arrayContaining(['deploy/modules', 'deploy/command-after-copy-1', 'deploy/manifest']),
    );
    // The manifest is written last, on the board and in the run's logs.
    const manifest = JSON.parse(await readFile(at('slot/manifest.json'), 'utf8')) as {
      id: string;
      moduleReleases: string[];
    };
    expect(manifest.id).toBe(d.plan.id);
    expect(manifest.moduleReleases).toEqual([RELEASE]);
    // The kvm environment now boots the deployed guest kernel.
    const applied = d.applyTo(config({}));
    expect(applied.environments[1]!.settings).toMatchObject({ boot: { kernel: at('slot/env/kvm/kernel') } });
  });

  it('the next deployment replaces the slot and removes the modules the previous one installed', async () => {
    const mods = join(ws, 'modroot-b', `${RELEASE}-b`);
    await mkdir(mods, { recursive: true });
    await writeFile(join(mods, 'b.ko'), 'b');
    execFileSync('tar', [
      '-C',
      join(ws, 'modroot-b'),
      '-cf',
      join(ws, 'out', 'modules-b.tar'),
      `${RELEASE}-b`,
    ]);
    const { d } = await deployWith({ linux: { dtb: 'out/board.dtb' }, modules: 'out/modules-b.tar' });
    await d.deploy();
    expect(existsSync(join(root, 'boot/avb-under-test/linux-kernel'))).toBe(false);
    expect(existsSync(join(root, 'boot/avb-under-test/linux-dtb'))).toBe(true);
    expect(existsSync(join(root, 'slot/env/kvm/kernel'))).toBe(false);
    expect(existsSync(`/lib/modules/${RELEASE}`)).toBe(false);
    expect(existsSync(`/lib/modules/${RELEASE}-b/b.ko`)).toBe(true);
  });

  it("refuses modules for the known-good kernel's own release", async () => {
    const kg = execFileSync('uname', ['-r']).toString().trim();
    const m = join(ws, 'modroot-kg', 'lib', 'modules', kg);
    await mkdir(m, { recursive: true });
    await writeFile(join(m, 'x.ko'), 'x');
    execFileSync('tar', ['-C', join(ws, 'modroot-kg'), '-cf', join(ws, 'out', 'modules-kg.tar'), 'lib']);
    const { d } = await deployWith({ modules: 'out/modules-kg.tar' });
    const err = await d.deploy().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeployError);
    expect((err as Error).message).toMatch(
      new RegExp(`modules for ${kg.replace(/[.+]/g, '\\$&')}, the known-good kernel's own release: refusing`),
    );
    expect(d.record.status).toBe('failed');
    expect(existsSync(`/lib/modules/${kg}/x.ko`)).toBe(false);
  });

  it('a file that changed on its way is caught by the checksum on the board', async () => {
    // Corruption in transit: the real copy, then one byte more on the board.
    const corrupting: Transport = {
      description: board.description,
      exec: (a, o) => board.exec(a, o),
      copyTo: async (l, r, o) => {
        await board.copyTo(l, r, o);
        if (r.endsWith('linux-kernel'))
          await board.exec(['sh', '-c', 'printf x >> "$1"', 'sh', r], { timeoutMs: 10_000 });
      },
      close: () => Promise.resolve(),
    };
    const { d } = await deployWith({ linux: { kernel: 'out/Image' } }, corrupting);
    await expect(d.deploy()).rejects.toThrow(
      /linux-kernel on the board does not match out\/Image after the copy: sha256 [0-9a-f]{64}, expected [0-9a-f]{64}/,
    );
  });

  it('never empties a slot folder it did not make', async () => {
    const foreign = join(root, 'foreign');
    await mkdir(foreign, { recursive: true });
    await writeFile(join(foreign, 'keep-me'), 'precious');
    const d = await prepareDeployment({
      config: {
        ...config({}),
        deploy: { ...config({}).deploy, slot: { ...config({}).deploy.slot, dir: foreign } },
      },
      workspace: ws,
      outDir: await mkdtemp(join(tmpdir(), 'avb-deploy-out-')),
      board: () => board,
    });
    await expect(d.deploy()).rejects.toThrow(
      /is not an under-test slot made by arm-virt-bench .*refusing to empty it/,
    );
    expect(await readFile(join(foreign, 'keep-me'), 'utf8')).toBe('precious');
  });

  it('a missing build output is named by its config key before the board is touched', async () => {
    await expect(
      deployWith({ linux: { kernel: 'out/nope/Image' }, environments: { kvm: { initrd: 'missing.gz' } } }),
    ).rejects.toThrow(DeployInputError);
    await expect(deployWith({ linux: { kernel: 'out/nope/Image' } })).rejects.toThrow(
      /^deploy\.linux\.kernel: out\/nope\/Image: no such file \(looked for .*\/out\/nope\/Image; is it the build's output, uploaded to this job\?\)$/,
    );
  });
});
