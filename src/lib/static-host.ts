/**
 * What a static host (Netlify, Cloudflare Pages) sends for a request to the build: the file a URL path names, the
 * redirect to its trailing-slash form, the site's own 404 page, the headers `dist/_headers` gives that path, and
 * text compressed with gzip when the browser accepts it, as hosts and CDNs do.
 * `npm start` and the browser tests serve `dist/` through this (src/cli/serve.ts), so what is tested is what a
 * host sends: the header CSP with `frame-ancestors`, and a year of caching for Astro's hashed assets.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

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
    if (!header || rules.length === 0) throw new Error(`_headers line ${index + 1}: "${line.trim()}" is not a header under a path pattern`);
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

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a file, by its extension (unknown ones, such as Pagefind's index chunks, as bytes). */
export function contentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Whether a host compresses a response of this type: text, scripts, JSON, XML and SVG. Images, fonts, WebAssembly
 * and Pagefind's index chunks (already gzip inside) go as they are.
 */
export function compressible(type: string): boolean {
  return /^(text\/|application\/(json|manifest\+json|xml)|image\/svg\+xml)/.test(type);
}

/** What answers a URL path: a file of the build, a redirect, or the 404 page. */
export type Answer = { status: 200; file: string } | { status: 301; location: string } | { status: 404; file?: string };

/**
 * The answer for a URL path, given what the build holds (`kind` of a build-relative path, `undefined` when absent).
 * `/a/` serves `a/index.html`; `/a` redirects to `/a/` when that is a folder with an index; paths that climb out
 * of the build, or name nothing, get `404.html` with status 404.
 */
export function answerFor(pathname: string, kind: (relative: string) => 'file' | 'dir' | undefined): Answer {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    path = '\0';
  }
  const relative = normalize(path).replaceAll('\\', '/').replace(/^\/+/, '');
  const notFound: Answer = kind('404.html') === 'file' ? { status: 404, file: '404.html' } : { status: 404 };
  if (path.includes('\0') || relative.split('/').includes('..')) return notFound;
  if (relative === '' || relative.endsWith('/')) return kind(`${relative}index.html`) === 'file' ? { status: 200, file: `${relative}index.html` } : notFound;
  const found = kind(relative);
  if (found === 'file') return { status: 200, file: relative };
  if (found === 'dir' && kind(`${relative}/index.html`) === 'file') return { status: 301, location: `${pathname}/` };
  return notFound;
}

/**
 * An HTTP server for a build folder, answering as above with `_headers` applied (read again per request, so a
 * test may swap the folder or rebuild it). `root` is called per request for the same reason.
 */
export function staticHost(root: () => string): Server {
  return createServer((request, response) => {
    const dir = root();
    const url = new URL(request.url ?? '/', 'http://host');
    const answer = answerFor(url.pathname, (relative) => {
      const full = join(dir, relative);
      if (!existsSync(full)) return undefined;
      return statSync(full).isDirectory() ? 'dir' : 'file';
    });
    const headersFile = join(dir, '_headers');
    const rules = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
    const headers: Record<string, string> = headersFor(rules, url.pathname);
    if (answer.status === 301) {
      response.writeHead(301, { ...headers, Location: `${answer.location}${url.search}` }).end();
      return;
    }
    let body = answer.file === undefined ? Buffer.from('Not found\n') : readFileSync(join(dir, answer.file));
    headers['Content-Type'] = answer.file === undefined ? 'text/plain; charset=utf-8' : contentType(answer.file);
    if (compressible(headers['Content-Type'])) {
      headers['Vary'] = 'Accept-Encoding';
      if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
        body = gzipSync(body);
        headers['Content-Encoding'] = 'gzip';
      }
    }
    headers['Content-Length'] = String(body.length);
    response.writeHead(answer.status, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  });
}
