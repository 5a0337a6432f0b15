/** The intake slice's shape: which engagements' security status is being read now. */
import type { ApiResponse } from '../../../shared/api.js';
import type { SecurityCheckReport } from '../../../shared/intake/check-report.js';

/** Security checks and their progress. */
export interface IntakeSlice {
  /** Engagements whose security status is being read now (their buttons say "Checking…"). */
  readonly securityChecking: ReadonlySet<string>;
  /** Reads these engagements' security status again (the findings arrive on the cards through the change feed). */
  readonly checkSecurity: (ids: readonly string[]) => Promise<ApiResponse<SecurityCheckReport>>;
}
