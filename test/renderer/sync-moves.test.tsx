// @vitest-environment jsdom
/** The header shows each card a sync moved: counted in the status, listed under "Moved by sync", each opening its card. */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncReport } from '../../shared/github/report.js';
import { createFakeApi } from './fake-api.js';
import { loadedDialog, renderApp } from './render-app.js';
import { seededDoc } from './seeded-doc.js';

afterEach(cleanup);

const REPORT: SyncReport = {
  checked: 6,
  updated: 3,
  unchanged: 3,
  failed: [],
  rateLimit: null,
  moved: [
    { ref: 'eng-1', name: 'Kyverno', from: 'intake', to: 'draft', because: 'label "sa-in-progress"' },
    { ref: 'eng-2', name: 'Argo', from: 'follow-up', to: 'draft', because: 'label "sa-in-progress"' },
  ],
  error: null,
  held: [],
};

async function ready() {
  const api = createFakeApi(seededDoc([{ name: 'Kyverno' }, { name: 'Argo' }]));
  api.github = { ...api.github, tokenSet: true, login: 'octocat' };
  await renderApp(api);
  const sync = screen.getByRole('button', { name: /^Sync/ });
  await waitFor(() => {
    expect(sync.getAttribute('aria-disabled')).toBeNull();
  });
  return { api, sync };
}

describe('moves after a sync', () => {
  it('counts the moves in the status, and lists each (from → to, why) under a button that opens and closes by keyboard', async () => {
    const { api, sync } = await ready();
    api.syncReport = REPORT;
    fireEvent.click(sync);
    const status = await screen.findByText('Synced 6: 3 updated');
    expect(status.getAttribute('role')).toBe('status');
    // Read out whole; the "(2 cards moved)" is for screen readers (the button beside it shows the count).
    expect(status.textContent).toBe('Synced 6: 3 updated (2 cards moved)');
    expect(status.getAttribute('title')).toBe('Synced 6: 3 updated (2 cards moved)');
    const toggle = screen.getByRole('button', { name: '2 moved by sync' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('region', { name: 'Moved by sync' })).toBeNull();

    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const region = screen.getByRole('region', { name: 'Moved by sync' });
    const items = within(within(region).getByRole('list')).getAllByRole('button');
    expect(items.map((b) => b.textContent)).toEqual([
      'Kyverno: Intake →  to Self-assessment draft (label "sa-in-progress")',
      'Argo: Follow-up →  to Self-assessment draft (label "sa-in-progress")',
    ]);
    fireEvent.keyDown(within(region).getByRole('button', { name: /^Argo/ }), { key: 'Escape' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle);
    expect(screen.queryByRole('region', { name: 'Moved by sync' })).toBeNull();

    fireEvent.click(toggle);
    fireEvent.click(within(screen.getByRole('region', { name: 'Moved by sync' })).getByRole('button', { name: /^Argo/ }));
    expect(await loadedDialog('Argo')).toBeTruthy();
  });

  it('shows the moves of a sync this window did not start (the desktop app’s timer)', async () => {
    const { api } = await ready();
    await act(async () => {
      api.emitSyncProgress(6, 6);
      await Promise.resolve();
    });
    expect(screen.getByText('Syncing 6/6…')).toBeTruthy();
    await act(async () => {
      api.emitSyncDone(REPORT);
      await Promise.resolve();
    });
    expect(screen.getByText('Synced 6: 3 updated').textContent).toBe('Synced 6: 3 updated (2 cards moved)');
    expect(screen.getByRole('button', { name: '2 moved by sync' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Sync/ }).getAttribute('aria-disabled')).toBeNull();
  });

  it('offers no list after a sync that moved nothing', async () => {
    const { api, sync } = await ready();
    api.syncReport = { ...REPORT, updated: 1, unchanged: 5, moved: [] };
    fireEvent.click(sync);
    expect((await screen.findByText('Synced 6: 1 updated')).textContent).toBe('Synced 6: 1 updated');
    expect(screen.queryByRole('button', { name: /moved by sync/ })).toBeNull();
  });
});
