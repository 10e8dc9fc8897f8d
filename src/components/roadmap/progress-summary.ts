/**
 * The learner's progress on a roadmap page (roadmap-view.ts paints it after every change): each stage's count of
 * finished topics and whether it is finished or current, the next topic marked on the map, the progress bar and its
 * summary line, and the "Continue" link. The page draws the counts a first visit sees (RoadmapView.astro), so on a
 * first visit this paint changes no text and the map is not laid out again.
 */
import type { TopicState } from '../../lib/progress/progress-store.ts';
import {
  progressSummary,
  remainingTopics,
  roadmapProgress,
  stageProgressText,
} from '../../lib/roadmap/roadmap-progress.ts';
import { part } from '../parts.ts';
import type { MapModel } from './map-model.ts';
import type { RoadmapWords } from './roadmap-words.ts';

// Text set anew is a new text node to lay out, even when it reads the same (the page draws a first visit's).
const setText = (el: Element, text: string) => {
  if (el.textContent !== text) el.textContent = text;
};

/** Paints `states` on `view`; `labsPassed` joins the summary line when there are some. */
export function paintProgress(
  view: HTMLElement,
  map: MapModel,
  states: Record<string, TopicState>,
  labsPassed: number,
  words: RoadmapWords,
) {
  const progress = roadmapProgress(map.stages, states);
  const next = remainingTopics(map.stages, states)[0];
  const nextStage = map.stages.find((s) => s.topics.some((t) => t.id === next))?.id;
  for (const stage of progress.stages) {
    const el = view.querySelector<HTMLElement>(`[data-stage="${stage.id}"]`);
    if (!el) continue;
    setText(part(el, '[data-stage-progress]'), stageProgressText(stage, words));
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
  if (summary) setText(summary, progressSummary(progress, labsPassed, words));
  const resume = view.querySelector<HTMLElement>('[data-continue]');
  const link = view.querySelector<HTMLAnchorElement>('[data-continue-link]');
  if (resume && link) {
    resume.hidden = !next;
    if (next) {
      link.href = map.nodes.get(next)?.querySelector('a')?.getAttribute('href') ?? `#${next}`;
      setText(link, map.title(next));
    }
  }
}
