/** The desktop app's daily "Needs attention" notification, over a real core on a temp folder. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/open-core.js';
import { startDailyDigest, type DigestNotice } from '../../../electron/shell/daily-digest.js';
import { addEngagement } from '../../../shared/engagements.js';
import { emptyDoc } from '../../../shared/schema.js';
import { tempDir } from '../../helpers.js';

const AT = '2026-11-01T10:00:00.000Z';
let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

/** A core whose "today" the test moves; one engagement's meet & greet window closes on 2026-11-23. */
async function setUp(): Promise<{ core: Core; day: { today: string } }> {
  const dir = await tempDir();
  const doc = addEngagement(emptyDoc(), { name: 'Kyverno', kickoff: '2026-11-16', phase: 'meet-greet' }, { id: 'eng-kyv', at: AT }).doc;
  await writeFile(join(dir, 'pals.json'), JSON.stringify(doc));
  const day = { today: '2026-11-20' };
  core = await openCore(dir, { today: () => day.today, watch: false });
  return { core, day };
}

describe('the daily digest', () => {
  it('shows once a day when something needs attention, naming the first card to open', async () => {
    const { core, day } = await setUp();
    const shown: DigestNotice[] = [];
    const digest = startDailyDigest({ call: core.call, show: (n) => shown.push(n) });
    try {
      expect(await digest.check()).toBe(true);
      expect(shown).toEqual([
        { title: 'Needs attention: 1 due soon', body: 'Kyverno: Meet & greet window closes (due 2026-11-23)', firstId: 'eng-kyv' },
      ]);
      expect(await digest.check()).toBe(false); // the same day: once is enough
      day.today = '2026-11-24';
      expect(await digest.check()).toBe(true);
      expect(shown[1]!.title).toBe('Needs attention: 1 overdue');
    } finally {
      digest.stop();
    }
  });

  it('stays quiet on a day with nothing due, and when the settings turn it off', async () => {
    const { core, day } = await setUp();
    const shown: DigestNotice[] = [];
    const digest = startDailyDigest({ call: core.call, show: (n) => shown.push(n) });
    try {
      day.today = '2026-11-01';
      expect(await digest.check()).toBe(false);
      day.today = '2026-11-24';
      expect((await core.call('setNotifications', { on: false })).ok).toBe(true);
      expect(await digest.check()).toBe(false);
      expect(shown).toEqual([]);
      expect((await core.call('setNotifications', { on: true })).ok).toBe(true);
      expect(await digest.check()).toBe(true);
    } finally {
      digest.stop();
    }
  });
});
