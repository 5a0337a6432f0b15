/** Shared set-up for the GitHub tests: a fake GitHub per test, a store in a temp folder, fast clients. */
import { afterEach } from 'vitest';
import { createGithubClient, type ClientOptions, type GithubClient } from '../../../../electron/core/github/client.js';
import { PalsStore } from '../../../../electron/core/store/store.js';
import { addEngagement } from '../../../../shared/engagements.js';
import { tempDir } from '../../../helpers.js';
import { FakeGithub } from '../../../support/github/fake-github.js';

/** A token shaped like GitHub's; tests check it never appears in any output. */
export const TOKEN = 'ghp_fakeTOKEN0123456789abcdefghijklmnopqr';

const fakes: FakeGithub[] = [];
const stores: PalsStore[] = [];

afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

/** A fake GitHub closed after the test. */
export async function fakeGithub(): Promise<FakeGithub> {
  const fake = await FakeGithub.start();
  fakes.push(fake);
  return fake;
}

/** A store in a fresh temp folder, closed after the test. */
export async function openStore(dir?: string): Promise<PalsStore> {
  const { store } = await PalsStore.open(dir ?? (await tempDir()));
  stores.push(store);
  return store;
}

/** Adds an engagement linked to `issue`; returns its id. */
export async function linked(store: PalsStore, name: string, issue: string | null, id = `e-${name.toLowerCase()}`): Promise<string> {
  const at = '2026-11-01T09:00:00.000Z';
  await store.update((doc) => addEngagement(doc, { name, ...(issue ? { issue } : {}) }, { id, at }));
  return id;
}

/**
 * A client for the fake with waits cut to milliseconds (retry-after 1 s → 5 ms). A request may
 * take 30 s: far more than a loopback answer on a loaded machine (tests of a timeout set theirs).
 */
export function client(fake: FakeGithub, options: Partial<ClientOptions> = {}): GithubClient {
  return createGithubClient({ token: TOKEN, baseUrl: fake.url, waitUnitMs: 5, requestTimeoutMs: 30_000, ...options });
}

/** An engagement's link as stored. */
export function linkOf(store: PalsStore, id: string) {
  return store.doc.engagements.find((e) => e.id === id)!.github!;
}
