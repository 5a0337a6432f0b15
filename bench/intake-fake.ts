/**
 * A loopback stand-in for the two services `pals intake check` reads, with their answers' shapes:
 * GitHub's contents API (file object or GitHub's 404, ETag/304) and the OpenSSF Scorecard API
 * (`{date, repo, scorecard, score, checks}`, 404 when not scanned). One server serves both
 * (paths differ); it counts requests and the 304s among them.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake was asked. */
export interface IntakeCounts {
  requests: number;
  notModified: number;
}

const json = { 'content-type': 'application/json; charset=utf-8' };

/** Starts the fake; `files` are `owner/repo/path` keys that exist, `scanned` the `owner/repo` Scorecard knows. */
export async function startIntakeFake(
  files: ReadonlySet<string>,
  scanned: ReadonlySet<string>,
): Promise<{ url: string; counts: IntakeCounts; close: () => Promise<void> }> {
  const counts: IntakeCounts = { requests: 0, notModified: 0 };
  let server: Server | null = null;
  server = createServer((req, res) => {
    counts.requests++;
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = /^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/.exec(path);
    const card = /^\/projects\/github\.com\/([^/]+)\/([^/]+)$/.exec(path);
    const key = file ? `${file[1]}/${file[2]}/${file[3]}` : card ? `${card[1]}/${card[2]}` : '';
    const exists = file ? files.has(key) : card ? scanned.has(key) : false;
    if (!exists) {
      res
        .writeHead(404, json)
        .end(
          JSON.stringify(
            file ? { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } : { code: 5, message: 'not found' },
          ),
        );
      return;
    }
    const etag = `W/"${createHash('sha1').update(key).digest('hex')}"`;
    if (req.headers['if-none-match'] === etag) {
      counts.notModified++;
      res.writeHead(304, { etag }).end();
      return;
    }
    const body = file
      ? {
          type: 'file',
          name: file[3]!.split('/').pop(),
          path: file[3],
          sha: etag.slice(3, -1),
          size: 40,
          html_url: `https://github.com/${key.replace(`/${file[3]}`, `/blob/main/${file[3]}`)}`,
        }
      : {
          date: '2026-11-30T08:12:40Z',
          repo: { name: `github.com/${key}`, commit: etag.slice(3, -1) },
          scorecard: { version: 'v5.0.0', commit: 'ea7e27ed41b76ab879c862fa0ca4cc9c61764ee4' },
          score: 6.4,
          checks: ['Security-Policy', 'Fuzzing', 'Branch-Protection', 'Maintained', 'Code-Review'].map((name, i) => ({
            name,
            score: (i * 3) % 11,
            reason: `${name} reason`,
            details: null,
            documentation: { short: name, url: `https://github.com/ossf/scorecard/blob/main/docs/checks.md#${name.toLowerCase()}` },
          })),
        };
    res.writeHead(200, { ...json, etag }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
