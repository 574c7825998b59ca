/**
 * The engine's attempt to provide the board's UnixBench tree, decided before anything is
 * copied: a built tree is used as it is; with no source nothing is tried; a board without
 * make, a compiler or Perl gets a message naming the packages. The board is a recording
 * fake Transport (an ARM board without a toolchain is not this machine).
 */
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/config/presets.js';
import { ensureBoardUnixbench } from '../../../src/engine/unixbench.js';
import { FakeTransport, shScript } from '../environments/fake-transport.js';

const u = { ...PRESETS.quick.suites.unixbench, path: '/opt/ub/UnixBench' };
const options = {
  logFile: (ref: string) => `/tmp/avb-test-logs/${ref}`,
  registerLog: async () => undefined,
  info: () => undefined,
  env: {},
};

describe('the board UnixBench tree', () => {
  it('uses a built tree as it is', async () => {
    const b = new FakeTransport('board', [
      { match: (a) => a[0] === 'test', reply: () => ({ exitCode: 0, output: '' }) },
    ]);
    expect(await ensureBoardUnixbench(b, u, options)).toEqual({ path: '/opt/ub/UnixBench' });
    expect(b.commands()).toEqual([
      'test -x /opt/ub/UnixBench/Run',
      'test -x /opt/ub/UnixBench/pgms/dhry2reg',
      'test -d /opt/ub/UnixBench/tmp',
    ]);
  });

  it('tries nothing without a source (the session then says what is missing)', async () => {
    const b = new FakeTransport('board', [
      { match: (a) => a[0] === 'test', reply: () => ({ exitCode: 1, output: '' }) },
    ]);
    expect(await ensureBoardUnixbench(b, u, options)).toEqual({});
  });

  it('names the packages a board without a toolchain lacks, before copying anything', async () => {
    const b = new FakeTransport('ssh root@board:22', [
      { match: (a) => a[0] === 'test', reply: () => ({ exitCode: 1, output: '' }) },
      { match: shScript('command -v'), reply: () => ({ exitCode: 0, output: 'missing:make\nmissing:cc\n' }) },
    ]);
    const r = await ensureBoardUnixbench(b, { ...u, source: '/srv/byte-unixbench.tar.gz' }, options);
    expect(r).toEqual({
      unavailable: {
        kind: 'missing-tool',
        message:
          'unixbench: cannot build byte-UnixBench on ssh root@board:22: make (package make), cc (package gcc) not found (install them on the board, e.g. apt-get install make gcc libc6-dev perl)',
      },
    });
  });

  it('says when the source on the controller is not there', async () => {
    const b = new FakeTransport('board', [
      { match: (a) => a[0] === 'test', reply: () => ({ exitCode: 1, output: '' }) },
      { match: shScript('command -v'), reply: () => ({ exitCode: 0, output: '' }) },
      { match: (a) => a[0] === 'rm', reply: () => ({ exitCode: 0, output: '' }) },
    ]);
    const r = await ensureBoardUnixbench(b, { ...u, source: '/nonexistent/ub.tar.gz' }, options);
    expect(r.unavailable?.message).toBe(
      'unixbench: cannot obtain byte-UnixBench: suites.unixbench.source: /nonexistent/ub.tar.gz does not exist',
    );
  });
});
