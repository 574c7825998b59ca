/**
 * The `kvm` environment's settings (the keys besides `kind`, `id`, `env`): which QEMU guest
 * to start on the board and how the controller reaches it. Every value is validated here;
 * the QEMU argv is built from these values only (src/environments/guest/qemu-argv.ts).
 */
import { z } from 'zod';
import { BoardScratch } from './io-paths.js';
import { timeoutSeconds } from '../config/bounds.js';
import { SshUser } from '../config/board.js';
import type { Resources } from '../config/resources.js';

/** A path on the board (absolute: the engine's working directory is not the board's). */
const BoardPath = z.string().regex(/^\//, 'must be an absolute path on the board');
/** Names QEMU splits on `,` or `=`: refuse those characters instead of escaping them. */
const QemuName = z.string().regex(/^[A-Za-z0-9_.:/+-]+$/, 'letters, digits and _ . : / + - only');

export const QEMU_ARCHES = ['aarch64', 'arm', 'x86_64'] as const;

export const KvmBoot = z.union([
  z
    .object({
      kernel: BoardPath,
      initrd: BoardPath.optional(),
      /** Kernel command line; default `console=<serial> panic=-1` for the arch. */
      append: z.string().optional(),
    })
    .strict(),
  z
    .object({
      /** A bootable disk image (raw or qcow2), attached as virtio-blk. */
      disk: BoardPath,
      format: z.enum(['raw', 'qcow2']).default('raw'),
      /** Firmware for disk boot (`-bios`), e.g. an EFI build on arm64 boards. */
      firmware: BoardPath.optional(),
    })
    .strict(),
]);
export type KvmBoot = z.infer<typeof KvmBoot>;

const IfName = z.string().regex(/^[A-Za-z0-9_.-]{1,15}$/, 'not an interface name');
const Mac = z.string().regex(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i, 'not a MAC address');
/** An IPv4 address, optionally with its prefix length (`192.168.100.3/24`). */
const Ipv4WithPrefix = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/, 'an IPv4 address, optionally with /PREFIX');

export const KvmNetwork = z.discriminatedUnion('type', [
  /**
   * QEMU user networking (SLIRP, in the QEMU process: no virtual NIC path on the board);
   * the guest's port 22 is forwarded to 127.0.0.1:hostPort on the board. Only on request.
   */
  z.object({ type: z.literal('user'), hostPort: z.number().int().min(1).max(65535).default(10022) }).strict(),
  /**
   * The paper's path: a TAP the engine makes on a bridge of the board (removed afterwards);
   * the guest has its own address on the bridge.
   */
  z
    .object({
      type: z.literal('bridge'),
      bridge: IfName,
      /** The guest's address (`A` or `A/P`); the project's guest takes it from the kernel command line. */
      address: Ipv4WithPrefix,
      mac: Mac.optional(),
      /** Name of the TAP to make (default `avbt-<random>`). */
      tap: IfName.optional(),
      /** Make the bridge with this address (A/P) when it does not exist, and remove it afterwards. */
      bridgeAddress: z
        .string()
        .regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, 'an IPv4 address with /PREFIX')
        .optional(),
    })
    .strict(),
  /** A TAP interface prepared on the board (left as it is); the guest has its own address. */
  z
    .object({
      type: z.literal('tap'),
      ifname: IfName,
      address: Ipv4WithPrefix,
      mac: Mac.optional(),
    })
    .strict(),
]);
export type KvmNetwork = z.infer<typeof KvmNetwork>;

/** The default network: an engine-made bridge with NAT, the guest at .2 (see board-net.ts). */
export const DEFAULT_KVM_NETWORK = {
  type: 'bridge',
  bridge: 'avbbr0',
  address: '192.168.213.2/24',
  bridgeAddress: '192.168.213.1/24',
} as const;

/** The guest's scratch disk (virtio-blk, serial `avb-scratch`), formatted and mounted inside. */
export const KvmDataDisk = z
  .object({
    /** Image file or block device on the board; default: an image the engine makes (and removes) each run. */
    path: BoardPath.optional(),
    format: z.enum(['raw', 'qcow2']).default('raw'),
    /** Size of an image the engine creates. */
    sizeMiB: z.number().int().min(16).default(1024),
    /** QEMU's `cache=` for the disk; absent: QEMU's default (writeback). */
    cache: z.enum(['none', 'writeback', 'writethrough', 'directsync', 'unsafe']).optional(),
  })
  .strict();
