/**
 * The board (or a guest through the board) over the system OpenSSH client.
 *
 * - Host keys: StrictHostKeyChecking=yes against the configured known_hosts only; an
 *   unknown or changed key fails with a TransportError that says so.
 * - One ControlMaster connection per transport (socket in a private 0700 temp dir),
 *   started explicitly with `-f` so it lives outside any command's process group.
 * - ProxyJump: the jump host has its own Host block (own known_hosts, own key).
 * - Commands: argv quoted for the remote POSIX shell, run by a fixed wrapper in their own
 *   session with `env -i` + the caller's variables; on timeout/abort the remote process
 *   group is killed over the master connection, then the local ssh client.
 * - ssh's exit 255 is checked against the wrapper's record: a command that itself exited
 *   255 is returned as such, anything else is a TransportError (connection refused/lost).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile, chmod } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { SshTarget } from '../config/board.js';
import { currentRunLabel, minimalEnv, RUN_LABEL_VAR, runProcess, type RunResult } from './process.js';
import { CONTROL_SCRIPT, RUN_SCRIPT, UNTAR_SCRIPT, WRITE_FILE_SCRIPT } from './remote-scripts.js';
import { buildSshConfig, TARGET_ALIAS, type SshEndpoint } from './ssh-config.js';
import { shJoin } from './shell-quote.js';
import {
  TransportError,
  type ExecOptions,
  type ExecResult,
  type Transport,
  type TransportFailure,
} from './types.js';

export interface SshHost {
  host: string;
  port: number;
  user: string;
  knownHosts: string;
  /** Private key file. */
  identityFile?: string;
  /** Private key text (e.g. from a secret): written 0600 to a private temp file. */
  identityKey?: string;
  connectTimeoutSeconds?: number;
}

export interface SshTransportOptions extends SshHost {
  /** Reach the target through this host (`ProxyJump`), e.g. a guest through its board. */
  jump?: SshHost;
  /** Keepalives: a silent drop is noticed after interval × count seconds. */
  serverAliveIntervalSeconds?: number;
  serverAliveCountMax?: number;
  /** How long the master connection stays up when idle. */
  controlPersistSeconds?: number;
  /** Between SIGTERM and SIGKILL, remote and local. */
  killGraceMs?: number;
}

/** Turns the config's SshTarget (key file or name of an env var holding the key) into options. */
export function sshHostFromConfig(target: SshTarget, env: NodeJS.ProcessEnv = process.env): SshHost {
  let identityKey: string | undefined;
  if (target.identityEnv !== undefined) {
    identityKey = env[target.identityEnv];
    if (!identityKey) {
      throw new TransportError(
        `ssh key: environment variable ${target.identityEnv} (identityEnv) is not set or empty`,
        `${target.user}@${target.host}:${target.port}`,
        'auth',
      );
    }
  }
  return {
    host: target.host,
    port: target.port,
    user: target.user,
    knownHosts: target.knownHosts,
    identityFile: target.identityFile,
    identityKey,
    connectTimeoutSeconds: target.connectTimeoutSeconds,
  };
}

/** True when something accepts connections on the unix socket (a live ControlMaster). */
function socketAnswers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = createConnection({ path });
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Which kind of failure OpenSSH's output shows (see TransportFailure). */
export function classifySshFailure(output: string): TransportFailure {
  if (
    /REMOTE HOST IDENTIFICATION HAS CHANGED|Host key verification failed|No \S+ host key is known/.test(
      output,
    )
  )
    return 'host-key';
  if (
    /Permission denied \(|Too many authentication failures|Authentication failed|no mutual signature/i.test(
      output,
    )
  )
    return 'auth';
  if (
    /Connection refused|Connection timed out|No route to host|Network is unreachable|Connection reset|Connection closed by|kex_exchange_identification|Could not resolve hostname/i.test(
      output,
    )
  )
    return 'unreachable';
  return 'other';
}

/** Known OpenSSH failure lines, turned into one clear reason. */
export function explainSshFailure(output: string, where: string, knownHosts: string[]): string {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^@+$/.test(l) && !l.startsWith('@'));
  const kind = classifySshFailure(output);
  if (kind === 'host-key') {
    const changed = /IDENTIFICATION HAS CHANGED/.test(output);
    return (
      `${where}: host key ${changed ? 'does not match' : 'is not in'} ${knownHosts.join(' / ')} ` +
      `(StrictHostKeyChecking=yes): refusing to connect. ${lines.slice(-3).join(' ')}`
    );
  }
  const tail = lines.slice(-4).join(' ') || 'ssh failed without a message';
  if (kind === 'auth') {
    return `${where}: the key was not accepted (check identityFile/identityEnv and the board's authorized_keys): ${tail}`;
  }
  return `${where}: ${tail}`;
}

export class SshTransport implements Transport {
  readonly description: string;
  private dir: string | undefined;
  private config: string | undefined;
  private controlPath = '';
  private masterStarting: Promise<void> | undefined;
  private closed = false;
  private readonly grace: number;

