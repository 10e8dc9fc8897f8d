/**
 * Finding topics for a learner's roadmap with the site's own search: Pagefind's documented JavaScript API
 * (pagefind.js from the build's bundle, loaded on first use), the same ranking and query normalizer as the search
 * dialog (src/components/search/pagefind-ui.ts), and its `type` filter narrowed to topics. No second index.
 */
import { normalizeSearchText } from '../../lib/search/search-text.ts';
import { RANKING } from '../search/pagefind-ui.ts';

interface Pagefind {
  options(options: object): Promise<void>;
  search(
    term: string,
    options?: object,
  ): Promise<{ results: { data(): Promise<{ url: string; meta: Record<string, string | undefined> }> }[] } | null>;
}

const BUNDLE = '/pagefind/pagefind.js';
let loading: Promise<Pagefind> | undefined;
function pagefind(): Promise<Pagefind> {
  loading ??= (import(/* @vite-ignore */ BUNDLE) as Promise<Pagefind>).then(async (api) => {
    await api.options({ ranking: RANKING, noWorker: true });
    return api;
  });
  loading.catch(() => (loading = undefined));
  return loading;
}

export interface FoundTopic {
  id: string;
  title: string;
}

/** Up to `limit` topics for `query`, best first; an empty list when nothing matches. Throws when search cannot load. */
export async function searchTopics(query: string, limit = 8): Promise<FoundTopic[]> {
  const term = normalizeSearchText(query.trim());
  if (!term) return [];
  const search = await (await pagefind()).search(term, { filters: { type: 'topic' } });
  const found = await Promise.all((search?.results ?? []).slice(0, limit).map((r) => r.data()));
  return found.flatMap((data) => {
    const id = /^\/topics\/([a-z0-9-]+)\/$/.exec(new URL(data.url, location.origin).pathname)?.[1];
    return id ? [{ id, title: data.meta.title ?? id }] : [];
  });
}
