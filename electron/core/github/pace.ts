/**
 * Pacing ahead of GitHub's secondary rate limits ("Rate limits for the REST API": no more than
 * 900 points a minute for REST endpoints, a GET costing 1 point and a POST, PATCH, PUT or DELETE
 * 5; no more than 80 content-creating requests a minute and 500 an hour), so a large sync slows
 * itself down instead of being refused half way. Token buckets on an injected clock: a small
 * sync never waits (each bucket starts full), and a 304 gives its point back (GitHub does not
 * charge a conditional hit against the primary limit; an unchanged re-sync of 2,000 issues
 * never waits). Every write is counted as content creation (a label change adds to the issue's
 * timeline), which is the cautious reading.
 */
import { TransportError } from './errors.js';

/** GitHub's documented numbers (per minute unless said). */
export const SECONDARY_LIMITS = {
  pointsPerMinute: 900,
  readPoints: 1,
  writePoints: 5,
  createsPerMinute: 80,
  createsPerHour: 500,
} as const;

/** A token bucket: full at `capacity`, refilled continuously at `perMs`; a reservation may take it below zero. */
export class TokenBucket {
  private level: number;
  private at: number;

  constructor(
    readonly capacity: number,
    readonly perMs: number,
    now: number,
  ) {
    this.level = capacity;
    this.at = now;
  }

  private refill(now: number): void {
    if (now > this.at) this.level = Math.min(this.capacity, this.level + (now - this.at) * this.perMs);
    this.at = Math.max(this.at, now);
  }

  /** How long, from `now`, until `cost` more could be taken without going below zero. */
  waitFor(cost: number, now: number): number {
    this.refill(now);
    return this.level >= cost ? 0 : (cost - this.level) / this.perMs;
  }

  /** Takes `cost` now (a reservation: the caller then waits `waitFor`'s answer). */
  take(cost: number, now: number): void {
    this.refill(now);
    this.level -= cost;
  }

  /** Gives `cost` back (a request GitHub did not charge). */
  give(cost: number, now: number): void {
    this.refill(now);
    this.level = Math.min(this.capacity, this.level + cost);
  }
}

/** A request let through: when it may start, and how to return its points if GitHub did not charge them. */
export interface Ticket {
  readonly waitMs: number;
  readonly refund: (now: number) => void;
}

/**
 * The pace of one client (one sync, one discovery, one intake check). `unitMs` is one of GitHub's
 * seconds (1000; tests shrink it, as rate-limits.ts does). A write that would have to wait
 * longer than `maxWaitMs` (the hourly content limit spent) is not sent: it fails, and stays
 * queued for a later sync, rather than holding the sync for minutes.
 */
export class Pacer {
  private readonly points: TokenBucket;
  private readonly createsMinute: TokenBucket;
  private readonly createsHour: TokenBucket;

  constructor(
    now: number,
    private readonly unitMs = 1000,
    private readonly maxWaitMs = 60 * unitMs,
  ) {
    const L = SECONDARY_LIMITS;
    const minute = 60 * unitMs;
    this.points = new TokenBucket(L.pointsPerMinute, L.pointsPerMinute / minute, now);
    this.createsMinute = new TokenBucket(L.createsPerMinute, L.createsPerMinute / minute, now);
    this.createsHour = new TokenBucket(L.createsPerHour, L.createsPerHour / (60 * minute), now);
  }

  /** Reserves what `method` costs; throws TransportError('refused') for a write that would wait too long. */
  admit(method: string, now: number): Ticket {
    const write = !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
    const cost = write ? SECONDARY_LIMITS.writePoints : SECONDARY_LIMITS.readPoints;
    let waitMs = this.points.waitFor(cost, now);
    if (write) {
      waitMs = Math.max(waitMs, this.createsMinute.waitFor(1, now), this.createsHour.waitFor(1, now));
      if (waitMs > this.maxWaitMs) {
        const minutes = Math.ceil(waitMs / (60 * this.unitMs));
        throw new TransportError(
          'refused',
          `GitHub allows ${SECONDARY_LIMITS.createsPerHour} changes an hour and this sync has made as many; not sent now (GitHub would refuse it for about ${minutes} min)`,
        );
      }
      this.createsMinute.take(1, now);
      this.createsHour.take(1, now);
    }
    this.points.take(cost, now);
    return {
      waitMs,
      refund: (at) => {
        this.points.give(cost, at);
      },
    };
  }
}
