/**
 * A roadmap's progress in a list of roadmaps (RoadmapCards.astro, /progress/): inside `box`, the [data-bar]
 * <progress> shows finished of total and the [data-summary] line words it.
 */
import { part } from '../parts.ts';

export function showRoadmapProgress(
  box: ParentNode,
  progress: { finished: number; total: number },
  summary: string,
): void {
  const bar = part(box, '[data-bar]', HTMLProgressElement);
  bar.max = Math.max(progress.total, 1);
  bar.value = progress.finished;
  part(box, '[data-summary]').textContent = summary;
}
