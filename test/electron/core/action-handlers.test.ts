import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/open-core.js';
import { PalsStore } from '../../../electron/core/store/store.js';
import { addEngagement } from '../../../shared/engagements.js';
import type { ExportResult } from '../../../shared/deck/options.js';
import type { OpenActionView } from '../../../shared/view.js';
import { tempDir } from '../../helpers.js';

async function core(platform?: { saveFile: (n: string, d: string | Uint8Array) => Promise<string | null> }) {
  const { store } = await PalsStore.open(await tempDir());
  const at = '2026-11-01T00:00:00.000Z';
  await store.update((doc) =>
    addEngagement(doc, { name: 'Kyverno', pals: ['Ana'], phase: 'draft', kickoff: '2026-11-02' }, { id: 'kyv', at }),
  );
  await store.update((doc) => addEngagement(doc, { name: 'Argo', pals: ['Ana'], phase: 'review' }, { id: 'arg', at }));
  await store.update((doc) => addEngagement(doc, { name: 'Falco', pals: ['Ana', 'Ben'], phase: 'follow-up' }, { id: 'fal', at }));
  const exportPlatform = platform && { ...platform, printToPdf: () => Promise.reject(new Error('no printing here')) };
  return createCore(store, { today: () => '2026-11-27', exportPlatform });
}

describe('the action, load and calendar calls a page makes', () => {
  it('adds an item, lists it with its due state and owner mark, and ticks it off by id', async () => {
    const c = await core();
    const added = await c.dispatch('addAction', { id: 'kyv', text: 'Chase the draft', owner: 'Priya', due: '2026-11-30' });
    expect(added).toMatchObject({ ok: true, value: { engagementId: 'kyv', ownerIsPal: false }, call: expect.any(String) });
    const { actionId } = (added as { value: { actionId: string } }).value;
    const listed = await c.dispatch('openActions', {});
    expect((listed as { value: OpenActionView[] }).value.map((v) => [v.action.id, v.due, v.dueState, v.ownerIsPal])).toEqual([
      [actionId, '2026-11-30', 'due-soon', false],
    ]);
    const done = await c.dispatch('setActionDoneById', { actionId, done: true });
    expect(done).toMatchObject({ ok: true, value: { action: { id: actionId, done: true }, dueState: 'none' } });
    expect(await c.dispatch('openActions', {})).toMatchObject({ ok: true, value: [] });
    expect(await c.dispatch('openActions', { includeDone: true })).toMatchObject({ ok: true, value: [{ action: { id: actionId } }] });
    await c.close();
  });

  it('refuses a day that does not exist and an unknown id, changing nothing', async () => {
    const c = await core();
    expect(await c.dispatch('addAction', { id: 'kyv', text: 'x', due: '2026-02-29' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'due' },
    });
    expect(await c.dispatch('setActionDoneById', { actionId: 'nope-nope', done: true })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await c.dispatch('openActions', { includeDone: true })).toMatchObject({ ok: true, value: [] });
    await c.close();
  });

  it('answers each pal load', async () => {
    const c = await core();
    expect(await c.dispatch('palLoad', {})).toEqual({
      ok: true,
      value: [
        { pal: 'Ana', active: 3, limit: 2, over: true, overdue: 0 },
        { pal: 'Ben', active: 1, limit: 2, over: false, overdue: 0 },
      ],
    });
    await c.close();
  });

  it('exports the calendar through the save dialog in the app, as a download under pals serve', async () => {
    const saved: { name: string; data: string }[] = [];
    const app = await core({
      saveFile: (name, data) => {
        saved.push({ name, data: String(data) });
        return Promise.resolve(`/home/ana/${name}`);
      },
    });
    expect(await app.dispatch('exportCalendar', { pal: 'Ana' })).toEqual({
      ok: true,
      value: { kind: 'saved', path: '/home/ana/security-pals-ana.ics' },
    });
    const uids = ICAL.Component.fromString(saved[0]!.data)
      .getAllSubcomponents('vevent')
      .filter((v) => v.getFirstPropertyValue('status') === 'CONFIRMED')
      .map((v) => new ICAL.Event(v).uid);
    expect(uids).toEqual(['phase-kyv-draft@security-pals-desk', 'phase-kyv-review@security-pals-desk']);
    await app.close();

    const served = await core();
    const res = await served.dispatch('exportCalendar', {});
    expect(res).toMatchObject({ ok: true, value: { kind: 'download', filename: 'security-pals.ics', mime: 'text/calendar' } });
    const text = Buffer.from((res as { value: Extract<ExportResult, { kind: 'download' }> }).value.base64, 'base64').toString('utf8');
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(await served.dispatch('exportCalendar', { pal: 'Nobody' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // A page can never name the host's file export.
    expect(await served.dispatch('exportIcsTo', { out: '/tmp/x.ics' })).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    await served.close();
  });
});
