/**
 * The `xen-domu` environment's settings: which domain `xl create` starts on Dom0 (an
 * existing domain config file on the board, or one generated from the values below) and
 * how the controller reaches it over SSH through Dom0.
 */
import { z } from 'zod';
import { BoardScratch } from './io-paths.js';
import { DEFAULT_RESOURCES, type Resources } from '../config/resources.js';
import { GuestSsh } from './kvm-config.js';
import { timeoutSeconds } from '../config/bounds.js';
import { SshHostName } from '../config/board.js';

const BoardPath = z
  .string()
  .regex(
    /^\/[^"\n\r\0\\]*$/,
    'must be an absolute path on the board without quotes, backslashes or newlines',
  );
/** xl domain names: letters, digits, `_ . -` (no spaces: `xl list` splits on them). */
export const XenDomainName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'not a Xen domain name');

export const XenDomuGenerated = z
  .object({
    kernel: BoardPath,
    ramdisk: BoardPath.optional(),
    /** Kernel command line (`extra`), e.g. `console=hvc0 avb.ip=192.168.100.2/24 avb.gw=none`. */
    cmdline: z
      .string()
      .regex(/^[^"\n\r\0\\]*$/, 'no quotes, backslashes or newlines')
      .default('console=hvc0'),
    /** Domain memory; default `resources.memory` (the paper: 1 GiB). */
    memoryMiB: z.number().int().min(32).optional(),
    /** Domain vCPUs; default `resources.cpus` (the paper: 1). */
    vcpus: z.number().int().min(1).max(64).optional(),
    /** Guest type; omitted → xl's default (on ARM every guest is PVH-like). */
    type: z.enum(['pv', 'pvh', 'hvm']).optional(),
    disks: z
      .array(
        z
          .object({
            path: BoardPath,
            vdev: z.string().regex(/^xvd[a-z]$/, 'a Xen virtual disk name like xvda'),
            format: z.enum(['raw', 'qcow2']).default('raw'),
            access: z.enum(['rw', 'ro']).default('rw'),
          })
          .strict(),
      )
      .default([]),
    /** Bridge on Dom0 for the guest's PV NIC (`vif`). */
    bridge: z.string().regex(/^[A-Za-z0-9_.-]{1,15}$/, 'not an interface name'),
    mac: z
      .string()
      .regex(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i, 'not a MAC address')
      .optional(),
  })
  .strict();
export type XenDomuGenerated = z.infer<typeof XenDomuGenerated>;

/** The DomU's scratch disk: a Xen PV disk, formatted (when blank) and mounted inside at /mnt/avb-scratch. */
export const XenDomuDataDisk = z
  .object({
    /** Image file or block device on Dom0; default: an image the engine makes (and removes) each run. */
    path: BoardPath.optional(),
    format: z.enum(['raw', 'qcow2']).default('raw'),
    /** Size of an image the engine creates. */
    sizeMiB: z.number().int().min(16).default(1024),
    /** The guest's name for it (with `configFile`, the disk that file attaches). */
    vdev: z
      .string()
      .regex(/^xvd[a-z]$/, 'a Xen virtual disk name like xvdb')
      .default('xvdb'),
  })
  .strict();
export type XenDomuDataDisk = z.infer<typeof XenDomuDataDisk>;

export const XenDomuEnvironmentConfig = z
  .object({
    /** The domain's name (`xl destroy NAME` on teardown): must match the config file's. */
    name: XenDomainName,
    /** An existing xl domain config on Dom0... */
    configFile: BoardPath.optional(),
    /** ...or the values of one the environment writes (with fixed content). */
    generate: XenDomuGenerated.optional(),
    /** The guest's address as Dom0 sees it (on the bridge). */
    // The rule the ssh transport applies to hosts (checked when the config is read).
    address: SshHostName,
    ssh: GuestSsh,
    bootTimeoutSeconds: timeoutSeconds().default(300),
    /** Folder on Dom0 for the generated config; default /var/tmp/arm-virt-bench/<id>. */
    workDir: BoardPath.optional(),
    /**
     * IOzone's disk (xvdb): attached to a generated domain (with `configFile`, that file
     * attaches it), formatted and mounted inside. `false`: none (IOzone writes in `scratchDir`).
     */
    dataDisk: z
      .union([z.literal(false), XenDomuDataDisk])
      .default({ format: 'raw', sizeMiB: 1024, vdev: 'xvdb' }),
    ...BoardScratch,
  })
  .strict()
  .refine((c) => (c.configFile === undefined) !== (c.generate === undefined), {
    message: 'give exactly one of configFile (a domain config on Dom0) or generate (values for one)',
  })
  .refine(
    (c) =>
      c.dataDisk === false || !c.generate?.disks.some((d) => d.vdev === (c.dataDisk as XenDomuDataDisk).vdev),
    {
      path: ['dataDisk', 'vdev'],
      message: 'generate.disks already has a disk with this vdev: choose another one',
    },
  );
export type XenDomuEnvironmentConfig = z.infer<typeof XenDomuEnvironmentConfig>;

/** The domain's size: its own keys, else `resources` (with `all`: 1 vCPU, 1 GiB). */
export function domuSize(g: XenDomuGenerated, resources: Resources): { vcpus: number; memoryMiB: number } {
  return {
    vcpus: g.vcpus ?? resources.cpus ?? 1,
    memoryMiB:
      g.memoryMiB ?? (resources.memoryBytes !== null ? Math.round(resources.memoryBytes / 2 ** 20) : 1024),
  };
}

/** The xl config text for generated domains: fixed layout, values already validated. */
export function xlDomainConfig(
  name: string,
  g: XenDomuGenerated,
  extraDisks: XenDomuGenerated['disks'] = [],
  resources: Resources = DEFAULT_RESOURCES,
): string {
  const size = domuSize(g, resources);
  const q = (v: string): string => `"${v}"`;
  const lines = [
    '# Written by arm-virt-bench (xen-domu environment).',
    `name = ${q(name)}`,
    ...(g.type ? [`type = ${q(g.type)}`] : []),
    `kernel = ${q(g.kernel)}`,
    ...(g.ramdisk ? [`ramdisk = ${q(g.ramdisk)}`] : []),
    `extra = ${q(g.cmdline)}`,
    `memory = ${size.memoryMiB}`,
    `vcpus = ${size.vcpus}`,
    `vif = [ ${q(`bridge=${g.bridge}${g.mac ? `,mac=${g.mac}` : ''}`)} ]`,
    `disk = [ ${[...g.disks, ...extraDisks].map((d) => q(`format=${d.format},vdev=${d.vdev},access=${d.access},target=${d.path}`)).join(', ')} ]`,
    'on_poweroff = "destroy"',
    'on_reboot = "destroy"',
    'on_crash = "destroy"',
  ];
  return lines.join('\n') + '\n';
}
