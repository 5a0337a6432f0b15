// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { GithubLink, StoreDoc } from '../../shared/schema.js';
import { App } from '../../renderer/src/app.js';
import { ServeSessionContext } from '../../renderer/src/serve/serve-context.js';
import type { ServeSession } from '../../renderer/src/serve/serve-session.js';
import { createAppStore } from '../../renderer/src/store/create-store.js';
import { StoreProvider } from '../../renderer/src/store/store-context.js';
import { AT, createFakeApi } from './fake-api.js';
import { loadedDialog, namesIn, renderApp } from './render-app.js';
import { seededDoc } from './seeded-doc.js';

afterEach(cleanup);

const LINK: GithubLink = {
  issue: 'cncf/sandbox#42',
  url: 'https://github.com/cncf/sandbox/issues/42',
  kind: 'issue',
  state: 'open',
  title: 'Security Pals: Kyverno',
  labels: ['security-pals', 'phase/meet-greet'],
  assignees: [],
  milestone: null,
  comments: null,
  updatedAt: AT,
  syncedAt: AT,
  etag: null,
  suggestedPhase: 'intake',
  conflict: null,
  error: null,
};

function linked(doc: StoreDoc, github: Partial<GithubLink>, index = 0): StoreDoc {
  return { ...doc, engagements: doc.engagements.map((e, i) => (i === index ? { ...e, github: { ...LINK, ...github } } : e)) };
}

function syncButton() {
  return screen.getByRole('button', { name: /^Sync/ });
}

