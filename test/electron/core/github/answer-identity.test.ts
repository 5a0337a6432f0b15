/**
 * An answer must be the issue that was asked for. A spoofed or broken answer for the card's issue
 * that names another one is refused (an error on the card, the link as it was, nothing written
 * anywhere); a transfer is followed only through GitHub's own 301 within the API, shows on the
 * card, and write-back then goes to the stored link alone.
 */
import { describe, expect, it } from 'vitest';
import { syncAll } from '../../../../electron/core/github/sync.js';

import { setGithubSettings } from '../../../../shared/github/settings.js';
import { client, fakeGithub, linked, linkOf, openStore, TOKEN } from './setup.js';
import { moveCard } from '../../../../shared/move.js';

const writes = (fake: Awaited<ReturnType<typeof fakeGithub>>) =>
  fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${decodeURIComponent(r.path)}`);

async function board() {
  const fake = await fakeGithub();
  const store = await openStore();
  await store.update((doc) => setGithubSettings(doc, { writeBack: true }));
  fake.add({ owner: 'cncf', repo: 'tag-security', number: 101, labels: ['pals/intake'] });
  fake.add({ owner: 'victim', repo: 'other', number: 999, labels: ['pals/intake'] });
  const id = await linked(store, 'Kyverno', 'cncf/tag-security#101');
  await syncAll(store, { client: client(fake), token: TOKEN });
  return { fake, store, id };
}

describe('the issue asked for, and no other', () => {
  it('refuses an answer that names another issue: error on the card, link unchanged, no label written', async () => {
    const { fake, store, id } = await board();
    await store.update((doc) =>
      moveCard(doc, { ref: id, to: 'meet-greet', reason: 'board', at: new Date().toISOString(), entryId: 'wb-1' }),
    );
    fake.behaviours.set('cncf/tag-security#101', { kind: 'impostor', as: 'victim/other#999' });
    const report = await syncAll(store, { client: client(fake), token: TOKEN });
    const said =
      'GitHub answered for victim/other#999 when asked for cncf/tag-security#101 (an issue moves only through GitHub’s own redirect); the answer was refused and the link left as it is';
    expect(report.failed).toEqual([{ ref: 'cncf/tag-security#101', error: said }]);
    expect(linkOf(store, id)).toMatchObject({
      issue: 'cncf/tag-security#101',
      url: 'https://github.com/cncf/tag-security/issues/101',
      error: said,
    });
    expect(writes(fake)).toEqual([]);
    expect(store.doc.outbox).toMatchObject([{ id: 'wb-1' }]);

    // The answer is honest again: the queued change goes to the linked issue, never to the victim.
    fake.behaviours.delete('cncf/tag-security#101');
    await syncAll(store, { client: client(fake), token: TOKEN });
    expect(writes(fake)).toEqual([
      'POST /repos/cncf/tag-security/issues/101/labels',
      'DELETE /repos/cncf/tag-security/issues/101/labels/pals/intake',
    ]);
    expect(fake.issues.get('victim/other#999')!.labels).toEqual(['pals/intake']);
  });

  it('follows a transfer through GitHub’s 301, shows the new link, and writes there only once the card links it', async () => {
    const { fake, store, id } = await board();
    fake.add({ owner: 'kyverno', repo: 'community', number: 9, labels: ['pals/intake'] });
    fake.behaviours.set('cncf/tag-security#101', { kind: 'moved', to: 'kyverno/community#9' });
    await store.update((doc) =>
      moveCard(doc, { ref: id, to: 'meet-greet', reason: 'board', at: new Date().toISOString(), entryId: 'wb-2' }),
    );
    const first = await syncAll(store, { client: client(fake), token: TOKEN });
    expect(first).toMatchObject({ failed: [], updated: 1 });
    expect(linkOf(store, id)).toMatchObject({
      issue: 'kyverno/community#9',
      url: 'https://github.com/kyverno/community/issues/9',
      error: null,
    });
    expect(writes(fake)).toEqual([]);
    await syncAll(store, { client: client(fake), token: TOKEN });
    expect(writes(fake)).toEqual([
      'POST /repos/kyverno/community/issues/9/labels',
      'DELETE /repos/kyverno/community/issues/9/labels/pals/intake',
    ]);
    expect(fake.issues.get('cncf/tag-security#101')!.labels).toEqual(['pals/intake']);
  });
});
