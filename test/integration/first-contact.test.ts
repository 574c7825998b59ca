/**
 * First contact with a board, as a lab engineer makes it from the README: the common mistakes
 * end within seconds with exit 2 and the cause in the last line — never a wait of startSeconds,
 * never a power-cycle. The board is a real OpenSSH server on 127.0.0.1 (test/helpers/sshd.ts),
 * standing in for a board's sshd; the "PDU" is a command that leaves a marker file when called.
 * Through runCli, in-process: what dist/cli.js runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { runCli } from '../../src/cli/main.js';
import { startSshd, type Sshd } from '../helpers/sshd.js';

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
  seconds: number;
}

async function cli(args: string[], during?: () => void): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
    stdout += String(c);
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => {
    stderr += String(c);
    return true;
  });
  const t0 = Date.now();
  try {
    const p = runCli(args);
    during?.();
    const code = await p;
    return { code, stdout, stderr, seconds: (Date.now() - t0) / 1000 };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}

describe('first contact with a board over ssh', () => {
  let sshd: Sshd;
  let dir: string;
  let marker: string;

  beforeAll(async () => {
    sshd = await startSshd();
    dir = mkdtempSync(join(tmpdir(), 'avb-first-contact-'));
    marker = join(dir, 'power-cycled');
  });
  afterAll(async () => {
    await sshd?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A board config as the README shows it: U-Boot switching, a PDU, the default startSeconds (120). */
  function config(
    name: string,
    connection: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ): string {
    const file = join(dir, `${name}.yml`);
    writeFileSync(
      file,
      stringify({
        board: {
          name,
          connection: { type: 'ssh', host: sshd.host, port: sshd.port, user: sshd.user, ...connection },
          switch: { type: 'uboot-env' },
          powerCycleCommand: ['sh', '-c', 'echo cycled >> "$1"', 'sh', marker],
          lock: { localPath: join(dir, `${name}.lock`) },
          ...extra,
        },
        preset: 'test',
        environments: [{ kind: 'host' }],
      }),
    );
    return file;
  }

  function keygen(name: string): string {
    const path = join(dir, name);
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path], { stdio: 'ignore' });
    return path;
  }

  it('a knownHosts with another key: exit 2 at once, the reason last, no power-cycle', async () => {
    const other = keygen('other-host-key');
    const knownHosts = join(dir, 'wrong_known_hosts');
    const key = readFileSync(`${other}.pub`, 'utf8').trim().split(/\s+/).slice(0, 2).join(' ');
    writeFileSync(knownHosts, `[127.0.0.1]:${sshd.port} ${key}\n`);
    const file = config('wrong-host-key', { identityFile: sshd.clientKey, knownHosts });
    for (const command of ['run', 'probe']) {
      const r = await cli(
        [command, '--config', file, '--out', join(dir, `out-${command}`)].slice(0, command === 'run' ? 5 : 3),
      );
      expect(r.code, r.stderr).toBe(2);
      expect(r.seconds).toBeLessThan(20);
      expect(lastLine(r.stderr)).toMatch(
        new RegExp(
          `^arm-virt-bench ${command}: .*host key does not match .*wrong_known_hosts.*Host key verification failed`,
        ),
      );
      expect(r.stderr).toMatch(/refuses the connection: its host key is not the one in knownHosts/);
    }
    expect(existsSync(marker)).toBe(false);
  });

  it('a key the board does not accept: exit 2 at once, "Permission denied" last, no power-cycle', async () => {
    const stranger = keygen('stranger');
    const file = config('unauthorised', { identityFile: stranger, knownHosts: sshd.knownHosts });
    const r = await cli(['run', '--config', file, '--out', join(dir, 'out-unauth')]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.seconds).toBeLessThan(20);
    expect(lastLine(r.stderr)).toMatch(
      /^arm-virt-bench run: .*the key was not accepted.*Permission denied \(publickey\)/,
    );
    // One "closed" line, not two.
    expect(r.stderr.match(/board unauthorised: closed/g)).toHaveLength(1);
    expect(existsSync(marker)).toBe(false);
  });

  it('no key at all: refused by the schema before anything runs', async () => {
    const file = config('no-key', { knownHosts: sshd.knownHosts });
    const r = await cli(['run', '--config', file, '--out', join(dir, 'out-nokey')]);
    expect(r.code).toBe(2);
    expect(r.seconds).toBeLessThan(5);
    expect(r.stderr).toContain(
      `arm-virt-bench run: ${file}: board.connection.identityFile: an ssh connection needs a key: identityFile (a private key file) or identityEnv`,
    );
    expect(existsSync(join(dir, 'out-nokey'))).toBe(false);
    expect(existsSync(marker)).toBe(false);
  });

  it('without a boot switch (the engine opens the connection itself): the same exit 2 and reason', async () => {
    const stranger = keygen('stranger2');
    const file = join(dir, 'plain.yml');
    writeFileSync(
      file,
      stringify({
        board: {
          name: 'plain',
          connection: {
            type: 'ssh',
            host: sshd.host,
            port: sshd.port,
            user: sshd.user,
            identityFile: stranger,
            knownHosts: sshd.knownHosts,
          },
        },
        preset: 'test',
        environments: [{ kind: 'host' }],
      }),
    );
    const r = await cli(['run', '--config', file, '--out', join(dir, 'out-plain')]);
    expect(r.code, r.stderr).toBe(2);
    expect(lastLine(r.stderr)).toMatch(/Permission denied \(publickey\)/);
  });

  it('a board that does not answer: the final failure repeats the last transport error', async () => {
    // A port nobody listens on, no PDU, a short start wait.
    const file = join(dir, 'down.yml');
    writeFileSync(
      file,
      stringify({
        board: {
          name: 'down',
          connection: {
            type: 'ssh',
            host: '127.0.0.1',
            port: 1,
            user: sshd.user,
            identityFile: sshd.clientKey,
            knownHosts: sshd.knownHosts,
          },
          switch: { type: 'uboot-env' },
          timeouts: { startSeconds: 2, pollIntervalSeconds: 0.5 },
          lock: { localPath: join(dir, 'down.lock') },
        },
        preset: 'test',
        environments: [{ kind: 'host' }],
      }),
    );
    const r = await cli(['run', '--config', file, '--out', join(dir, 'out-down')]);
    expect(r.code, r.stderr).toBe(1);
    expect(lastLine(r.stderr)).toMatch(
      /^arm-virt-bench run: board down is not reachable and no powerCycleCommand is configured: it needs a hand\. Last error: .*Connection refused/,
    );
    expect(r.stderr.match(/board down: closed/g)).toHaveLength(1);
  });

  it('a cancel during the start wait says what it cancelled', async () => {
    const file = join(dir, 'wait.yml');
    writeFileSync(
      file,
      stringify({
        board: {
          name: 'booting',
          connection: {
            type: 'ssh',
            host: '127.0.0.1',
            port: 1,
            user: sshd.user,
            identityFile: sshd.clientKey,
            knownHosts: sshd.knownHosts,
          },
          switch: { type: 'uboot-env' },
          powerCycleCommand: ['sh', '-c', 'echo cycled >> "$1"', 'sh', marker],
          lock: { localPath: join(dir, 'wait.lock') },
        },
        preset: 'test',
        environments: [{ kind: 'host' }],
      }),
    );
    const r = await cli(['run', '--config', file, '--out', join(dir, 'out-wait')], () => {
      // Ctrl-C two seconds into the 120 s start wait (the handler the CLI installed gets it).
      setTimeout(() => process.emit('SIGINT', 'SIGINT'), 2000);
    });
    expect(r.code, r.stderr).toBe(130);
    expect(r.seconds).toBeLessThan(20);
    expect(r.stderr).toMatch(/SIGINT: cancelling — stopping waiting up to 120s for board booting to answer/);
    expect(lastLine(r.stderr)).toMatch(
      /^arm-virt-bench run: cancelled while waiting for board booting to answer/,
    );
    expect(r.stderr).not.toContain('The operation was aborted');
    expect(existsSync(marker)).toBe(false);
  });
});
