/**
 * Progress a person can follow. The CLI prints one line per cell on stderr with elapsed
 * time and ETA; the action plugs in `groupedReporter(core.startGroup, core.endGroup, ...)`
 * so each environment's preparation and each round fold into a section of the log.
 */
export interface CellEvent {
  /** 1-based position among all planned cells, and their total. */
  index: number;
  total: number;
  env: string;
  suite: string;
  key: string;
  round: number;
  runs: number;
  status: 'ok' | 'failed' | 'cancelled';
  message?: string;
  samples: number;
  durationMs: number;
  /** Since the run started. */
  elapsedMs: number;
  /** Estimated time left; undefined until something has been measured. */
  etaMs?: number;
}

export interface Reporter {
  /**
   * What the run is doing right now ("host hackbench process-socket-g1 run 1/2", "boot switch
   * linux → xen"): not printed, kept by the CLI so that a cancel says what it cancelled.
   */
  activity?(what: string): void;
  info(line: string): void;
  warn(line: string): void;
  groupStart(title: string): void;
  groupEnd(): void;
  cell(event: CellEvent): void;
}

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0');
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(sec).padStart(2, '0')}`;
}

export function formatCellLine(e: CellEvent): string {
  const width = String(e.total).length;
  const pos = `[${String(e.index).padStart(width)}/${e.total}]`;
  const what = `${e.env} ${e.suite} ${e.key} run ${e.round + 1}/${e.runs}`;
  const status =
    e.status === 'ok'
      ? `ok ${(e.durationMs / 1000).toFixed(2)}s`
      : `${e.status.toUpperCase()} ${(e.durationMs / 1000).toFixed(2)}s${e.message ? `: ${oneLine(e.message)}` : ''}`;
  const eta = e.etaMs === undefined ? 'ETA ?' : `ETA ${formatDuration(e.etaMs)}`;
  return `${pos} ${what} ${status} · elapsed ${formatDuration(e.elapsedMs)} · ${eta}`;
}

function oneLine(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 160 ? `${t.slice(0, 157)}...` : t;
}

/** Plain lines to a writer (the CLI passes process.stderr). */
export function lineReporter(write: (text: string) => void): Reporter {
  return {
    info: (line) => write(`${line}\n`),
    warn: (line) => write(`warning: ${line}\n`),
    groupStart: (title) => write(`== ${title}\n`),
    groupEnd: () => undefined,
    cell: (e) => write(`${formatCellLine(e)}\n`),
  };
}

/** Foldable sections (GitHub Actions: core.startGroup/endGroup/info/warning). */
export function groupedReporter(core: {
  startGroup(title: string): void;
  endGroup(): void;
  info(line: string): void;
  warning(line: string): void;
}): Reporter {
  let open = false;
  return {
    info: (line) => core.info(line),
    warn: (line) => core.warning(line),
    groupStart: (title) => {
      if (open) core.endGroup();
      core.startGroup(title);
      open = true;
    },
    groupEnd: () => {
      if (open) core.endGroup();
      open = false;
    },
    cell: (e) => core.info(formatCellLine(e)),
  };
}

export const silentReporter: Reporter = {
  info: () => undefined,
  warn: () => undefined,
  groupStart: () => undefined,
  groupEnd: () => undefined,
  cell: () => undefined,
};
