/**
 * Human labels for environments and metrics, as the paper names them ("KVM", "Xen DomU",
 * "TCP_RR"). Plain strings: the report escapes them (env ids and params come from config).
 */
import type { EnvironmentKind, Params } from '../results/schema.js';

const KIND_LABELS: Record<EnvironmentKind, string> = {
  host: 'Host',
  kvm: 'KVM',
  docker: 'Docker',
  'xen-dom0': 'Xen Dom0',
  'xen-domu': 'Xen DomU',
};

/** The paper's name when the id is the kind itself, otherwise the user's id. */
export function envLabel(id: string, kind?: EnvironmentKind): string {
  if (kind && id === kind) return KIND_LABELS[kind];
  if ((KIND_LABELS as Record<string, string>)[id]) return (KIND_LABELS as Record<string, string>)[id]!;
  return id;
}

/** Canonical params key: sorted `k=v` joined by `,` (order of the object never matters). */
export function paramsKey(params: Params): string {
  return Object.keys(params)
    .sort()
    .map((k) => `${k}=${String(params[k])}`)
    .join(',');
}

export function metricKeyOf(metric: string, params: Params): string {
  return `${metric}|${paramsKey(params)}`;
}

function kb(v: unknown): string {
  const n = Number(v);
  if (!Number.isFinite(n)) return String(v);
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} GB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} MB`;
  return `${n} KB`;
}

/** "hackbench 40 tasks (process, socket)", "TCP_RR 1/1 B", "IOzone read 1 MB/4 KB", "UnixBench dhry2reg". */
export function metricLabel(metric: string, params: Params): string {
  const parts = metric.split('.');
  const suite = parts[0];
  if (suite === 'hackbench') {
    const mode = [params['mode'], params['ipc']].filter((x) => x !== undefined).join(', ');
    const tasks =
      params['tasks'] ?? (params['groups'] !== undefined ? `${params['groups']} groups` : undefined);
    return `hackbench ${tasks !== undefined ? `${tasks} tasks` : ''}${mode ? ` (${mode})` : ''}`
      .replace(/\s+/g, ' ')
      .trim();
  }
  if (suite === 'netperf') {
    const test = (parts[1] ?? '').toUpperCase();
    if (params['message_bytes'] !== undefined) return `${test} ${params['message_bytes']} B`;
    if (params['request_bytes'] !== undefined || params['response_bytes'] !== undefined) {
      return `${test} ${params['request_bytes'] ?? '?'}/${params['response_bytes'] ?? '?'} B`;
    }
    return test;
  }
  if (suite === 'iozone') {
    const op = parts.slice(1).join(' ');
    const sizes =
      params['file_kb'] !== undefined
        ? ` ${kb(params['file_kb'])}${params['reclen_kb'] !== undefined ? `/${kb(params['reclen_kb'])} rec` : ''}`
        : '';
    const threads = params['threads'] !== undefined ? ` ${params['threads']} thr` : '';
    return `IOzone ${op}${sizes}${threads}`;
  }
  if (suite === 'unixbench') {
    const test = parts.slice(1).join(' ');
    const copies = params['copies'];
    // The overall index of a run of some tests only (one cell per test): which tests it
    // covers, or every cell's row would read "UnixBench index".
    const of =
      metric === 'unixbench.index' && params['tests'] !== undefined
        ? ` (${String(params['tests']).split(/[ ,]+/).join(', ')})`
        : '';
    return `UnixBench ${test}${of}${copies !== undefined && Number(copies) !== 1 ? ` ×${copies}` : ''}`;
  }
  const rest = Object.keys(params).length ? ` ${paramsKey(params)}` : '';
  return `${metric}${rest}`;
}
