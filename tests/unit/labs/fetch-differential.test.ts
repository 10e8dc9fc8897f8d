/**
 * Differential tests of the Fetch and URL APIs an API lab's handler uses (src/lib/labs/engine/): each case runs in
 * QuickJS as the labs run it and in Node, and must give the same answer: the same values, or an error of the same
 * kind. URLs at the edges of the WHATWG parser, query strings, header names and values, requests, responses and
 * redirects.
 */
import { describe, expect, it } from 'vitest';
import { inEngine, inNode, type Outcome } from './engine-context.ts';

/** Errors compare by kind (and a DOMException's name): engines word their messages differently. */
const comparable = (outcome: Outcome) =>
  'error' in outcome
    ? { error: outcome.error.type === 'DOMException' ? `DOMException ${outcome.error.name}` : outcome.error.type }
    : outcome;

const same = async (body: string) =>
  expect(comparable(await inEngine('fetch-apis', body))).toEqual(comparable(await inNode(body)));

const URL_PARTS = `const parts = (u) => [u.href, u.origin, u.protocol, u.username, u.password, u.host, u.hostname, u.port, u.pathname, u.search, u.hash, [...u.searchParams]];`;

/** [input, base]: where hand-written parsers slip. */
const URLS: [string, string?][] = [
  ['http://lab.test/books/7?x=1&y=a+b&z=%C3%A9#top'],
  ['HTTP://Lab.Test:8080/a/./b/../c'],
  ['http://[::1]:3000/x'],
  ['http://[2001:db8::7]/'],
  ['http://[::ffff:192.168.0.1]/'],
  ['http://user:pa:ss@lab.test/'],
  ['http://us%40er:p@ss@lab.test/'],
  ['http://lab.test:65535/'],
  ['http://lab.test:65536/'],
  ['http://lab.test:80/'],
  ['https://lab.test:443/'],
  ['http://lab.test:0080/'],
  ['http:\\\\lab.test\\a\\b'],
  ['http://lab.test/a\\b/../c'],
  ['  http://lab.test/trim  '],
  ['http://lab.test/a b?c d#e f'],
  ['http://lab.test/é?é#é'],
  ['http://LAB.test./'],
  ['http://0x7f.1/'],
  ['http://192.168.0.257/'],
  ['http://münchen.example/'],
  ['http://lab.test/%2e%2E/x'],
  ['http://lab.test/a/%2e/b'],
  ['http:/lab.test/x'],
  ['http://lab.test?q'],
  ['http://lab.test#h'],
  ['http://'],
  ['http://exa mple.com/'],
  ['mailto:someone@lab.test'],
  ['file:///etc/hosts'],
  ['data:text/plain,hi'],
  ['ftp://lab.test:21/x'],
  ['ws://lab.test/socket'],
  ['/books/1'],
  ['/x?y=1', 'http://lab.test/a/b'],
  ['c', 'http://lab.test/a/b'],
  ['?q=2', 'http://lab.test/a/b?z'],
  ['#frag', 'http://lab.test/a/b?z'],
  ['//other.test/p', 'https://lab.test/a'],
  ['../../../x', 'http://lab.test/a/b/c'],
  ['', 'http://lab.test/a?b#c'],
  ['\\x', 'http://lab.test/a/b'],
  ['/x', 'not a base'],
];

describe('URL in the lab engine parses as Node’s', () => {
  it.each(URLS)('new URL(%j, %j)', async (input, base) => {
    const args = [input, base]
      .filter((a) => a !== undefined)
      .map((a) => JSON.stringify(a))
      .join(', ');
    await same(`${URL_PARTS} return parts(new URL(${args}));`);
  });

  it.each(URLS)('URL.canParse and URL.parse(%j, %j)', async (input, base) => {
    const args = [input, base]
      .filter((a) => a !== undefined)
      .map((a) => JSON.stringify(a))
      .join(', ');
    await same(`return [URL.canParse(${args}), URL.parse(${args})?.href ?? null];`);
  });
});

