/**
 * The pace of a live run: blocks earn credit as wall-clock time passes (`blocksPerSecond` a second) and
 * each block stepped spends one. Credit is capped at a tenth of a second's worth, so a slow slice or a
 * long pause is not made up in a burst. An infinite speed steps whenever it gets the thread.
 */
export class Pace {
  private credit = 0;
  private last: number;

  constructor(private readonly now: () => number) {
    this.last = now();
  }

  /** Starts afresh (after a pause): nothing owed. */
  restart(): void {
    this.last = this.now();
    this.credit = 0;
  }

  /** Adds the credit earned since the last call. */
  earn(blocksPerSecond: number): void {
    const t = this.now();
    if (Number.isFinite(blocksPerSecond)) {
      this.credit = Math.min(
        this.credit + ((t - this.last) * blocksPerSecond) / 1000,
        Math.max(1, blocksPerSecond / 10),
      );
    }
    this.last = t;
  }

  canStep(blocksPerSecond: number): boolean {
    return !Number.isFinite(blocksPerSecond) || this.credit >= 1;
  }

  spend(): void {
    this.credit -= 1;
  }

  /** After a speed change: at most one block owed at the new speed. */
  settle(): void {
    this.credit = Math.min(this.credit, 1);
  }

  /** Milliseconds until the next block is due (0: now), at most 100 so changes are seen soon. */
  wait(blocksPerSecond: number): number {
    if (this.canStep(blocksPerSecond)) return 0;
    return Math.min(100, Math.max(1, ((1 - this.credit) * 1000) / blocksPerSecond));
  }
}

/** Blocks per second actually run, measured over about a second (null until then, and after a change). */
export class RateMeter {
  private since = Number.NaN;
  private from = 0;
  rate: number | null = null;

  observe(now: number, block: number): void {
    if (Number.isNaN(this.since)) {
      this.since = now;
      this.from = block;
    } else if (now - this.since >= 1000) {
      this.rate = ((block - this.from) * 1000) / (now - this.since);
      this.since = now;
      this.from = block;
    }
  }

  reset(): void {
    this.since = Number.NaN;
    this.rate = null;
  }
}
