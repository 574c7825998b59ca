/**
 * Pure readers of Xen's toolstack output and the decisions built on them.
 * - `xl info`: one `key : value` per line (keys padded with spaces), e.g.
 *   `xen_version            : 4.17.5`, `xen_caps : xen-3.0-aarch64 xen-3.0-armv7l`.
 * - `xl list`: a header `Name  ID  Mem VCPUs State Time(s)` then one row per domain;
 *   the name is the first column and may not contain spaces, Mem is in MiB.
 */

export function parseXlInfo(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^([a-z_0-9]+)\s*:\s?(.*)$/.exec(line);
    if (m?.[1]) out[m[1]] = (m[2] ?? '').trim();
  }
  return out;
}

export interface XlDomain {
  name: string;
  id: number;
  memMiB: number;
  vcpus: number;
  state: string;
  timeSeconds: number;
}

/** Rows of `xl list` (header skipped); throws on a line it cannot read. */
export function parseXlList(text: string): XlDomain[] {
  const domains: XlDomain[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '' || /^Name\s+ID\s+Mem/.test(line)) return;
    const m = /^(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+([-a-z]{6})\s+([\d.]+)\s*$/.exec(line);
    if (!m) throw new Error(`xl list: line ${i + 1} is not a domain row: ${JSON.stringify(line)}`);
    domains.push({
      name: m[1]!,
      id: Number(m[2]),
      memMiB: Number(m[3]),
      vcpus: Number(m[4]),
      state: m[5]!,
      timeSeconds: Number(m[6]),
    });
  });
  return domains;
}

export interface Dom0Facts {
  /** Content of /sys/hypervisor/type, undefined when the file is absent. */
  hypervisorType?: string;
  /** Content of /proc/xen/capabilities, undefined when absent. */
  capabilities?: string;
  /** Exit status and output of `xl info`; exit undefined when xl is not installed. */
  xlInfoExit?: number | null;
  xlInfoOutput: string;
}

/** Undefined when this is a Xen Dom0 whose toolstack answers; otherwise the reason. */
export function dom0Refusal(f: Dom0Facts): string | undefined {
  const hv = f.hypervisorType?.trim();
  if (hv !== 'xen') {
    return `not running on Xen: /sys/hypervisor/type is ${hv === undefined ? 'absent' : `'${hv}'`} (boot the board in its xen mode first)`;
  }
  if (f.capabilities === undefined) {
    return 'Xen is underneath but /proc/xen/capabilities is absent: mount xenfs (mount -t xenfs xenfs /proc/xen) so the control domain can be recognised';
  }
  if (!/\bcontrol_d\b/.test(f.capabilities)) {
    return `this is a Xen guest, not Dom0: /proc/xen/capabilities is '${f.capabilities.trim()}' (no control_d)`;
  }
  if (f.xlInfoExit === undefined) return 'Dom0 has no `xl` command: install the Xen tools (xen-utils)';
  if (f.xlInfoExit !== 0) {
    const why = f.xlInfoOutput.trim().split('\n').slice(-3).join(' ');
    return `\`xl info\` failed on Dom0 (exit ${f.xlInfoExit}): ${why || 'no output'} (is xencommons / xen.service running?)`;
  }
  if (!parseXlInfo(f.xlInfoOutput).xen_version)
    return "`xl info` printed no xen_version: not Xen's toolstack output";
  return undefined;
}

/** The Dom0 facts the fingerprint keeps from `xl info` and `xl list`. */
export function dom0Fingerprint(xlInfo: string, xlList: string): Record<string, string | number> {
  const info = parseXlInfo(xlInfo);
  const out: Record<string, string | number> = {};
  const num = (k: string): number | undefined => {
    const v = Number(info[k]);
    return info[k] !== undefined && info[k] !== '' && Number.isFinite(v) ? v : undefined;
  };
  if (info.xen_version) {
    out.xenVersion = info.xen_version;
    out.hypervisorVersion = info.xen_version;
  }
  if (info.xen_caps) out.xenCaps = info.xen_caps;
  if (info.xen_scheduler) out.xenScheduler = info.xen_scheduler;
  if (info.xen_commandline) out.xenCommandline = info.xen_commandline;
  for (const [k, key] of [
    ['nr_cpus', 'xenNrCpus'],
    ['total_memory', 'xenTotalMemoryMiB'],
    ['free_memory', 'xenFreeMemoryMiB'],
  ] as const) {
    const v = num(k);
    if (v !== undefined) out[key] = v;
  }
  let domains: XlDomain[] = [];
  try {
    domains = parseXlList(xlList);
  } catch {
    // An unreadable `xl list` only costs the Dom0 vCPU/memory facts.
  }
  const dom0 = domains.find((d) => d.id === 0);
  if (dom0) {
    out.dom0Vcpus = dom0.vcpus;
    out.dom0MemMiB = dom0.memMiB;
  }
  return out;
}

/** PV front-ends seen in a guest: `ls /sys/bus/xen/drivers` names and `lsmod` modules. */
export function pvDrivers(
  sysDrivers: string,
  lsmod: string,
): { netfront: boolean; blkfront: boolean; seen: string[] } {
  const drivers = sysDrivers.split(/\s+/).filter(Boolean);
  const modules = lsmod
    .split('\n')
    .slice(1)
    .map((l) => l.split(/\s+/)[0] ?? '')
    .filter(Boolean);
  const seen = [...new Set([...drivers, ...modules.filter((m) => /^xen[-_]/.test(m))])].sort();
  // xen-netfront registers as the xenbus driver `vif`, xen-blkfront as `vbd`.
  const netfront = drivers.includes('vif') || modules.includes('xen_netfront');
  const blkfront = drivers.includes('vbd') || modules.includes('xen_blkfront');
  return { netfront, blkfront, seen };
}
