/**
 * Fuzzing the API contract's argument validation through the core's `dispatch`, the one entry
 * both transports use: random JSON for every call, and mutations of valid arguments. A call never
 * throws, answers a valid result or a typed refusal (never `internal`), a refused call leaves the
 * store file byte for byte as it was, and the file always stays loadable.
 */
import fc from 'fast-check';
import { createServer } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_CALL_NAMES } from '../../shared/api-names.js';
import type { ApiResponse } from '../../shared/api.js';
import { parseDocText } from '../../shared/document.js';
import type { StoreDoc } from '../../shared/schema.js';
import type { ExportPlatform } from '../../electron/core/context.js';
import { NO_TOKEN } from '../../electron/core/lib/token-source.js';
import { createCore, type Core } from '../../electron/core/open-core.js';
import { PalsStore } from '../../electron/core/store/store.js';
import { bytesOf, hostileJson, mutate, mutation, prototypeIsClean, RunCounter, runs } from './fuzz-kit.js';

/** Refusals a caller may get for bad or stale arguments; anything else is a bug. */
const REFUSALS = new Set(['invalid-input', 'not-found', 'duplicate', 'ambiguous', 'github']);
/** Calls whose rendering is slow (marp): fewer runs, same properties. */
const SLOW = new Set<string>(['deckPreview', 'exportDeck']);

/** Exports go to a stand-in platform: no save dialog, no Chromium for PDFs. */
const platform: ExportPlatform = {
  saveFile: () => Promise.resolve(null),
  printToPdf: () => Promise.resolve(new Uint8Array([37, 80, 68, 70])),
  pictureSlides: (pages) => Promise.resolve(pages.map(() => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))),
};

type Doc = StoreDoc;
let fresh = 0;

/** Valid arguments per call, built from what the store holds now (a call missing here gets `{}`). */
const VALID: Readonly<Record<string, (doc: Doc) => unknown>> = {
  getBoard: () => ({}),
  getEngagement: (doc) => ({ id: first(doc).id }),
  loadExampleRound: () => ({}),
  removeExampleRound: () => ({}),
  addEngagement: () => ({
    name: `Fuzzed ${String(++fresh)}`,
    maturity: 'sandbox',
    repo: 'https://github.com/x/y',
    kickoff: '2026-11-02',
    pals: ['Ann'],
    phase: 'intake',
  }),
  editEngagement: (doc) => ({
    id: first(doc).id,
    patch: { name: first(doc).name, hours: 3, reaction: 'ok', learnings: ['[timebox] a'], retro: { worked: 'w' } },
  }),
  moveEngagement: (doc) => ({ id: first(doc).id, phase: 'follow-up', on: '2026-11-27' }),
  editHistory: (doc) => ({
    id: first(doc).id,
    history: [
      { to: 'intake', on: '2026-11-01' },
      { to: 'meet-greet', on: '2026-11-02' },
    ],
  }),
  addRound: () => ({
    name: `Round ${String(++fresh)}`,
    like: 'default',
    windows: { draft: { start: 6, end: 7 } },
    use: false,
    carryOver: false,
  }),
  editRound: () => ({
    id: 'default',
    name: 'Round one',
    windows: { review: { start: 12, end: 15 } },
    criteriaWeights: { sponsor: 4 },
    benefits: ['b'],
    nextSteps: ['n'],
    takeaways: ['t'],
  }),
  useRound: () => ({ id: 'default' }),
  getInsight: () => ({ round: 'default' }),
  removeEngagement: (doc) => ({ id: first(doc).id }),
  addNote: (doc) => ({
    id: first(doc).id,
    note: { kind: 'meet-greet', text: '# Notes\n- [ ] item', date: '2026-11-20', attendees: ['Ann'] },
  }),
  updateNote: (doc) => ({ ...noteRef(doc), patch: { text: 'changed', actions: [{ text: 'follow up', owner: 'Ann', done: false }] } }),
  removeNote: (doc) => noteRef(doc),
  setActionDone: (doc) => ({ ...noteRef(doc), actionId: first(doc).notes[0]?.actions[0]?.id ?? 'missing-action', done: true }),
  openActions: () => ({ owner: 'Ann', includeDone: true }),
  addAction: (doc) => ({ id: first(doc).id, text: 'Chase the draft', owner: 'Priya', due: '2026-12-04' }),
  setActionDoneById: (doc) => ({ actionId: first(doc).notes[0]?.actions[0]?.id ?? 'missing-action', done: true }),
  palLoad: () => ({}),
  exportCalendar: () => ({ pal: 'Ann' }),
  search: () => ({ query: 'kyv', limit: 10 }),
  deckPreview: (doc) => ({ options: { title: 'Retro', theme: 'gaia', sections: { reactions: false }, only: [first(doc).id] } }),
  exportDeck: () => ({ options: { title: 'Retro' }, format: 'md' }),
  editRoundDeck: () => ({
    id: 'default',
    patch: { concept: ['A helping hand'], conceptLink: { label: 'Details', url: 'https://example.org/x' } },
  }),
  addDeckImage: () => ({ id: 'default', image: { base64: 'iVBORw0KGgoAAAAN', name: 'a.png' } }),
  assessmentPullRequest: (doc) => ({ id: first(doc).id }),
  exportAssessment: (doc) => ({ id: first(doc).id }),
  syncNow: () => ({}),
  resolveConflict: (doc) => ({ id: first(doc).id, keep: 'local' }),
  discoverIssues: () => ({ repo: 'cncf/tag-security', label: 'security-pals' }),
  addDiscovered: () => ({ issues: [{ issue: 'cncf/tag-security#1', name: 'Discovered', title: 'Security Pals: x', kind: 'issue' }] }),
  githubStatus: () => ({}),
  setGithubToken: () => ({ token: 'ghp_0123456789abcdef', allowInsecure: false }),
  clearGithubToken: () => ({}),
  setGithubSettings: () => ({ writeBack: false }),
  testGithubToken: () => ({}),
  getSettings: () => ({}),
  updateSettings: () => ({ dueSoonDays: 7, palLimit: 2, apiUrl: null, writeBack: false, palLogins: { Ann: 'ann' } }),
  labelRules: () => ({}),
  setPhaseLabels: () => ({ phase: 'review', labels: ['pals/review', 'needs-review'] }),
  previewPhaseLabels: () => ({ phase: 'draft', labels: ['pals/draft', 'writing'] }),
  previewLabelRules: () => ({ labelRules: [{ label: 'pals/done', phase: 'done', family: 'pals', requires: [] }] }),
};
/**
 * Calls whose valid arguments are refused by design here: this host has no token and no vault,
 * and its GitHub is a loopback port nobody listens on (nothing leaves the machine).
 */
