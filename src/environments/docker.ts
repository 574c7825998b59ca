/**
 * The `docker` environment (paper: a container with 1 CPU and 1 GiB on docker's default
 * bridge, veth + NAT). Everything happens on the board through its transport:
 *  1. an engine must answer (`docker version`), else a clear error;
 *  2. the bench image is assembled from the board's own tool binaries and their libraries
 *     (docker-image/assemble-rootfs.ts), tagged by content hash and `docker import`ed only
 *     when that hash is new: no registry, no base image;
 *  3. `docker run -d` with the limits and a label (so leftovers can be found), running a
 *     long sleep; commands then reach it with `docker exec` (DockerExecTransport);
 *  4. teardown `docker rm -f`, which never throws.
 * Its I/O paths are the paper's: IOzone in the container's writable layer (the storage
 * driver's upper directory on the board) or in a configured volume, netperf across its
 * veth on the network's bridge (NAT beyond it) to the bridge's gateway or further.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { Argv } from '../config/board.js';
import type { Fingerprint } from '../results/schema.js';
import { DockerExecTransport } from '../transport/docker.js';
import { REMOTE_PATH } from '../transport/remote-scripts.js';
import type { ExecOptions, ExecResult, Transport } from '../transport/types.js';
import { DEFAULT_RESOURCES, type Resources } from '../config/resources.js';
import { CGROUP_VIEW_SCRIPT, parseCgroupView } from './docker-cgroup.js';
import { splitSections, resourceFacts } from './fingerprint.js';
import { boardCpuList } from './resources/host-limit.js';
import { RESOURCE_VIEW_SCRIPT } from './resources/view.js';
import { ASSEMBLE_ROOTFS_SCRIPT } from './docker-image/assemble-rootfs.js';
import { BoardScratch, type EnvironmentIo } from './io-paths.js';
import type { BenchEnvironment, EnvironmentContext } from './types.js';
import { timeoutSeconds } from '../config/bounds.js';

/** Label on every container this tool starts; teardown and cleanup look for it. */
export const CONTAINER_LABEL = 'arm-virt-bench';

/** The benchmark programs the image always tries to include (missing ones are reported). */
export const BENCH_TOOLS = ['hackbench', 'netperf', 'netserver', 'iozone'] as const;

const IMAGE_RE = /^[A-Za-z0-9][A-Za-z0-9._/:@-]*$/;

export const DockerEnvironmentConfig = z
  .object({
    /** Use this existing image instead of building one from the board's tools. */
    image: z.string().regex(IMAGE_RE, 'not an image reference').optional(),
    /** Repository of the built image; the tag is the content hash. */
    imageRepository: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._/-]*$/, 'lower-case repository name')
      .default('arm-virt-bench/bench'),
    /**
     * `docker run --cpus`: a CPU-time quota ON TOP of the cpuset from `resources` (default
     * none: a quota is not a CPU — with --cpus=1 on a 2-core board the container's tasks
     * still spread over both cores and are throttled, which measures the quota).
     */
    cpus: z.number().positive().optional(),
    /** `docker run --memory` (and --memory-swap: no swap); default `resources.memory`. */
    memory: z
      .string()
      .regex(/^\d+[bkmg]?$/i, 'a size like 1g or 512m')
      .optional(),
    /** `docker run --network` (paper: the default bridge, veth + NAT). */
    network: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'a network name')
      .default('bridge'),
    /** Extra programs (names in the board's PATH, or absolute paths) to put in the image. */
    tools: z.array(z.string().regex(/^[A-Za-z0-9/._+-]+$/, 'a program name or path')).default([]),
    /** The docker CLI on the board, e.g. ["docker"] or ["docker", "-H", "unix:///run/docker.sock"]. */
    docker: Argv.default(['docker']),
    /** DOCKER_HOST for the docker CLI on the board. */
    dockerHost: z.string().min(1).optional(),
    /** `--init`: a tiny init as PID 1 reaps the exec'd processes' orphans. */
    init: z.boolean().default(true),
    buildTimeoutSeconds: timeoutSeconds().default(900),
    /**
     * IOzone in a volume mounted at /avb-scratch instead of the writable layer: a volume
     * name, or an absolute folder on the board (bind mount).
     */
    volume: z
      .string()
      .regex(
        /^([A-Za-z0-9][A-Za-z0-9_.-]+|\/[^,:\0\n]*)$/,
        'a volume name or an absolute folder on the board',
      )
      .optional(),
    ...BoardScratch,
  })
  .strict();
