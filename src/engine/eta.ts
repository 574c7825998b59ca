/**
 * ETA of the rest of a run (pure): each remaining cell is expected to take what it took
 * before; a cell not measured yet, its nominal time (src/engine/estimate.ts) scaled by how
 * its environment's cells of the same suite compared with theirs so far (a TCG guest's
 * hackbench is many times the nominal, UnixBench's fixed-length tests are not), else the
 * nominal itself, else — without nominal times — the mean of the cells measured. Plus the
 * boot switches still to come — each as long as the switches measured so far in this run,
 * or, before the first one, the configured `board.expectedSwitchSeconds`.
 * (The mean alone said "ETA 0:34" after the first 0.6 s hackbench cell of a 9-minute run
 * whose UnixBench cells take 15 s each.)
 */
export interface NominalCell {
  /** Nominal duration of one run of the cell. */
  ms: number;
  /** Cells that scale together: `<env>/<suite>`. */
  group: string;
}

export class EtaEstimator {
  private switches = { sum: 0, n: 0 };
  /** Per group: measured and nominal time of the cells measured so far. */
  private readonly groups = new Map<string, { measured: number; nominal: number }>();

  constructor(
    private readonly switchGuessMs = 0,
    private readonly nominal: ReadonlyMap<string, NominalCell> = new Map(),
  ) {}

  recordSwitch(durationMs: number): void {
    this.switches.sum += durationMs;
    this.switches.n += 1;
  }

  /** Expected duration of one boot switch. */
  switchMs(): number {
    return this.switches.n > 0 ? this.switches.sum / this.switches.n : this.switchGuessMs;
  }

  private readonly byCell = new Map<string, { sum: number; n: number }>();
  private total = 0;
  private count = 0;

  record(cellId: string, durationMs: number): void {
    const c = this.byCell.get(cellId) ?? { sum: 0, n: 0 };
    c.sum += durationMs;
    c.n += 1;
    this.byCell.set(cellId, c);
    this.total += durationMs;
    this.count += 1;
    const nom = this.nominal.get(cellId);
    if (nom) {
      const g = this.groups.get(nom.group) ?? { measured: 0, nominal: 0 };
      g.measured += durationMs;
      g.nominal += nom.ms;
      this.groups.set(nom.group, g);
    }
  }

  /** A cell not measured yet. */
  private unmeasured(cellId: string, mean: number): number {
    const nom = this.nominal.get(cellId);
    if (!nom) return mean;
    const g = this.groups.get(nom.group);
    return g && g.nominal > 0 ? (nom.ms * g.measured) / g.nominal : nom.ms;
  }

  /**
   * Expected time for the `remaining` cells and `switches` boot switches; undefined before any
   * cell was measured.
   */
  estimate(remaining: readonly string[], switches = 0): number | undefined {
    if (this.count === 0) return undefined;
    const mean = this.total / this.count;
    let ms = switches * this.switchMs();
    for (const id of remaining) {
      const c = this.byCell.get(id);
      ms += c ? c.sum / c.n : this.unmeasured(id, mean);
    }
    return ms;
  }
}
