/**
 * Events the core pushes that do not come from the store (sync progress). Handlers emit; each
 * transport subscribes once and forwards to its pages (SSE under `pals serve`, IPC in the app).
 */
import type { ApiEvent, ApiEvents } from '../../shared/api.js';

/** One event with its payload, as a transport forwards it. */
export type CoreEvent = { readonly [E in ApiEvent]: { readonly event: E; readonly payload: ApiEvents[E] } }[ApiEvent];

export type CoreEventListener = (event: CoreEvent) => void;

/** A tiny synchronous event bus; a throwing listener cannot stop the others. */
export class EventBus {
  private readonly listeners = new Set<CoreEventListener>();

  /** Subscribes; returns the unsubscribe. */
  on(listener: CoreEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Delivers an event to every listener. */
  emit<E extends ApiEvent>(event: E, payload: ApiEvents[E]): void {
    const message = { event, payload } as CoreEvent;
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch {
        // A broken page connection must not break a sync.
      }
    }
  }
}
