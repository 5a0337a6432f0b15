/**
 * Stores written before rounds became first-class (issue 13): rounds without weights or a
 * retrospective, engagements without criteria or round moves. They load without loss, gain the
 * defaults, and keep everything through a write.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PalsStore } from '../../electron/core/store/store.js';
import { parseDocText } from '../../shared/document.js';
import { addRound } from '../../shared/rounds.js';
import { SCHEMA_VERSION } from '../../shared/schema.js';
import { pals, tempDir } from '../helpers.js';

/** A store as the previous release wrote it (every field it knew, none of this round's). */
const OLD = {
  schemaVersion: 1,
  settings: { currentRound: 'pilot', dueSoonDays: 5, labelRules: null, lastSync: null },
  rounds: [
    {
      id: 'pilot',
      name: 'Pilot',
      windows: {
        intake: { start: 0, end: 0 },
        'meet-greet': { start: 1, end: 2 },
        'follow-up': { start: 4, end: 4 },
        draft: { start: 6, end: 8 },
        review: { start: 12, end: 16 },
      },
      labelRules: [{ label: 'pals/draft', phase: 'draft', family: 'pals', requires: [] }],
      writeBack: true,
    },
    { id: 'round-0', name: 'Before the pilot' },
  ],
  engagements: [
    {
      id: 'kyv',
      name: 'Kyverno',
      maturity: 'incubating',
      repo: 'https://github.com/kyverno/kyverno',
      kickoff: '2024-03-04',
      phase: 'draft',
      onHold: false,
      example: false,
      round: 'pilot',
      pals: ['Ana', 'Bo'],
      contacts: [{ name: 'Jim', github: 'jim', email: null, role: 'maintainer' }],
      github: {
        issue: 'cncf/tag-security#1200',
        url: 'https://github.com/cncf/tag-security/issues/1200',
        kind: 'issue',
        state: 'open',
        title: '[Security Pals] Kyverno',
        labels: ['pals/draft'],
        assignees: ['ana'],
        milestone: null,
        comments: 3,
        updatedAt: '2024-04-01T10:00:00.000Z',
        syncedAt: '2024-04-02T10:00:00.000Z',
        etag: 'W/"abc"',
        suggestedPhase: 'draft',
        conflict: null,
        error: null,
      },
      notes: [
        {
          id: 'n01',
          kind: 'meet-greet',
          date: '2024-03-11',
          createdAt: '2024-03-11T15:00:00.000Z',
          updatedAt: '2024-03-11T15:00:00.000Z',
          text: '# Agenda\n---\n- threat model',
          attendees: ['Jim'],
          actions: [{ id: 'a01', text: 'share the diagram', owner: 'Jim', done: false }],
        },
      ],
      selection: 'TOC asked',
      reaction: 'Where do we start?',
      learnings: ['[timebox] helps'],
      hours: 14,
      retro: { worked: 'cadence', didnt: '', improve: '', more: '', less: '' },
      history: [
        { from: null, to: 'intake', at: '2024-03-01T09:00:00.000Z', source: 'local' },
        { from: 'intake', to: 'meet-greet', at: '2024-03-11T09:00:00.000Z', source: 'local' },
        { from: 'meet-greet', to: 'draft', at: '2024-04-01T10:00:00.000Z', source: 'github' },
      ],
      createdAt: '2024-03-01T09:00:00.000Z',
      updatedAt: '2024-04-02T10:00:00.000Z',
    },
    { id: 'fal', name: 'Falco', round: 'round-0', createdAt: '2024-01-01T09:00:00.000Z', updatedAt: '2024-01-01T09:00:00.000Z' },
  ],
  outbox: [],
};

/** Every key and value of `old` is in `loaded` unchanged (new keys may be added around them). */
function expectKept(loaded: unknown, old: unknown, path = '$'): void {
  if (path === '$.schemaVersion') {
    expect(loaded, 'migrated to the current version').toBe(SCHEMA_VERSION);
    return;
  }
  if (old === null || typeof old !== 'object') {
    expect(loaded, path).toEqual(old);
    return;
  }
  if (Array.isArray(old)) {
    expect(Array.isArray(loaded), path).toBe(true);
    expect((loaded as unknown[]).length, path).toBe(old.length);
    old.forEach((v, i) => {
      expectKept((loaded as unknown[])[i], v, `${path}[${i}]`);
    });
    return;
  }
  for (const [k, v] of Object.entries(old)) expectKept((loaded as Record<string, unknown>)[k], v, `${path}.${k}`);
}

function expectDefaults(doc: ReturnType<typeof parseDocText>['doc']): void {
  for (const r of doc.rounds) {
    expect(r.criteriaWeights).toEqual({ security: 3, sponsor: 2, maturity: 2, priority: 3 });
    expect([r.benefits, r.nextSteps, r.takeaways]).toEqual([[], [], []]);
  }
  for (const e of doc.engagements) {
    expect(e.criteria).toEqual({ security: 'unknown', sponsor: '', sponsorLink: null, priority: null });
    expect(e.roundMoves).toEqual([]);
  }
}

describe('a store from before rounds were first-class', () => {
  it('parses without loss and gains the defaults', () => {
    const { doc } = parseDocText(JSON.stringify(OLD));
    expectKept(doc, OLD);
    expectDefaults(doc);
    expect(doc.rounds[1]!.windows.draft).toEqual({ start: 6, end: 8 });
  });

  it('opens from disk, even under a seal of the old format, and keeps everything through a write', async () => {
    const dir = await tempDir();
    const text = JSON.stringify(OLD, null, 2);
    await writeFile(join(dir, 'pals.json'), text);
    const bytes = Buffer.from(text);
    const seal = { seal: 1, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), schemaVersion: 1 };
    await writeFile(join(dir, 'pals.seal'), JSON.stringify(seal));
    const { store } = await PalsStore.open(dir);
    expectKept(store.doc, OLD);
    expectDefaults(store.doc);
    await store.update((doc) => addRound(doc, { name: 'Round 2', like: 'pilot' }, '2026-05-10T10:00:00.000Z'));
    await store.close();
    const { doc } = parseDocText(await readFile(join(dir, 'pals.json'), 'utf8'));
    expectKept({ ...doc, rounds: doc.rounds.slice(0, 2) }, OLD);
    expect(doc.rounds[2]).toMatchObject({ id: 'round-2', writeBack: true, windows: OLD.rounds[0]!.windows });
  });

  it('works with the new commands at once', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'pals.json'), JSON.stringify(OLD));
    const env = { env: { PALS_NOW: '2026-05-10' } };
    const list = await pals(dir, ['round', 'list', '--json'], env);
    expect(list.code, list.stderr).toBe(0);
    expect((JSON.parse(list.stdout) as { id: string; current: boolean }[]).map((r) => [r.id, r.current])).toEqual([
      ['pilot', true],
      ['round-0', false],
    ]);
    const insight = await pals(dir, ['insight', '--json', '--round', 'Pilot'], env);
    expect(insight.code, insight.stderr).toBe(0);
    const data = JSON.parse(insight.stdout) as {
      rounds: { engagements: number; hoursMedian: number; phases: Record<string, { medianDays: number }> }[];
    };
    expect(data.rounds[0]).toMatchObject({ engagements: 1, hoursMedian: 14 });
    expect(data.rounds[0]!.phases['meet-greet']!.medianDays).toBe(21);
    const rows = JSON.parse((await pals(dir, ['list', '--json'], env)).stdout) as { id: string; score: number; criteria: object }[];
    expect(rows.find((r) => r.id === 'kyv')).toMatchObject({ score: 27, criteria: { security: 'unknown' } });
  });
});
