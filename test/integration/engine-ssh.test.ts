/**
 * runBench with the board reached over SSH: a real OpenSSH server on 127.0.0.1 (started
 * by the test; it stands in for a board's sshd) and the host environment through it,
 * with the real tools. Also: a board config of type ssh builds its own transport.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { runBench } from '../../src/engine/run.js';
import { silentReporter } from '../../src/engine/reporter.js';
import { readResultsFile } from '../../src/results/store.js';
import { startSshd, type Sshd } from '../helpers/sshd.js';

describe('engine over ssh (real sshd on 127.0.0.1 as the board)', () => {
  let sshd: Sshd;
  let out: string;

  beforeAll(async () => {
    sshd = await startSshd();
    out = await mkdtemp(join(tmpdir(), 'avb-engine-ssh-'));
  });

  afterAll(async () => {
    await sshd?.stop();
    await rm(out, { recursive: true, force: true });
  });

  it('measures hackbench, iozone and netperf on the host through the board connection', async () => {
    const config = parseConfig({
      board: {
        name: 'stand-in',
        connection: {
          type: 'ssh',
          host: sshd.host,
          port: sshd.port,
          user: sshd.user,
          identityFile: sshd.clientKey,
          knownHosts: sshd.knownHosts,
        },
      },
      preset: 'test',
      runs: 1,
      environments: [{ kind: 'host' }],
      suites: { netperf: { port: 12913 } },
    });
    const results = await runBench(config, { outDir: out, reporter: silentReporter });
    expect(results.failures).toEqual([]);
    expect(results.samples.map((s) => s.metric)).toEqual(
      expect.arrayContaining([
        'hackbench.time',
        'iozone.write',
        'netperf.tcp_stream.throughput',
        'netperf.tcp_rr.rate',
      ]),
    );
    expect(results.board.name).toBe('stand-in');
    // Over SSH the default peer is the controller: netserver on this machine, at the address
    // the board's SSH session came from.
    expect(results.environments[0]!.fingerprint.netperfPeer).toEqual({
      kind: 'controller',
      address: '127.0.0.1',
      via: 'lo',
    });
    expect(results.board.fingerprints.linux?.kernel).toMatch(/\d/);
    expect(await readResultsFile(join(out, 'results.json'))).toEqual(results);
    // Nothing the cells started outlives the run on the "board".
    expect(sshd.connectionPids()).toEqual([]);
  });

  it("starts and stops an external peer's netserver over SSH (host key checked)", async () => {
    const config = parseConfig({
      preset: 'test',
      runs: 1,
      environments: [{ kind: 'host' }],
      suites: {
        hackbench: { enabled: false },
        iozone: { enabled: false },
        netperf: {
          port: 12915,
          dataPort: 12916,
          // The sshd on 127.0.0.1 stands in for a netperf server in the local network.
          peer: {
            kind: 'external',
            address: '127.0.0.1',
            listen: '127.0.0.1',
            ssh: {
              host: sshd.host,
              port: sshd.port,
              user: sshd.user,
              identityFile: sshd.clientKey,
              knownHosts: sshd.knownHosts,
            },
          },
        },
      },
    });
    const dir = join(out, 'external');
    const results = await runBench(config, { outDir: dir, reporter: silentReporter });
    expect(results.failures).toEqual([]);
    expect(results.samples.map((s) => s.metric)).toEqual(
      expect.arrayContaining(['netperf.tcp_stream.throughput', 'netperf.tcp_rr.rate']),
    );
    expect(results.environments[0]!.fingerprint.netperfPeer).toEqual({
      kind: 'external',
      address: '127.0.0.1',
      via: 'lo',
    });
    const log = results.logs.find((l) => l.ref === 'external/netperf/netserver-127.0.0.1-12915');
    expect(await readFile(join(dir, log!.path), 'utf8')).toMatch(
      /Starting netserver with host '127\.0\.0\.1' port '12915'/,
    );
    // Stopped at the end: nothing left on the "external host".
    expect(sshd.connectionPids()).toEqual([]);
  });
});
