/**
 * <atlas-roadmap-cards>: the learner's progress on each listed roadmap, from this browser's store, with the same rules
 * as the roadmap pages, and where to continue. A roadmap with nothing marked shows nothing extra.
 */
import { readStored } from '../storage.ts';
import { AtlasElement, defineElement } from '../element.ts';
import type { TopicState } from '../../lib/progress/progress-store.ts';
import { remainingTopics, roadmapProgress } from '../../lib/roadmap/roadmap-progress.ts';
import { decodeOutlines, type OutlineBundle } from '../../lib/roadmap/roadmap-structure.ts';
import { WALK_KEYS } from '../../lib/roadmap/walk-keys.ts';
import { part } from '../parts.ts';
import { getProgress, onProgressChange } from '../progress/progress.ts';
import { showRoadmapProgress } from './progress-line.ts';

const topicUrl = (id: string) => `/topics/${id}/`;

/** A roadmap the learner has marked something on: how far along, and the next topic to learn. */
interface Started {
  id: string;
  title: string;
  next: string | undefined;
  finished: number;
  total: number;
}

function startedRoadmaps(roadmaps: OutlineBundle['roadmaps'], states: Record<string, TopicState>): Started[] {
  const started: Started[] = [];
  for (const [id, outline] of Object.entries(roadmaps)) {
    const p = roadmapProgress(outline.stages, states);
    if (p.done + p.skipped + p.learning === 0) continue;
    const next = remainingTopics(outline.stages, states)[0];
    started.push({ id, title: outline.title, next, finished: p.finished, total: p.total });
  }
  return started;
}

/** The roadmap last opened first, then the furthest along; three at most (all of them are on /progress/). */
function toResume(started: Started[]): Started[] {
  const last = readStored('local', WALK_KEYS.last);
  return started
    .filter((s) => s.next)
    .sort((a, b) => Number(b.id === last) - Number(a.id === last) || b.finished / b.total - a.finished / a.total)
    .slice(0, 3);
}

class RoadmapCards extends AtlasElement {
  #outlines: OutlineBundle = { roadmaps: {}, titles: {} };

  protected connect() {
    this.#outlines = decodeOutlines(this.querySelector('[data-outlines]')?.textContent);
    onProgressChange(() => this.#render(), this.signal);
    this.#render();
  }

  #title(id: string) {
    return this.#outlines.titles[id] ?? id;
  }

  #render() {
    const started = startedRoadmaps(this.#outlines.roadmaps, getProgress().topics);
    for (const item of this.querySelectorAll<HTMLElement>('[data-roadmap]')) {
      const mine = started.find((s) => s.id === item.dataset.roadmap);
      const box = part(item, '[data-progress]');
      box.hidden = !mine;
      if (!mine) continue;
      showRoadmapProgress(box, mine, `Your progress: ${mine.finished} of ${mine.total} required finished`);
      const resume = part(box, '[data-continue]');
      resume.hidden = !mine.next;
      if (mine.next) {
        const link = part(resume, '[data-continue-link]', HTMLAnchorElement);
        link.href = topicUrl(mine.next);
        link.textContent = this.#title(mine.next);
      }
    }
    this.#renderResume(started);
  }

  /** "Continue where you left off", where the page has it. */
  #renderResume(started: Started[]) {
    const section = this.querySelector<HTMLElement>('[data-resume]');
    const list = this.querySelector('[data-resume-list]');
    if (!section || !list) return;
    const open = toResume(started);
    section.hidden = open.length === 0;
    list.replaceChildren(
      ...open.map((s) => {
        const li = document.createElement('li');
        const roadmap = document.createElement('a');
        roadmap.href = `/roadmaps/${s.id}/`;
        roadmap.textContent = s.title;
        roadmap.className = 'font-semibold';
        const next = document.createElement('a');
        next.href = topicUrl(s.next!);
        next.textContent = this.#title(s.next!);
        li.append(roadmap, ` (${s.finished} of ${s.total} required finished) — Continue: `, next);
        return li;
      }),
    );
  }
}

defineElement('roadmap-cards', RoadmapCards);
