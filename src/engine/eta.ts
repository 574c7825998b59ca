/**
 * ETA of the rest of a run (pure): each remaining cell is expected to take what it took
 * before (cells not measured yet: the mean of those that were), plus the boot switches still
 * to come — each as long as the switches measured so far in this run, or, before the first
 * one, the configured `board.expectedSwitchSeconds`.
 */
export class EtaEstimator {
  private switches = { sum: 0, n: 0 };

  constructor(private readonly switchGuessMs = 0) {}

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
      ms += c ? c.sum / c.n : mean;
    }
    return ms;
  }
}
