/**
 * <atlas-roadmap-walk>: points the topic page's walk at the roadmap this learner is on — the roadmap page they came
 * from, else the roadmap they walked in this tab, else the one they last opened — when it has this topic. A
 * learner's own roadmap is walked from "My roadmaps" in the store (custom-walk.ts, loaded only then).
 * Remembers the choice for the tab, so "Next" keeps walking the same roadmap. A walk of the roadmap the learner
 * opened (not the primary one shown by default) is named in `data-walking`: a status set here counts as work on it.
 */
import { AtlasElement, defineElement } from '../element.ts';
import { chooseWalk, type PageWalk, roadmapFromPath } from '../../lib/roadmap/roadmap-walk.ts';
import { WALK_KEYS } from '../../lib/roadmap/walk-keys.ts';
import { CUSTOM_ROADMAP_PATH, isCustomRoadmapId } from '../../lib/custom-roadmap/ids.ts';
import { fill } from '../../core/format/fill.ts';
import { part } from '../parts.ts';
import { readStored, writeStored } from '../storage.ts';

/** The path of the page a learner came from, when it is on this site. */
function referrerPath(): string | undefined {
  try {
    const url = new URL(document.referrer);
    return url.origin === location.origin ? url.pathname : undefined;
  } catch {
    return undefined;
  }
}

class RoadmapWalk extends AtlasElement {
  protected connect() {
    let walks: PageWalk[] = [];
    try {
      walks = JSON.parse(document.querySelector('[data-walks]')?.textContent ?? '[]') as PageWalk[];
    } catch {
      return;
    }
    const tab = readStored('session', WALK_KEYS.tab);
    const last = readStored('local', WALK_KEYS.last);
    // From a learner's own roadmap (its id is the last one opened), or walking one in this tab: walk it, if it has this topic.
    const own = (referrerPath() === CUSTOM_ROADMAP_PATH ? [last] : [tab, last]).find(
      (id) => id && isCustomRoadmapId(id),
    );
    if (own && walks.length) {
      void import('./custom-walk.ts')
        .then(({ customWalk }) => customWalk(own, location.pathname))
        .then((walk) => (walk ? this.#show(walk, walks, false) : this.#showOurs(walks, tab, last)));
      return;
    }
    this.#showOurs(walks, tab, last);
  }

  #showOurs(walks: PageWalk[], tab: string | null, last: string | null) {
    const from = roadmapFromPath(referrerPath());
    const walk = chooseWalk(walks, [from, tab, last]);
    // Walking the roadmap whose map the learner came from or opened last: work on this page is work on it.
    if (walk) this.#show(walk, walks, walk.roadmap === from || walk.roadmap === last);
  }

  #show(walk: PageWalk, walks: PageWalk[], chosen: boolean) {
    if (chosen) this.dataset.walking = walk.roadmap;
    // Without storage the walk still works; it just falls back to the primary roadmap on the next page.
    writeStored('session', WALK_KEYS.tab, walk.roadmap);
    if (walk === walks[0]) return;
    const set = (selector: string, text: string) => {
      const el = this.querySelector(selector);
      if (el) el.textContent = text;
    };
    set('[data-walk-roadmap]', walk.roadmapTitle);
    set(
      '[data-walk-where]',
      walk.where ??
        fill(this.dataset.where ?? '{title}', {
          stage: walk.stage.number,
          title: walk.stage.title,
          position: walk.position,
          total: walk.total,
        }),
    );
    for (const a of this.querySelectorAll<HTMLAnchorElement>('[data-walk-map], [data-walk-back]')) a.href = walk.map;
    for (const [selector, step, url, rel] of [
      ['[data-walk-prev]', walk.prev, walk.prevUrl, 'prev'],
      ['[data-walk-next]', walk.next, walk.nextUrl, 'next'],
    ] as const) {
      const link = this.querySelector<HTMLAnchorElement>(selector);
      if (!link) continue;
      link.hidden = !step;
      if (!step || !url) {
        link.removeAttribute('href');
        link.removeAttribute('rel');
        continue;
      }
      link.href = url;
      link.rel = rel;
      part(link, '[data-walk-title]').textContent = step.title;
    }
  }
}

defineElement('roadmap-walk', RoadmapWalk);
