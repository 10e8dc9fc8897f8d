/**
 * The build served as a static host (Netlify, Cloudflare Pages) serves it: files through sirv, the site's own 404
 * page, and the headers `dist/_headers` gives each path — the one part that is ours.
 * `npm start` and the browser tests serve `dist/` through this (src/cli/serve.ts), so what is tested is what a
 * host sends: the header CSP with `frame-ancestors`, and a year of caching for Astro's hashed assets.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import compression from 'compression';
import sirv from 'sirv';

/** One block of `_headers`: a path pattern and the headers it adds, in the order written. */
export interface HeaderRule {
  pattern: string;
  headers: [name: string, value: string][];
}

/**
 * The blocks of a `_headers` file: an unindented line is a path pattern, the indented `Name: value` lines under it
 * are its headers; `#` starts a comment. A header line before any pattern is an error (a host would ignore it).
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const header = /^\s+([^:\s]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (!header || rules.length === 0)
      throw new Error(`_headers line ${index + 1}: "${line.trim()}" is not a header under a path pattern`);
    rules.at(-1)!.headers.push([header[1]!, header[2]!]);
  }
  return rules;
}

/** Whether a `_headers` pattern matches a URL path: `*` matches anything (slashes included), `:name` one segment. */
export function patternMatches(pattern: string, path: string): boolean {
  const source = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(path);
}

/** The headers for a path: every matching block's, in file order; a name set twice gets both values, comma-joined. */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    if (!patternMatches(rule.pattern, path)) continue;
    for (const [name, value] of rule.headers) {
      const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
      headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
    }
  }
  return headers;
}

/**
 * A `.gz` file as a host without compression sends it, an opaque download (sirv would mark it as the inner file
 * gzipped, which the browser decodes on its own).
 */
function sendAsStored(response: ServerResponse) {
  const writeHead = response.writeHead.bind(response) as (code: number, headers?: Record<string, string>) => void;
  response.writeHead = ((code: number, headers: Record<string, string> = {}) => {
    delete headers['Content-Encoding'];
    headers['Content-Type'] = 'application/gzip';
    return writeHead(code, headers);
  }) as typeof response.writeHead;
}

/**
 * An HTTP server for a build folder with `_headers` applied. `root` is called per request and files are looked up
 * per request (sirv's `dev` mode), so a test may swap the folder or rebuild it. Text is compressed when the browser
 * asks, as most static hosts and CDNs do, so page weight and Lighthouse read what a reader downloads; with `compress`
 * false, every file goes as it is stored, as an object store without compression sends it.
 */
export function staticHost(root: () => string, { compress: compressing = true } = {}): Server {
  const handlers = new Map<string, ReturnType<typeof sirv>>();
  // compression is Express middleware, typed for Express's request; it only uses what node:http gives.
  const compress = compression() as unknown as (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  const serveBuild = (request: IncomingMessage, response: ServerResponse) => {
    const dir = root();
    const headersPath = join(dir, '_headers');
    const rules = existsSync(headersPath) ? parseHeadersFile(readFileSync(headersPath, 'utf8')) : [];
    const apply = (res: ServerResponse, pathname: string) => {
      for (const [name, value] of Object.entries(headersFor(rules, pathname))) res.setHeader(name, value);
    };
    if (!compressing && request.url?.split('?')[0]?.endsWith('.gz')) sendAsStored(response);
    let serve = handlers.get(dir);
    if (!serve) handlers.set(dir, (serve = sirv(dir, { dev: true, etag: true, setHeaders: apply })));
    serve(request, response, () => {
      const notFound = join(dir, '404.html');
      apply(response, new URL(request.url ?? '/', 'http://host').pathname);
      response.statusCode = 404;
      response.setHeader('Content-Type', existsSync(notFound) ? 'text/html;charset=utf-8' : 'text/plain;charset=utf-8');
      response.end(existsSync(notFound) ? readFileSync(notFound) : 'Not found\n');
    });
  };
  return createServer((request, response) =>
    compressing ? compress(request, response, () => serveBuild(request, response)) : serveBuild(request, response),
  );
}
