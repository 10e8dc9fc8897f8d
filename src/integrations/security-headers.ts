import type { AstroIntegration } from 'astro';
import { closeSync, openSync, readdirSync, readSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ISOLATED_PAGES, PAGE_ISOLATION, WORKER_ISOLATION, WORKER_SCRIPTS } from '../lib/site/isolation.ts';

/**
 * Writes `dist/_headers`, the file Netlify and Cloudflare Pages read, with the security headers a `<meta>` tag
 * cannot carry. Each page keeps its own CSP meta tag (script and style hashes differ per page); a browser
 * enforces every policy it is given, so the header policy only adds what a meta tag cannot say
 * (`frame-ancestors`) and repeats the directives every page shares, leaving scripts and styles to the meta.
 * README.md ("Deploy") shows the same headers for nginx; tests/e2e/headers.spec.ts keeps the two in step.
 */

/** Headers every response gets besides the CSP. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // The share button uses the Web Share API and the clipboard; nothing else needs a device feature.
  'Permissions-Policy':
    'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()',
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
};

/** Directives a header policy must not repeat: they carry per-page hashes, or are the fallback for those that do. */
const PER_PAGE = new Set([
  'script-src',
  'script-src-elem',
  'script-src-attr',
  'style-src',
  'style-src-elem',
  'style-src-attr',
  'default-src',
]);

/** Directives as name → value ("img-src" → "'self' data:"), in the order written. */
export function parsePolicy(policy: string): Map<string, string> {
  const directives = new Map<string, string>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), values.join(' '));
  }
  return directives;
}

/**
 * The CSP for the header, from the meta policies of every page: each directive all pages state alike, except
 * those that carry hashes (and default-src, their fallback), plus `frame-ancestors 'none'`.
 */
export function headerPolicy(metaPolicies: readonly string[]): string {
  if (metaPolicies.length === 0) throw new Error('no page has a Content-Security-Policy meta tag');
  const [first, ...rest] = metaPolicies.map(parsePolicy);
  const shared = [...first!].filter(([name, value]) => !PER_PAGE.has(name) && rest.every((p) => p.get(name) === value));
  return [...shared.filter(([name]) => name !== 'frame-ancestors'), ['frame-ancestors', "'none'"]]
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/**
 * The policy of the bundled scripts themselves. A worker (the lab engines run learner code in two) takes its CSP
 * from its own script's response, not from the page, and the header policy leaves scripts to each page's meta
 * tag: this second policy keeps `eval` out of the workers too, allowing only WebAssembly.
 */
export const ASSET_SCRIPT_POLICY = "script-src 'self' 'wasm-unsafe-eval'";

const lines = (headers: Readonly<Record<string, string>>) =>
  Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`);

/**
 * The `_headers` file: security headers on every path; a year of caching, the script policy and the embedder policy
 * for Astro's hashed assets; cross-origin isolation for the lab pages (src/lib/site/isolation.ts).
 */
export function headersFile(csp: string): string {
  return [
    '/*',
    ...lines({ 'Content-Security-Policy': csp, ...SECURITY_HEADERS }),
    '',
    '/_astro/*',
    '  Cache-Control: public, max-age=31536000, immutable',
    `  Content-Security-Policy: ${ASSET_SCRIPT_POLICY}`,
    ...lines(WORKER_ISOLATION),
    '',
    ...WORKER_SCRIPTS.filter((pattern) => pattern !== '/_astro/*').flatMap((pattern) => [
      pattern,
      ...lines(WORKER_ISOLATION),
      '',
    ]),
    ...ISOLATED_PAGES.flatMap((pattern) => [pattern, ...lines(PAGE_ISOLATION), '']),
  ].join('\n');
}

/** The CSP meta tag's content in an HTML page, from the page's head. */
export function metaPolicy(html: string): string | undefined {
  return /<meta http-equiv="content-security-policy" content="([^"]*)"/i
    .exec(html)?.[1]
    ?.replaceAll('&#39;', "'")
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}

/** The first bytes of every HTML file under `dir`: enough for the head, without reading whole pages. */
function pageHeads(dir: string, bytes = 16_384): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pageHeads(path, bytes);
    if (!name.endsWith('.html')) return [];
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(bytes);
      return [buffer.toString('utf8', 0, readSync(fd, buffer, 0, bytes, 0))];
    } finally {
      closeSync(fd);
    }
  });
}

export default function securityHeaders(): AstroIntegration {
  return {
    name: 'backend-atlas:security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        // Redirect pages (aliases) carry no CSP of their own; they only send the browser on.
        const policies = pageHeads(out).flatMap((head) => metaPolicy(head) ?? []);
        writeFileSync(join(out, '_headers'), headersFile(headerPolicy(policies)));
        logger.info(`_headers written: CSP shared by ${policies.length} pages, with frame-ancestors 'none'`);
      },
    },
  };
}