export type DockerEnvironmentConfig = z.infer<typeof DockerEnvironmentConfig>;

/** Where a configured volume is mounted in the container (IOzone's folder then). */
export const VOLUME_MOUNT = '/avb-scratch';

/**
 * One `docker inspect` for the I/O paths: address and gateway on its network, the storage
 * driver and its upper directory (the writable layer on the board), the volume's folder.
 */
export const INSPECT_FORMAT = [
  'ip={{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}',
  'gateway={{range .NetworkSettings.Networks}}{{.Gateway}} {{end}}',
  'driver={{.GraphDriver.Name}}',
  'upper={{index .GraphDriver.Data "UpperDir"}}',
  `volume={{range .Mounts}}{{if eq .Destination "${VOLUME_MOUNT}"}}{{.Source}}{{end}}{{end}}`,
].join('\n');

export interface DockerInspectFacts {
  ip?: string;
  gateway?: string;
  driver?: string;
  upperDir?: string;
  volumeDir?: string;
}

export function parseDockerInspect(text: string): DockerInspectFacts {
  const out: DockerInspectFacts = {};
  for (const line of text.split('\n')) {
    const m = /^(ip|gateway|driver|upper|volume)=(.*)$/.exec(line.trim());
    if (!m) continue;
    const v = m[2]!.trim().split(/\s+/)[0] ?? '';
    if (!v || v === '<no value>') continue;
    if (m[1] === 'ip') out.ip = v;
    else if (m[1] === 'gateway') out.gateway = v;
    else if (m[1] === 'driver') out.driver = v;
    else if (m[1] === 'upper') out.upperDir = v;
    else out.volumeDir = v;
  }
  return out;
}

/** $1 an interface index: the board's interface with that index (a veth's peer). */
const IFINDEX_SCRIPT =
  'for d in /sys/class/net/*; do [ "$(cat "$d/ifindex" 2>/dev/null)" = "$1" ] && basename "$d"; done; true';

function tail(output: string, lines = 3): string {
  return output.trim().split('\n').slice(-lines).join(' ').trim() || '(no output)';
}

/** What to do about a `docker run` failure the board's set-up causes (empty when unknown). */
export function dockerRunHint(output: string): string {
  if (/AppArmor enabled on system but the docker-default profile could not be loaded/.test(output))
    return " — the board's kernel has AppArmor on but apparmor_parser is missing: install the `apparmor` package on the board (Debian's docker.io only recommends it), or boot the kernel with apparmor=0";
  return '';
}

/**
 * Removes containers a previous (crashed) run left behind: all containers with this
 * tool's label, or only those of one environment id. Never throws; returns names removed.
 */
export async function removeLeftoverContainers(
  board: Transport,
  options: { docker?: readonly string[]; dockerHost?: string; envId?: string } = {},
): Promise<string[]> {
  const docker = options.docker ?? ['docker'];
  const env = options.dockerHost ? { DOCKER_HOST: options.dockerHost } : undefined;
  try {
    const ls = await board.exec(
      [
        ...docker,
        'ps',
        '-a',
        '--filter',
        options.envId === undefined
          ? `label=${CONTAINER_LABEL}`
          : `label=${CONTAINER_LABEL}.env=${options.envId}`,
        '--format',
        '{{.Names}}',
      ],
      { timeoutMs: 60_000, env },
    );
    if (ls.exitCode !== 0) return [];
    const names = ls.output
      .split('\n')
      .map((s) => s.trim())
      .filter((s) => /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(s));
    if (names.length > 0)
      await board.exec([...docker, 'rm', '-f', '-v', ...names], { timeoutMs: 120_000, env });
    return names;
  } catch {
    return [];
  }
}

