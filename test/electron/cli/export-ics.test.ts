import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { pals, tempDir } from '../../helpers.js';

const NAME = 'Kyverno, Inc.; policy\nengine 🛡️';

async function seeded(): Promise<string> {
  const dir = await tempDir();
  expect((await pals(dir, ['add', '--name', NAME, '--pal', 'Ana', '--kickoff', '2026-11-02'])).code).toBe(0);
  expect((await pals(dir, ['add', '--name', 'Argo', '--pal', 'Ben', '--kickoff', '2026-11-23'])).code).toBe(0);
  expect((await pals(dir, ['move', 'argo', 'meet-greet'])).code).toBe(0);
  expect((await pals(dir, ['add', '--name', 'Falco', '--pal', 'Ben'])).code).toBe(0); // no kickoff: no windows
  const id = (await pals(dir, ['list', '--json'])).stdout.match(/"id": "([a-z0-9]+)",\s+"name": "Kyverno/)![1]!;
  expect((await pals(dir, ['action', id, '--text', 'Send the template, today; 📨', '--owner', 'Ben', '--due', '2026-12-01'])).code).toBe(0);
  return dir;
}

/** The events as a real parser reads them: [uid, summary, start date]. */
function events(text: string): [string, string, string][] {
  const calendar = ICAL.Component.fromString(text);
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return [e.uid, e.summary, e.startDate.toString()];
  });
}

describe('pals export ics', () => {
  it('prints the calendar to stdout: CRLF, every window end still ahead, the dated action item', async () => {
    const dir = await seeded();
    const r = await pals(dir, ['export', 'ics']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(r.stdout.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const all = events(r.stdout);
    // Kyverno is in intake (kickoff 2026-11-02): all five windows; Argo from meet & greet on: four; one action item.
    expect(all).toHaveLength(10);
    expect(all.filter(([, summary]) => summary.startsWith(`${NAME}: `))).toHaveLength(6);
    expect(all.find(([uid]) => uid.startsWith('action-'))?.slice(1)).toEqual([`${NAME}: Send the template, today; 📨`, '2026-12-01']);
  });

  it('writes a private file (0600) with the same UIDs every time', async () => {
    const dir = await seeded();
    const out = join(dir, 'cal', 'pals.ics');
    const r = await pals(dir, ['export', 'ics', '--out', out]);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(r.stderr).toMatch(/^wrote .*pals\.ics \(10 events\)\n$/);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    const first = events(await readFile(out, 'utf8')).map(([uid]) => uid);
    await pals(dir, ['export', 'ics', '--out', out], { env: { PALS_NOW: '2026-11-28' } });
    expect(events(await readFile(out, 'utf8')).map(([uid]) => uid)).toEqual(first);
  });

  it("--pal: only that pal's engagements and action items", async () => {
    const dir = await seeded();
    const ben = await pals(dir, ['export', 'ics', '--pal', 'ben']);
    expect(ben.code).toBe(0);
    const uids = events(ben.stdout).map(([uid]) => uid.split('@')[0]);
    expect(uids.filter((u) => u!.startsWith('phase-')).every((u) => !u!.includes('intake'))).toBe(true);
    expect(uids).toHaveLength(5); // Argo's four windows and the item Ben owns on Kyverno
    expect(ben.stdout).toContain('X-WR-CALNAME:Security Pals: ben');
    expect(await pals(dir, ['export', 'ics', '--pal', 'Nobody'])).toMatchObject({
      code: 1,
      stderr: 'error: no pal or action item owner is called "Nobody"; `pals load` lists the pals\n',
    });
    expect((await pals(dir, ['export', 'ics', '--pal', ' '])).code).toBe(2);
    expect((await pals(dir, ['export', 'ics', 'extra'])).code).toBe(2);
  });
});