describe('GitHub sync', () => {
  it('explains why Sync is unavailable without a token', async () => {
    const { api } = await renderApp(createFakeApi(seededDoc([{ name: 'Kyverno' }])));
    const button = syncButton();
    await waitFor(() => {
      expect(button.getAttribute('aria-disabled')).toBe('true');
    });
    expect(button.getAttribute('title')).toMatch(/Add a GitHub token/);
    fireEvent.click(button);
    expect(api.callsOf('syncNow')).toHaveLength(0);
  });

  it('shows the progress of a sync, then its summary and the last sync time', async () => {
    const api = createFakeApi(linked(seededDoc([{ name: 'Kyverno' }]), {}));
    api.github = { ...api.github, tokenSet: true, login: 'octocat' };
    api.syncReport = { checked: 10, updated: 2, unchanged: 8, failed: [], rateLimit: null, moved: [], error: null, held: [] };
    const release = api.hold('syncNow');
    await renderApp(api);
    await waitFor(() => {
      expect(syncButton().getAttribute('aria-disabled')).toBeNull();
    });
    fireEvent.click(syncButton());
    await act(async () => {
      api.emitSyncProgress(3, 10);
      await Promise.resolve();
    });
    expect(screen.getByText('Syncing 3/10…').getAttribute('role')).toBe('status');
    expect(syncButton().getAttribute('aria-disabled')).toBe('true');
    await act(async () => {
      release();
      await Promise.resolve();
    });
    expect((await screen.findByText('Synced 10: 2 updated')).getAttribute('role')).toBe('status');
    expect(api.callsOf('syncNow')).toHaveLength(1);
  });

  it('says how many moves made while write-back was off are held back after a sync', async () => {
    const api = createFakeApi(linked(seededDoc([{ name: 'Kyverno' }]), {}));
    api.github = { ...api.github, tokenSet: true, login: 'octocat' };
    const held = { ref: 'kyverno', name: 'Kyverno', issue: 'o/r#1', round: 'default', local: 'draft', remote: 'intake' } as const;
    api.syncReport = { checked: 1, updated: 0, unchanged: 1, failed: [], rateLimit: null, moved: [], error: null, held: [held] };
    await renderApp(api);
    await waitFor(() => {
      expect(syncButton().getAttribute('aria-disabled')).toBeNull();
    });
    fireEvent.click(syncButton());
    expect((await screen.findByText('Synced 1: 0 updated, 1 move held back')).getAttribute('role')).toBe('status');
  });

  it('shows why a sync stopped in an alert', async () => {
    const api = createFakeApi(seededDoc([{ name: 'Kyverno' }]));
    api.github = { ...api.github, tokenSet: true };
    api.failNext('syncNow', { code: 'github', message: 'GitHub refused the token' });
    await renderApp(api);
    await waitFor(() => {
      expect(syncButton().getAttribute('aria-disabled')).toBeNull();
    });
    fireEvent.click(syncButton());
    expect((await screen.findByRole('alert')).textContent).toBe('Sync failed: GitHub refused the token');
  });

  it('marks a broken link and a conflict on the card chip', async () => {
    const doc = linked(
      linked(seededDoc([{ name: 'Kyverno' }, { name: 'Argo' }]), { error: 'the issue was deleted' }, 0),
      { conflict: { local: 'intake', remote: 'meet-greet', detectedAt: AT } },
      1,
    );
    await renderApp(createFakeApi(doc));
    const text = screen
      .getAllByRole('listitem')
      .map((li) => li.textContent)
      .join('\n');
    expect(text).toContain('Link broken');
    expect(text).toContain('Conflict');
  });

  it('shows a conflict with both choices and resolves it with the one picked', async () => {
    const doc = linked(seededDoc([{ name: 'Kyverno' }]), { conflict: { local: 'intake', remote: 'meet-greet', detectedAt: AT } });
    const { api } = await renderApp(createFakeApi(doc));
    fireEvent.click(screen.getByRole('button', { name: 'Kyverno' }));
    const dialog = await loadedDialog('Kyverno');
    const section = within(dialog).getByRole('region', { name: 'GitHub' });
    const link = within(section).getByRole('link', { name: 'cncf/sandbox#42' });
    expect(link.getAttribute('href')).toBe(LINK.url);
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(section.textContent).toContain('phase/meet-greet');
    expect(section.textContent).toMatch(/GitHub suggests Meet & greet; the card is in Intake/);
    expect(within(section).getByRole('button', { name: 'Keep mine' })).toBeTruthy();
    fireEvent.click(within(section).getByRole('button', { name: 'Take GitHub' }));
    await waitFor(() => {
      expect(api.callsOf('resolveConflict')).toEqual([{ id: 'eng-1', keep: 'github' }]);
    });
    await waitFor(() => {
      expect(within(section).queryByRole('button', { name: 'Keep mine' })).toBeNull();
    });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(namesIn('Meet & greet')).toEqual(['Kyverno']);
  });

  it('states the conflict against the card’s phase now, and keeps focus in the dialog after a choice', async () => {
    // The sync saw the card in Intake; it was moved on to Follow-up since.
    const seeded = seededDoc([{ name: 'Kyverno', phase: 'follow-up' }]);
    const doc = linked(seeded, { conflict: { local: 'intake', remote: 'meet-greet', detectedAt: AT } });
    await renderApp(createFakeApi(doc));
    fireEvent.click(screen.getByRole('button', { name: 'Kyverno' }));
    const dialog = await loadedDialog('Kyverno');
    const group = within(dialog).getByRole('group', { name: /GitHub suggests/ });
    expect(group.textContent).toMatch(/GitHub suggests Meet & greet; the card is in Follow-up\./);
    expect(group.textContent).toMatch(/Keep mine leaves it in Follow-up; Take GitHub moves it to Meet & greet\./);
    const keep = within(group).getByRole('button', { name: 'Keep mine' });
    keep.focus();
    fireEvent.click(keep);
    await waitFor(() => {
      expect(document.activeElement?.textContent).toBe('Kept in Follow-up.');
    });
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(within(dialog).queryByRole('group', { name: /GitHub suggests/ })).toBeNull();
    expect(namesIn('Follow-up')).toEqual(['Kyverno']);
    // Escape still closes it: the key reaches the dialog from where focus is.
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).toBeNull();
    });
  });

  it('moves focus to the GitHub heading when the conflict is settled elsewhere while a choice has focus', async () => {
    const doc = linked(seededDoc([{ name: 'Kyverno' }]), { conflict: { local: 'intake', remote: 'meet-greet', detectedAt: AT } });
    const api = createFakeApi(doc);
    await renderApp(api);
    fireEvent.click(screen.getByRole('button', { name: 'Kyverno' }));
    const dialog = await loadedDialog('Kyverno');
    within(dialog).getByRole('button', { name: 'Take GitHub' }).focus();
    // Another window (or pals resolve) settles it: the same call, not from this dialog.
    await act(async () => {
      await api.resolveConflict({ id: 'eng-1', keep: 'local' });
    });
    await waitFor(() => {
      expect(within(dialog).queryByRole('button', { name: 'Take GitHub' })).toBeNull();
    });
    expect(document.activeElement).toBe(within(dialog).getByRole('heading', { name: 'GitHub' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).toBeNull();
    });
  });

  it('saves a token, and asks before storing it without a secret store', async () => {
    const api = createFakeApi(seededDoc([{ name: 'Kyverno' }]));
    api.github = { ...api.github, insecure: true };
    await renderApp(api);
    fireEvent.click(screen.getByRole('button', { name: 'GitHub settings' }));
    fireEvent.change(screen.getByLabelText('GitHub token'), { target: { value: 'ghp_example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/no secret store/);
    fireEvent.click(screen.getByRole('button', { name: 'Store anyway' }));
    expect(await screen.findByText('octocat')).toBeTruthy();
    expect(api.callsOf('setGithubToken')).toEqual([{ token: 'ghp_example' }, { token: 'ghp_example', allowInsecure: true }]);
    await waitFor(() => {
      expect(syncButton().getAttribute('aria-disabled')).toBeNull();
    });
  });

  it('lets the desktop app edit the API address (it confirms a new one natively)', async () => {
    const asked: string[] = [];
    const api = createFakeApi(seededDoc([{ name: 'Kyverno' }]), {
      confirmApiUrl: (url) => {
        asked.push(url);
        return Promise.resolve(true);
      },
    });
    await renderApp(api);
    fireEvent.click(screen.getByRole('button', { name: 'GitHub settings' }));
    const field = await screen.findByLabelText<HTMLInputElement>('GitHub API URL');
    expect(field.readOnly).toBe(false);
    expect(document.getElementById(field.getAttribute('aria-describedby')!)?.textContent).toMatch(/confirm a new one in a dialog/);
    fireEvent.change(field, { target: { value: 'https://ghe.example.com/api/v3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save address' }));
    expect(await screen.findByText('API address saved.')).toBeTruthy();
    expect(api.callsOf('updateSettings')).toEqual([{ apiUrl: 'https://ghe.example.com/api/v3' }]);
    expect(asked).toEqual(['https://ghe.example.com/api/v3']);
  });

  it('shows the API address read-only under pals serve, with the command that changes it', async () => {
    const api = createFakeApi(seededDoc([{ name: 'Kyverno' }]));
    const session: ServeSession = {
      ready: Promise.resolve(),
      token: () => 'session',
      problem: () => null,
      origin: 'http://127.0.0.1:4000',
      linkForAnotherBrowser: () => Promise.resolve({ ok: true, value: { url: 'http://127.0.0.1:4000/open#token=x' } }),
    };
    render(
      <ServeSessionContext.Provider value={session}>
        <StoreProvider store={createAppStore(api)}>
          <App />
        </StoreProvider>
      </ServeSessionContext.Provider>,
    );
    await screen.findByText(/^Today/);
    fireEvent.click(screen.getByRole('button', { name: 'GitHub settings' }));
    const field = await screen.findByLabelText<HTMLInputElement>('GitHub API URL');
    expect(field.readOnly).toBe(true);
    expect(field.value).toBe('https://api.github.com');
    expect(document.getElementById(field.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /Change it with pals settings --api-url URL\./,
    );
    expect(screen.queryByRole('button', { name: 'Save address' })).toBeNull();
    expect(screen.getByRole('checkbox', { name: /Write phase labels back/ })).toBeTruthy(); // the rest stays editable
  });
});