const REFUSED_BY_DESIGN: Readonly<Record<string, string>> = {
  clearGithubToken: 'github',
  setGithubToken: 'github',
  syncNow: 'github',
  discoverIssues: 'github',
  testGithubToken: 'github',
};

const first = (doc: Doc) => doc.engagements[0]!;
const noteRef = (doc: Doc) => ({ id: first(doc).id, noteId: first(doc).notes[0]?.id ?? 'missing-note' });
const validArgs = (name: string, doc: Doc): unknown => (VALID[name] ?? (() => ({})))(doc);

/** A loopback port with nothing listening: GitHub calls fail at once, on this machine. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('API argument validation under fuzzing (dispatch)', () => {
  let store: PalsStore;
  let core: Core;
  /** Unexpected failures the core reported (each one is a bug). */
  const internal: string[] = [];
  let file: string;
  let dir: string;
  const counter = new RunCounter();
  const outcomes = { accepted: 0, refused: 0 };

  /** Keeps at least one engagement with a note and an action item to aim valid arguments at. */
  async function seed(): Promise<void> {
    if (store.doc.engagements.some((e) => e.notes.some((n) => n.actions.length > 0))) return;
    const added = await core.dispatch('addEngagement', { name: `Seed ${String(Date.now())}${String(Math.random())}`, pals: ['Ann'] });
    if (!added.ok) throw new Error(added.error.message);
    const id = (added.value as { id: string }).id;
    const note = await core.dispatch('addNote', { id, note: { text: 'seed' } });
    if (!note.ok) throw new Error(note.error.message);
    const noteId = (note.value as { id: string }).id;
    await core.dispatch('updateNote', { id, noteId, patch: { actions: [{ text: 'seed action', owner: 'Ann' }] } });
  }
  /** The document with an engagement that has a note with an action item first, where validArgs aims. */
  const target = (doc: StoreDoc): StoreDoc => {
    const first = doc.engagements.find((e) => e.notes.some((n) => n.actions.length > 0)) ?? doc.engagements[0];
    return first ? { ...doc, engagements: [first, ...doc.engagements.filter((e) => e !== first)] } : doc;
  };

  /** One call: the invariants every answer must meet. */
  async function check(name: string, args: unknown): Promise<void> {
    const beforeBytes = await bytesOf(file);
    const beforeDoc = store.doc;
    let response: ApiResponse<unknown>;
    try {
      response = await core.dispatch(name, args);
    } catch (error) {
      throw new Error(`dispatch threw for ${name}(${JSON.stringify(args)?.slice(0, 300)}): ${String(error)}`);
    }
    expect(internal, `${name}(${JSON.stringify(args)?.slice(0, 300)})`).toEqual([]);
    if (response.ok) {
      outcomes.accepted++;
      expect(response.value, name).not.toBeUndefined();
      // Whatever was accepted is on disk and still loads.
      const text = (await bytesOf(file))?.toString('utf8');
      if (text !== undefined) expect(() => parseDocText(text), `${name} wrote a file that does not load`).not.toThrow();
    } else {
      outcomes.refused++;
      const context = `${name}(${JSON.stringify(args)?.slice(0, 300)}) → ${JSON.stringify(response.error)}`;
      expect(REFUSALS.has(response.error.code), context).toBe(true);
      expect(response.error.message.length, context).toBeGreaterThan(5);
      expect(store.doc, context).toBe(beforeDoc);
      expect(await bytesOf(file), context).toEqual(beforeBytes);
    }
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pals-fuzz-api-'));
    store = (await PalsStore.open(dir)).store;
    file = join(dir, 'pals.json');
    const api = `http://127.0.0.1:${String(await closedPort())}`;
    core = createCore(store, {
      today: () => '2026-11-27',
      exportPlatform: platform,
      github: { tokenSource: NO_TOKEN, apiUrl: api },
      log: (call, error) => internal.push(`internal error in ${call}: ${String(error)}`),
    });
    await seed();
  });

  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
    console.log(counter.report(`API fuzz (${String(outcomes.accepted)} accepted, ${String(outcomes.refused)} refused):`));
  });

  it('accepts the unmutated valid arguments of every call (the oracle is sound)', async () => {
    const known = API_CALL_NAMES.filter((name) => name in VALID);
    for (const name of known) {
      await seed();
      const response = await core.dispatch(name, validArgs(name, target(store.doc)));
      expect(response.ok ? 'ok' : response.error.code, `${name}: ${response.ok ? '' : response.error.message}`).toBe(
        REFUSED_BY_DESIGN[name] ?? 'ok',
      );
    }
    const unknown = API_CALL_NAMES.filter((name) => !(name in VALID));
    if (unknown.length > 0) console.warn(`API fuzz: no valid-argument template for ${unknown.join(', ')} (mutations start from {})`);
  });

  // One test per call, so the budget of each stays the same however many calls the contract grows to.
  it.each([...API_CALL_NAMES])('answers random JSON for %s with a result or a typed refusal', async (name) => {
    const numRuns = runs(SLOW.has(name) ? 10 : 25);
    await fc.assert(
      fc.asyncProperty(hostileJson, async (args) => {
        counter.hit(`${name} random`);
        await check(name, args);
      }),
      { numRuns },
    );
    expect(counter.get(`${name} random`)).toBeGreaterThanOrEqual(numRuns);
  });

  it('refuses unknown call names', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 30 }), hostileJson, async (name, args) => {
        counter.hit('unknown call names');
        const response = await core.dispatch(name, args);
        if ((API_CALL_NAMES as readonly string[]).includes(name)) return;
        expect(response).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
      }),
      { numRuns: runs(100) },
    );
    await core.dispatch('__proto__', {});
    expect(prototypeIsClean()).toBe(true);
  });

  it.each([...API_CALL_NAMES])('answers mutations of valid arguments for %s the same way', async (name) => {
    const numRuns = runs(SLOW.has(name) ? 10 : 25);
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (edits) => {
        counter.hit(`${name} mutated`);
        await seed();
        await check(name, mutate(validArgs(name, target(store.doc)), edits));
      }),
      { numRuns },
    );
    expect(counter.get(`${name} mutated`)).toBeGreaterThanOrEqual(numRuns);
    expect(prototypeIsClean()).toBe(true);
  });
});
