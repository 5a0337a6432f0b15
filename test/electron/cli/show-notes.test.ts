import { describe, expect, it } from 'vitest';
import { pals, tempDir } from '../../helpers.js';

describe('pals show prints what a note holds besides its text', () => {
  it('lists attendees and each action item with its owner, due date, state and id', async () => {
    const dir = await tempDir();
    expect((await pals(dir, ['add', '--name', 'Kyverno', '--pal', 'Ana'])).code).toBe(0);
    const note = await pals(dir, [
      'note',
      'kyverno',
      '--kind',
      'meet-greet',
      '--text',
      'First call',
      '--attendee',
      'Ana',
      '--attendee',
      'Jim (maintainer)',
      '--action',
      'Share the template',
    ]);
    expect(note.code).toBe(0);
    const owned = await pals(dir, ['action', 'kyverno', '--text', 'Book the follow-up', '--owner', 'Ana', '--due', '2026-12-04']);
    expect(owned.code).toBe(0);
    const ownedId = owned.stdout.trim();
    expect((await pals(dir, ['action', 'done', ownedId])).code).toBe(0);

    const shown = await pals(dir, ['show', 'kyverno']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('attendees  Ana, Jim (maintainer)');
    expect(shown.stdout).toMatch(/\[ \] Share the template — no owner \([a-z0-9]{8}\)/);
    expect(shown.stdout).toContain(`[x] Book the follow-up — Ana, due 2026-12-04 (${ownedId})`);
  });

  it('refuses an empty --action instead of saving an untitled item, and saves nothing', async () => {
    const dir = await tempDir();
    expect((await pals(dir, ['add', '--name', 'Argo'])).code).toBe(0);
    const r = await pals(dir, ['note', 'argo', '--text', 'call', '--action', '  ']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --action: must say what needs doing/);
    const view = JSON.parse((await pals(dir, ['show', 'argo', '--json'])).stdout) as { notes: unknown[] };
    expect(view.notes).toEqual([]);
  });
});
