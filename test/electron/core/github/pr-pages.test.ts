/** A self-assessment PR of more than 100 files: every page of its files is read (GitHub lists up to 3,000). */
import { describe, expect, it } from 'vitest';
import { syncAll } from '../../../../electron/core/github/sync.js';
import { editEngagement } from '../../../../shared/engagements.js';
import { filledWith } from '../../../fixtures/self-assessment.js';
import type { FakeFile } from '../../../support/github/fake-github.js';
import { client, fakeGithub, linked, openStore, TOKEN } from './setup.js';

const PATH = 'community/assessments/projects/widget/self-assessment.md';

function files(before: number, assessment: string): FakeFile[] {
  const others = Array.from({ length: before }, (_, i) => ({ filename: `docs/page-${i}.md`, status: 'added' as const, content: `p${i}` }));
  return [...others, { filename: PATH, status: 'added', content: assessment }];
}

async function widget(fileList: FakeFile[]) {
  const fake = await fakeGithub();
  const store = await openStore();
  fake.add({ owner: 'cncf', repo: 'tag-security', number: 30, kind: 'pull', files: fileList });
  const id = await linked(store, 'Widget', null);
  await store.update((doc) => editEngagement(doc, id, { pr: 'cncf/tag-security#30' }, '2026-11-02T09:00:00.000Z'));
  return { fake, store };
}

const filesPages = (fake: Awaited<ReturnType<typeof fakeGithub>>) => fake.count('GET', /^\/repos\/cncf\/tag-security\/pulls\/30\/files/);

describe('a self-assessment PR of many files', () => {
  it('finds the self-assessment on the third page of 250 files', async () => {
    const { fake, store } = await widget(files(249, filledWith(['Metadata', 'Overview'])));
    await syncAll(store, { client: client(fake), token: TOKEN });
    const pr = store.doc.engagements[0]!.pr!;
    expect(pr).toMatchObject({ path: PATH, error: null, etag: null });
    expect(pr.sections.filter((s) => s.filled).map((s) => s.title)).toEqual(['Metadata', 'Overview']);
    expect(filesPages(fake)).toBe(3);
    // A PR of several pages is read in full each sync (a later page can change alone).
    fake.issues.get('cncf/tag-security#30')!.files!.at(-1)!.content = filledWith(['Metadata', 'Overview', 'Appendix']);
    await syncAll(store, { client: client(fake), token: TOKEN });
    expect(filesPages(fake)).toBe(6);
    expect(store.doc.engagements[0]!.pr!.sections.filter((s) => s.filled)).toHaveLength(3);
  });

  it('keeps the conditional read (a 304) for a PR whose files fit one page', async () => {
    const { fake, store } = await widget(files(3, filledWith(['Metadata'])));
    await syncAll(store, { client: client(fake), token: TOKEN });
    expect(store.doc.engagements[0]!.pr!.etag).toMatch(/^W\//);
    await syncAll(store, { client: client(fake), token: TOKEN });
    const again = fake.requests.filter((r) => r.path.includes('/pulls/30/files')).at(-1)!;
    expect(again.headers['if-none-match']).toBe(store.doc.engagements[0]!.pr!.etag);
  });

  it('stops at 30 pages (3,000 files, as many as GitHub lists)', async () => {
    const { fake, store } = await widget(files(3_100, filledWith(['Metadata'])));
    await syncAll(store, { client: client(fake), token: TOKEN });
    expect(filesPages(fake)).toBe(30);
    expect(store.doc.engagements[0]!.pr!.error).toMatch(/changes no self-assessment file/);
  });
});
