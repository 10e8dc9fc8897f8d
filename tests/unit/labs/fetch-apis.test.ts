/**
 * The Fetch API types an API lab's handler uses (src/lib/labs/fetch-apis.ts), evaluated in QuickJS as the labs run
 * them and compared with Node's own Headers, URL, URLSearchParams, Request and Response on the cases handlers
 * meet: header case and joining, query strings with + and percent escapes, relative URLs, JSON bodies, a body read
 * twice, statuses that cannot carry a body.
 */
import variant from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant, type QuickJSWASMModule } from 'quickjs-emscripten-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FETCH_APIS } from '../../../src/lib/labs/fetch-apis.ts';
import { WEB_APIS } from '../../../src/lib/labs/web-apis.ts';

let engine: QuickJSWASMModule;
beforeAll(async () => {
  engine = await newQuickJSWASMModuleFromVariant(variant);
}, 60_000);

/** Runs `body` (the inside of an async function) in QuickJS after the Web and Fetch APIs; returns its value as JSON. */
function inEngine(body: string): unknown {
  const runtime = engine.newRuntime();
  const ctx = runtime.newContext();
  try {
    for (const source of [WEB_APIS, FETCH_APIS]) ctx.unwrapResult(ctx.evalCode(source, 'apis.js')).dispose();
    const code = `globalThis.out = undefined;
      (async () => { ${body} })().then((v) => { out = JSON.stringify({ v }); }, (e) => { out = JSON.stringify({ e: e.constructor.name }); });`;
    ctx.unwrapResult(ctx.evalCode(code, 'test.js')).dispose();
    ctx.unwrapResult(runtime.executePendingJobs(-1));
    const handle = ctx.getProp(ctx.global, 'out');
    const out = ctx.dump(handle) as string;
    handle.dispose();
    return JSON.parse(out);
  } finally {
    ctx.dispose();
    runtime.dispose();
  }
}

/** The same body run by Node's own implementations. */
async function inNode(body: string): Promise<unknown> {
  // The body the lab engine runs, run by Node for comparison: evaluating text is the point.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const fn = new Function(`return (async () => { ${body} })();`) as () => Promise<unknown>;
  try {
    return JSON.parse(JSON.stringify({ v: await fn() }));
  } catch (error) {
    return { e: (error as Error).constructor.name };
  }
}

const CASES: Record<string, string> = {
  'headers are case-insensitive and joined': `const h = new Headers({ 'Content-Type': 'text/plain' }); h.append('X-Tag', 'a'); h.append('x-tag', 'b');
    return [h.get('content-type'), h.get('X-TAG'), h.has('x-Tag'), [...h], h.get('missing')];`,
  'headers reject a bad name': `new Headers({ 'bad name': 'x' });`,
  'headers from pairs, set, delete': `const h = new Headers([['A', '1'], ['b', ' 2 ']]); h.set('a', '3'); h.delete('B'); return [...h.entries()];`,
  'a URL and its parts': `const u = new URL('http://lab.test/books/7?x=1&y=a+b&z=%C3%A9#top');
    return [u.pathname, u.search, u.hash, u.host, u.origin, u.searchParams.get('y'), u.searchParams.get('z'), u.searchParams.get('q'), u.href];`,
  'a URL with a port and dot segments': `const u = new URL('HTTP://Lab.Test:8080/a/./b/../c'); return [u.href, u.port, u.hostname, u.pathname];`,
  'a relative URL against a base': `return [new URL('/x?y=1', 'http://lab.test/a/b').href, new URL('c', 'http://lab.test/a/b').href, new URL('?q=2', 'http://lab.test/a/b?z').href];`,
  'a URL without a base throws': `new URL('/books/1');`,
  'search params: getAll, has, set, sort, toString': `const p = new URLSearchParams('b=2&a=1&b=3&c=hello%20world&d=a+b');
    p.append('e', 'x y&z'); p.set('b', '9'); const all = p.getAll('a'); p.sort(); return [all, p.has('c'), p.toString(), p.size];`,
  'search params write back to the URL': `const u = new URL('http://lab.test/p?a=1'); u.searchParams.set('b', '2'); u.searchParams.delete('a'); return [u.href, u.search];`,
  'a request with a JSON body': `const r = new Request('http://lab.test/b', { method: 'post', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    return [r.method, r.url, r.headers.get('content-type'), await r.json(), r.bodyUsed];`,
  'a body read twice': `const r = new Request('http://lab.test/b', { method: 'POST', body: 'x' }); await r.text(); return await r.text();`,
  'invalid JSON rejects with SyntaxError': `const r = new Request('http://lab.test/b', { method: 'POST', body: '{nope' }); return await r.json();`,
  'a GET with a body throws': `new Request('http://lab.test/', { method: 'GET', body: 'x' });`,
  'Response.json sets the content type': `const r = Response.json({ a: 1 }, { status: 201, headers: { Location: '/x' } });
    return [r.status, r.ok, r.headers.get('content-type'), r.headers.get('location'), await r.text()];`,
  'Response.json keeps a content type it is given': `const r = Response.json({ status: 404 }, { status: 404, headers: { 'Content-Type': 'application/problem+json' } });
    return [r.status, r.ok, r.headers.get('content-type')];`,
  'a string body is text/plain': `const r = new Response('hi'); return [r.status, r.headers.get('content-type'), await r.text()];`,
  'a 204 cannot carry a body': `new Response('x', { status: 204 });`,
  'a 304 without a body is fine': `const r = new Response(null, { status: 304, headers: { ETag: '"v1"' } }); return [r.status, r.headers.get('etag'), await r.text()];`,
  'a status out of range throws': `new Response(null, { status: 99 });`,
  'redirect sets Location': `const r = Response.redirect('http://lab.test/new', 301); return [r.status, r.headers.get('location')];`,
  'clone keeps the body': `const r = new Response('abc'); const c = r.clone(); return [await r.text(), await c.text()];`,
  'a response copied with new Response(res.body, res)': `const r = Response.json({ a: 1 }, { status: 201, headers: { 'X-A': '1' } });
    const copy = new Response(r.body, r); copy.headers.set('X-B', '2');
    return [copy.status, [...copy.headers], await copy.json()];`,
  'arrayBuffer of a UTF-8 body': `const r = new Response('é'); return [...new Uint8Array(await r.arrayBuffer())];`,
};

describe('Fetch APIs in the lab engine behave as Node’s', () => {
  it.each(Object.entries(CASES))('%s', async (_name, body) => {
    expect(inEngine(body)).toEqual(await inNode(body));
  });
});
