/**
 * One issue belongs to one card, also when GitHub moves one: a transfer (GitHub's own 301) to an
 * issue another card already links is not followed. The card keeps its link and says why, the
 * sync reports it as failed, and nothing is written to either issue.
 */
import { describe, expect, it } from 'vitest';
import { syncAll } from '../../../../electron/core/github/sync.js';

import { setGithubSettings } from '../../../../shared/github/settings.js';
import { client, fakeGithub, linked, linkOf, openStore, TOKEN } from './setup.js';
import { moveCard } from '../../../../shared/move.js';

describe('a transfer to an issue another card links', () => {
  it('is not followed: the card keeps its link with the reason, the sync reports it, and no label is written', async () => {
    const fake = await fakeGithub();
    const store = await openStore();
    await store.update((doc) => setGithubSettings(doc, { writeBack: true }));
    fake.add({ owner: 'cncf', repo: 'tag-security', number: 101, labels: ['pals/intake'] });
    fake.add({ owner: 'kyverno', repo: 'community', number: 9, labels: ['pals/intake'] });
    const kyverno = await linked(store, 'Kyverno', 'cncf/tag-security#101');
    const other = await linked(store, 'Kyverno community', 'kyverno/community#9');
    await syncAll(store, { client: client(fake), token: TOKEN });

    fake.behaviours.set('cncf/tag-security#101', { kind: 'moved', to: 'kyverno/community#9' });
    await store.update((doc) =>
      moveCard(doc, { ref: kyverno, to: 'meet-greet', reason: 'board', at: new Date().toISOString(), entryId: 'wb-1' }),
    );
    const report = await syncAll(store, { client: client(fake), token: TOKEN });
    const said =
      'GitHub moved cncf/tag-security#101 to kyverno/community#9, which "Kyverno community" (id e-kyverno community) already links; ' +
      'an issue or PR belongs to one card: unlink it from one of them, then sync again';
    expect(report.failed).toEqual([{ ref: 'cncf/tag-security#101', error: said }]);
    expect(linkOf(store, kyverno)).toMatchObject({ issue: 'cncf/tag-security#101', error: said });
    expect(linkOf(store, other)).toMatchObject({ issue: 'kyverno/community#9', error: null });
    expect(fake.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(store.doc.outbox).toMatchObject([{ id: 'wb-1', issue: 'cncf/tag-security#101' }]);
  });
});