export class DockerEnvironment implements BenchEnvironment {
  readonly kind = 'docker' as const;
  readonly bootMode = 'linux' as const;
  readonly config: DockerEnvironmentConfig;
  private board: Transport | undefined;
  private exec: DockerExecTransport | undefined;
  private containerName: string | undefined;
  private imageRef: string | undefined;
  private engineVersion: string | undefined;
  private ip: string | undefined;
  /** What `docker inspect` and the container's eth0 tell about its I/O paths. */
  private paths: { driver?: string; upperDir?: string; volumeDir?: string; gateway?: string; veth?: string } =
    {};
  private cpuset: string | undefined;
  private memory: string | undefined;
  readonly resources: Resources;

  constructor(
    readonly id: string,
    config: z.input<typeof DockerEnvironmentConfig> = {},
    options: { resources?: Resources } = {},
  ) {
    this.config = DockerEnvironmentConfig.parse(config);
    this.resources = options.resources ?? DEFAULT_RESOURCES;
  }

  /** The container's name (after prepare). */
  get container(): string | undefined {
    return this.containerName;
  }

  /** The image the container runs (after prepare). */
  get image(): string | undefined {
    return this.imageRef;
  }

  /** The container's address on its network: netperf's target for a netserver inside. */
  get ipAddress(): string | undefined {
    return this.ip;
  }

  private get dockerEnv(): Record<string, string> | undefined {
    return this.config.dockerHost ? { DOCKER_HOST: this.config.dockerHost } : undefined;
  }

  private docker(
    board: Transport,
    args: string[],
    options: Omit<ExecOptions, 'env'> & { timeoutMs: number },
  ): Promise<ExecResult> {
    return board.exec([...this.config.docker, ...args], { ...options, env: this.dockerEnv });
  }

  async prepare(ctx: EnvironmentContext): Promise<void> {
    const board = ctx.board;
    this.board = board;
    const signal = ctx.signal;
    const where = board.description;

    const version = await this.docker(board, ['version', '--format', '{{.Server.Version}}'], {
      timeoutMs: 60_000,
      signal,
    });
    const v = version.output.trim().split('\n').pop() ?? '';
    if (version.exitCode !== 0 || !/^\d/.test(v)) {
      throw new Error(`no Docker engine answers on ${where}: ${tail(version.output)}`);
    }
    this.engineVersion = v;
    ctx.log(`docker ${v} on ${where}`);

    this.imageRef = this.config.image ?? (await this.buildImage(ctx));
    // The same CPUs and memory as the host's benchmark processes: a cpuset (not a CPU-time
    // quota) and a memory limit without swap.
    this.cpuset = await boardCpuList(board, this.resources, signal);
    this.memory =
      this.config.memory ??
      (this.resources.memoryBytes !== null ? String(this.resources.memoryBytes) : undefined);

    const name = `avb-${this.id.replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 40)}-${randomBytes(4).toString('hex')}`;
    const run = await this.docker(
      board,
      [
        'run',
        '-d',
        `--name=${name}`,
        `--label=${CONTAINER_LABEL}=1`,
        `--label=${CONTAINER_LABEL}.env=${this.id}`,
        // The run it belongs to: the next run removes it if this one dies (engine/leftovers.ts).
        ...(ctx.runId ? [`--label=${CONTAINER_LABEL}.run=${ctx.runId}`] : []),
        ...(this.cpuset !== undefined ? [`--cpuset-cpus=${this.cpuset}`] : []),
        ...(this.config.cpus !== undefined ? [`--cpus=${this.config.cpus}`] : []),
        ...(this.memory !== undefined ? [`--memory=${this.memory}`, `--memory-swap=${this.memory}`] : []),
        `--network=${this.config.network}`,
        ...(this.config.volume ? ['--volume', `${this.config.volume}:${VOLUME_MOUNT}`] : []),
        ...(this.config.init ? ['--init'] : []),
        '--',
        this.imageRef,
        'sleep',
        '2000000000',
      ],
      { timeoutMs: 120_000, signal, logPath: join(ctx.logDir, 'docker-run.log') },
    );
    if (run.exitCode !== 0) {
      // A container may exist even when `run` failed (e.g. start error): remove it.
      await this.docker(board, ['rm', '-f', name], { timeoutMs: 60_000 }).catch(() => undefined);
      throw new Error(
        `docker run of ${this.imageRef} on ${where} failed: ${tail(run.output)}${dockerRunHint(run.output)}`,
      );
    }
    this.containerName = name;
    this.exec = new DockerExecTransport({
      board,
      container: name,
      docker: this.config.docker,
      dockerEnv: this.dockerEnv,
    });
    const ok = await this.exec.exec(['true'], { timeoutMs: 60_000 });
    if (ok.exitCode !== 0) throw new Error(`container ${name} does not run commands: ${tail(ok.output)}`);
    const inspect = await this.docker(board, ['inspect', '--format', INSPECT_FORMAT, name], {
      timeoutMs: 60_000,
    });
    const facts = inspect.exitCode === 0 ? parseDockerInspect(inspect.output) : {};
    this.ip = facts.ip;
    this.paths = {
      ...(facts.driver ? { driver: facts.driver } : {}),
      ...(facts.upperDir ? { upperDir: facts.upperDir } : {}),
      ...(facts.volumeDir ? { volumeDir: facts.volumeDir } : {}),
      ...(facts.gateway ? { gateway: facts.gateway } : {}),
    };
    // The container's eth0 is one end of a veth pair; its peer on the board has ifindex = eth0's iflink.
    const iflink = await this.exec.exec(['cat', '/sys/class/net/eth0/iflink'], { timeoutMs: 30_000 });
    if (iflink.exitCode === 0 && /^\d+$/.test(iflink.output.trim())) {
      const peer = await board.exec(['sh', '-c', IFINDEX_SCRIPT, 'sh', iflink.output.trim()], {
        timeoutMs: 30_000,
      });
      const veth = peer.output.trim().split('\n')[0]?.trim();
      if (peer.exitCode === 0 && veth && /^[A-Za-z0-9_.@-]+$/.test(veth)) this.paths.veth = veth;
    }
    ctx.log(
      `container ${name} (${this.imageRef}) at ${this.ip ?? 'no address'}${this.paths.veth ? ` via ${this.paths.veth}` : ''}, storage ${this.paths.driver ?? 'unknown'}; CPUs ${this.cpuset ?? 'all'}, memory ${this.memory ?? 'unlimited'}${this.config.cpus !== undefined ? `, CPU quota ${this.config.cpus}` : ''}`,
    );
  }

