/**
 * The QEMU command line of a `kvm` guest, built from validated config only (pure). QEMU is
 * started with `-daemonize` through the board transport, so the transport call returns once
 * the guest is running; that is why the console goes to a file (`-serial file:`) with
 * `-display none` instead of `-nographic` (which QEMU refuses together with `-daemonize`).
 */
import { createHash } from 'node:crypto';
import type { KvmEnvironmentConfig } from '../kvm-config.js';
import { SCRATCH_SERIAL } from './scratch-disk.js';

export interface QemuPaths {
  /** Folder on the board holding the files below. */
  workDir: string;
  consoleLog: string;
  pidFile: string;
  qmpSocket: string;
}

/** A UNIX socket path must fit sun_path (108 bytes on Linux, with its NUL). */
const MAX_SOCKET_PATH = 100;

export function qemuPaths(workDir: string): QemuPaths {
  let qmpSocket = `${workDir}/qmp.sock`;
  if (Buffer.byteLength(qmpSocket) > MAX_SOCKET_PATH) {
    // A deep log folder: keep the socket in /tmp under a name derived from the folder.
    qmpSocket = `/tmp/avb-qmp-${createHash('sha256').update(workDir).digest('hex').slice(0, 16)}.sock`;
  }
  return {
    workDir,
    consoleLog: `${workDir}/console.log`,
    pidFile: `${workDir}/qemu.pid`,
    qmpSocket,
  };
}

export function qemuBinary(config: KvmEnvironmentConfig): string {
  return config.qemu ?? `qemu-system-${config.arch}`;
}

/** The serial console device the guest kernel writes to, by architecture. */
export function serialConsole(arch: KvmEnvironmentConfig['arch']): string {
  return arch === 'x86_64' ? 'ttyS0' : 'ttyAMA0';
}

function defaultMachine(config: KvmEnvironmentConfig): string {
  return config.arch === 'x86_64' ? 'pc' : 'virt';
}

function defaultCpu(config: KvmEnvironmentConfig): string {
  if (config.accel === 'kvm') return 'host';
  // Under TCG: the paper's boards are Cortex-A15 (32-bit) and A57-class (64-bit).
  if (config.arch === 'aarch64') return 'cortex-a57';
  if (config.arch === 'arm') return 'cortex-a15';
  return 'max';
}

/** Refuse values that would break QEMU's `key=value,...` option syntax. */
function optionValue(what: string, value: string): string {
  if (/[,\n]/.test(value)) throw new Error(`kvm: ${what} must not contain ',' or a newline: ${value}`);
  return value;
}

/** Values known only at prepare: the scratch image's path, the TAP made, extra kernel arguments. */
export interface QemuRuntime {
  dataDiskPath?: string;
  tap?: string;
  /** Appended to the default kernel command line (never to a configured `append`). */
  append?: readonly string[];
}

/** The guest's address without a prefix length. */
export function hostPart(address: string): string {
  return address.replace(/\/\d+$/, '');
}

export function buildQemuArgv(
  config: KvmEnvironmentConfig,
  paths: QemuPaths,
  name: string,
  runtime: QemuRuntime = {},
): string[] {
  const argv: string[] = [qemuBinary(config)];
  argv.push('-name', optionValue('name', name));
  const machine = config.machine ?? defaultMachine(config);
  // Huge pages: guest RAM from hugetlbfs, allocated up front (QEMU fails at start if short).
  argv.push('-machine', config.hugepages === false ? machine : `${machine},memory-backend=avbmem`);
  argv.push('-accel', config.accel === 'kvm' ? 'kvm' : 'tcg');
  argv.push('-cpu', config.cpu ?? defaultCpu(config));
  argv.push('-smp', String(config.vcpus));
  argv.push('-m', `${config.memoryMiB}M`);
  if (config.hugepages !== false) {
    const path = optionValue('hugepages.path', config.hugepages.path);
    argv.push(
      '-object',
      `memory-backend-file,id=avbmem,size=${config.memoryMiB}M,mem-path=${path},prealloc=on,share=off`,
    );
  }
  argv.push('-display', 'none', '-monitor', 'none');
  argv.push('-serial', `file:${optionValue('console log path', paths.consoleLog)}`);
  argv.push('-qmp', `unix:${optionValue('QMP socket path', paths.qmpSocket)},server=on,wait=off`);
  argv.push('-pidfile', paths.pidFile, '-daemonize', '-no-reboot');

  const boot = config.boot;
  let drive = 0;
  const addDisk = (path: string, format: string, extra: { cache?: string; serial?: string } = {}): void => {
    const id = `avbdisk${drive++}`;
    const cache = extra.cache ? `,cache=${extra.cache}` : '';
    argv.push('-drive', `file=${optionValue('disk path', path)},format=${format},if=none,id=${id}${cache}`);
    argv.push('-device', `virtio-blk-pci,drive=${id}${extra.serial ? `,serial=${extra.serial}` : ''}`);
  };
  if ('kernel' in boot) {
    argv.push('-kernel', boot.kernel);
    if (boot.initrd) argv.push('-initrd', boot.initrd);
    argv.push(
      '-append',
      boot.append ??
        [`console=${serialConsole(config.arch)}`, 'panic=-1', ...(runtime.append ?? [])].join(' '),
    );
  } else {
    if (boot.firmware) argv.push('-bios', boot.firmware);
    addDisk(boot.disk, boot.format);
  }
  if (config.dataDisk !== false) {
    const path = runtime.dataDiskPath ?? config.dataDisk.path;
    if (!path) throw new Error('kvm: the data disk has no path yet (prepare makes it)');
    addDisk(path, config.dataDisk.format, {
      serial: SCRATCH_SERIAL,
      ...(config.dataDisk.cache ? { cache: config.dataDisk.cache } : {}),
    });
  }

  const net = config.network;
  if (net.type === 'user') {
    argv.push('-netdev', `user,id=avbnet,hostfwd=tcp:127.0.0.1:${net.hostPort}-:${config.ssh.port}`);
  } else if (net.type === 'bridge') {
    const tap = runtime.tap ?? net.tap;
    if (!tap) throw new Error('kvm: the TAP for the bridge has no name yet (prepare makes it)');
    argv.push('-netdev', `tap,id=avbnet,ifname=${tap},script=no,downscript=no`);
  } else {
    argv.push('-netdev', `tap,id=avbnet,ifname=${net.ifname},script=no,downscript=no`);
  }
  const mac = net.type === 'user' ? undefined : net.mac;
  // `romfile=`: no network boot ROM. The guest boots from -kernel or its disk, and boards
  // often lack the ROM files (Debian's ipxe-qemu is only a Recommends of qemu-system-arm),
  // which makes QEMU refuse to start ("failed to find romfile efi-virtio.rom").
  argv.push('-device', `virtio-net-pci,netdev=avbnet${mac ? `,mac=${mac}` : ''},romfile=`);
  // Arguments under test (e.g. a PR's QEMU options): last, so they can override the above.
  argv.push(...config.extraArgs);
  return argv;
}

/** Where the controller's SSH client connects to reach the guest, as seen from the board. */
export function guestEndpoint(config: KvmEnvironmentConfig): { host: string; port: number } {
  const net = config.network;
  if (net.type === 'user') return { host: '127.0.0.1', port: net.hostPort };
  return { host: hostPart(net.address), port: config.ssh.port };
}
