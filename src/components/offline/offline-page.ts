/** Fills the offline page (src/pages/offline.astro) with what this device keeps: saved roadmaps, then recent pages. */
import { withoutSiteName } from '../../lib/site/site.ts';
import {
  CACHE_PREFIX,
  OFFLINE_PAGE,
  type RoadmapList,
  roadmapListUrl,
  roadmapOfCache,
} from '../../lib/offline/cache-rules.ts';
import { part } from '../parts.ts';
import { count } from '../../core/format/words.ts';

function item(href: string, title: string, note?: string) {
  const li = document.createElement('li');
  const link = document.createElement('a');
  link.href = href;
  link.textContent = title;
  li.append(link);
  if (note) {
    const small = document.createElement('span');
    small.className = 'text-sm text-muted';
    small.textContent = ` · ${note}`;
    li.append(small);
  }
  return li;
}

function fill(list: string, empty: string, items: HTMLLIElement[]) {
  part(document, `[data-${list}]`).append(...items);
  part(document, `[data-${empty}]`).hidden = items.length > 0;
}

async function listKept() {
  if (!('caches' in window)) return;
  const names = (await caches.keys()).filter((name) => name.startsWith(CACHE_PREFIX));
  const saved: HTMLLIElement[] = [];
  const visited = new Map<string, HTMLLIElement>();
  const savedPages = new Set<string>();
  for (const name of names) {
    const cache = await caches.open(name);
    const roadmap = roadmapOfCache(name);
    if (roadmap) {
      const list = (await (await cache.match(roadmapListUrl(roadmap)))?.json()) as RoadmapList | undefined;
      if (!list) continue;
      const topics = list.files.filter((f) => f.kind === 'page').length - 1;
      saved.push(item(`/roadmaps/${roadmap}/`, list.title, count(topics, 'topic')));
      savedPages.add(`/roadmaps/${roadmap}/`);
    } else if (name.endsWith('-pages')) {
      for (const request of [...(await cache.keys())].reverse()) {
        const path = new URL(request.url).pathname;
        if (visited.has(path) || path === location.pathname) continue;
        const html = (await (await cache.match(request))?.text()) ?? '';
        const title = /<title>([^<]*)<\/title>/.exec(html)?.[1];
        const text = document.createElement('textarea'); // decodes the title's entities without parsing markup
        text.innerHTML = title ?? path;
        visited.set(path, item(path, withoutSiteName(text.value)));
      }
    }
  }
  for (const path of savedPages) visited.delete(path); // listed once, as saved
  fill('saved', 'saved-empty', saved);
  fill('visited', 'visited-empty', [...visited.values()]);
}

if (location.pathname !== OFFLINE_PAGE) {
  part(document, '[data-missing]').textContent =
    `${location.pathname} is not kept on this device. The pages below are: they open without a network. Once you are back online, every page opens again.`;
}
void listKept();
