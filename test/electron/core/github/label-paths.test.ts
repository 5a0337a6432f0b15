/**
 * Write-back can never reach GitHub's "remove every label" route (`DELETE …/issues/{n}/labels`):
 * a stored rule named `.` (saved before names were checked, or restored) is refused before any
 * request, every label travels encoded as one path segment, and the guarded fetch refuses the
 * route itself whatever built it.
 */
import { describe, expect, it } from 'vitest';
import { refuseLabelWipe } from '../../../../electron/core/github/label-guard.js';
import { syncAll } from '../../../../electron/core/github/sync.js';
import { sendLabelChange } from '../../../../electron/core/github/write-back.js';

import { setGithubSettings } from '../../../../shared/github/settings.js';
import type { LabelRule } from '../../../../shared/schema.js';
import { client, fakeGithub, linked, openStore, TOKEN } from './setup.js';
import { moveCard } from '../../../../shared/move.js';

const WIPE = /\/issues\/\d+\/labels\/?(\?|$)/;
const rule = (label: string, phase: LabelRule['phase']): LabelRule => ({ label, phase, family: 'pals', requires: [] });

describe('label names in request paths', () => {
  it('a stored rule named "." never sends DELETE …/labels/: the change is refused, kept, and says why', async () => {
    const fake = await fakeGithub();
    const store = await openStore();
    await store.update((doc) => setGithubSettings(doc, { writeBack: true }));
    // As an older version could have saved it: straight into the round, past today's checks.
    await store.update((doc) => ({
      doc: { ...doc, rounds: doc.rounds.map((r) => ({ ...r, labelRules: [rule('.', 'intake'), rule('pals/meet-greet', 'meet-greet')] })) },
      value: null,
    }));
    fake.add({ owner: 'o', repo: 'r', number: 1, labels: ['.', 'security-pals'] });
    const id = await linked(store, 'Kyverno', 'o/r#1');
    await syncAll(store, { client: client(fake), token: TOKEN });
    await store.update((doc) =>
      moveCard(doc, { ref: id, to: 'meet-greet', reason: 'board', at: new Date().toISOString(), entryId: 'wb-dot' }),
    );
    const report = await syncAll(store, { client: client(fake), token: TOKEN });
    expect(fake.requests.filter((r) => r.method === 'DELETE' && WIPE.test(r.path))).toEqual([]);
    expect(fake.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(report.failed).toEqual([
      { ref: 'o/r#1', error: expect.stringMatching(/the label "\." is only dots and slashes.*the change stays queued/) },
    ]);
    expect(store.doc.outbox).toMatchObject([{ id: 'wb-dot', attempts: 1 }]);
    expect(fake.issues.get('o/r#1')!.labels).toEqual(['.', 'security-pals']);
  });

  it('sends each label as one encoded path segment', async () => {
    const fake = await fakeGithub();
    const odd = ['pals/review', 'a#b', 'what?', '100%', 'two words', 'a/../b'];
    fake.add({ owner: 'o', repo: 'r', number: 1, labels: [...odd] });
    const ref = { owner: 'o', repo: 'r', number: 1, kind: 'issue' as const };
    const labels = await sendLabelChange(
      client(fake),
      ref,
      { setLabel: 'pals/done', removeLabels: odd },
      odd,
      new AbortController().signal,
      () => undefined,
    );
    expect(labels).toEqual(['pals/done']);
    const deletes = fake.requests.filter((r) => r.method === 'DELETE').map((r) => r.path);
    expect(deletes).toHaveLength(odd.length);
    for (const [i, path] of deletes.entries()) {
      const segment = /^\/repos\/o\/r\/issues\/1\/labels\/([^/?#]+)$/.exec(path);
      expect(segment, path).not.toBeNull();
      expect(decodeURIComponent(segment![1]!)).toBe(odd[i]);
    }
  });

  it('refuses the remove-all and replace-all routes below everything, unsent', async () => {
    const sent: string[] = [];
    const base: typeof fetch = (input) => {
      sent.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      return Promise.resolve(new Response('[]', { status: 200 }));
    };
    const guarded = refuseLabelWipe(base);
    const api = 'http://127.0.0.1:9/repos/o/r/issues/1/labels';
    for (const url of [api, `${api}/`, `${api}/.`, `${api}/%2e`, `${api}/%2E/`, `${api}/x/..`]) {
      await expect(guarded(url, { method: 'DELETE' }), url).rejects.toThrow(/never removes or replaces every label/);
    }
    await expect(guarded(api, { method: 'PUT', body: '{"labels":[]}' })).rejects.toThrow(/never removes or replaces every label/);
    expect(sent).toEqual([]);
    await guarded(`${api}/pals%2Freview`, { method: 'DELETE' });
    await guarded(api, { method: 'POST', body: '{"labels":["x"]}' });
    expect(sent).toHaveLength(2);
  });
});
