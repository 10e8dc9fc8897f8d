/**
 * <roadmap-walk>: points the topic page's walk at the roadmap this learner is on — the roadmap page they came
 * from, else the roadmap they walked in this tab, else the one they last opened — when it has this topic.
 * Remembers the choice for the tab, so "Next" keeps walking the same roadmap.
 */
import { chooseWalk, roadmapFromPath, type Walk, WALK_KEYS } from '../../lib/roadmap-walk';

type PageWalk = Walk & { map: string; prevUrl?: string; nextUrl?: string };

function read(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}

function cameFrom(): string | undefined {
  try {
    const url = new URL(document.referrer);
    return url.origin === location.origin ? roadmapFromPath(url.pathname) : undefined;
  } catch {
    return undefined;
  }
}

class RoadmapWalk extends HTMLElement {
  connectedCallback() {
    let walks: PageWalk[] = [];
    try {
      walks = JSON.parse(document.querySelector('[data-walks]')?.textContent ?? '[]') as PageWalk[];
    } catch {
      return;
    }
    const walk = chooseWalk(walks, [cameFrom(), read(() => sessionStorage, WALK_KEYS.tab), read(() => localStorage, WALK_KEYS.last)]);
    if (!walk) return;
    try {
      sessionStorage.setItem(WALK_KEYS.tab, walk.roadmap);
    } catch {
      // Without storage the walk still works; it just falls back to the primary roadmap on the next page.
    }
    if (walk === walks[0]) return;
    const set = (selector: string, text: string) => {
      const el = this.querySelector(selector);
      if (el) el.textContent = text;
    };
    set('[data-walk-roadmap]', walk.roadmapTitle);
    set('[data-walk-where]', `Stage ${walk.stage.number}: ${walk.stage.title} · topic ${walk.position} of ${walk.total}`);
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
      link.querySelector('[data-walk-title]')!.textContent = step.title;
    }
  }
}

customElements.define('roadmap-walk', RoadmapWalk);
