/**
 * <roadmap-cards>: the learner's progress on each listed roadmap, from this browser's store, with the same rules
 * as the roadmap pages, and where to continue. A roadmap with nothing marked shows nothing extra.
 */
import { remainingTopics, roadmapProgress } from '../../lib/roadmap/roadmap-progress.ts';
import { decodeOutlines } from '../../lib/roadmap/roadmap-structure.ts';
import { WALK_KEYS } from '../../lib/roadmap/roadmap-walk.ts';
import { getProgress, onProgressChange } from '../progress/progress.ts';
import { showRoadmapProgress } from './progress-line.ts';

const topicUrl = (id: string) => `/topics/${id}/`;

class RoadmapCards extends HTMLElement {
  connectedCallback() {
    const { roadmaps, titles } = decodeOutlines(this.querySelector('[data-outlines]')?.textContent);
    const render = () => {
      const states = getProgress().topics;
      const started: { id: string; title: string; next: string | undefined; finished: number; total: number }[] = [];
      for (const [id, outline] of Object.entries(roadmaps)) {
        const p = roadmapProgress(outline.stages, states);
        if (p.done + p.skipped + p.learning === 0) continue;
        started.push({
          id,
          title: outline.title,
          next: remainingTopics(outline.stages, states)[0],
          finished: p.finished,
          total: p.total,
        });
      }
      for (const item of this.querySelectorAll<HTMLElement>('[data-roadmap]')) {
        const mine = started.find((s) => s.id === item.dataset.roadmap);
        const box = item.querySelector<HTMLElement>('[data-progress]')!;
        box.hidden = !mine;
        if (!mine) continue;
        showRoadmapProgress(box, mine, `Your progress: ${mine.finished} of ${mine.total} required finished`);
        const resume = box.querySelector<HTMLElement>('[data-continue]')!;
        resume.hidden = !mine.next;
        if (mine.next) {
          const link = resume.querySelector<HTMLAnchorElement>('[data-continue-link]')!;
          link.href = topicUrl(mine.next);
          link.textContent = titles[mine.next] ?? mine.next;
        }
      }
      const section = this.querySelector<HTMLElement>('[data-resume]');
      const list = this.querySelector('[data-resume-list]');
      if (!section || !list) return;
      // The roadmap last opened first, then the furthest along; three at most (all of them are on /progress/).
      let last: string | null = null;
      try {
        last = localStorage.getItem(WALK_KEYS.last);
      } catch {
        // No storage, no preference.
      }
      const open = started
        .filter((s) => s.next)
        .sort((a, b) => Number(b.id === last) - Number(a.id === last) || b.finished / b.total - a.finished / a.total)
        .slice(0, 3);
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
          next.textContent = titles[s.next!] ?? s.next!;
          li.append(roadmap, ` (${s.finished} of ${s.total} required finished) — Continue: `, next);
          return li;
        }),
      );
    };
    onProgressChange(render);
    render();
  }
}

customElements.define('roadmap-cards', RoadmapCards);
