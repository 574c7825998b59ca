/**
 * What the board is running right now: one fixed shell script gathers the facts, and
 * pure functions turn its output into a boot-mode detection, a KVM verdict and a
 * fingerprint. Nothing here runs a process (the script is run by the controller).
 */
import type { BootMode, Fingerprint } from '../results/schema.js';
import { HYP_UNAVAILABLE, kvmInitializedMode } from './kvm-log.js';

/**
 * Sections start with `@@name`. The script is fixed text: nothing from config or from
 * the board's output is ever spliced into it.
 */
export const PROBE_SCRIPT = [
  'export LC_ALL=C',
  'echo @@boot_id; cat /proc/sys/kernel/random/boot_id 2>/dev/null',
  'echo @@kernel; uname -r',
  'echo @@arch; uname -m',
  'echo @@cmdline; cat /proc/cmdline 2>/dev/null',
  'echo @@hypervisor_type; cat /sys/hypervisor/type 2>/dev/null',
  // "file:" tells an empty capabilities file (a DomU) from no file (not Xen, or no xenfs).
  'echo @@xen_capabilities; if [ -r /proc/xen/capabilities ]; then echo file:; cat /proc/xen/capabilities; fi',
  'echo @@dev_kvm; if [ -c /dev/kvm ]; then echo present; else echo absent; fi',
  "echo @@dmesg; dmesg 2>/dev/null | grep -iE 'kvm|hyp mode|el2|xen' | head -n 40",
  'echo @@xl_info; if [ -e /proc/xen/capabilities ] && grep -q control_d /proc/xen/capabilities 2>/dev/null && command -v xl >/dev/null 2>&1; then timeout 20 xl info 2>/dev/null | head -n 40; fi',
  'echo @@end',
].join('\n');

export interface BootProbe {
  bootId: string;
  kernel: string;
  arch: string;
  cmdline: string;
  /** Content of /sys/hypervisor/type, or undefined when absent. */
  hypervisorType?: string;
  /** Content of /proc/xen/capabilities ('' = present but empty, a DomU), undefined when absent. */
  xenCapabilities?: string;
  devKvm: boolean;
  /** dmesg lines about KVM / HYP / EL2 / Xen. */
  dmesg: string[];
  /** `xl info` as key → value (Dom0 only). */
  xlInfo: Record<string, string>;
}

export class ProbeParseError extends Error {
  override readonly name = 'ProbeParseError';
}

/** Parses the probe script's output. Throws when the output is not a complete probe. */
export function parseProbe(output: string): BootProbe {
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const raw of output.split(/\r?\n/)) {
    const m = /^@@([a-z_]+)$/.exec(raw.trim());
    if (m?.[1]) {
      current = [];
      sections.set(m[1], current);
    } else current?.push(raw.replace(/\s+$/, ''));
  }
  if (!sections.has('end'))
    throw new ProbeParseError('probe output is incomplete (no @@end marker): the command was cut short');
  const text = (name: string): string | undefined => {
    const lines = sections.get(name);
    if (!lines) return undefined;
    const t = lines.join('\n').trim();
    return t;
  };
  const need = (name: string): string => {
    const t = text(name);
    if (!t) throw new ProbeParseError(`probe output has no ${name}`);
    return t;
  };
  const hv = text('hypervisor_type');
  const caps = sections.get('xen_capabilities');
  const xlInfo: Record<string, string> = {};
  for (const line of sections.get('xl_info') ?? []) {
    const m = /^([a-z_]+)\s*:\s*(.*)$/.exec(line.trim());
    if (m?.[1] && m[2] !== undefined) xlInfo[m[1]] = m[2];
  }
  return {
    bootId: need('boot_id'),
    kernel: need('kernel'),
    arch: need('arch'),
    cmdline: text('cmdline') ?? '',
    hypervisorType: hv ? hv : undefined,
    xenCapabilities: caps?.[0]?.trim() === 'file:' ? caps.slice(1).join('\n').trim() : undefined,
    devKvm: text('dev_kvm') === 'present',
    dmesg: (sections.get('dmesg') ?? []).map((l) => l.trim()).filter((l) => l !== ''),
    xlInfo,
  };
}

/** `unknown`: /proc/xen is not mounted (xenfs), so the control-domain bit cannot be read. */
export type XenRole = 'dom0' | 'domU' | 'unknown';

export interface ModeDetection {
  mode: BootMode;
  /** Only in the xen mode: Dom0 (control domain) or a guest. */
  xenRole?: XenRole;
  /** Why we believe it, one fact per line (kept in the logs and the fingerprint). */
  evidence: string[];
  kvm: KvmStatus;
}

export interface KvmStatus {
  available: boolean;
  /** When not available: the reason, for a person. */
  reason?: string;
}