  /**
   * Assembles the rootfs on the board, and imports it unless an image with the same
   * content hash is already there. Returns the image reference.
   */
  private async buildImage(ctx: EnvironmentContext): Promise<string> {
    const board = ctx.board;
    const logPath = join(ctx.logDir, 'docker-image.log');
    const timeoutMs = this.config.buildTimeoutSeconds * 1000;
    const signal = ctx.signal;
    const mk = await board.exec(['mktemp', '-d', '/tmp/avb-image.XXXXXXXX'], { timeoutMs: 30_000, signal });
    const work = mk.output.trim();
    if (mk.exitCode !== 0 || !work.startsWith('/tmp/avb-image.')) {
      throw new Error(`cannot make a work folder on ${board.description}: ${tail(mk.output)}`);
    }
    try {
      const rootfs = `${work}/rootfs`;
      const tools = [...BENCH_TOOLS, ...this.config.tools];
      const ub = ctx.unixbenchTree ?? '';
      const asm = await board.exec(
        ['sh', '-c', ASSEMBLE_ROOTFS_SCRIPT, 'avb-assemble', rootfs, ub, ...tools],
        {
          timeoutMs,
          signal,
          logPath,
        },
      );
      const hash = /^hash ([0-9a-f]{64})$/m.exec(asm.output)?.[1];
      if (asm.exitCode !== 0 || !hash) {
        throw new Error(
          `assembling the bench image on ${board.description} failed: ${tail(asm.output)} (log: ${logPath})`,
        );
      }
      for (const m of asm.output.matchAll(/^missing (\S+)$/gm)) {
        ctx.log(
          `docker image: ${m[1]} is not on ${board.description}; suites that need it will fail in the container`,
        );
      }
      const tag = `${this.config.imageRepository}:${hash.slice(0, 16)}`;
      const have = await this.docker(board, ['image', 'inspect', '--format', '{{.Id}}', tag], {
        timeoutMs: 60_000,
        signal,
      });
      if (have.exitCode === 0) {
        ctx.log(`docker image ${tag} is up to date`);
        return tag;
      }
      const tar = await board.exec(['tar', '-C', rootfs, '-cf', `${work}/rootfs.tar`, '.'], {
        timeoutMs,
        signal,
        logPath,
      });
      if (tar.exitCode !== 0) throw new Error(`tar of the image rootfs failed: ${tail(tar.output)}`);
      const imp = await this.docker(
        board,
        [
          'import',
          '--change',
          `ENV PATH=${REMOTE_PATH}`,
          '--change',
          `LABEL ${CONTAINER_LABEL}.image=1`,
          `${work}/rootfs.tar`,
          tag,
        ],
        { timeoutMs, signal, logPath },
      );
      if (imp.exitCode !== 0)
        throw new Error(`docker import on ${board.description} failed: ${tail(imp.output)}`);
      ctx.log(`docker image ${tag} built from the board's tools`);
      return tag;
    } finally {
      await board.exec(['rm', '-rf', work], { timeoutMs: 60_000 }).catch(() => undefined);
    }
  }

