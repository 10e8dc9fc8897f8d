/**
 * A project checker run, recorded on the learner's portfolio from the link its report ends with
 * (src/components/project-check/checker-result.ts). A module of its own: only the project page loads it, where
 * every page loads the progress store.
 */
import { changeEntry, type CheckerMark } from './portfolio-entry.ts';
import { withProject } from './progress-edits.ts';
import type { Progress } from './progress-store.ts';

/**
 * Returns new progress with a project checker run recorded on a project's portfolio entry, or the same progress when
 * the entry already holds a later run (a link opened again after a newer one changes nothing). A project not started
 * becomes one being built; ticks, link and note stay as they were.
 */
export function withCheckerMark(progress: Progress, projectId: string, mark: CheckerMark, now: Date): Progress {
  const entry = progress.projects[projectId];
  if (entry?.checked && entry.checked.day > mark.day) return progress;
  const status = !entry || entry.status === 'not-started' ? 'building' : entry.status;
  return withProject(progress, projectId, changeEntry(entry, { status, checked: mark }, now));
}
