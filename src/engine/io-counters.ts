/**
 * Proof of path for every netperf and IOzone cell: the byte counters of the interfaces
 * and the block device the cell should load, read just before and just after it (outside
 * the measured time), and their differences kept in results.json (`ioCounters`). For
 * netperf: the environment's own interface towards the peer and its loopback (from
 * inside), and its virtual interface on the board (TAP, vif, veth); for IOzone: the block
 * device under the scratch folder (from inside, or on the board for docker's upper dir).
 */
import {
  BLOCK_STAT_SCRIPT,
  IFACE_STAT_SCRIPT,
  NETDEV_SCRIPT,
  parseBlockProbe,
  parseIfaceStat,
  parseProcNetDev,
  type BlockStat,
  type NetDev,
} from '../environments/io-paths.js';
import type { IoCounters } from '../results/schema.js';
import type { Transport } from '../transport/types.js';

export interface CounterPlan {
  nic?: { via: string; boardIface?: string };
  disk?: { device: string; where: 'environment' | 'board' };
}

export interface CounterSnapshot {
  netdev?: NetDev;
  boardIface?: { rxBytes: number; txBytes: number };
  disk?: { name: string; stat: BlockStat };
}

const TIMEOUT_MS = 30_000;

async function read(
  t: Transport,
  script: string,
  args: string[],
  signal?: AbortSignal,
): Promise<string | undefined> {
  try {
    const r = await t.exec(['sh', '-c', script, 'sh', ...args], { timeoutMs: TIMEOUT_MS, signal });
    return r.exitCode === 0 ? r.output : undefined;
  } catch {
    return undefined;
  }
}

/** One reading of the counters the plan names; a counter that cannot be read is left out. */
export async function readCounters(
  plan: CounterPlan,
  env: Transport,
  board: Transport,
  signal?: AbortSignal,
): Promise<CounterSnapshot> {
  const snap: CounterSnapshot = {};
  if (plan.nic) {
    const dev = await read(env, NETDEV_SCRIPT, [], signal);
    if (dev !== undefined) snap.netdev = parseProcNetDev(dev);
    if (plan.nic.boardIface) {
      const st = await read(board, IFACE_STAT_SCRIPT, [plan.nic.boardIface], signal);
      const parsed = st === undefined ? undefined : parseIfaceStat(st);
      if (parsed) snap.boardIface = parsed;
    }
  }
  if (plan.disk) {
    const t = plan.disk.where === 'board' ? board : env;
    const out = await read(t, BLOCK_STAT_SCRIPT, [plan.disk.device], signal);
    const parsed = out === undefined ? undefined : parseBlockProbe(out);
    if (parsed) snap.disk = parsed;
  }
  return snap;
}

type Body = Omit<IoCounters, 'env' | 'suite' | 'params' | 'round'>;

/** The differences between two readings (what the cell moved), with notes for what is missing. */
export function counterDelta(plan: CounterPlan, a: CounterSnapshot, b: CounterSnapshot): Body {
  const notes: string[] = [];
  const out: Body = {};
  if (plan.nic) {
    const via = plan.nic.via;
    const va = a.netdev?.[via];
    const vb = b.netdev?.[via];
    const la = a.netdev?.lo;
    const lb = b.netdev?.lo;
    if (va && vb && la && lb) {
      out.nic = {
        via,
        rxBytes: vb.rxBytes - va.rxBytes,
        txBytes: vb.txBytes - va.txBytes,
        loopback: { rxBytes: lb.rxBytes - la.rxBytes, txBytes: lb.txBytes - la.txBytes },
      };
      if (plan.nic.boardIface) {
        if (a.boardIface && b.boardIface) {
          out.nic.board = {
            iface: plan.nic.boardIface,
            rxBytes: b.boardIface.rxBytes - a.boardIface.rxBytes,
            txBytes: b.boardIface.txBytes - a.boardIface.txBytes,
          };
        } else notes.push(`the board's counters of ${plan.nic.boardIface} could not be read`);
      }
    } else notes.push(`/proc/net/dev inside the environment has no counters for ${via} and lo`);
  }
  if (plan.disk) {
    if (a.disk && b.disk && a.disk.name === b.disk.name) {
      out.disk = {
        device: a.disk.name,
        where: plan.disk.where,
        readIos: b.disk.stat.readIos - a.disk.stat.readIos,
        readSectors: b.disk.stat.readSectors - a.disk.stat.readSectors,
        writeIos: b.disk.stat.writeIos - a.disk.stat.writeIos,
        writeSectors: b.disk.stat.writeSectors - a.disk.stat.writeSectors,
      };
    } else notes.push(`the block device ${plan.disk.device} could not be read (${plan.disk.where})`);
  }
  if (notes.length > 0) out.notes = notes;
  return out;
}