  transport(): Transport {
    if (!this.exec) throw new Error(`environment ${this.id}: transport() before prepare()`);
    return this.exec;
  }

  io(): EnvironmentIo {
    const c = this.config;
    const dir = c.scratchDir ?? (c.volume ? VOLUME_MOUNT : undefined);
    const boardDir = c.volume ? this.paths.volumeDir : this.paths.upperDir;
    // `--network host`: the board's own stack (no gateway, no veth).
    const gateway = this.paths.gateway ?? (c.network === 'host' ? '127.0.0.1' : undefined);
    return {
      scratch: {
        ...(dir ? { dir } : {}),
        allowRam: c.allowRamScratch,
        remedy: "use the writable layer (the default) or a volume on the board's disk",
        ...(boardDir ? { boardDir } : {}),
      },
      net: {
        ...(gateway ? { boardAddress: gateway, boardListen: gateway } : {}),
        ...(this.paths.veth ? { boardIface: this.paths.veth } : {}),
      },
    };
  }

  async fingerprint(): Promise<Fingerprint> {
    const t = this.transport();
    const run = async (argv: string[]): Promise<string | undefined> => {
      const r = await t.exec(argv, { timeoutMs: 60_000 });
      return r.exitCode === 0 ? r.output.trim() : undefined;
    };
    const kernel = await run(['uname', '-r']);
    const arch = await run(['uname', '-m']);
    const nproc = await run(['nproc']);
    const view = parseCgroupView((await run(['sh', '-c', CGROUP_VIEW_SCRIPT])) ?? '');
    const resources = resourceFacts(splitSections((await run(['sh', '-c', RESOURCE_VIEW_SCRIPT])) ?? ''));
    return {
      ...resources,
      kernel,
      arch,
      cpus: nproc && /^\d+$/.test(nproc) ? Number(nproc) : undefined,
      dockerVersion: this.engineVersion,
      cgroupCpuLimit: view.cpuMax,
      cgroupMemoryLimit: view.memoryMax,
      cgroupVersion: view.version,
      cgroupCpus: view.cpuLimit,
      cgroupCpuset: view.cpuset,
      dockerImage: this.imageRef,
      dockerNetwork: this.config.network,
      ...(this.paths.driver ? { dockerStorageDriver: this.paths.driver } : {}),
      ...(this.config.volume ? { dockerVolume: this.config.volume } : {}),
      dockerLimits: {
        cpus: this.config.cpus ?? null,
        cpuset: this.cpuset ?? null,
        memory: this.memory ?? null,
      },
    };
  }

  async teardown(): Promise<void> {
    const name = this.containerName;
    const board = this.board;
    this.containerName = undefined;
    this.exec = undefined;
    if (!name || !board) return;
    try {
      await this.docker(board, ['rm', '-f', '-v', name], { timeoutMs: 120_000 });
    } catch {
      // Never throws: a leftover is found later by its label (removeLeftoverContainers).
    }
  }
}
