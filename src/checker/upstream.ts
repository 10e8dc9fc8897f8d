/**
 * The third-party service a project calls (a weather provider), played by the checker on loopback while it runs, so
 * a learner's wrapper can be checked with no network and no key: its routes answer with the contract's bodies, and
 * the checks make it fail (503) or hang, and count the requests it had (a cache shows as fewer).
 */
import { createServer, type ServerResponse } from 'node:http';
import type { Upstream, UpstreamMode } from '../lib/project-check/contract.ts';
import type { UpstreamControl } from '../lib/project-check/run-checks.ts';

/** How long the stand-in keeps a request waiting when it is `slow`: longer than any sensible upstream timeout. */
const SLOW_MS = 10_000;

/** A body with `${query.name}` filled in from the request's query: text stays text, a number alone becomes a number. */
function fill(value: unknown, query: URLSearchParams): unknown {
  if (typeof value === 'string') {
    const whole = /^\$\{query\.(\w+)\}$/.exec(value);
    if (whole) {
      const text = query.get(whole[1]!) ?? '';
      return text !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
    }
    return value.replace(/\$\{query\.(\w+)\}/g, (_, name: string) => query.get(name) ?? '');
  }
  if (Array.isArray(value)) return value.map((item) => fill(item, query));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, query)]));
  return value;
}

const json = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));

/** Starts the stand-in on 127.0.0.1:`port`; its control for the checks, and how to stop it. */
export async function startUpstream(
  upstream: Upstream,
  port: number,
): Promise<{ control: UpstreamControl; url: string; close: () => Promise<void> }> {
  let mode: UpstreamMode = 'up';
  let seen: string[] = [];
  const waiting = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://upstream.test');
    seen.push(url.pathname);
    req.resume();
    if (mode === 'down') return json(res, 503, { error: 'The provider is down (played by the checker).' });
    if (mode === 'slow') {
      waiting.add(res);
      const timer = setTimeout(() => json(res, 200, {}), SLOW_MS);
      res.on('close', () => (clearTimeout(timer), waiting.delete(res)));
      return undefined;
    }
    const route = upstream.routes.find((r) => r.request === `${req.method} ${url.pathname}`);
    if (!route) return json(res, 404, { error: `No such route on the provider: ${req.method} ${url.pathname}` });
    return json(res, route.status ?? 200, fill(route.body, url.searchParams));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const control: UpstreamControl = {
    reset: () => {
      mode = 'up';
      seen = [];
      for (const res of waiting) res.destroy();
    },
    set: (next) => void (mode = next),
    calls: (path) => (path ? seen.filter((p) => p === path).length : seen.length),
  };
  const close = () =>
    new Promise<void>((resolve) => {
      for (const res of waiting) res.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { control, url: `http://127.0.0.1:${port}`, close };
}