export type KvmDataDisk = z.infer<typeof KvmDataDisk>;

/** How the controller logs into the guest (keys are on the controller). */
export const GuestSsh = z
  .object({
    // The rule the ssh transport applies (checked when the config is read).
    user: SshUser.default('root'),
    port: z.number().int().min(1).max(65535).default(22),
    identityFile: z.string().min(1),
    /** The guest's host public key (`ssh-ed25519 AAAA...`, e.g. guest/build.sh's host_key.pub)... */
    hostKey: z
      .string()
      .trim()
      .regex(
        /^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)) [A-Za-z0-9+/=]+( .*)?$/,
        'not a host public key',
      )
      .optional(),
    /** ...or a known_hosts file that already holds it. One of the two is required. */
    knownHosts: z.string().min(1).optional(),
  })
  .strict()
  .refine((s) => s.hostKey !== undefined || s.knownHosts !== undefined, {
    message: 'give hostKey or knownHosts: guest host keys are checked, never accepted blindly',
  });
export type GuestSsh = z.infer<typeof GuestSsh>;

export const KvmEnvironmentConfig = z
  .object({
    arch: z.enum(QEMU_ARCHES).default('aarch64'),
    /** QEMU binary on the board; default `qemu-system-<arch>`. */
    qemu: z.string().min(1).optional(),
    /** `kvm` on boards; `tcg` (emulation) for labs without KVM. */
    accel: z.enum(['kvm', 'tcg']).default('kvm'),
    /** `-M` value; default `virt` on ARM, `pc` on x86_64. */
    machine: QemuName.optional(),
    /** `-cpu` value; default `host` with KVM, an emulated model with TCG. */
    cpu: QemuName.optional(),
    /** Guest memory; default `resources.memory` (the paper: 1 GiB). */
    memoryMiB: z.number().int().min(64).optional(),
    /** Guest vCPUs; default `resources.cpus` (the paper: 1). */
    vcpus: z.number().int().min(1).max(64).optional(),
    /** Back guest RAM with pre-allocated huge pages from this hugetlbfs mount. */
    hugepages: z
      .union([z.literal(false), z.object({ path: BoardPath.default('/dev/hugepages') }).strict()])
      .default(false),
    boot: KvmBoot,
    /**
     * IOzone's disk: a virtio-blk disk formatted (when blank) and mounted inside the guest at
     * /mnt/avb-scratch. `false`: none (then IOzone writes in `scratchDir`).
     */
    dataDisk: z.union([z.literal(false), KvmDataDisk]).default({ format: 'raw', sizeMiB: 1024 }),
    ...BoardScratch,
    /**
     * The guest's NIC (virtio-net). Default: the paper's bridge + TAP, on a bridge `avbbr0`
     * the engine makes with NAT (like docker's own) when the board has none.
     */
    network: KvmNetwork.default(DEFAULT_KVM_NETWORK),
    ssh: GuestSsh,
    /** From QEMU start to a working SSH login; the guest is killed when it runs out. */
    bootTimeoutSeconds: timeoutSeconds().default(300),
    /** Folder on the board for the pidfile, QMP socket and console log; default per env. */
    workDir: BoardPath.optional(),
    /** Extra QEMU arguments (argv items, appended last), e.g. the QEMU options a PR changes. */
    extraArgs: z.array(z.string().min(1)).default([]),
  })
  .strict();
/** The settings as written (the guest's size may be left to `resources`). */
export type KvmEnvironmentSettings = z.infer<typeof KvmEnvironmentConfig>;
/** The settings with the guest's size decided. */
export type KvmEnvironmentConfig = KvmEnvironmentSettings & { vcpus: number; memoryMiB: number };
export type KvmEnvironmentInput = z.input<typeof KvmEnvironmentConfig>;

/**
 * The guest gets the CPUs and memory of `resources` unless its own keys say otherwise
 * (then the fingerprints differ and the analysis says so); with `resources: all`, 1 vCPU
 * and 1 GiB.
 */
export function resolveKvmConfig(s: KvmEnvironmentSettings, resources: Resources): KvmEnvironmentConfig {
  return {
    ...s,
    vcpus: s.vcpus ?? resources.cpus ?? 1,
    memoryMiB:
      s.memoryMiB ?? (resources.memoryBytes !== null ? Math.round(resources.memoryBytes / 2 ** 20) : 1024),
  };
}
