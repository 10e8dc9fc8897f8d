/** dist/_headers: a header CSP that adds frame-ancestors without fighting the per-page meta policies. */
import { describe, expect, it } from 'vitest';
import {
  ASSET_SCRIPT_POLICY,
  headerPolicy,
  headersFile,
  metaPolicy,
  parsePolicy,
  SECURITY_HEADERS,
} from '../../../src/integrations/security-headers.ts';

const page = (hash: string) =>
  `default-src 'self';img-src 'self' data:;font-src 'self';object-src 'none';base-uri 'self';form-action 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash}'; style-src 'self' 'sha256-${hash}'`;

describe('headerPolicy', () => {
  const policy = headerPolicy([page('a'), page('b')]);

  it('keeps what every page states alike and adds frame-ancestors', () => {
    expect(policy).toBe(
      "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
  });

  it('leaves scripts and styles, and their fallback default-src, to each page’s meta policy', () => {
    const names = [...parsePolicy(policy).keys()];
    for (const name of ['script-src', 'style-src', 'default-src']) expect(names).not.toContain(name);
  });

  it('drops a directive the pages disagree on, since the header applies to all of them', () => {
    expect(headerPolicy([page('a'), page('a').replace("img-src 'self' data:", "img-src 'self'")])).not.toContain(
      'img-src',
    );
  });

  it('refuses to write a policy when no page has one', () => {
    expect(() => headerPolicy([])).toThrow(/no page/);
  });
});

it('metaPolicy reads the CSP meta tag of a page head, entities decoded', () => {
  expect(
    metaPolicy(
      `<head><meta http-equiv="content-security-policy" content="default-src &#39;self&#39;"><title>x</title>`,
    ),
  ).toBe("default-src 'self'");
  expect(metaPolicy('<head><title>redirect</title>')).toBeUndefined();
});

it('headersFile puts the CSP and every security header under /*, caches hashed assets for a year, and isolates the lab pages', () => {
  const file = headersFile("frame-ancestors 'none'");
  const [all, assets, search, labs, translatedLabs] = file.split('\n\n');
  expect(all!.split('\n')).toEqual([
    '/*',
    "  Content-Security-Policy: frame-ancestors 'none'",
    ...Object.entries(SECURITY_HEADERS).map(([k, v]) => `  ${k}: ${v}`),
  ]);
  expect(assets).toBe(
    `/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n  Content-Security-Policy: ${ASSET_SCRIPT_POLICY}\n  Cross-Origin-Embedder-Policy: require-corp`,
  );
  expect(search).toBe('/pagefind/*\n  Cross-Origin-Embedder-Policy: require-corp');
  expect(labs).toBe('/labs/*\n  Cross-Origin-Opener-Policy: same-origin\n  Cross-Origin-Embedder-Policy: require-corp');
  // A lab page in another language (a translation, or the English page served under its prefix) is isolated too.
  expect(translatedLabs).toBe(
    '/pt-br/labs/*\n  Cross-Origin-Opener-Policy: same-origin\n  Cross-Origin-Embedder-Policy: require-corp\n',
  );
  expect(Object.keys(SECURITY_HEADERS)).toEqual(
    expect.arrayContaining([
      'X-Content-Type-Options',
      'Referrer-Policy',
      'Permissions-Policy',
      'Strict-Transport-Security',
    ]),
  );
});
