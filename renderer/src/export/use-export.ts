/** Runs an export call: one at a time, the result delivered, a failure shown as an error toast. */
import { useCallback, useState } from 'react';
import type { ApiResponse } from '../../../shared/api.js';
import type { ExportResult } from '../../../shared/deck/options.js';
import { safeCall } from '../store/safe-call.js';
import { useAppStore } from '../store/store-context.js';
import { deliverExport } from './deliver-export.js';

/** `busy` names what is being exported (for the button that started it). */
export function useExport(): {
  readonly busy: string | null;
  readonly run: (what: string, call: () => Promise<ApiResponse<ExportResult>>) => Promise<void>;
} {
  const pushToast = useAppStore((s) => s.pushToast);
  const [busy, setBusy] = useState<string | null>(null);
  const run = useCallback(
    async (what: string, call: () => Promise<ApiResponse<ExportResult>>) => {
      setBusy(what);
      try {
        const res = await safeCall(call);
        if (!res.ok) {
          pushToast('error', `Could not export the ${what}: ${res.error.message}`);
          return;
        }
        const message = deliverExport(res.value);
        if (message) pushToast('info', message);
      } catch (error) {
        pushToast('error', `Could not export the ${what}: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        setBusy(null);
      }
    },
    [pushToast],
  );
  return { busy, run };
}
