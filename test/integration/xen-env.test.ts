/**
 * xen-dom0 and xen-domu lifecycles. No Xen can run on this machine, so Dom0 is a recording
 * fake Transport that STANDS IN FOR A XEN DOM0: it answers the Dom0 probe, `xl info`,
 * `xl list`, `xl create` and `xl destroy` in xl's exact output layout
 * (test/fixtures/xen/README.md) and keeps the domain's state between calls. The DomU's
 * SSH server is real: an OpenSSH server on 127.0.0.1 started by the test stands in for the
 * guest's sshd, reached by the real ssh transport with its host key checked. The board lab
 * (lab/) runs the same environments against a real Xen 4.17.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnvironmentContext } from '../../src/environments/types.js';
import { XenDom0Environment } from '../../src/environments/xen-dom0.js';
import { XenDomuEnvironment } from '../../src/environments/xen-domu.js';
import { DOM0_PROBE_SCRIPT } from '../../src/environments/xen/probe.js';
import { startSshd, type Sshd } from '../helpers/sshd.js';
import { argvIs, FakeTransport, shScript, type Rule } from '../unit/environments/fake-transport.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/xen/${name}`, import.meta.url), 'utf8');
const XL_INFO = fixture('xl_info_arm64.txt');
const XL_LIST_DOM0 = fixture('xl_list_dom0.txt');
const HEADER = XL_LIST_DOM0.split('\n')[0]!;

/** The fingerprint script's sections as a Debian arm64 Dom0 answers them (trimmed). */
const DOM0_FINGERPRINT = [
  '@@avb:uname',
  'Linux avb-board 6.1.0-28-arm64 #1 SMP Debian 6.1.119-1 (2024-11-22) aarch64 GNU/Linux',
  '@@avb:kernel',
  '6.1.0-28-arm64',
  '@@avb:arch',
  'aarch64',
  '@@avb:hypervisor_type',
  'xen',
  '@@avb:xen_capabilities',
  'control_d',
  '@@avb:nproc',
  '1',
  '@@avb:end',
  '',
].join('\n');

interface Dom0State {
  /** Domains besides Domain-0: name → [id, memMiB]. */
  domains: Map<string, [number, number]>;
  /** What `xl create` does: start the domain, or start it and let it die at once. */
  createBehaviour: 'runs' | 'crashes' | 'fails';
  files: Map<string, string>;
}

function fakeDom0(state: Dom0State, opts: { xen?: boolean } = {}): FakeTransport {
  const xen = opts.xen ?? true;
  const probe = (): string =>
    [
      '@@hv',
      ...(xen ? ['file:', 'xen'] : []),
      '@@caps',
      ...(xen ? ['file:', 'control_d'] : []),
      '@@xl',
      ...(xen ? [XL_INFO.trimEnd(), '@@xlrc 0'] : []),
      '@@list',
      ...(xen ? [listText()] : []),
      '@@end',
      '',
    ].join('\n');
  const row = (name: string, id: number, mem: number): string =>
    `${name.padEnd(40)}${String(id).padStart(5)}${String(mem).padStart(6)}     1     -b----       2.4`;
  const listText = (): string =>
    [XL_LIST_DOM0.trimEnd(), ...[...state.domains].map(([n, [id, mem]]) => row(n, id, mem))].join('\n');
  let nextId = 1;
  const rules: Rule[] = [
    {
      match: shScript(DOM0_PROBE_SCRIPT.trim().slice(0, 40)),
      reply: () => ({ exitCode: 0, output: probe() }),
    },
    { match: shScript('@@avb:%s'), reply: () => ({ exitCode: 0, output: DOM0_FINGERPRINT }) },
    {
      match: (a) => a[0] === 'xl' && a[1] === 'list' && a.length === 3,
      reply: (a) => {
        const d = state.domains.get(a[2]!);
        return d
          ? { exitCode: 0, output: `${HEADER}\n${row(a[2]!, d[0], d[1])}\n` }
          : { exitCode: 1, output: `${a[2]} is an invalid domain identifier (rc=-6)\n` };
      },
    },
    {
      match: shScript('cat > "$2"'),
      reply: (a, o) => {
        state.files.set(a[5]!, o.stdin ?? '');
        return { exitCode: 0, output: '' };
      },
    },
    {
      match: (a) => a[0] === 'xl' && a[1] === 'create' && a.length === 3,
      reply: (a) => {
        const cfg = state.files.get(a[2]!) ?? '';
        const name = /^name = "([^"]+)"$/m.exec(cfg)?.[1] ?? 'from-file';
        const mem = Number(/^memory = (\d+)$/m.exec(cfg)?.[1] ?? 512);
        if (state.createBehaviour === 'fails') {
          return {
            exitCode: 3,
            output: `Parsing config from ${a[2]}\nlibxl: error: libxl_create.c:720:libxl__domain_make: domain creation fail: Cannot allocate memory\nlibxl: error: libxl_create.c:1294:initiate_domain_create: cannot make domain: -3\n`,
          };
        }
        if (state.createBehaviour === 'runs') state.domains.set(name, [nextId++, mem]);
        return { exitCode: 0, output: `Parsing config from ${a[2]}\n` };
      },
    },
    {
      match: (a) => a[0] === 'xl' && a[1] === 'destroy' && a.length === 3,
      reply: (a) => {
        state.domains.delete(a[2]!);
        return { exitCode: 0, output: '' };
      },
    },
    {
      // The scratch image (guest/scratch-disk.ts BOARD_DISK_SCRIPT): made on Dom0.
      match: shScript('qemu-img create -q -f qcow2'),
      reply: (a) => {
        state.files.set(a[4]!, '');
        return { exitCode: 0, output: `created ${a[4]}\n` };
      },
    },
    {
      // removeBoardDisk: the image and its folder when empty.
      match: shScript('rm -f -- "$1"; rmdir'),
      reply: (a) => {
        state.files.delete(a[4]!);
        return { exitCode: 0, output: '' };
      },
    },
    {
      match: argvIs('cat', '/var/log/xen/console/guest-avb-domu.log'),
      reply: () => ({
        exitCode: 0,
        output: '[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x411fd070]\n',
      }),
    },
  ];
  return new FakeTransport(xen ? 'ssh root@xen-dom0 (stand-in)' : 'ssh root@linux-board (stand-in)', rules);
}

