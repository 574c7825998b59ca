/**
 * Equal resources: the `resources` setting, CPU lists, what an environment reads about its
 * own CPUs and memory (real captures in test/fixtures/resources, see its README), the
 * host limiter's plan and its commands (a fake board replays real-format answers), the
 * Dom0 check and the analysis's "unequal resources" verdict.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/index.js';
import { unequalResources } from '../../../src/analysis/resources.js';
import { parseConfig } from '../../../src/config/load.js';
import {
  DEFAULT_RESOURCES,
  formatBytes,
  parseMemorySize,
  resolveResources,
  ResourcesSettings,
} from '../../../src/config/resources.js';
import { resourceFacts, splitSections } from '../../../src/environments/fingerprint.js';
import {
  effectiveCpus,
  formatCpuList,
  parseCpuList,
  pickCpus,
} from '../../../src/environments/resources/cpus.js';
import {
  HostLimit,
  LIMIT_ENTER_SCRIPT,
  parseLimitProbe,
  planHostLimit,
} from '../../../src/environments/resources/host-limit.js';
import { parseResourceView } from '../../../src/environments/resources/view.js';
import { dom0ResourceMismatch } from '../../../src/environments/xen-dom0.js';
import { domuSize, xlDomainConfig } from '../../../src/environments/xen-domu-config.js';
import type { Results } from '../../../src/results/schema.js';
import { FakeTransport, shScript } from './fake-transport.js';

const capture = (name: string): string =>
  readFileSync(join(import.meta.dirname, '../../fixtures/resources', name), 'utf8');
const GiB = 2 ** 30;

describe('resources setting', () => {
  it("defaults to the paper's 1 CPU and 1 GiB, the host held by a cgroup", () => {
    expect(DEFAULT_RESOURCES).toEqual({
      cpus: 1,
      memoryBytes: GiB,
      cpuList: null,
      host: 'cgroup',
      allowUnequal: false,
    });
    expect(parseConfig({ environments: [{ kind: 'host' }] }).resources).toEqual({
      cpus: 1,
      memory: '1g',
      host: 'cgroup',
      allowUnequal: false,
    });
    expect(resolveResources(ResourcesSettings.parse({ cpus: 'all', memory: 'all' }))).toMatchObject({
      cpus: null,
      memoryBytes: null,
    });
  });

  it('reads sizes in binary units, as docker does', () => {
    expect(parseMemorySize('1g')).toBe(GiB);
    expect(parseMemorySize('512m')).toBe(512 * 2 ** 20);
    expect(parseMemorySize('1536MiB')).toBe(1536 * 2 ** 20);
    expect(parseMemorySize('1.5G')).toBe(1.5 * GiB);
    expect(parseMemorySize('1073741824')).toBe(GiB);
    expect(parseMemorySize('1 gigabyte')).toBeUndefined();
    expect(parseMemorySize('-1g')).toBeUndefined();
    expect(formatBytes(GiB)).toBe('1 GiB');
    expect(formatBytes(768 * 2 ** 20)).toBe('768 MiB');
  });

  it('says what is wrong, with the path', () => {
    const bad = (resources: unknown) => {
      const r = ResourcesSettings.safeParse(resources);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(bad({ memory: '1 gigabyte' })).toEqual(['memory: a size like 1g, 512m or 1536MiB']);
    expect(bad({ memory: '16m' })).toEqual(['memory: at least 64m']);
    expect(bad({ cpus: 0 })[0]).toMatch(/^cpus: /);
    expect(bad({ cpus: 2, cpuList: '3' })).toEqual(['cpuList: names 1 CPU, but cpus is 2']);
    expect(bad({ cpuList: '1-' })).toEqual(['cpuList: a CPU list like "1", "2-3" or "0,2"']);
    expect(bad({ cpus: 'all', cpuList: '1' })).toEqual(['cpuList: cpuList needs cpus to be a number']);
    expect(bad({ cpu: 1 })[0]).toMatch(/Unrecognized key/);
  });
});

describe('CPU lists', () => {
  it("parses and formats the kernel's list syntax", () => {
    expect(parseCpuList('0-3,6')).toEqual([0, 1, 2, 3, 6]);
    expect(parseCpuList(' 1 ')).toEqual([1]);
    expect(parseCpuList('3-1')).toBeUndefined();
    expect(parseCpuList('')).toBeUndefined();
    expect(formatCpuList([6, 0, 1, 2, 3, 3])).toBe('0-3,6');
    expect(formatCpuList([1])).toBe('1');
  });

  it('gives an environment the last online CPUs, or the ones asked for, or says why not', () => {
    expect(pickCpus([0, 1], 1)).toEqual([1]);
    expect(pickCpus([0, 1, 2, 3], 2)).toEqual([2, 3]);
    expect(pickCpus([0, 1, 2, 3], 1, '0')).toEqual([0]);
    expect(() => pickCpus([0, 1], 4)).toThrow('resources.cpus is 4, but the board has 2 online CPUs (0-1)');
    expect(() => pickCpus([0, 1], 1, '5')).toThrow('resources.cpuList 5: CPU 5 is not online (online: 0-1)');
  });

  it('counts only online CPUs of an affinity list', () => {
    expect(effectiveCpus('0-7', '0-1')).toEqual([0, 1]);
    expect(effectiveCpus('1', undefined)).toEqual([1]);
    expect(effectiveCpus(undefined, '0-1')).toBeUndefined();
  });
});

describe('what an environment reads about itself', () => {
  const view = (name: string) => parseResourceView(splitSections(capture(name)));

  it('a host in no group: every CPU, its RAM (the v1 "no limit" is not a limit)', () => {
    expect(view('host-v1-unlimited.txt')).toEqual({
      cpusAvailable: 2,
      cpuList: '0-1',
      memoryLimitBytes: 24683748 * 1024,
      memoryLimitSource: 'MemTotal',
    });
  });

  it("the host in the limiter's v1 groups: its CPU and the group's memory limit", () => {
    expect(view('host-v1-cgroup-cpu1-mem256m.txt')).toMatchObject({
      cpusAvailable: 1,
      cpuList: '1',
      memoryLimitBytes: 256 * 2 ** 20,
    });
  });

  it('a container with --cpuset-cpus=1 --memory=1g, and one without limits', () => {
    expect(view('docker-v1-cpuset1-mem1g.txt')).toEqual({
      cpusAvailable: 1,
      cpuList: '1',
      memoryLimitBytes: GiB,
      memoryLimitSource: '/sys/fs/cgroup/memory',
    });
    expect(view('docker-v1-unlimited.txt')).toMatchObject({
      cpusAvailable: 2,
      memoryLimitSource: 'MemTotal',
    });
  });

  it('cgroup v2: the least memory.max up the tree ("max" is no limit)', () => {
    const text = [
      '@@avb:cpus_allowed',
      '1',
      '@@avb:cpus_online',
      '0-1',
      '@@avb:mem_total',
      '2012345 kB',
      '@@avb:memory_limits',
      'v2 /sys/fs/cgroup/arm-virt-bench/host-1a2b3c/memory.max 1073741824',
      'v2 /sys/fs/cgroup/arm-virt-bench/memory.max max',
      '@@avb:end',
    ].join('\n');
    expect(parseResourceView(splitSections(text))).toEqual({
      cpusAvailable: 1,
      cpuList: '1',
      memoryLimitBytes: GiB,
      memoryLimitSource: '/sys/fs/cgroup/arm-virt-bench/host-1a2b3c/memory.max',
    });
  });

  it('becomes the fingerprint keys cpusAvailable, cpuList and memoryLimitBytes', () => {
    expect(resourceFacts(splitSections(capture('docker-v1-cpuset1-mem1g.txt')))).toEqual({
      cpusAvailable: 1,
      cpuList: '1',
      memoryLimitBytes: GiB,
    });
    // A minimal guest without /proc/self/status fields or cgroups: only what it has.
    expect(resourceFacts({ mem_total: '1004132 kB' })).toEqual({
      cpusAvailable: undefined,
      cpuList: undefined,
      memoryLimitBytes: 1004132 * 1024,
    });
  });
});

describe('host limiter', () => {
  it("reads the board's CPUs and cgroup layout (this machine: v1 hierarchies next to an empty v2)", () => {
    expect(parseLimitProbe(capture('probe-v1-hybrid.txt'))).toEqual({
      online: [0, 1],
      layout: 'v1',
      controllers: ['cpuset', 'memory'],
      taskset: true,
    });
    expect(
      parseLimitProbe(
        'online 0-3\nlayout v2\ncontrollers cpuset cpu io memory hugetlb pids rdma misc\ntaskset yes\n',
      ),
    ).toEqual({
      online: [0, 1, 2, 3],
      layout: 'v2',
      controllers: ['cpuset', 'cpu', 'io', 'memory', 'hugetlb', 'pids', 'rdma', 'misc'],
      taskset: true,
    });
  });

  it('plans the CPUs and bytes from the settings', () => {
    expect(planHostLimit(DEFAULT_RESOURCES, [0, 1, 2, 3])).toEqual({ cpus: '3', memoryBytes: GiB });
    const all = resolveResources(ResourcesSettings.parse({ cpus: 'all', memory: 'all' }));
    expect(planHostLimit(all, [0, 1])).toEqual({});
  });

  const board = (probe: string, setup: string, setupExit = 0) =>
    new FakeTransport('board', [
      { match: shScript('echo "online'), reply: () => ({ exitCode: 0, output: probe }) },
      { match: shScript('layout=$1; name=$2'), reply: () => ({ exitCode: setupExit, output: setup }) },
      { match: shScript('cgroup.kill'), reply: () => ({ exitCode: 0, output: '' }) },
      {
        match: (a) => a[0] === 'sh' && a[2] === LIMIT_ENTER_SCRIPT,
        reply: () => ({ exitCode: 0, output: 'ran\n' }),
      },
    ]);

  it('makes the group, runs every command inside it, and removes it', async () => {
    const b = board(
      'online 0-1\nlayout v2\ncontrollers cpuset cpu memory pids\ntaskset yes\n',
      'dir /sys/fs/cgroup/arm-virt-bench/host-abc123\n',
    );
    const limit = await HostLimit.apply(b, DEFAULT_RESOURCES, 'host');
    const setup = b.calls[1]!.argv;
    expect(setup.slice(3)).toEqual([
      'avb-limit',
      'v2',
      expect.stringMatching(/^host-[0-9a-f]{6}$/),
      '1',
      String(GiB),
    ]);
    expect(limit.summary).toBe(
      `held to CPU 1 and ${GiB} bytes (cgroup v2 /sys/fs/cgroup/arm-virt-bench/host-abc123)`,
    );
    const r = await limit.transport().exec(['hackbench', '-g', '1'], { timeoutMs: 1000 });
    expect(r.output).toBe('ran\n');
    expect(b.calls.at(-1)!.argv).toEqual([
      'sh',
      '-c',
      LIMIT_ENTER_SCRIPT,
      'avb-enter',
      '1',
      '/sys/fs/cgroup/arm-virt-bench/host-abc123',
      'hackbench',
      '-g',
      '1',
    ]);
    expect(await limit.remove()).toEqual([]);
    expect(b.calls.at(-1)!.argv.slice(3)).toEqual([
      'avb-unlimit',
      '/sys/fs/cgroup/arm-virt-bench/host-abc123',
    ]);
  });

  it('pins with taskset where there is no cpuset controller', async () => {
    const b = board(
      'online 0-3\nlayout v2\ncontrollers cpu memory pids\ntaskset yes\n',
      'dir /sys/fs/cgroup/arm-virt-bench/host-x\n',
    );
    const limit = await HostLimit.apply(b, DEFAULT_RESOURCES, 'host');
    expect(b.calls[1]!.argv.slice(6)).toEqual(['', String(GiB)]);
    expect(limit.wrap(['true']).slice(-4)).toEqual(['taskset', '-c', '3', 'true']);
  });

  it('fails with the reason the board gave, and leaves nothing behind', async () => {
    const b = board(
      'online 0-1\nlayout v2\ncontrollers cpu io memory\ntaskset yes\n',
      'error cannot enable the memory controller in /sys/fs/cgroup/cgroup.subtree_control\n',
      1,
    );
    await expect(HostLimit.apply(b, DEFAULT_RESOURCES, 'host')).rejects.toThrow(
      "cannot make the host's cgroup on board: cannot enable the memory controller in /sys/fs/cgroup/cgroup.subtree_control",
    );
    const none = board('online 0-1\nlayout none\n', '');
    await expect(HostLimit.apply(none, DEFAULT_RESOURCES, 'host')).rejects.toThrow(
      /no taskset \(install util-linux\)/,
    );
  });
});

describe('a generated DomU is sized like the others', () => {
  it('takes its vCPUs and memory from resources unless its own keys say otherwise', () => {
    const g = { kernel: '/k', cmdline: 'console=hvc0', bridge: 'xenbr0', disks: [] };
    const big = resolveResources(ResourcesSettings.parse({ cpus: 2, memory: '2g' }));
    expect(domuSize(g, DEFAULT_RESOURCES)).toEqual({ vcpus: 1, memoryMiB: 1024 });
    expect(xlDomainConfig('d', g, [], big)).toContain('memory = 2048\nvcpus = 2\n');
    expect(domuSize({ ...g, vcpus: 1, memoryMiB: 512 }, big)).toEqual({ vcpus: 1, memoryMiB: 512 });
  });
});

describe('Xen Dom0 sizing is checked, not assumed', () => {
  it("names Xen's arguments when Dom0 is not what resources asks for", () => {
    expect(dom0ResourceMismatch({ dom0Vcpus: 1, dom0MemMiB: 1024 }, DEFAULT_RESOURCES)).toBeUndefined();
    expect(dom0ResourceMismatch({ dom0Vcpus: 1, dom0MemMiB: 980 }, DEFAULT_RESOURCES)).toBeUndefined();
    expect(dom0ResourceMismatch({ dom0Vcpus: 2, dom0MemMiB: 768 }, DEFAULT_RESOURCES)).toBe(
      "Dom0 has 2 vCPUs (resources.cpus: 1) and 768 MiB (resources.memory: 1024 MiB): Xen's boot arguments decide it (dom0_max_vcpus=1 dom0_mem=1024M,max:1024M); its overheads will be marked unequal resources",
    );
    expect(dom0ResourceMismatch({}, DEFAULT_RESOURCES)).toBeUndefined();
  });
});

describe('analysis: unequal resources', () => {
  const fp = (cpus: number, memGiB: number) => ({ cpusAvailable: cpus, memoryLimitBytes: memGiB * GiB });
  const results = (docker: Record<string, unknown>, allowUnequal = false): Results => ({
    schema: 'arm-virt-bench/results@1',
    run: {
      id: 'r',
      toolVersion: '0',
      started: '2026-01-01T00:00:00Z',
      preset: 'test',
      configDigest: 'x',
      resources: { cpus: 1, memoryBytes: GiB, cpuList: null, host: 'cgroup', allowUnequal },
    },
    board: { name: 'b', fingerprints: {} },
    environments: [
      { id: 'host', kind: 'host', bootMode: 'linux', fingerprint: fp(1, 1) },
      { id: 'docker', kind: 'docker', bootMode: 'linux', fingerprint: docker },
      { id: 'kvm', kind: 'kvm', bootMode: 'linux', fingerprint: fp(1, 0.94) },
    ],
    samples: ['host', 'docker', 'kvm'].flatMap((env) =>
      [1, 2, 3].map((round) => ({
        env,
        suite: 'hackbench' as const,
        metric: 'hackbench.time',
        params: { groups: 1 },
        value: 1 + round / 10,
        unit: 's',
        better: 'lower' as const,
        round,
        log: `${env}/r${round}`,
      })),
    ),
    failures: [],
    logs: [],
  });

  it('marks an environment with other CPUs or memory than the host, with the reason, in one line', () => {
    const r = results(fp(2, 24));
    expect(unequalResources(r, 'docker', 'host')).toBe(
      "unequal resources: 2 CPUs vs the host's 1, 24 GiB of memory vs the host's 1 GiB",
    );
    // A guest's MemTotal is its RAM less the kernel's share: within 10% is equal.
    expect(unequalResources(r, 'kvm', 'host')).toBeNull();
    const a = analyze(r, { bootstrap: 0 });
    const docker = a.overheads.find((o) => o.env === 'docker')!;
    expect(docker).toMatchObject({
      verdict: 'incomparable',
      reason: expect.stringMatching(/^unequal resources/),
    });
    expect(a.overheads.find((o) => o.env === 'kvm')!.verdict).toBeUndefined();
    expect(a.notes.filter((n) => n.includes('unequal resources'))).toEqual([
      "Docker: unequal resources: 2 CPUs vs the host's 1, 24 GiB of memory vs the host's 1 GiB — its overheads are marked incomparable (set resources.allowUnequal to measure this on purpose).",
    ]);
  });

  it('says nothing when the config measured it on purpose, or when a side did not record it', () => {
    expect(unequalResources(results(fp(2, 24), true), 'docker', 'host')).toBeNull();
    expect(unequalResources(results({}), 'docker', 'host')).toBeNull();
    expect(analyze(results(fp(2, 24), true), { bootstrap: 0 }).notes.join('\n')).not.toContain('unequal');
  });

  it('makes an overhead comparison incomparable', () => {
    // The same setup in both runs (no fingerprint change between them), unequal to its host.
    const base = results(fp(1, 2));
    const cur = results(fp(1, 2));
    const a = analyze(cur, { baseline: base, bootstrap: 0 });
    const oc = a.overheadComparisons.find((o) => o.env === 'docker')!;
    expect(oc.verdict).toBe('incomparable');
    expect(oc.reason).toBe("unequal resources: 2 GiB of memory vs the host's 1 GiB");
  });
});
