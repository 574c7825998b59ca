/** ETA of the remaining cells: each one is expected to take what it took before (pure). */
export class EtaEstimator {
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

  /** Sum of expected durations of `remaining` cells; undefined before any measurement. */
  estimate(remaining: readonly string[]): number | undefined {
    if (this.count === 0) return undefined;
    const mean = this.total / this.count;
    let ms = 0;
    for (const id of remaining) {
      const c = this.byCell.get(id);
      ms += c ? c.sum / c.n : mean;
    }
    return ms;
  }
}
