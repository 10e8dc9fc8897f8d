/**
 * <roadmap-progress-list>: shows the visitor's progress on each listed roadmap, from this browser's store, with
 * the same rules as the roadmap pages. A roadmap with nothing marked shows nothing.
 */
import { type ProgressStage, roadmapProgress } from '../lib/roadmap-progress';
import { getProgress, onProgressChange } from './progress';

class RoadmapProgressList extends HTMLElement {
  connectedCallback() {
    const structure = JSON.parse(this.querySelector('[data-structure]')?.textContent ?? '{}') as Record<string, ProgressStage[]>;
    const render = () => {
      const states = getProgress().topics;
      for (const item of this.querySelectorAll<HTMLElement>('[data-roadmap]')) {
        const p = roadmapProgress(structure[item.dataset.roadmap!] ?? [], states);
        const box = item.querySelector<HTMLElement>('[data-progress]')!;
        box.hidden = p.done + p.skipped + p.learning === 0;
        if (box.hidden) continue;
        const bar = box.querySelector<HTMLProgressElement>('[data-bar]')!;
        bar.max = Math.max(p.total, 1);
        bar.value = p.finished;
        box.querySelector('[data-summary]')!.textContent = `Your progress: ${p.finished} of ${p.total} finished · ${p.learning} learning`;
      }
    };
    onProgressChange(render);
    render();
  }
}

customElements.define('roadmap-progress-list', RoadmapProgressList);