const CASES: Record<string, string> = {
  'URL setters': `${URL_PARTS} const u = new URL('http://lab.test/a?x=1#h');
    u.pathname = '/b c'; u.search = 'y=2&z'; u.hash = 'top'; u.port = '8080'; u.hostname = 'other.test';
    u.username = 'me'; u.password = 's:cret'; const a = parts(u); u.port = '99999'; u.protocol = 'https'; u.href = 'http://x.test/p?q=1';
    return [a, parts(u)];`,
  'setting an invalid href throws': `const u = new URL('http://lab.test/'); u.href = '/nope';`,
  'URL search params write back': `const u = new URL('http://lab.test/p?a=1'); u.searchParams.set('b', '2 3'); u.searchParams.delete('a');
    const first = u.href; u.searchParams.delete('b'); return [first, u.href, u.search];`,
  'URL search replaces the params': `const u = new URL('http://lab.test/p?a=1'); const p = u.searchParams; u.search = '?b=2&b=3'; return [p.getAll('b'), p.size, u.toString(), JSON.stringify(u)];`,
  'search params from a string, pairs and a record': `return [
    [...new URLSearchParams('?a=1&b=%zz&c=%C3%A9&d=a+b&&e&=f&g=h=i')],
    [...new URLSearchParams([['a', '1'], ['a', '2']])],
    [...new URLSearchParams({ x: 1, y: 'two' })],
    new URLSearchParams({ 'a b': 'c&d=e', 'é': '~!*()\\'' }).toString()];`,
  'search params: a pair of three items throws': `new URLSearchParams([['a', 'b', 'c']]);`,
  'search params: getAll, has, set, sort, toString': `const p = new URLSearchParams('b=2&a=1&b=3&c=hello%20world&d=a+b');
    p.append('e', 'x y&z'); p.set('b', '9'); const all = p.getAll('a'); p.sort();
    return [all, p.has('c'), p.has('b', '9'), p.has('b', '2'), p.toString(), p.size, p.get('missing')];`,
  'search params: delete by name and value': `const p = new URLSearchParams('a=1&a=2&b=1'); p.delete('a', '2'); return p.toString();`,
  'search params: a lone surrogate is written as U+FFFD': `const p = new URLSearchParams(); p.append('k', 'a\\uD800b'); return p.toString();`,
  'search params: get with no argument throws': `new URLSearchParams('a=1').get();`,
  'headers are case-insensitive and joined': `const h = new Headers({ 'Content-Type': 'text/plain' }); h.append('X-Tag', 'a'); h.append('x-tag', 'b');
    return [h.get('content-type'), h.get('X-TAG'), h.has('x-Tag'), [...h], h.get('missing')];`,
  'headers reject a bad name': `new Headers({ 'bad name': 'x' });`,
  'headers reject a value with a line break': `new Headers({ a: 'x\\ny' });`,
  'headers reject a value beyond byte 255': `new Headers({ a: '€' });`,
  'headers keep a Latin-1 value': `return new Headers({ a: 'café' }).get('a');`,
  'headers trim values': `return new Headers({ a: ' \\t x y \\r\\n' }).get('a');`,
  'headers from null throw': `new Headers(null);`,
  'headers from a string throw': `new Headers('a: b');`,
  'headers from a pair of one item throw': `new Headers([['a']]);`,
  'headers from pairs, set, delete': `const h = new Headers([['A', '1'], ['b', ' 2 ']]); h.set('a', '3'); h.delete('B'); return [...h.entries()];`,
  'headers: set-cookie stays apart': `const h = new Headers(); h.append('Set-Cookie', 'a=1'); h.append('set-cookie', 'b=2'); h.append('X', '1');
    return [[...h], h.get('set-cookie'), h.getSetCookie()];`,
  'headers: append with one argument throws': `new Headers().append('a');`,
  'headers: has with a bad name throws': `new Headers().has('a b');`,
  'headers: forEach and keys': `const h = new Headers({ b: '2', a: '1' }); const seen = []; h.forEach((v, k) => seen.push(k + '=' + v)); return [seen, [...h.keys()], [...h.values()]];`,
  'a request with a JSON body': `const r = new Request('http://lab.test/b', { method: 'post', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    return [r.method, r.url, r.headers.get('content-type'), await r.json(), r.bodyUsed];`,
  'a request: defaults': `const r = new Request('http://lab.test/a b?c#d');
    return [r.url, r.method, r.mode, r.credentials, r.cache, r.redirect, r.referrer, r.referrerPolicy, r.integrity, r.keepalive, r.destination, r.bodyUsed, r.body];`,
  'a request keeps patch as written': `return [new Request('http://lab.test/', { method: 'patch' }).method, new Request('http://lab.test/', { method: 'dElEtE' }).method];`,
  'a request with a relative URL throws': `new Request('/books/1');`,
  'a request with credentials in its URL throws': `new Request('http://me:pw@lab.test/');`,
  'a request with CONNECT throws': `new Request('http://lab.test/', { method: 'CONNECT' });`,
  'a request with a bad method throws': `new Request('http://lab.test/', { method: 'GET POST' });`,
  'a request with a bad mode throws': `new Request('http://lab.test/', { mode: 'navigate' });`,
  'a request from a request': `const a = new Request('http://lab.test/x', { method: 'PUT', headers: { A: '1' }, body: 'hi', cache: 'no-store' });
    const b = new Request(a, { headers: { B: '2' } }); return [b.method, b.url, [...b.headers], b.cache, await b.text()];`,
  'a request made from another takes its body': `const a = new Request('http://lab.test/x', { method: 'POST', body: 'x' }); const b = new Request(a);
    const c = new Request('http://lab.test/x'); new Request(c); return [a.bodyUsed, b.bodyUsed, c.bodyUsed, await b.text()];`,
  'a request from a used request throws': `const a = new Request('http://lab.test/x', { method: 'POST', body: 'x' }); await a.text(); new Request(a);`,
  'a body read twice': `const r = new Request('http://lab.test/b', { method: 'POST', body: 'x' }); await r.text(); return await r.text();`,
  'invalid JSON rejects with SyntaxError': `const r = new Request('http://lab.test/b', { method: 'POST', body: '{nope' }); return await r.json();`,
  'a GET with a body throws': `new Request('http://lab.test/', { method: 'GET', body: 'x' });`,
  'a form body': `const r = new Request('http://lab.test/', { method: 'POST', body: new URLSearchParams({ a: '1 2' }) });
    return [r.headers.get('content-type'), await r.text()];`,
  'a bytes body': `const r = new Request('http://lab.test/', { method: 'POST', body: new Uint8Array([104, 105]) });
    return [r.headers.get('content-type'), await r.text()];`,
  'a request clone': `const r = new Request('http://lab.test/', { method: 'POST', body: 'x', redirect: 'manual' }); const c = r.clone();
    return [r.bodyUsed, c.redirect, [...c.headers], await r.text(), await c.text()];`,
  'Response.json sets the content type': `const r = Response.json({ a: 1 }, { status: 201, headers: { Location: '/x' } });
    return [r.status, r.ok, r.headers.get('content-type'), r.headers.get('location'), await r.text()];`,
  'Response.json keeps a content type it is given': `const r = Response.json({ status: 404 }, { status: 404, headers: { 'Content-Type': 'application/problem+json' } });
    return [r.status, r.ok, r.headers.get('content-type')];`,
  'Response.json of undefined throws': `Response.json(undefined);`,
  'Response.json with a 204 throws': `Response.json({}, { status: 204 });`,
  'a response: defaults': `const r = new Response(); return [r.status, r.statusText, r.ok, r.type, r.url, r.redirected, r.bodyUsed, r.body, [...r.headers], await r.text()];`,
  'a string body is text/plain': `const r = new Response('hi'); return [r.status, r.headers.get('content-type'), await r.text()];`,
  'a 204 cannot carry a body': `new Response('x', { status: 204 });`,
  'a 304 without a body is fine': `const r = new Response(null, { status: 304, headers: { ETag: '"v1"' } }); return [r.status, r.headers.get('etag'), await r.text()];`,
  'a status out of range throws': `new Response(null, { status: 99 });`,
  'a status of 600 throws': `new Response(null, { status: 600 });`,
  'a status as a string or a fraction': `return [new Response(null, { status: '201' }).status, new Response(null, { status: 404.9 }).status];`,
  'a statusText with a line break throws': `new Response(null, { statusText: 'OK\\n' });`,
  'a statusText is kept': `return new Response(null, { status: 418, statusText: "I'm a teapot" }).statusText;`,
  'redirect sets Location': `const r = Response.redirect('http://lab.test/new', 301); return [r.status, r.headers.get('location'), r.statusText, await r.text()];`,
  'redirect defaults to 302 and writes the URL as parsed': `const r = Response.redirect('HTTP://Lab.Test/a/../b c'); return [r.status, r.headers.get('location')];`,
  'redirect to a relative URL throws': `Response.redirect('/x');`,
  'redirect with a status that is not a redirect throws': `Response.redirect('http://lab.test/x', 200);`,
  'redirect to a relative URL with a bad status throws as for the URL': `Response.redirect('/x', 200);`,
  'a redirect’s headers are immutable': `Response.redirect('http://lab.test/x').headers.set('x', '1');`,
  'Response.error': `const r = Response.error(); return [r.type, r.status, r.ok, r.statusText, [...r.headers], r.body];`,
  'clone keeps the body': `const r = new Response('abc'); const c = r.clone(); return [await r.text(), await c.text()];`,
  'clone of a used body throws': `const r = new Response('abc'); await r.text(); r.clone();`,
  'a response copied with new Response(res.body, res)': `const r = Response.json({ a: 1 }, { status: 201, headers: { 'X-A': '1' } });
    const copy = new Response(r.body, r); copy.headers.set('X-B', '2');
    return [copy.status, [...copy.headers], await copy.json()];`,
  'arrayBuffer and bytes of a UTF-8 body': `const r = new Response('é'); const c = r.clone(); return [[...new Uint8Array(await r.arrayBuffer())], [...await c.bytes()]];`,
  'a body with a BOM is read without it': `return await new Response(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69])).text();`,
};

describe('Fetch and URL APIs in the lab engine behave as Node’s', () => {
  it.each(Object.entries(CASES))('%s', async (_name, body) => {
    await same(body);
  });
});
