/**
 * The `kvm` environment's settings (the keys besides `kind`, `id`, `env`): which QEMU guest
 * to start on the board and how the controller reaches it. Every value is validated here;
 * the QEMU argv is built from these values only (src/environments/guest/qemu-argv.ts).
 */
import { z } from 'zod';

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

export const KvmNetwork = z.discriminatedUnion('type', [
  /** QEMU user networking; the guest's port 22 is forwarded to 127.0.0.1:hostPort on the board. */
  z.object({ type: z.literal('user'), hostPort: z.number().int().min(1).max(65535).default(10022) }).strict(),
  /** A bridge on the board (qemu-bridge-helper); the guest has its own address. */
  z
    .object({
      type: z.literal('bridge'),
      bridge: z.string().regex(/^[A-Za-z0-9_.-]{1,15}$/, 'not an interface name'),
      address: z.string().min(1),
      mac: z
        .string()
        .regex(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i, 'not a MAC address')
        .optional(),
    })
    .strict(),
  /** A tap interface prepared on the board; the guest has its own address. */
  z
    .object({
      type: z.literal('tap'),
      ifname: z.string().regex(/^[A-Za-z0-9_.-]{1,15}$/, 'not an interface name'),
      address: z.string().min(1),
      mac: z
        .string()
        .regex(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i, 'not a MAC address')
        .optional(),
    })
    .strict(),
]);
export type KvmNetwork = z.infer<typeof KvmNetwork>;

/** How the controller logs into the guest (keys are on the controller). */
export const GuestSsh = z
  .object({
    user: z.string().min(1).default('root'),
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
    memoryMiB: z.number().int().min(64).default(1024),
    vcpus: z.number().int().min(1).max(64).default(1),
    /** Back guest RAM with pre-allocated huge pages from this hugetlbfs mount. */
    hugepages: z
      .union([z.literal(false), z.object({ path: BoardPath.default('/dev/hugepages') }).strict()])
      .default(false),
    boot: KvmBoot,
    /** An extra data disk (virtio-blk), e.g. for IOzone's scratch file. */
    dataDisk: z
      .object({ path: BoardPath, format: z.enum(['raw', 'qcow2']).default('raw') })
      .strict()
      .optional(),
    network: KvmNetwork.default({ type: 'user', hostPort: 10022 }),
    ssh: GuestSsh,
    /** From QEMU start to a working SSH login; the guest is killed when it runs out. */
    bootTimeoutSeconds: z.number().positive().default(300),
    /** Folder on the board for the pidfile, QMP socket and console log; default per env. */
    workDir: BoardPath.optional(),
  })
  .strict();
export type KvmEnvironmentConfig = z.infer<typeof KvmEnvironmentConfig>;
export type KvmEnvironmentInput = z.input<typeof KvmEnvironmentConfig>;
