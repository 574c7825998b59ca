/**
 * The virtual ARM board (lab/) for the board integration tests: built (cached) by
 * `lab/build.sh`, run by `lab/board.sh` on a free 127.0.0.1 port with its own state
 * directory, and always stopped at the end. Stands in for a real Arndale-class/arm64
 * board: same U-Boot env switch (fw_setenv), same SSH, a "PDU" that kills/restarts QEMU.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { BoardConfig } from '../../src/config/board.js';
import { SshTransport } from '../../src/transport/ssh.js';

const run = promisify(execFile);
export const REPO = resolve(import.meta.dirname, '../..');
export const LAB = join(REPO, 'lab');
export const CACHE = process.env.AVB_CACHE ?? '/var/cache/arm-virt-bench';
export const CONTROLLER_KEY = join(CACHE, 'lab', 'keys', 'controller_ed25519');
/** The project's test guest inside the board's rootfs (lab/hooks/image.sh): KVM guest and DomU. */
export const BOARD_GUEST = {
  kernel: '/var/lib/avb-lab/guest/Image',
  initrd: '/var/lib/avb-lab/guest/initrd.cpio.gz',
} as const;

/** The board's test guest's SSH host key (written next to the image by lab/build.sh). */
export async function boardGuestHostKey(): Promise<string> {
  return (await readFile(join(CACHE, 'lab', 'current', 'guest-host_key.pub'), 'utf8')).trim();
}

/** Builds the lab (cached by content hash); returns build output with its timings. */
export async function buildLab(): Promise<string> {
  const r = await run('bash', [join(LAB, 'build.sh')], { maxBuffer: 64 << 20, timeout: 45 * 60_000 });
  return r.stderr + r.stdout;
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? res(a.port) : rej(new Error('no port'))));
    });
  });
}

export interface Lab {
  port: number;
  runDir: string;
  knownHosts: string;
  consoleLog: string;
  /** argv of a lab.sh action with this lab's settings (for powerCycleCommand etc.). */
  argv: (action: string) => string[];
  sh: (action: string) => Promise<string>;
  boardConfig: (extra?: Record<string, unknown>) => BoardConfig;
  connect: () => SshTransport;
  stop: () => Promise<void>;
}

export async function startLab(): Promise<Lab> {
  const port = await freePort();
  const runDir = await mkdtemp(join(tmpdir(), 'avb-lab-run-'));
  const argv = (action: string): string[] => [
    'env',
    `AVB_CACHE=${CACHE}`,
    `AVB_LAB_RUN=${runDir}`,
    `AVB_LAB_PORT=${port}`,
    'bash',
    join(LAB, 'board.sh'),
    action,
  ];
  const sh = async (action: string): Promise<string> => {
    const [cmd, ...args] = argv(action);
    const r = await run(cmd!, args, { timeout: 120_000 });
    return r.stdout;
  };
  const knownHosts = join(runDir, 'known_hosts');
  await writeFile(knownHosts, await sh('known-hosts'));
  await sh('start');
  const lab: Lab = {
    port,
    runDir,
    knownHosts,
    consoleLog: join(runDir, 'console.log'),
    argv,
    sh,
    boardConfig: (extra = {}) =>
      BoardConfig.parse({
        name: 'avb-lab',
        connection: {
          type: 'ssh',
          host: '127.0.0.1',
          port,
          user: 'root',
          identityFile: CONTROLLER_KEY,
          knownHosts,
          connectTimeoutSeconds: 5,
        },
        switch: { type: 'uboot-env', oneShot: { bootlimit: 1, altbootcmd: 'setenv bootmode linux' } },
        rebootCommand: ['systemctl', 'reboot'],
        powerCycleCommand: argv('pdu-cycle'),
        consoleCommand: ['tail', '-n', '0', '-F', join(runDir, 'console.log')],
        timeouts: {
          // Generous: TCG on a busy 2-core machine can take minutes per boot.
          bootSeconds: 600,
          startSeconds: 600,
          shutdownSeconds: 300,
          commandSeconds: 60,
          pollSeconds: 15,
          pollIntervalSeconds: 2,
        },
        lock: { localPath: join(runDir, 'controller.lock') },
        ...extra,
      }),
    connect: () =>
      new SshTransport({
        host: '127.0.0.1',
        port,
        user: 'root',
        identityFile: CONTROLLER_KEY,
        knownHosts,
        connectTimeoutSeconds: 5,
      }),
    stop: async () => {
      await sh('stop').catch(() => undefined);
    },
  };
  return lab;
}

export async function consoleText(lab: Lab): Promise<string> {
  return readFile(lab.consoleLog, 'utf8').catch(() => '');
}
