/** What a security check run answers (`checkSecurity`, `pals intake check`). */
import type { RateLimit } from '../github/report.js';
import type { SecurityCheckView } from './check-view.js';

/** The run: every engagement asked about, which were read now, which were skipped and why. */
export interface SecurityCheckReport {
  /** One per engagement with a GitHub repository asked about, read now or from the store. */
  readonly results: readonly SecurityCheckView[];
  /** How many were read from the network in this run (the rest were shown as stored). */
  readonly read: number;
  /** Engagements that could not be checked (no github.com repository). */
  readonly skipped: readonly { readonly id: string; readonly name: string; readonly reason: string }[];
  /** Read now, but a source could not be reached (their findings say `unknown` or keep the earlier read). */
  readonly incomplete: number;
  /** GitHub's core rate limit as its last answer stated it. */
  readonly rateLimit: RateLimit | null;
}