let sshd: Sshd;
const dirs: string[] = [];
const newState = (): Dom0State => ({ domains: new Map(), createBehaviour: 'runs', files: new Map() });

function ctx(board: FakeTransport, lines: string[] = []): EnvironmentContext {
  const logDir = mkdtempSync(join(tmpdir(), 'avb-xen-'));
  dirs.push(logDir);
  return { board, logDir, log: (l) => lines.push(l) };
}

beforeAll(async () => {
  sshd = await startSshd();
});
afterAll(async () => {
  await sshd?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('xen-dom0', () => {
  it('measures on Dom0 and fingerprints Xen and Dom0', async () => {
    const board = fakeDom0(newState());
    const env = new XenDom0Environment();
    await env.prepare(ctx(board));
    expect(env.transport()).toBe(board);
    const fp = await env.fingerprint();
    expect(fp).toMatchObject({
      kernel: '6.1.0-28-arm64',
      hypervisor: 'xen',
      xenCapabilities: 'control_d',
      xenVersion: '4.17.5',
      xenCaps: 'xen-3.0-aarch64 xen-3.0-armv7l',
      xenFreeMemoryMiB: 1469,
      xenNrCpus: 2,
      dom0Vcpus: 1,
      dom0MemMiB: 512,
    });
    await env.teardown();
  });

  it('refuses a board that is not on Xen, saying why', async () => {
    const env = new XenDom0Environment('dom0');
    await expect(env.prepare(ctx(fakeDom0(newState(), { xen: false })))).rejects.toThrow(
      'xen-dom0 dom0: refusing to measure on ssh root@linux-board (stand-in): not running on Xen: /sys/hypervisor/type is absent (boot the board in its xen mode first)',
    );
    expect(() => env.transport()).toThrow(/before prepare/);
  });
});

describe('xen-domu', () => {
  const config = (extra: object = {}): object => ({
    name: 'avb-domu',
    address: '127.0.0.1',
    ssh: { user: sshd.user, port: sshd.port, identityFile: sshd.clientKey, hostKey: sshd.hostPublicKey },
    generate: {
      kernel: '/boot/vmlinuz-6.1.0-28-arm64',
      ramdisk: '/var/lib/avb/initrd.cpio.gz',
      cmdline: 'console=hvc0 avb.ip=192.168.100.2/24 avb.gw=none',
      memoryMiB: 256,
      bridge: 'xenbr0',
    },
    workDir: '/var/tmp/avb-test',
    bootTimeoutSeconds: 20,
    // The lifecycle tests: no scratch disk (its own test below).
    dataDisk: false,
    ...extra,
  });

  it('xl create of a generated config, SSH through the real sshd, xl destroy on teardown', async () => {
    const state = newState();
    const board = fakeDom0(state);
    const lines: string[] = [];
    const c = ctx(board, lines);
    const env = new XenDomuEnvironment('domu', config(), { pollMs: 200 });
    try {
      await env.prepare(c);
      // The generated config went to Dom0 with fixed content, and a copy into the logs.
      const written = state.files.get('/var/tmp/avb-test/avb-domu.cfg');
      expect(written).toContain('name = "avb-domu"\n');
      expect(written).toContain('extra = "console=hvc0 avb.ip=192.168.100.2/24 avb.gw=none"\n');
      expect(readFileSync(join(c.logDir, 'avb-domu.cfg'), 'utf8')).toBe(written);
      expect(board.commands()).toContain('xl create /var/tmp/avb-test/avb-domu.cfg');
      expect(state.domains.has('avb-domu')).toBe(true);

      const r = await env.transport().exec(['sh', '-c', 'echo from-the-guest-sshd'], { timeoutMs: 30_000 });
      expect(r.output.trim()).toBe('from-the-guest-sshd');
      const fp = await env.fingerprint();
      // The stand-in "guest" is this machine: no Xen PV drivers, and the Dom0 view of the domain.
      expect(fp.xenPvDrivers).toEqual({ netfront: false, blkfront: false, seen: [] });
      expect(fp).toMatchObject({ domainId: 1, domainMemMiB: 256, domainVcpus: 1 });
      expect(fp.kernel).toBe(readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim());
    } finally {
      await env.teardown();
    }
    expect(board.commands()).toContain('xl destroy avb-domu');
    expect(state.domains.size).toBe(0);
    // After the destroy, teardown checked with xl list that the domain is gone.
    const cmds = board.commands();
    expect(cmds.lastIndexOf('xl list avb-domu')).toBeGreaterThan(cmds.indexOf('xl destroy avb-domu'));
    expect(lines).toContain('domain avb-domu destroyed');
  });

  it('a domain that never answers SSH is destroyed at its boot timeout', async () => {
    const state = newState();
    const board = fakeDom0(state);
    // Nothing listens on port 1: SSH is refused until the deadline.
    const env = new XenDomuEnvironment(
      'domu',
      config({
        ssh: { port: 1, identityFile: sshd.clientKey, hostKey: sshd.hostPublicKey },
        bootTimeoutSeconds: 3,
      }),
      {
        pollMs: 200,
      },
    );
    const started = Date.now();
    const c = ctx(board);
    await expect(env.prepare(c)).rejects.toThrow(
      `xen-domu domu: the domain did not answer SSH (ssh root@127.0.0.1:1) within its boot timeout of 3 s; the domain was destroyed; console log: ${join(c.logDir, 'console.log')}`,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
    expect(state.domains.size).toBe(0);
    expect(readFileSync(join(c.logDir, 'console.log'), 'utf8')).toContain('Booting Linux');
    await env.teardown();
  });

  it('a domain that dies during boot fails at once, naming it', async () => {
    const state = newState();
    state.createBehaviour = 'crashes';
    const env = new XenDomuEnvironment('domu', config({ bootTimeoutSeconds: 120 }), { pollMs: 200 });
    const started = Date.now();
    await expect(env.prepare(ctx(fakeDom0(state)))).rejects.toThrow(
      /domain 'avb-domu' is gone from `xl list` during boot \(crashed or shut down\)/,
    );
    expect(Date.now() - started).toBeLessThan(60_000);
    await env.teardown();
  });

  it('xl create failing is reported with its output; nothing left to destroy', async () => {
    const state = newState();
    state.createBehaviour = 'fails';
    const board = fakeDom0(state);
    const env = new XenDomuEnvironment('domu', config(), { pollMs: 200 });
    const c = ctx(board);
    await expect(env.prepare(c)).rejects.toThrow(
      /`xl create \/var\/tmp\/avb-test\/avb-domu\.cfg` failed \(exit 3\): .*domain creation fail: Cannot allocate memory/,
    );
    expect(readFileSync(join(c.logDir, 'xl-create.log'), 'utf8')).toContain('cannot make domain: -3');
    await env.teardown();
    expect(board.commands()).not.toContain('xl destroy avb-domu');
  });

  it('refuses to start over a domain of the same name', async () => {
    const state = newState();
    state.domains.set('avb-domu', [7, 256]);
    const board = fakeDom0(state);
    const env = new XenDomuEnvironment('domu', config(), {});
    await expect(env.prepare(ctx(board))).rejects.toThrow(/a domain named 'avb-domu' already runs on Dom0/);
    await env.teardown();
    // Not ours: left alone.
    expect(state.domains.has('avb-domu')).toBe(true);
    expect(board.commands().some((c) => c.startsWith('xl create'))).toBe(false);
  });

  it('the scratch disk: made on Dom0, attached as xvdb, removed after; a domain that does not show it fails with the reason', async () => {
    const state = newState();
    const board = fakeDom0(state);
    const env = new XenDomuEnvironment('domu', config({ dataDisk: { sizeMiB: 64 } }), { pollMs: 200 });
    // The stand-in "guest" (this machine's sshd) has no /dev/xvdb: the mount script says so.
    await expect(env.prepare(ctx(board))).rejects.toThrow(
      /^the scratch disk \(\/dev\/xvdb\) could not be mounted at \/mnt\/avb-scratch in the guest \(exit 5\): no disk \/dev\/xvdb in the guest/,
    );
    const cfg = state.files.get('/var/tmp/avb-test/avb-domu.cfg') ?? '';
    expect(cfg).toContain('disk = [ "format=raw,vdev=xvdb,access=rw,target=/var/tmp/avb-test/scratch.img" ]');
    expect(state.files.has('/var/tmp/avb-test/scratch.img')).toBe(true);
    await env.teardown();
    expect(board.commands()).toContain('xl destroy avb-domu');
    expect(state.files.has('/var/tmp/avb-test/scratch.img')).toBe(false);
  });

  it('refuses when the board is not a Xen Dom0', async () => {
    const env = new XenDomuEnvironment('domu', config(), {});
    await expect(env.prepare(ctx(fakeDom0(newState(), { xen: false })))).rejects.toThrow(
      /cannot start a domain from .*: not running on Xen/,
    );
  });
});
