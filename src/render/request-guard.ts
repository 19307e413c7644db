/**
 * What a print page may load: its own file and data: URLs, nothing else. It
 * used to be Puppeteer's request interception, which needs Puppeteer's
 * network monitoring on: Chromium then sent, for every font the page inlines
 * as a data: URL, two events carrying the whole URL (the sample: 96 events,
 * 7.5 MB of JSON serialised by Chromium and parsed by Node, beside the load).
 * Now Puppeteer's network monitoring is off (chromium.ts) and the page's
 * requests are paused through the protocol's Fetch domain, which does not
 * see data: URLs at all: only a request for another file or any address is
 * paused, and refused. Written against the protocol session's shape so that
 * only chromium.ts knows Puppeteer.
 */

/** A Fetch.requestPaused event (the fields used). */
interface Paused {
  requestId: string;
  request: { url: string };
}

/** The part of a protocol session (Puppeteer's CDPSession) the guard uses. */
export interface FetchSession {
  on(event: 'Fetch.requestPaused', listener: (e: Paused) => void): unknown;
  send(method: 'Fetch.enable', params: { patterns: Array<{ urlPattern: string }> }): Promise<unknown>;
  send(method: 'Fetch.continueRequest', params: { requestId: string }): Promise<unknown>;
  send(method: 'Fetch.failRequest', params: { requestId: string; errorReason: 'BlockedByClient' }): Promise<unknown>;
}

export const allowed = (url: string, fileUrl: string): boolean => url === fileUrl || url.startsWith('data:');

/**
 * Pauses every request of the session's page and lets through only `fileUrl` and data: URLs. An answer
 * that fails (the page closed meanwhile, or a protocol error) is kept for `failure()`: the step loading
 * the page reports it rather than waiting for a request left paused.
 */
export async function guardRequests(session: FetchSession, fileUrl: string): Promise<{ failure(): unknown }> {
  let failure: unknown = null;
  session.on('Fetch.requestPaused', ({ requestId, request }) => {
    const answer = allowed(request.url, fileUrl)
      ? session.send('Fetch.continueRequest', { requestId })
      : session.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' });
    answer.catch((e: unknown) => void (failure ??= e));
  });
  await session.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] });
  return { failure: () => failure };
}
