/**
 * Server-Sent Events read with `fetch`, so the request can carry the session token in a header
 * (EventSource sends only cookies, and `pals serve` reads none). Reconnects like EventSource:
 * after the server's `retry:` delay when the stream ends or fails, longer while it is refused.
 */

/** One event of the stream. */
export interface StreamEvent {
  readonly event: string;
  readonly data: string;
}

/** Parses SSE text; returns the events completed so far and the unfinished rest. */
export function parseEvents(text: string): { events: StreamEvent[]; rest: string; retry: number | null } {
  const events: StreamEvent[] = [];
  let retry: number | null = null;
  const blocks = text.replace(/\r\n?/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'retry' && /^\d+$/.test(value)) retry = Number(value);
    }
    if (data.length > 0) events.push({ event, data: data.join('\n') });
  }
  return { events, rest, retry };
}

/** What the stream's owner hears of the connection: each one the server accepts, and each refused or broken. */
export interface StreamWatch {
  readonly onOpen: () => void;
  readonly onLost: () => void;
}

/** Follows `url` until stopped; `headers` is asked anew for each connection. Returns the stop function. */
export function followEvents(
  url: string,
  headers: () => Record<string, string>,
  onEvent: (event: StreamEvent) => void,
  watch?: StreamWatch,
): () => void {
  let stopped = false;
  let controller: AbortController | null = null;
  let delay = 2_000;
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      setTimeout(resolve, ms);
    });

  const run = async () => {
    while (!stopped) {
      controller = new AbortController();
      let refused = false;
      let broken = false;
      try {
        const response = await fetch(url, { headers: headers(), signal: controller.signal, credentials: 'omit', cache: 'no-store' });
        refused = !response.ok || !response.body;
        if (response.body && response.ok) {
          watch?.onOpen();
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = '';
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            const parsed = parseEvents(buffer + value);
            buffer = parsed.rest;
            if (parsed.retry !== null) delay = parsed.retry;
            for (const event of parsed.events) onEvent(event);
          }
        }
      } catch {
        // The server went away or we stopped: try again below (unless stopped).
        broken = true;
      }
      if (stopped) return;
      if (refused || broken) watch?.onLost();
      // Refused (a restarted server, a page not signed in yet): ask less often until a tab signs in.
      await wait(refused ? Math.max(delay, 5_000) : delay);
    }
  };
  void run();
  return () => {
    stopped = true;
    controller?.abort();
  };
}
