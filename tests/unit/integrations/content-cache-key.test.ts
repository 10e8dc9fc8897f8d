/**
 * Astro's content cache is named by the code that reads content, found by following imports: what the old hand list
 * named is all there, so is what it missed, and the name changes with the content tree.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentCacheKey, contentCodeFiles } from '../../../src/integrations/content-cache-key.ts';

const ROOT = process.cwd();
const filesIn = (dir: string) => readdirSync(dir).map((name) => `${dir}/${name}`);

describe('the content cache key', () => {
  const files = contentCodeFiles(ROOT);

  it('covers the schemas, the checks and the Markdown plugins, which a hand list named', () => {
    for (const file of [
      ...filesIn('src/schemas'),
      ...filesIn('src/lib/content/integrity'),
      'src/lib/content/content-loader.ts',
      'src/core/labs.ts',
      'src/markdown/highlight-code.ts',
    ])
      expect(files, file).toContain(file);
  });

  it('covers what the checks import from elsewhere, which the hand list missed', () => {
    for (const file of ['src/lib/site/urls.ts', 'src/lib/content/words.ts', 'src/lib/search/search-text.ts'])
      expect(files).toContain(file);
    expect(files.every((file) => file.startsWith('src/'))).toBe(true);
  });

  it('names one cache per content tree, the same each time', () => {
    const key = contentCacheKey(ROOT, 'content');
    expect(key).toMatch(/^[0-9a-f]{12}$/);
    expect(contentCacheKey(ROOT, 'content')).toBe(key);
    expect(contentCacheKey(ROOT, 'tests/fixtures/valid')).not.toBe(key);
  });
});
