/** request-guard.ts with a fake protocol session: which paused requests go on, and a failed answer kept. */
import { describe, expect, it } from 'vitest';
import { allowed, guardRequests, type FetchSession } from '../../src/render/request-guard.js';

const FILE = 'file:///tmp/run/print-1/page.html';

function fakeSession(failWith: unknown = null) {
  const sent: Array<[string, unknown]> = [];
  let listener: ((e: { requestId: string; request: { url: string } }) => void) | null = null;
  const session = {
    on: (_event: string, l: typeof listener) => void (listener = l),
    send: async (method: string, params: unknown) => {
      sent.push([method, params]);
      if (failWith && method !== 'Fetch.enable') throw failWith;
    },
  } as unknown as FetchSession;
  const pause = (requestId: string, url: string) => listener?.({ requestId, request: { url } });
  return { session, sent, pause };
}

describe('request guard', () => {
  it('lets through the page’s own file and data: URLs only', () => {
    expect(allowed(FILE, FILE)).toBe(true);
    expect(allowed('data:font/woff;base64,AAAA', FILE)).toBe(true);
    expect(allowed('file:///etc/passwd', FILE)).toBe(false);
    expect(allowed(`${FILE}?x`, FILE)).toBe(false);
    expect(allowed('http://127.0.0.1:9/x.png', FILE)).toBe(false);
  });

  it('pauses every request and answers each: continue for the page, BlockedByClient for the rest', async () => {
    const { session, sent, pause } = fakeSession();
    const guard = await guardRequests(session, FILE);
    expect(sent).toEqual([['Fetch.enable', { patterns: [{ urlPattern: '*' }] }]]);
    pause('1', FILE);
    pause('2', 'https://example.invalid/a.png');
    pause('3', 'file:///home/editor/secret.png');
    await Promise.resolve();
    expect(sent.slice(1)).toEqual([
      ['Fetch.continueRequest', { requestId: '1' }],
      ['Fetch.failRequest', { requestId: '2', errorReason: 'BlockedByClient' }],
      ['Fetch.failRequest', { requestId: '3', errorReason: 'BlockedByClient' }],
    ]);
    expect(guard.failure()).toBeNull();
  });

  it('keeps the first answer that failed, for the load to report', async () => {
    const broken = new Error('Target closed');
    const { session, pause } = fakeSession(broken);
    const guard = await guardRequests(session, FILE);
    pause('1', FILE);
    pause('2', 'http://x.invalid/');
    await new Promise((resolve) => setImmediate(resolve));
    expect(guard.failure()).toBe(broken);
  });
});
