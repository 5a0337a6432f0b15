/** Renders the whole app over a fake API, the way main.tsx does over the real transport. */
import { configure, render, screen, within } from '@testing-library/react';
import { App } from '../../renderer/src/app.js';
import { createAppStore } from '../../renderer/src/store/create-store.js';
import { StoreProvider } from '../../renderer/src/store/store-context.js';
import { createFakeApi, type FakeApi } from './fake-api.js';

// findBy… and waitFor wait for a state, not a deadline: on a busy 2-core machine (CI, two suites at
// once) a save round trip through the real core can take seconds, so the default 1 s is too short.
// A state that never comes still fails, after 15 s.
configure({ asyncUtilTimeout: 15_000 });

/** Mounts <App/> with a store over `api`; resolves once the first board has loaded. */
export async function renderApp(api: FakeApi = createFakeApi()) {
  const store = createAppStore(api);
  const view = render(
    <StoreProvider store={store}>
      <App />
    </StoreProvider>,
  );
  await screen.findByText(/^Today/);
  return { api, store, ...view };
}

/** The list of cards in the column with this title. */
export function column(title: string): HTMLElement {
  return screen.getByRole('list', { name: title });
}

/** Project names shown in one column, in order. */
export function namesIn(title: string): string[] {
  return within(column(title))
    .queryAllByRole('heading', { level: 3 })
    .map((h) => h.textContent);
}

/** The card dialog named `name`, once its record has loaded (its tabs are there). */
export async function loadedDialog(name: string): Promise<HTMLElement> {
  const dialog = await screen.findByRole('dialog', { name });
  await within(dialog).findByRole('tab', { name: 'Details' });
  return dialog;
}
