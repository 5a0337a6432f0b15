/**
 * The token goes only to the configured API address (SECURITY.md). A hostile API answer names
 * another loopback port, the "attacker", in every way an answer can point elsewhere: a Link
 * header Octokit's pagination would follow, a redirect, a PR file's `contents_url`. The attacker
 * must receive no request at all, and the coordinator must see why on the issue or the sync.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { apiOrigin, sameOriginFetch } from '../../../../electron/core/github/api-origin.js';
import { discoverIssues } from '../../../../electron/core/github/discover.js';
import { syncAll } from '../../../../electron/core/github/sync.js';
import { editEngagement } from '../../../../shared/engagements.js';
import { filledWith } from '../../../fixtures/self-assessment.js';
import { client, fakeGithub, linked, linkOf, openStore, TOKEN } from './setup.js';

interface Attacker {
  readonly url: string;
  readonly requests: { readonly path: string; readonly headers: IncomingHttpHeaders }[];
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** Another loopback server that records whatever reaches it and answers like a harmless API page. */
async function attacker(): Promise<Attacker> {
  const requests: Attacker['requests'][number][] = [];
  const server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('[]');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

const OFF = /outside the GitHub API address http:\/\/127\.0\.0\.1:\d+; the desk sends the token nowhere else/;

describe('the token goes only to the configured API address', () => {
  it('does not follow a Link header to another host (discovery’s pagination)', async () => {
    const fake = await fakeGithub();
    const evil = await attacker();
    for (let n = 1; n <= 101; n++) fake.add({ owner: 'cncf', repo: 'tag-security', number: n, labels: ['security-pals'] });
    fake.linkOrigin = evil.url;
    await expect(discoverIssues(client(fake), { owner: 'cncf', repo: 'tag-security', labels: ['security-pals'] })).rejects.toThrow(
      new RegExp(`pointed to ${evil.url}/repos/cncf/tag-security/issues, ${OFF.source}`),
    );
    expect(fake.count('GET', /^\/repos\/cncf\/tag-security\/issues\?/)).toBe(1);
    expect(evil.requests).toEqual([]);
  });

  it('refuses a redirect to another host: that issue fails saying so, the others sync', async () => {
    const fake = await fakeGithub();
    const evil = await attacker();
    const store = await openStore();
    fake.add({ owner: 'o', repo: 'r', number: 1 });
    fake.add({ owner: 'o', repo: 'r', number: 2, labels: ['pals/draft'] });
    fake.behaviours.set('o/r#1', { kind: 'redirect', status: 301, location: `${evil.url}/repositories/1/issues/1` });
    const id = await linked(store, 'Falco', 'o/r#1');
    await linked(store, 'Argo', 'o/r#2');
    const report = await syncAll(store, { client: client(fake), token: TOKEN });
    expect(report).toMatchObject({ checked: 2, updated: 1, error: null });
    expect(report.failed).toEqual([{ ref: 'o/r#1', error: expect.stringMatching(OFF) }]);
    expect(report.failed[0]!.error).toContain(`GitHub's redirect (301) of GET`);
    expect(linkOf(store, id)).toMatchObject({ issue: 'o/r#1', error: expect.stringMatching(OFF) });
    expect(evil.requests).toEqual([]);
  });

  it('reads every page of a PR’s files within the API, and none from a Link or contents_url elsewhere', async () => {
    const fake = await fakeGithub();
    const evil = await attacker();
    const store = await openStore();
    const files = Array.from({ length: 150 }, (_, i) => ({ filename: `docs/page-${i}.md`, status: 'added' as const, content: 'x' }));
    fake.add({
      owner: 'cncf',
      repo: 'tag-security',
      number: 30,
      kind: 'pull',
      files: [...files, { filename: 'assessments/widget/self-assessment.md', status: 'added', content: filledWith(['Metadata']) }],
    });
    const id = await linked(store, 'Widget', null);
    await store.update((doc) => editEngagement(doc, id, { pr: 'cncf/tag-security#30' }, '2026-11-02T09:00:00.000Z'));
    fake.linkOrigin = evil.url;
    await syncAll(store, { client: client(fake), token: TOKEN });
    expect(store.doc.engagements[0]!.pr!.error).toMatch(OFF);
    expect(evil.requests).toEqual([]);
  });

  it('reads the self-assessment from the API even when its contents_url names another host', async () => {
    const fake = await fakeGithub();
    const evil = await attacker();
    const store = await openStore();
    const path = 'assessments/widget/self-assessment.md';
    fake.add({
      owner: 'o',
      repo: 'r',
      number: 7,
      kind: 'pull',
      files: [{ filename: path, status: 'added', content: filledWith(['Metadata']) }],
    });
    const id = await linked(store, 'Widget', null);
    await store.update((doc) => editEngagement(doc, id, { pr: 'o/r#7' }, '2026-11-02T09:00:00.000Z'));
    fake.linkOrigin = evil.url;
    await syncAll(store, { client: client(fake), token: TOKEN });
    expect(store.doc.engagements[0]!.pr).toMatchObject({ path, error: null });
    const contents = fake.requests.filter((r) => decodeURIComponent(r.path).startsWith(`/repos/o/r/contents/${path}?ref=`));
    expect(contents).toHaveLength(1);
    expect(evil.requests).toEqual([]);
  });

  it('a call cannot swap the guarded fetch or name another base URL', async () => {
    const fake = await fakeGithub();
    const evil = await attacker();
    const github = client(fake);
    await expect(github.request('GET /user', { baseUrl: evil.url })).rejects.toThrow(OFF);
    await expect(github.request('GET /user', { baseUrl: evil.url, request: { fetch } })).rejects.toThrow(OFF);
    await expect(github.request({ method: 'GET', url: `${evil.url}/user` })).rejects.toThrow(OFF);
    expect(evil.requests).toEqual([]);
    // Within the API, with the token.
    await expect(github.request('GET /user')).resolves.toMatchObject({ status: 200 });
    expect(fake.requests.at(-1)!.headers.authorization).toBe(`token ${TOKEN}`);
  });

  it('keeps an Enterprise server’s requests under its API path, and never follows a redirected write', async () => {
    const ghe = apiOrigin('https://ghe.example.com/api/v3/');
    expect(ghe.allows('https://ghe.example.com/api/v3/repos/o/r/issues/1')).toBe(true);
    expect(ghe.allows('https://ghe.example.com/api/v3')).toBe(true);
    expect(ghe.allows('https://ghe.example.com/login/oauth/access_token')).toBe(false);
    expect(ghe.allows('https://ghe.example.com/api/v30/x')).toBe(false);
    expect(ghe.allows('http://ghe.example.com/api/v3/x')).toBe(false);
    expect(ghe.allows('https://ghe.example.com:8443/api/v3/x')).toBe(false);
    expect(ghe.allows('https://user:pw@ghe.example.com/api/v3/x')).toBe(false);
    expect(ghe.allows('not a url')).toBe(false);

    const fake = await fakeGithub();
    fake.add({ owner: 'o', repo: 'r', number: 1 });
    fake.behaviours.set('o/r#1', { kind: 'redirect', status: 307, location: `${fake.url}/repos/victim/other/issues/9/labels` });
    const guarded = sameOriginFetch(fake.url);
    await expect(guarded(`${fake.url}/repos/o/r/issues/1/labels`, { method: 'POST', body: '{"labels":["x"]}' })).rejects.toThrow(
      /GitHub redirected POST .*\/repos\/o\/r\/issues\/1\/labels to .*\/repos\/victim\/other\/issues\/9\/labels; the desk writes only to the issue the card links/,
    );
    expect(fake.count('POST', /victim/)).toBe(0);
  });
});