  constructor(private readonly options: SshTransportOptions) {
    const at = (h: SshHost): string => `${h.user}@${h.host}:${h.port}`;
    this.description = `ssh ${at(options)}${options.jump ? ` via ${at(options.jump)}` : ''}`;
    this.grace = options.killGraceMs ?? 2000;
    if (options.identityFile && options.identityKey) {
      throw new Error(`${this.description}: give a key file or a key text, not both`);
    }
  }

  /** Writes the private config (and key files) once. */
  private async setup(): Promise<string> {
    if (this.closed) throw new TransportError('transport is closed', this.description);
    if (this.config) return this.config;
    const dir = await mkdtemp(join(tmpdir(), 'avb-ssh-'));
    await chmod(dir, 0o700);
    this.dir = dir;
    const endpoint = async (h: SshHost, name: string): Promise<SshEndpoint> => {
      let identityFile = h.identityFile;
      if (h.identityKey !== undefined) {
        identityFile = join(dir, `${name}_key`);
        // OpenSSH refuses keys without the final newline or with CRLF.
        const text = h.identityKey.replace(/\r\n/g, '\n').trim() + '\n';
        await writeFile(identityFile, text, { mode: 0o600 });
      }
      return {
        host: h.host,
        port: h.port,
        user: h.user,
        knownHosts: h.knownHosts,
        identityFile,
        connectTimeoutSeconds: h.connectTimeoutSeconds ?? 15,
      };
    };
    this.controlPath = join(dir, 'cm');
    const text = buildSshConfig({
      target: await endpoint(this.options, 'target'),
      jump: this.options.jump ? await endpoint(this.options.jump, 'jump') : undefined,
      controlPath: this.controlPath,
      serverAliveIntervalSeconds: this.options.serverAliveIntervalSeconds ?? 10,
      serverAliveCountMax: this.options.serverAliveCountMax ?? 3,
    });
    const config = join(dir, 'ssh_config');
    await writeFile(config, text, { mode: 0o600 });
    this.config = config;
    return config;
  }

  private knownHostsFiles(): string[] {
    return [this.options.knownHosts, ...(this.options.jump ? [this.options.jump.knownHosts] : [])];
  }

  private connectBudgetMs(): number {
    const t = (this.options.connectTimeoutSeconds ?? 15) + (this.options.jump?.connectTimeoutSeconds ?? 0);
    return (t + 10) * 1000;
  }

  /** Runs ssh itself (not a benchmark command) with the private config. */
  private ssh(
    args: string[],
    extra: { timeoutMs: number; stdinFile?: string; logPath?: string },
  ): Promise<RunResult> {
    return runProcess(['ssh', '-F', this.config!, ...args], {
      timeoutMs: extra.timeoutMs,
      env: minimalEnv(),
      stdinFile: extra.stdinFile,
      logPath: extra.logPath,
      killGraceMs: 500,
    });
  }

  /**
   * Starts the master connection unless its socket is there. `-f` makes ssh fork after
   * authentication (setsid, stdio to /dev/null), so the master outlives this call and is
   * in no command's process group. Authentication and host-key failures surface here.
   */
  private async ensureMaster(): Promise<void> {
    await this.setup();
    if (existsSync(this.controlPath)) {
      if (await socketAnswers(this.controlPath)) return;
      // A stale socket (master killed): remove it, or ssh would connect directly each time.
      await rm(this.controlPath, { force: true });
    }
    this.masterStarting ??= (async () => {
      const r = await this.ssh(
        [
          '-o',
          'ControlMaster=yes',
          '-o',
          `ControlPersist=${this.options.controlPersistSeconds ?? 300}`,
          '-f',
          '-N',
          TARGET_ALIAS,
        ],
        { timeoutMs: this.connectBudgetMs() },
      );
      if (r.timedOut)
        throw new TransportError(
          `${this.description}: connection timed out`,
          this.description,
          'unreachable',
        );
      if (r.exitCode !== 0) {
        // With ControlPersist, OpenSSH sends the ProxyJump hop's stderr to /dev/null, which
        // would hide why the jump host failed (e.g. its host key): ask once more, plainly.
        const diag = this.options.jump
          ? await this.ssh(['-T', TARGET_ALIAS, 'true'], { timeoutMs: this.connectBudgetMs() })
          : r;
        const output = diag.exitCode === 255 ? diag.output : r.output;
        throw new TransportError(
          explainSshFailure(output, this.description, this.knownHostsFiles()),
          this.description,
          classifySshFailure(output),
        );
      }
    })().finally(() => {
      this.masterStarting = undefined;
    });
    await this.masterStarting;
  }

  /** A fixed control script over the master (kill a run's group, read a 255 status). */
  private async control(action: 'kill' | 'status', id: string): Promise<RunResult> {
    await this.ensureMaster();
    const tenths = String(Math.max(1, Math.round(this.grace / 100)));
    const remote = shJoin(['sh', '-c', CONTROL_SCRIPT, 'avb-ctl', action, id, tenths]);
    return this.ssh(['-T', TARGET_ALIAS, remote], { timeoutMs: this.connectBudgetMs() + this.grace });
  }

