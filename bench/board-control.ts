/**
 * The control for "drop to durable": the same move sent straight to `pals serve`'s API from this
 * process while no page is open, so no board refetch competes with the write. What the store
 * and server cost alone; the difference to the drag's figure is what the page adds.
 */
import type { Phase } from '../shared/phases.js';
import { fileSignature, waitForPhaseOnDisk } from './board-durable.js';
import type { Served } from './board-serve.js';

/** POSTs moveEngagement (token in the x-pals-token header) and returns mouse-up-equivalent → durable, in ms. */
export async function apiMoveDurable(served: Served, dataDir: string, id: string, phase: Phase): Promise<number> {
  const since = await fileSignature(dataDir);
  const t0 = performance.now();
  const response = await fetch(new URL('/api/moveEngagement', served.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-pals-token': served.token },
    body: JSON.stringify({ id, phase }),
  });
  if (!response.ok) throw new Error(`moveEngagement answered ${response.status}: ${await response.text()}`);
  return (await waitForPhaseOnDisk(dataDir, id, phase, since)) - t0;
}
