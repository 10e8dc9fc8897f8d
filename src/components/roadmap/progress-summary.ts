/**
 * The learner's progress on a roadmap page (roadmap-view.ts paints it after every change): each stage's count of
 * finished topics and whether it is finished or current, the next topic marked on the map, the progress bar and its
 * summary line, and the "Continue" link.
 */
import type { TopicState } from '../../lib/progress/progress-store.ts';
import { remainingTopics, roadmapProgress } from '../../lib/roadmap/roadmap-progress.ts';
import { part } from '../parts.ts';
import type { MapModel } from './map-model.ts';

/** Paints `states` on `view`; `labsPassed` joins the summary line when there are some. */
export function paintProgress(
  view: HTMLElement,
  map: MapModel,
  states: Record<string, TopicState>,
  labsPassed: number,
) {
  const progress = roadmapProgress(map.stages, states);
  const next = remainingTopics(map.stages, states)[0];
  const nextStage = map.stages.find((s) => s.topics.some((t) => t.id === next))?.id;
  for (const stage of progress.stages) {
    const el = view.querySelector<HTMLElement>(`[data-stage="${stage.id}"]`);
    if (!el) continue;
    part(el, '[data-stage-progress]').textContent = stage.total ? `${stage.finished} of ${stage.total} finished` : '';
    el.toggleAttribute('data-finished', stage.total > 0 && stage.finished === stage.total);
    el.toggleAttribute('data-current', stage.id === nextStage);
  }
  // The topic "Continue" names, from the first visit on.
  for (const [id, node] of map.nodes) node.toggleAttribute('data-next', id === next);
  const bar = view.querySelector<HTMLProgressElement>('[data-progress-bar]');
  if (bar) {
    bar.max = Math.max(progress.total, 1);
    bar.value = progress.finished;
  }
  const summary = view.querySelector('[data-progress-summary]');
  if (summary) {
    const labs = labsPassed ? ` · ${labsPassed} lab${labsPassed === 1 ? '' : 's'} passed` : '';
    summary.textContent = `${progress.finished} of ${progress.total} required finished · ${progress.done} done · ${progress.learning} learning · ${progress.skipped} skipped${labs}`;
  }
  const resume = view.querySelector<HTMLElement>('[data-continue]');
  const link = view.querySelector<HTMLAnchorElement>('[data-continue-link]');
  if (resume && link) {
    resume.hidden = !next;
    if (next) {
      link.href = map.nodes.get(next)?.querySelector('a')?.getAttribute('href') ?? `#${next}`;
      link.textContent = map.title(next);
    }
  }
}
