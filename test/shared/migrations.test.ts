import { describe, expect, it } from 'vitest';
import { parseDocText } from '../../shared/document.js';
import { migrate, type Migration } from '../../shared/migrations.js';
import { emptyDoc } from '../../shared/schema.js';

describe('migrations', () => {
  it('runs every step in order from the file’s version to the target', () => {
    const seen: number[] = [];
    const steps: Migration[] = [
      { from: 1, migrate: (raw) => (seen.push(1), { ...raw, b: 'from 1' }) },
      { from: 0, migrate: (raw) => (seen.push(0), { ...raw, a: 'from 0' }) },
      { from: 2, migrate: (raw) => (seen.push(2), { ...raw, c: `${String(raw.b)} then 2` }) },
    ];
    expect(migrate({ schemaVersion: 0 }, steps, 3)).toEqual({ schemaVersion: 3, a: 'from 0', b: 'from 1', c: 'from 1 then 2' });
    expect(seen).toEqual([0, 1, 2]);
    expect(migrate({ schemaVersion: 2, b: 'x' }, steps, 3)).toEqual({ schemaVersion: 3, b: 'x', c: 'x then 2' });
  });

  it('refuses a gap, a newer version and a missing version', () => {
    expect(() => migrate({ schemaVersion: 0 }, [], 1)).toThrow(/no migration from format 0/);
    expect(() => migrate({ schemaVersion: 5 }, [], 1)).toThrow(/newer.*format 5/);
    expect(() => migrate({}, [], 1)).toThrow(/schemaVersion is missing/);
  });
});

describe('parseDocText', () => {
  it('fills defaults for fields a hand-edited file leaves out', () => {
    const text = JSON.stringify({
      schemaVersion: 1,
      rounds: [{ id: 'default', name: 'Round 1' }],
      engagements: [{ id: 'kyv', name: 'Kyverno', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' }],
    });
    const { doc } = parseDocText(text);
    expect(doc.engagements[0]).toMatchObject({ phase: 'intake', maturity: 'sandbox', pals: [], notes: [], github: null, hours: null });
    expect(doc.settings.currentRound).toBe('default');
  });

  it('names the place of each problem', () => {
    const bad = {
      ...emptyDoc(),
      engagements: [{ id: 'kyv', name: 'K', kickoff: '2026-02-30', phase: 'doing', nmae: 'x', createdAt: 'x', updatedAt: 'x' }],
    };
    expect(() => parseDocText(JSON.stringify(bad))).toThrow(/engagements\[0\]/);
    try {
      parseDocText(JSON.stringify(bad));
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/kickoff: must be a real date/);
      expect(message).toMatch(/phase/);
      expect(message).toMatch(/nmae/);
    }
  });

  it('refuses duplicate ids and unknown rounds', () => {
    const e = { id: 'kyv', name: 'K', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
    expect(() => parseDocText(JSON.stringify({ ...emptyDoc(), engagements: [e, { ...e, name: 'L' }] }))).toThrow(/duplicate id kyv/);
    expect(() => parseDocText(JSON.stringify({ ...emptyDoc(), engagements: [{ ...e, round: 'r9' }] }))).toThrow(/names no round/);
  });
});
