/**
 * Finding topics for a learner's roadmap with the site's own search: Pagefind's documented JavaScript API
 * (src/components/search/pagefind.ts, loaded on first use), the same ranking and query normalizer as the search
 * dialog, and its `type` filter narrowed to topics; like the dialog, it finds nothing when Pagefind found only the first
 * letters of the query's words (src/lib/search/word-match.ts). No second index.
 */
import { normalizeSearchText } from '../../lib/search/search-text.ts';
import { foundOnlyStarts } from '../../lib/search/word-match.ts';
import { loadPagefind } from '../search/pagefind.ts';

export interface FoundTopic {
  id: string;
  title: string;
}

/** Up to `limit` topics for `query`, best first; an empty list when nothing matches. Throws when search cannot load. */
export async function searchTopics(query: string, limit = 8): Promise<FoundTopic[]> {
  const term = normalizeSearchText(query.trim());
  if (!term) return [];
  const search = await (await loadPagefind()).search(term, { filters: { type: { any: ['topic'] } } });
  const found = await Promise.all((search?.results ?? []).slice(0, limit).map((r) => r.data()));
  if (foundOnlyStarts(term, found)) return [];
  return found.flatMap((data) => {
    const id = /^\/topics\/([a-z0-9-]+)\/$/.exec(new URL(data.url, location.origin).pathname)?.[1];
    return id ? [{ id, title: data.meta.title ?? id }] : [];
  });
}
