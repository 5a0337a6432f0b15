/**
 * The intake slice: the "Check security status" buttons. The check runs in the core, which saves
 * what it found; the cards and the open record update through the change feed like any change.
 * The result is announced (and a failure shown) where the check was asked for.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ApiResponse, PalsApi } from '../../../shared/api.js';
import type { SecurityCheckReport } from '../../../shared/intake/check-report.js';
import { SECURITY_TITLES } from '../../../shared/selection.js';
import { safeCall } from './safe-call.js';
import type { Store } from './types.js';

/** Security checks and their progress. */
export interface IntakeSlice {
  /** Engagements whose security status is being read now (their buttons say "Checking…"). */
  readonly securityChecking: ReadonlySet<string>;
  /** Reads these engagements' security status again (the findings arrive on the cards through the change feed). */
  readonly checkSecurity: (ids: readonly string[]) => Promise<ApiResponse<SecurityCheckReport>>;
}

/** Builds the intake slice over an API. */
export function createIntakeSlice(api: PalsApi): StateCreator<Store, [], [], IntakeSlice> {
  return (set, get) => {
    const mark = (ids: readonly string[], on: boolean) => {
      const next = new Set(get().securityChecking);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      set({ securityChecking: next });
    };
    return {
      securityChecking: new Set<string>(),
      checkSecurity: async (ids) => {
        const fresh = ids.filter((id) => !get().securityChecking.has(id));
        if (fresh.length === 0) return { ok: false, error: { code: 'busy', message: 'already being checked' } };
        mark(fresh, true);
        const res = await safeCall(() => api.checkSecurity({ ids: [...fresh].slice(0, 500), refresh: true }));
        mark(fresh, false);
        if (!res.ok) {
          get().pushToast('error', `Security status not checked: ${res.error.message}`);
          return res;
        }
        const { results, skipped, incomplete } = res.value;
        if (results.length === 0 && skipped.length > 0) {
          const why =
            skipped.length === 1
              ? `${skipped[0]!.name} has ${skipped[0]!.reason}`
              : `none of the ${skipped.length} has a github.com repository`;
          get().pushToast('error', `Security status not checked: ${why}`);
          return res;
        }
        const said =
          results.length === 1
            ? `Security status of ${results[0]!.name}: ${SECURITY_TITLES[results[0]!.security]} found`
            : `Security status checked for ${results.length} engagements`;
        const skip = skipped.length > 0 ? `; ${skipped.length} without a GitHub repository skipped` : '';
        const partial = incomplete > 0 ? `; ${incomplete} could not be fully read (offline?), earlier findings kept` : '';
        get().announce(`${said}${skip}${partial}`);
        if (incomplete > 0) get().pushToast('info', `${said}${partial}`);
        return res;
      },
    };
  };
}
