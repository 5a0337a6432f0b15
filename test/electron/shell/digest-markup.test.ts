/**
 * The "Needs attention" notification carries anyone's words: a project named from a GitHub issue's
 * title, an action item's text. Linux notification servers read the body as markup, so a name
 * such as `<img src="https://…">` would fetch a picture from anywhere, and `<a href>` would be a
 * link to click: there the body is escaped and shows the characters as typed.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/open-core.js';
import { startDailyDigest, systemNotice, type DigestNotice } from '../../../electron/shell/daily-digest.js';
import { addEngagement } from '../../../shared/engagements.js';
import { emptyDoc } from '../../../shared/schema.js';
import { tempDir } from '../../helpers.js';

const HOSTILE = '<img src="https://t.example/p"><a href="https://e.example">F & co</a>';
let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

describe('the digest notification', () => {
  it('shows markup in a name as text on Linux, and the words unchanged elsewhere', async () => {
    const dir = await tempDir();
    const doc = addEngagement(
      emptyDoc(),
      { name: HOSTILE, kickoff: '2026-11-16', phase: 'meet-greet' },
      { id: 'eng-x', at: '2026-11-01T10:00:00.000Z' },
    ).doc;
    await writeFile(join(dir, 'pals.json'), JSON.stringify(doc));
    core = await openCore(dir, { today: () => '2026-11-20', watch: false });
    const shown: DigestNotice[] = [];
    const digest = startDailyDigest({ call: core.call, show: (n) => shown.push(n) });
    try {
      expect(await digest.check()).toBe(true);
    } finally {
      digest.stop();
    }
    const linux = systemNotice(shown[0]!, 'linux');
    expect(linux.body).not.toMatch(/[<>]/);
    expect(linux.body).toContain('&lt;img src="https://t.example/p"&gt;&lt;a href="https://e.example"&gt;F &amp; co&lt;/a&gt;');
    expect(linux.title).toBe('Needs attention: 1 due soon');
    for (const platform of ['darwin', 'win32'] as const) expect(systemNotice(shown[0]!, platform).body).toContain(HOSTILE);
  });
});
