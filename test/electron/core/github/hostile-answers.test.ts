/**
 * What a hostile (or merely enormous) GitHub answer can do to the desk: no answer is read past a
 * size limit (a self-assessment file far sooner than a list), and nothing a server echoes back
 * carries the token into `pals.json` (its backups, exports and the page).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { boundedFetch, MAX_ANSWER_BYTES, MAX_FILE_BYTES } from '../../../../electron/core/github/client.js';
import { syncAll } from '../../../../electron/core/github/sync.js';
import { editEngagement } from '../../../../shared/engagements.js';

import { setGithubSettings } from '../../../../shared/github/settings.js';
import { filledWith } from '../../../fixtures/self-assessment.js';
import { client, fakeGithub, linked, openStore, TOKEN } from './setup.js';
import { moveCard } from '../../../../shared/move.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A server that answers every request with `bytes` bytes (declared or not), sent in 64 KiB chunks; counts what it sent. */
async function flood(bytes: number, declare: boolean): Promise<{ url: string; sent: () => number }> {
  let sent = 0;
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', ...(declare ? { 'content-length': String(bytes) } : {}) });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const more = () => {
      while (sent < bytes) {
        const part = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
        sent += part.length;
        if (!res.write(part)) {
          res.once('drain', more);
          return;
        }
      }
      res.end();
    };
    res.on('error', () => undefined);
    more();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sent: () => sent };
}

describe('hostile GitHub answers', () => {
  it('stops reading a file’s contents past its limit, and any other answer past the general one', async () => {
    const total = MAX_ANSWER_BYTES + 8 * 1024 * 1024;
    const server = await flood(total, false);
    const get = boundedFetch(20_000);
    await expect(get(`${server.url}/repos/o/r/contents/docs/self-assessment.md?ref=abc`)).rejects.toThrow(/larger than 2 MB/);
    expect(server.sent()).toBeLessThan(total);
    await expect(get(`${server.url}/repos/o/r/issues?per_page=100`)).rejects.toThrow(/larger than 32 MB/);
    // Under the limits, answers arrive whole.
    const small = await flood(MAX_FILE_BYTES - 1, true);
    expect((await (await get(`${small.url}/repos/o/r/contents/a.md`)).arrayBuffer()).byteLength).toBe(MAX_FILE_BYTES - 1);
  });

  it('refuses an answer whose declared length is over the limit before reading it', async () => {
    const server = await flood(MAX_FILE_BYTES + 1, true);
    await expect(boundedFetch(20_000)(`${server.url}/repos/o/r/contents/a.md`)).rejects.toThrow(/larger than 2 MB/);
  });

  it('reports an oversized self-assessment on the card instead of reading it', async () => {
    const fake = await fakeGithub();
    const store = await openStore();
    const huge = `${filledWith(['Metadata', 'Overview'])}\n${'x'.repeat(MAX_FILE_BYTES)}`;
    fake.add({
      owner: 'cncf',
      repo: 'tag-security',
      number: 30,
      kind: 'pull',
      title: 'Widget Security Self-Assessment - Security Pals',
      files: [{ filename: 'community/assessments/projects/widget/self-assessment.md', status: 'added', content: huge }],
    });
    const id = await linked(store, 'Widget', null);
    await store.update((doc) => editEngagement(doc, id, { pr: 'cncf/tag-security#30' }, '2026-11-02T09:00:00.000Z'));
    await syncAll(store, { client: client(fake), token: TOKEN });
    const pr = store.doc.engagements[0]!.pr!;
    expect(pr.error).toMatch(/larger than 2 MB/);
    expect(pr.sections).toEqual([]);
  });

  it('never stores the token a server echoes in a PR or a label-write failure', async () => {
    const fake = await fakeGithub();
    const store = await openStore();
    fake.echoAuth = true;
    fake.add({ owner: 'o', repo: 'r', number: 1, labels: ['pals/intake'] });
    fake.add({ owner: 'o', repo: 'r', number: 30, kind: 'pull', files: [] });
    fake.behaviours.set('o/r#30', { kind: 'fail', status: 400, times: 5 });
    await store.update((doc) => setGithubSettings(doc, { writeBack: true }));
    const id = await linked(store, 'Kyverno', 'o/r#1');
    await store.update((doc) => editEngagement(doc, id, { pr: 'o/r#30' }, '2026-11-02T09:00:00.000Z'));
    await syncAll(store, { client: client(fake), token: TOKEN });
    fake.labelWrites = 'bad-request';
    await store.update((doc) =>
      moveCard(doc, { ref: id, to: 'meet-greet', reason: 'board', at: new Date().toISOString(), entryId: 'wb-echo' }),
    );
    const report = await syncAll(store, { client: client(fake), token: TOKEN });

    // The server did echo it; the desk kept the messages, without the token.
    expect(fake.requests.some((r) => r.headers.authorization === `token ${TOKEN}`)).toBe(true);
    const card = store.doc.engagements[0]!;
    expect(card.pr!.error).toMatch(/^GitHub refused the request \(400\): Server Error token \[token\]/);
    expect(store.doc.outbox).toHaveLength(1);
    expect(JSON.stringify(store.doc.outbox)).toMatch(/could not set the label pals\/meet-greet: .*\[token\]/);
    expect(JSON.stringify(report)).not.toContain(TOKEN);
    expect(JSON.stringify(store.doc)).not.toContain(TOKEN);
  });
});
