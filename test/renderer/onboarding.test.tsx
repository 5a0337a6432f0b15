// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/app.js';
import { createAppStore } from '../../renderer/src/store/create-store.js';
import { StoreProvider } from '../../renderer/src/store/store-context.js';
import { createFakeApi } from './fake-api.js';
import { seededDoc } from './seeded-doc.js';
import { namesIn, renderApp } from './render-app.js';

afterEach(cleanup);

describe('the empty board', () => {
  it('teaches the timebox and offers the example round', async () => {
    await renderApp();
    const empty = screen.getByRole('region', { name: 'No engagements yet' });
    const steps = within(within(empty).getByRole('list', { name: 'The timebox' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(steps).toHaveLength(6);
    expect(steps[0]).toMatch(/^Before kickoffIntake/);
    expect(steps[1]).toMatch(/^Week 1Meet & greet/);
    expect(steps[2]).toMatch(/^Week 4Follow-up/);
    expect(steps[3]).toMatch(/^Weeks 6–8Self-assessment draft/);
    expect(steps[4]).toMatch(/^Weeks 12–16In review/);
    expect(steps[5]).toMatch(/Done/);
    expect(within(empty).getByRole('button', { name: 'Load example round' })).toBeTruthy();
    expect(screen.queryByText('Example round loaded')).toBeNull();
  });

  it('loads the five pilot projects marked as examples, then removes them in one action', async () => {
    const { api } = await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Load example round' }));
    expect(await screen.findByText('Example round loaded')).toBeTruthy();
    expect(api.callsOf('loadExampleRound')).toHaveLength(1);
    expect(screen.queryByRole('region', { name: 'No engagements yet' })).toBeNull();
    const names = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(names.sort()).toEqual(['Argo', 'Artifact Hub', 'Crossplane', 'Kyverno', 'Tinkerbell']);
    expect(namesIn('Intake')).toEqual(['Argo']);
    for (const name of names) {
      expect(within(screen.getByRole('button', { name }).closest('li')!).getByText('Example')).toBeTruthy();
    }

    fireEvent.click(screen.getByRole('button', { name: 'Remove example round' }));
    await waitFor(() => {
      expect(screen.queryByText('Example round loaded')).toBeNull();
    });
    expect(api.callsOf('removeExampleRound')).toHaveLength(1);
    expect(screen.queryAllByRole('heading', { level: 3 })).toEqual([]);
    expect(screen.getByRole('button', { name: 'Load example round' })).toBeTruthy();
  });

  it("keeps the coordinator's own engagements when the example round goes", async () => {
    await renderApp(createFakeApi(seededDoc([{ name: 'Falco' }])));
    expect(screen.queryByRole('button', { name: 'Load example round' })).toBeNull();
    expect(screen.queryByText('Example round loaded')).toBeNull();
    expect(namesIn('Intake')).toEqual(['Falco']);
  });

  it('says so when the example round cannot be loaded', async () => {
    const { api } = await renderApp();
    api.failNext('loadExampleRound', { code: 'store-write', message: 'the disk is full; free some space and try again' });
    fireEvent.click(screen.getByRole('button', { name: 'Load example round' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not load the example round: the disk is full; free some space and try again',
    );
    expect(screen.getByRole('button', { name: 'Load example round' })).toBeTruthy();
  });

  it('shows the core being unreachable, with a way to try again', async () => {
    const api = createFakeApi();
    api.failNext('getBoard', { code: 'offline', message: 'the Security Pals Desk core is not reachable' });
    const store = createAppStore(api);
    render(
      <StoreProvider store={store}>
        <App />
      </StoreProvider>,
    );
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /Could not load the board\. the Security Pals Desk core is not reachable/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Load example round' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