/** Parses `5.10.0-23-armmp-lpae` → [5, 10]. */
export function kernelVersion(release: string): [number, number] | undefined {
  const m = /^(\d+)\.(\d+)/.exec(release);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** True for 32-bit ARM userlands/kernels as `uname -m` names them. */
export function isArm32(arch: string): boolean {
  return /^(armv[4-8][a-z]*|arm|armhf|armel)$/i.test(arch.trim());
}

/** Whether this boot can host KVM guests, and if not, the plain reason. */
export function kvmStatus(p: BootProbe): KvmStatus {
  if (p.devKvm) return { available: true };
  const v = kernelVersion(p.kernel);
  if (isArm32(p.arch) && v && (v[0] > 5 || (v[0] === 5 && v[1] >= 7))) {
    return {
      available: false,
      reason: `32-bit ARM kernel ${p.kernel} (${p.arch}): KVM host support for 32-bit ARM was removed in Linux 5.7; use a kernel older than 5.7 or an arm64 kernel`,
    };
  }
  if (p.hypervisorType === 'xen') {
    return {
      available: false,
      reason: 'running under Xen: EL2 belongs to the hypervisor, no /dev/kvm in this boot',
    };
  }
  const notAvail = p.dmesg.find((l) => HYP_UNAVAILABLE.test(l));
  if (notAvail) {
    return {
      available: false,
      reason: `the kernel was not started in HYP/EL2 mode (the boot firmware must enter it at EL2): "${notAvail}"`,
    };
  }
  return {
    available: false,
    reason: 'no /dev/kvm: the kvm module is not loaded or the kernel has no KVM support',
  };
}

/** Decides the boot mode from the probe. Pure. */
export function detectBootMode(p: BootProbe): ModeDetection {
  const evidence: string[] = [`kernel ${p.kernel} (${p.arch})`];
  const kvm = kvmStatus(p);
  const xenDmesg = p.dmesg.some((l) => /Xen version|Booting kernel on Xen|xen:|Xen .*support/i.test(l));
  if (p.hypervisorType === 'xen' || p.xenCapabilities !== undefined) {
    evidence.push(`/sys/hypervisor/type = ${p.hypervisorType ?? '(absent)'}`);
    const caps = p.xenCapabilities;
    evidence.push(
      `/proc/xen/capabilities = ${caps === undefined ? '(absent)' : caps === '' ? '(empty)' : caps}`,
    );
    const xenRole: XenRole =
      caps === undefined ? 'unknown' : caps.split(/\s+/).includes('control_d') ? 'dom0' : 'domU';
    if (p.xlInfo.xen_version) evidence.push(`xl info: xen_version ${p.xlInfo.xen_version}`);
    evidence.push(p.devKvm ? '/dev/kvm present (unexpected under Xen)' : '/dev/kvm absent');
    return { mode: 'xen', xenRole, evidence, kvm };
  }
  if (xenDmesg) evidence.push('dmesg mentions Xen but /sys/hypervisor/type is not xen: treated as linux');
  evidence.push('/sys/hypervisor/type absent');
  evidence.push(p.devKvm ? '/dev/kvm present' : `/dev/kvm absent: ${kvm.reason ?? ''}`);
  const hyp = p.dmesg.find((l) => kvmInitializedMode(l) !== undefined);
  if (hyp) evidence.push(`dmesg: ${hyp}`);
  return { mode: 'linux', evidence, kvm };
}

/** The board's fingerprint for one boot mode (merged into results.json `board`). */
export function probeFingerprint(p: BootProbe, d: ModeDetection): Fingerprint {
  const fp: Fingerprint = {
    kernel: p.kernel,
    arch: p.arch,
    cmdline: p.cmdline,
    bootMode: d.mode,
    kvm: d.kvm.available ? 'available (/dev/kvm)' : `unavailable: ${d.kvm.reason ?? ''}`,
    dmesgVirtualization: p.dmesg,
    bootId: p.bootId,
  };
  if (d.mode === 'xen') {
    fp.hypervisor = 'xen';
    if (p.xenCapabilities !== undefined) fp.xenCapabilities = p.xenCapabilities;
    fp.xenRole = d.xenRole;
    const xv = p.xlInfo;
    if (xv.xen_major && xv.xen_minor)
      fp.hypervisorVersion = `${xv.xen_major}.${xv.xen_minor}${xv.xen_extra ?? ''}`;
    if (Object.keys(xv).length > 0) fp.xlInfo = xv;
  }
  return fp;
}

export class WrongBootModeError extends Error {
  override readonly name = 'WrongBootModeError';
  constructor(
    readonly expected: BootMode,
    readonly detection: ModeDetection,
  ) {
    super(
      `refusing to measure: the board is in the ${detection.mode}${detection.xenRole ? ` (${detection.xenRole})` : ''} boot, expected ${expected}${detection.xenRole === 'unknown' ? ' as Dom0 (mount xenfs on /proc/xen so the control domain can be recognised)' : ''} — ${detection.evidence.join('; ')}`,
    );
  }
}

/** Throws unless the detection matches the mode we are about to measure in. */
export function assertBootMode(expected: BootMode, d: ModeDetection): void {
  if (d.mode !== expected || (d.mode === 'xen' && d.xenRole !== 'dom0'))
    throw new WrongBootModeError(expected, d);
}
