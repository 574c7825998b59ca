import { describe, expect, it } from 'vitest';
import { PRESETS, resolveSuites } from '../../../src/config/presets.js';
import { hackbenchCells } from '../../../src/suites/hackbench/command.js';
import { iozoneCells, iozoneScratchDir } from '../../../src/suites/iozone/command.js';
import { netperfCells, netserverArgv } from '../../../src/suites/netperf/command.js';
import {
  PERL_CHECK_ARGV,
  unixbenchCells,
  unixbenchMissingMessage,
} from '../../../src/suites/unixbench/command.js';
import {
  defaultTreePath,
  missingBuildTools,
  UNIXBENCH_COMMIT,
  unixbenchGitUrl,
} from '../../../src/suites/unixbench/source.js';

const paper = PRESETS.paper.suites;

describe('suite commands (argv from params)', () => {
  it('hackbench: mode × ipc × groups, 40 tasks per group as in the paper', () => {
    const cells = hackbenchCells(paper.hackbench);
    expect(cells).toHaveLength(2 * 2 * 5);
    expect(cells[0]).toEqual({
      suite: 'hackbench',
      key: 'process-socket-g1',
      params: { mode: 'process', ipc: 'socket', groups: 1, fds: 40, loops: 1000, datasize: 100, tasks: 40 },
      argv: ['hackbench', '-P', '-s', '100', '-l', '1000', '-f', '20', '-g', '1'],
      hints: { ipc: 'socket' },
    });
    const last = cells.at(-1)!;
    expect(last.key).toBe('thread-pipe-g16');
    // hackbench prints nothing about socket vs pipe: the parser gets it as a hint.
    expect(last.hints).toEqual({ ipc: 'pipe' });
    expect(last.argv).toEqual(['hackbench', '-T', '-p', '-s', '100', '-l', '1000', '-f', '20', '-g', '16']);
    expect(last.params.tasks).toBe(640);
  });

  it('iozone: one record sweep per file size, -i 0 always, scratch file in the per-run folder', () => {
    const dir = iozoneScratchDir('/var/tmp/', 'R1', 'host');
    expect(dir).toBe('/var/tmp/avb-iozone-R1-host');
    const cells = iozoneCells(paper.iozone, dir);
    expect(cells.map((c) => c.key)).toEqual(['s4k', 's1024k', 's10240k']);
    expect(cells[2]!.argv).toEqual([
      'iozone',
      '-a',
      '-s',
      '10240k',
      '-y',
      '4k',
      '-q',
      '10240k',
      '-i',
      '0',
      '-i',
      '1',
      '-i',
      '2',
      '-i',
      '3',
      '-i',
      '4',
      '-i',
      '5',
      '-i',
      '6',
      '-i',
      '7',
      '-f',
      '/var/tmp/avb-iozone-R1-host/iozone.tmp',
    ]);
    const readOnly = resolveSuites(PRESETS.test, { iozone: { tests: ['read-reread'] } }).iozone;
    expect(iozoneCells(readOnly, '/s')[0]!.argv).toEqual([
      'iozone',
      '-a',
      '-s',
      '64k',
      '-y',
      '4k',
      '-q',
      '4k',
      '-i',
      '0',
      '-i',
      '1',
      '-f',
      '/s/iozone.tmp',
    ]);
    // flush: fsync inside the timings, so the writes reach the disk (-e)
    const flushed = resolveSuites(PRESETS.test, { iozone: { flush: true } }).iozone;
    expect(iozoneCells(flushed, '/s')[0]!.argv.slice(-3)).toEqual(['-e', '-f', '/s/iozone.tmp']);
  });

  it('netperf: TCP_STREAM per message size, RR tests with -r, fixed control and data ports, netserver in the foreground', () => {
    const s = resolveSuites(PRESETS.quick, {
      netperf: { messageBytes: [1, 1024], lengthSeconds: 5 },
    }).netperf;
    const cells = netperfCells(s, '192.168.100.1');
    expect(cells.map((c) => c.key)).toEqual([
      'tcp_stream-m1',
      'tcp_stream-m1024',
      'tcp_rr-r1x1',
      'udp_rr-r1x1',
    ]);
    expect(cells[1]!.argv).toEqual([
      'netperf',
      '-H',
      '192.168.100.1',
      '-p',
      '12865',
      '-t',
      'TCP_STREAM',
      '-l',
      '5',
      '--',
      '-P',
      ',12866',
      '-m',
      '1024',
    ]);
    expect(cells[1]!.params).toEqual({ message_bytes: 1024 });
    expect(cells[1]!.hints).toEqual({ test: 'TCP_STREAM' });
    expect(cells[3]!.argv).toEqual([
      'netperf',
      '-H',
      '192.168.100.1',
      '-p',
      '12865',
      '-t',
      'UDP_RR',
      '-l',
      '5',
      '--',
      '-P',
      ',12866',
      '-r',
      '1,1',
    ]);
    expect(cells[3]!.params).toEqual({ request_bytes: 1, response_bytes: 1 });
    const moved = netperfCells({ ...s, port: 2000, dataPort: 2001 }, '10.0.0.9');
    expect(moved[0]!.argv).toEqual(expect.arrayContaining(['-H', '10.0.0.9', '-p', '2000', '-P', ',2001']));
    expect(netserverArgv(12865, '127.0.0.1')).toEqual([
      'netserver',
      '-D',
      '-p',
      '12865',
      '-L',
      '127.0.0.1',
      '-4',
    ]);
    expect(netserverArgv(12865, 'fd00::1').at(-1)).toBe('-6');
  });

  it('unixbench: ./Run per test and copies inside the tree (Run told not to re-make it); a clear message naming what is missing', () => {
    const cells = unixbenchCells(paper.unixbench, '/opt/ub');
    expect(cells).toHaveLength(9);
    expect(cells.map((c) => c.params.test)).toEqual([
      'dhry2reg',
      'whetstone-double',
      'execl',
      'pipe',
      'context1',
      'spawn',
      'shell1',
      'shell8',
      'syscall',
    ]);
    expect(cells[0]).toEqual({
      suite: 'unixbench',
      key: 'dhry2reg-c1',
      params: { test: 'dhry2reg', copies: 1 },
      argv: ['./Run', '-c', '1', '-i', '1', 'dhry2reg'],
      cwd: '/opt/ub',
      env: { MAKE: 'true' },
    });
    // No path: the default install path, and every way to get a tree is named.
    const none = unixbenchMissingMessage({}, 'kvm');
    expect(none).toMatch(
      /^unixbench cannot run in environment 'kvm': no built byte-UnixBench tree at \/var\/cache\/arm-virt-bench\/unixbench\/986b674a1e50\/UnixBench /,
    );
    expect(none).toContain('suites.unixbench.source');
    expect(none).toContain('AVB_UNIXBENCH_GIT');
    expect(unixbenchMissingMessage({ path: '/opt/ub', sourcePath: '/src/ub' }, 'host')).toContain(
      'no built byte-UnixBench tree at /opt/ub (needs /opt/ub/Run, /opt/ub/pgms/dhry2reg and /opt/ub/tmp); no source tree at /src/ub',
    );
  });

  it('unixbench sources: the pinned commit, the git server from the environment, never a fixed host', () => {
    expect(UNIXBENCH_COMMIT).toBe('986b674a1e50eedd944bc08d6bdc8be925b2bc65');
    expect(defaultTreePath()).toBe('/var/cache/arm-virt-bench/unixbench/986b674a1e50/UnixBench');
    expect(unixbenchGitUrl(undefined, {})).toBeUndefined();
    expect(unixbenchGitUrl(undefined, { GITHUB_SERVER_URL: 'https://git.example.org/' })).toBe(
      'https://git.example.org/kdlucas/byte-unixbench.git',
    );
    expect(
      unixbenchGitUrl(undefined, {
        GITHUB_SERVER_URL: 'https://a.example',
        AVB_UNIXBENCH_GIT: '/srv/ub.git',
      }),
    ).toBe('/srv/ub.git');
    expect(unixbenchGitUrl('https://mirror.example/ub.git', { AVB_UNIXBENCH_GIT: '/srv/ub.git' })).toBe(
      'https://mirror.example/ub.git',
    );
    expect(missingBuildTools(['cc', 'make', 'perl'])).toBe(
      'cc (package gcc), make (package make), perl (package perl)',
    );
    expect(PERL_CHECK_ARGV).toEqual([
      'perl',
      '-MPOSIX',
      '-MTime::HiRes',
      '-MIO::Handle',
      '-MFile::Path',
      '-MFindBin',
      '-e',
      '1',
    ]);
  });
});
