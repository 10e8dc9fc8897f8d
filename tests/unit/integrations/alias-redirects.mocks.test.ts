/** Stable URLs (src/integrations/alias-redirects.ts): every alias of an entry redirects to the entry's current URL. */
import { describe, expect, it, vi } from 'vitest';
import aliasRedirects from '../../../src/integrations/alias-redirects.ts';

const entries = vi.hoisted(() => [
  { collection: 'topics', id: 'json-web-tokens', data: { aliases: ['jwt', 'jwts'] } },
  { collection: 'comparisons', id: 'rest-vs-grpc', data: { aliases: ['grpc-vs-rest'] } },
  { collection: 'roles', id: 'site-reliability-engineer', data: { aliases: ['sre', 7, null] } },
  { collection: 'topics', id: 'http', data: { aliases: 'web' } },
  { collection: 'questions', id: 'unparsed', data: undefined },
]);
vi.mock('../../../src/lib/content/content-files.ts', () => ({ readContentDir: () => entries }));

/** The redirects the integration hands Astro at config setup. */
function redirects() {
  const updateConfig = vi.fn<(config: { redirects: Record<string, string> }) => void>();
  const hook = aliasRedirects().hooks['astro:config:setup']!;
  void hook({ updateConfig } as unknown as Parameters<typeof hook>[0]);
  expect(updateConfig).toHaveBeenCalledOnce();
  return updateConfig.mock.calls[0]![0].redirects;
}

describe('alias redirects', () => {
  it('sends each old URL to the current one, comparisons under /compare/, and ignores aliases that are not ids', () => {
    expect(redirects()).toEqual({
      '/topics/jwt/': '/topics/json-web-tokens/',
      '/topics/jwts/': '/topics/json-web-tokens/',
      '/compare/grpc-vs-rest/': '/compare/rest-vs-grpc/',
      '/roles/sre/': '/roles/site-reliability-engineer/',
    });
  });
});
