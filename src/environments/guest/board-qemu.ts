/**
 * Controlling a daemonized QEMU on the board through the board's transport: start it,
 * follow its console file, ask it to power down over QMP, and kill it by pid. Every
 * command is a fixed argv; values (paths, pid) are passed as arguments, never spliced
 * into a shell string.
 */
import type { Transport } from '../../transport/types.js';

const SHORT_MS = 15_000;

/**
 * A minimal QMP client run on the board: greeting → qmp_capabilities → one command.
 * Fixed text; the socket path and command name arrive as argv[1] and argv[2].
 */
export const QMP_PY = `
import json, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.settimeout(5)
s.connect(sys.argv[1])
f = s.makefile('rwb')
f.readline()
for cmd in ('qmp_capabilities', sys.argv[2]):
    f.write((json.dumps({'execute': cmd}) + '\\n').encode()); f.flush()
    while True:
        line = f.readline()
        if not line or b'"return"' in line or b'"error"' in line:
            break
print('qmp ok')
`;

export async function run(
  board: Transport,
  argv: string[],
  timeoutMs = SHORT_MS,
  signal?: AbortSignal,
): Promise<{ ok: boolean; output: string; exitCode: number | null }> {
  const r = await board.exec(argv, { timeoutMs, signal });
  return { ok: r.exitCode === 0, output: r.output, exitCode: r.exitCode };
}

/** Is `pid` alive and a QEMU (guards against a reused pid)? */
export async function qemuAlive(board: Transport, pid: number): Promise<boolean> {
  try {
    const r = await run(board, ['cat', `/proc/${pid}/comm`]);
    return r.ok && r.output.trim().startsWith('qemu');
  } catch {
    return false;
  }
}

export async function readPid(board: Transport, pidFile: string): Promise<number | undefined> {
  try {
    const r = await run(board, ['cat', pidFile]);
    const pid = Number(r.output.trim());
    return r.ok && Number.isInteger(pid) && pid > 1 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Bytes of the console file from `offset` on (the file may not exist yet: empty). */
export async function readFrom(board: Transport, path: string, offset: number): Promise<string> {
  const r = await run(board, ['tail', '-c', `+${offset + 1}`, path]);
  return r.ok ? r.output : '';
}

/** Sends one QMP command (python3 on the board, else socat); false when neither worked. */
export async function qmpCommand(board: Transport, socketPath: string, command: string): Promise<boolean> {
  try {
    const py = await run(board, ['python3', '-c', QMP_PY, socketPath, command]);
    if (py.ok && py.output.includes('qmp ok')) return true;
    const payload = `{"execute":"qmp_capabilities"}\n{"execute":"${command}"}\n`;
    const r = await board.exec(['socat', '-t', '2', '-', `UNIX-CONNECT:${socketPath}`], {
      timeoutMs: SHORT_MS,
      stdin: payload,
    });
    return r.exitCode === 0;
  } catch {
    return false;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls until the pid is gone or `withinMs` passes; true when gone. */
export async function waitGone(board: Transport, pid: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    if (!(await qemuAlive(board, pid))) return true;
    if (Date.now() >= deadline) return false;
    await sleep(300);
  }
}

/**
 * Stop a QEMU: guest power-down over QMP, then QMP quit, then SIGTERM, then SIGKILL.
 * Returns how it ended (for the log); never throws.
 */
export async function stopQemu(
  board: Transport,
  pid: number,
  qmpSocket: string,
  powerdownMs: number,
): Promise<'not-running' | 'powerdown' | 'quit' | 'sigterm' | 'sigkill' | 'still-running'> {
  try {
    if (!(await qemuAlive(board, pid))) return 'not-running';
    if (powerdownMs > 0 && (await qmpCommand(board, qmpSocket, 'system_powerdown'))) {
      if (await waitGone(board, pid, powerdownMs)) return 'powerdown';
    }
    if (await qmpCommand(board, qmpSocket, 'quit')) {
      if (await waitGone(board, pid, 3000)) return 'quit';
    }
    await run(board, ['kill', '-TERM', String(pid)]);
    if (await waitGone(board, pid, 3000)) return 'sigterm';
    await run(board, ['kill', '-KILL', String(pid)]);
    if (await waitGone(board, pid, 3000)) return 'sigkill';
    return 'still-running';
  } catch {
    return 'still-running';
  }
}