  async exec(argv: readonly string[], options: ExecOptions): Promise<ExecResult> {
    const program = argv[0];
    if (program === undefined) throw new Error('ssh exec: empty argv');
    if (program.includes('='))
      throw new Error(`ssh exec: program name ${JSON.stringify(program)} contains '='`);
    // The run's label goes with every remote command too (see process.ts: setRunLabel).
    const label = currentRunLabel();
    const env = { ...(label !== undefined ? { [RUN_LABEL_VAR]: label } : {}), ...(options.env ?? {}) };
    for (const key of Object.keys(env)) {
      if (!ENV_KEY.test(key))
        throw new Error(`ssh exec: ${JSON.stringify(key)} is not an environment variable name`);
    }
    await this.ensureMaster();
    const id = randomBytes(8).toString('hex');
    const assignments = Object.entries(env).map(([k, v]) => `${k}=${v}`);
    const remote = shJoin([
      'sh',
      '-c',
      RUN_SCRIPT,
      'avb-run',
      id,
      options.cwd ?? '',
      ...assignments,
      ...argv,
    ]);
    const r = await runProcess(['ssh', '-F', this.config!, '-T', TARGET_ALIAS, remote], {
      timeoutMs: options.timeoutMs,
      env: minimalEnv(),
      stdin: options.stdin,
      logPath: options.logPath,
      signal: options.signal,
      killGraceMs: this.grace,
      beforeKill: async () => {
        await this.control('kill', id);
      },
    });
    const result: ExecResult = {
      exitCode: r.exitCode,
      timedOut: r.timedOut,
      cancelled: r.cancelled,
      output: r.output,
      durationMs: r.durationMs,
    };
    if (r.timedOut || r.cancelled) return result;
    if (r.spawnError)
      throw new TransportError(
        `${this.description}: cannot run ssh: ${r.spawnError.message}`,
        this.description,
      );
    if (r.exitCode !== 255) return result;
    // 255: the command's own status, or ssh failing (refused, dropped, auth)? Ask the target.
    let status: RunResult | undefined;
    let why = '';
    try {
      status = await this.control('status', id);
    } catch (err) {
      why = err instanceof Error ? err.message : String(err);
    }
    if (status?.exitCode === 0 && status.output.trim() === '255') return result;
    const during = status?.exitCode === 0 ? 'the connection was lost while the command ran' : 'ssh failed';
    const detail = explainSshFailure(r.output, this.description, this.knownHostsFiles());
    const kind = classifySshFailure(r.output);
    throw new TransportError(
      `${detail} (${during}${why ? `; reconnecting failed: ${why}` : ''}) [${program}]`,
      this.description,
      status?.exitCode === 0 ? 'lost' : kind,
    );
  }

  /**
   * Copies a file or a directory (recursively; a directory's contents land in remotePath,
   * like `cp -r`) as a tar stream or a plain byte stream over the master connection.
   */
  async copyTo(localPath: string, remotePath: string, options: { timeoutMs?: number } = {}): Promise<void> {
    await this.ensureMaster();
    const timeoutMs = options.timeoutMs ?? 600_000;
    const st = await stat(localPath);
    let stdinFile = localPath;
    let script = WRITE_FILE_SCRIPT;
    if (st.isDirectory()) {
      stdinFile = join(this.dir!, `copy-${randomBytes(4).toString('hex')}.tar`);
      const tar = await runProcess(['tar', '-C', localPath, '-cf', stdinFile, '.'], {
        timeoutMs,
        env: minimalEnv(),
      });
      if (tar.exitCode !== 0) throw new Error(`copy ${localPath}: tar failed: ${tar.output.trim()}`);
      script = UNTAR_SCRIPT;
    }
    try {
      const remote = shJoin(['sh', '-c', script, 'avb-copy', remotePath]);
      const r = await this.ssh(['-T', TARGET_ALIAS, remote], { timeoutMs, stdinFile });
      if (r.timedOut)
        throw new TransportError(
          `${this.description}: copy of ${basename(localPath)} timed out`,
          this.description,
        );
      if (r.exitCode === 255) {
        throw new TransportError(
          explainSshFailure(r.output, this.description, this.knownHostsFiles()),
          this.description,
          classifySshFailure(r.output),
        );
      }
      if (r.exitCode !== 0) {
        throw new Error(`copy ${localPath} to ${this.description}:${remotePath} failed: ${r.output.trim()}`);
      }
    } finally {
      if (stdinFile !== localPath) await rm(stdinFile, { force: true });
    }
  }

  /** Stops the master connection and removes the private dir (key text included). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.masterStarting?.catch(() => undefined);
    if (this.config && existsSync(this.controlPath)) {
      await this.ssh(['-O', 'exit', TARGET_ALIAS], { timeoutMs: 10_000 }).catch(() => undefined);
    }
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }
}
