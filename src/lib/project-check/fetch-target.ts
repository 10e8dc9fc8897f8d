/**
 * A real HTTP server as the request-test engine's target (src/lib/labs/api/api-test.ts): each step's request sent with
 * `fetch` to the learner's server, and the answer read as a hidden test reads a handler's. Bounded on every side: a
 * request may not leave the base URL's origin, redirects are not followed, the whole answer must arrive within the
 * time limit, and a body is read up to a size limit. Whatever the server does (hang, drip bytes, close the connection,
 * send a huge or broken body) becomes the exchange's error in words a learner can act on; nothing here throws.
 */
import type { RequestTarget } from '../labs/api/index.ts';
import type { HttpExchange, HttpRequestData, HttpResponseData } from '../labs/shared/lab-spec.ts';

export interface FetchTargetOptions {
  /** The server's base URL: every request's path is read below it. */
  base: URL;
  /** The longest a request may take, its whole body read, in milliseconds. */
  timeoutMs: number;
  /** The most bytes of a response body read. */
  maxBodyBytes: number;
  /** Rules every response must keep (the contract's schema: contract-rules.ts). */
  rule?: ((exchange: HttpExchange) => string | undefined) | undefined;
  /** Called once for every request sent, before it is sent: the caller bounds a run by it. */
  onSend?: ((request: HttpRequestData) => string | undefined) | undefined;
  fetch?: typeof fetch;
}

/** The URL a request's path names below `base`, or undefined when it would leave the base URL's origin or path. */
function targetUrl(base: URL, path: string): URL | undefined {
  if (!path.startsWith('/') || path.startsWith('//')) return undefined;
  const url = new URL(base.pathname.replace(/\/$/, '') + path, base.origin);
  return url.origin === base.origin ? url : undefined;
}

/** A fetch failure's cause, read from Node's (undici's) error codes, in words a learner can act on. */
function failureWords(error: unknown, base: URL, timeoutMs: number, timedOut: boolean): string {
  if (timedOut)
    return `no complete answer within ${timeoutMs / 1000} s: the server hung, or sent its answer too slowly.`;
  const cause = (error as { cause?: { code?: string; message?: string; name?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code ?? '';
  if (code === 'ECONNREFUSED')
    return `nothing is listening at ${base.origin}. Is your server running, on that port and address?`;
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE')
    return 'the server closed the connection before it finished answering.';
  if (code === 'UND_ERR_HEADERS_OVERFLOW') return 'the response headers are too large to read.';
  // Node 24's undici names a parse failure HTTPParserError and leaves its code empty; Node 20's sets HPE_….
  if (cause?.name === 'HTTPParserError' || code.startsWith('HPE_') || code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH')
    return `the server's answer is not valid HTTP (${cause?.message ?? code}).`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `the host ${base.hostname} could not be found.`;
  const said = cause?.message ?? (error as Error).message ?? String(error);
  if (said === 'bad port')
    return `port ${base.port} is one that fetch refuses to use (a "bad port" in the Fetch standard): start your server on another, such as 8080.`;
  return `the request failed: ${said}.`;
}

/** Reads a body up to `max` bytes; undefined when it is longer. */
async function readBody(response: Response, max: number): Promise<string | undefined> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}

/** Sends one request and reads the whole answer within the limits; never throws. */
export async function sendOver(options: FetchTargetOptions, request: HttpRequestData): Promise<HttpExchange> {
  const exchange: HttpExchange = { request, queries: [], logs: [] };
  const refused = options.onSend?.(request);
  if (refused) return { ...exchange, error: { code: 'Refused', message: refused } };
  const url = targetUrl(options.base, request.path);
  if (!url) {
    const message = `${request.path} is not a path below ${options.base.href}: the checker sends nothing elsewhere.`;
    return { ...exchange, error: { code: 'Refused', message } };
  }
  const abort = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort.abort();
  }, options.timeoutMs);
  try {
    const response = await (options.fetch ?? fetch)(url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: abort.signal,
    });
    const body = await readBody(response, options.maxBodyBytes);
    if (body === undefined) {
      const message = `the response body is larger than ${options.maxBodyBytes / 1024} KB; the checker stopped reading it.`;
      return { ...exchange, error: { code: 'TooLarge', message } };
    }
    const data: HttpResponseData = {
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers],
      body,
    };
    return { ...exchange, response: data };
  } catch (error) {
    const message = failureWords(error, options.base, options.timeoutMs, timedOut);
    return { ...exchange, error: { code: timedOut ? 'Timeout' : 'Network', message } };
  } finally {
    clearTimeout(timer);
  }
}

/** A server reached over HTTP as a request-test target: no database, no clock to move, rules on every response. */
export function fetchTarget(options: FetchTargetOptions): RequestTarget {
  return {
    send: (request) => sendOver(options, request),
    async sendAtOnce(requests) {
      const exchanges = await Promise.all(requests.map((request) => sendOver(options, request)));
      return { exchanges, order: [], leftOpen: exchanges.map(() => false) };
    },
    rule: options.rule,
  };
}
