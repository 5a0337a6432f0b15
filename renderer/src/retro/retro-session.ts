/**
 * The retrospective record's autosave, without React: validation before anything is sent,
 * only the changed fields in the patch, and newer records saved elsewhere shown when idle.
 */
import type { ApiResponse } from '../../../shared/api.js';
import type { EngagementPatch } from '../../../shared/inputs.js';
import type { EngagementView } from '../../../shared/view.js';
import { createAutosave, type Autosave } from '../notes/autosave.js';
import { retroPatch, retroProblems, retroValuesOf, sameRetro, type RetroValues } from './retro-values.js';

const LABELS: Readonly<Record<string, string>> = { hours: 'Hours spent', reaction: 'Initial reaction' };

/** One engagement's retrospective editor state. */
export interface RetroSession {
  readonly engine: Autosave<RetroValues>;
  /** Shows a newer record saved elsewhere (another window, the CLI) when nothing here is pending. */
  readonly adopt: (next: EngagementView) => void;
}

/** Opens the record of `engagement`; `edit` is the store's editEngagement action. */
export function createRetroSession(
  engagement: EngagementView,
  edit: (id: string, patch: EngagementPatch) => Promise<ApiResponse<EngagementView>>,
): RetroSession {
  let version = engagement.updatedAt;
  const engine = createAutosave<RetroValues>({
    initial: retroValuesOf(engagement),
    equals: sameRetro,
    save: async (values, saved) => {
      const first = Object.entries(retroProblems(values))[0];
      if (first) return { ok: false, message: `${LABELS[first[0]] ?? 'a learning'} ${first[1]}` };
      const patch = retroPatch(saved ?? values, values);
      if (Object.keys(patch).length === 0) return { ok: true };
      const res = await edit(engagement.id, patch);
      if (!res.ok) return { ok: false, message: res.error.message };
      version = res.value.updatedAt;
      return { ok: true };
    },
  });
  return {
    engine,
    adopt: (next) => {
      if (next.updatedAt <= version) return;
      const values = retroValuesOf(next);
      if (sameRetro(values, engine.latest()) || engine.reset(values)) version = next.updatedAt;
    },
  };
}
