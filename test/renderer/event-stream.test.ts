/** Server-Sent Events read with fetch (the header carries the session token): the parser and the reconnects. */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { followEvents, parseEvents, type StreamEvent } from '../../renderer/src/serve/event-stream.js';

describe('parseEvents', () => {
  it('splits complete events, keeps the unfinished rest, reads retry and skips comments', () => {
    const text =
      'retry: 2000\n\n: keep-alive\n\nevent: boardChanged\ndata: {"seq":1}\n\nevent: menu\r\ndata: a\r\ndata: b\r\n\r\nevent: syncPro';
    const { events, rest, retry } = parseEvents(text);
    expect(events).toEqual([
      { event: 'boardChanged', data: '{"seq":1}' },
      { event: 'menu', data: 'a\nb' },
    ]);
    expect(retry).toBe(2000);
    expect(rest).toBe('event: syncPro');
  });
});

describe('followEvents', () => {
  it('sends the header on each connection and reconnects after the stream ends', async () => {
    const seen: (string | undefined)[] = [];
    const open = new Set<ServerResponse>();
    const server = createServer((req, res) => {
      seen.push(req.headers['x-pals-token'] as string | undefined);
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      // The first connection ends after one event; the second stays open.
      res.write(`retry: 10\n\nevent: boardChanged\ndata: ${String(seen.length)}\n\n`);
      if (seen.length === 1) res.end();
      else open.add(res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const events: StreamEvent[] = [];
    let token = 'first';
    const stop = followEvents(
      `http://127.0.0.1:${String(port)}/api/events`,
      () => ({ 'x-pals-token': token }),
      (e) => {
        events.push(e);
        token = 'second';
      },
    );
    await expect.poll(() => events.length).toBe(2);
    stop();
    for (const res of open) res.end();
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
      server.closeAllConnections();
    });
    expect(events.map((e) => e.data)).toEqual(['1', '2']);
    expect(seen).toEqual(['first', 'second']);
  });
});
