/** Peak memory of the bench process, sampled on a timer and at explicit checkpoints. */

/** Highest rss and heapUsed (bytes) seen since the sampler started. */
export interface MemoryPeak {
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
}

/** Samples process.memoryUsage() every `intervalMs` so a scenario can report its peak footprint. */
export class MemorySampler {
  private rss = 0;
  private heap = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 5) {
    this.sample();
    this.timer = setInterval(() => {
      this.sample();
    }, intervalMs);
    this.timer.unref();
  }

  /** Takes a sample now; call right after synchronous work (JSON.parse) that the timer cannot interrupt. */
  sample(): void {
    const { rss, heapUsed } = process.memoryUsage();
    this.rss = Math.max(this.rss, rss);
    this.heap = Math.max(this.heap, heapUsed);
  }

  /** Stops sampling and returns the peaks. */
  stop(): MemoryPeak {
    clearInterval(this.timer);
    this.sample();
    return { rssBytes: this.rss, heapUsedBytes: this.heap };
  }
}
