/**
 * Edits of a learner's progress: each returns new progress in the current format, dated where the store keeps a
 * time, and leaves the one it was given untouched.
 */
import { isId } from '../../core/format/ids.ts';
import { type PortfolioEntry } from './portfolio-entry.ts';
import { type Review } from './review-state.ts';
import { type TopicState, FORMAT_VERSION, type Progress } from './progress-store.ts';

/** Returns new progress with one topic set to a state, or cleared when state is null, dated `now`. */
export function withTopicState(
  progress: Progress,
  topicId: string,
  state: TopicState | null,
  now = new Date(),
): Progress {
  return withTopicStates(progress, { [topicId]: state }, now);
}

/** Returns new progress with several topics set (or cleared, for null), all dated `now`. */
export function withTopicStates(
  progress: Progress,
  states: Readonly<Record<string, TopicState | null>>,
  now = new Date(),
): Progress {
  const topics = { ...progress.topics };
  const topicTimes = { ...progress.topicTimes };
  for (const [id, state] of Object.entries(states)) {
    if (state) topics[id] = state;
    else delete topics[id];
    topicTimes[id] = now.toISOString();
  }
  return { ...progress, version: FORMAT_VERSION, topics, topicTimes };
}

/** Returns new progress with one question's review schedule replaced. */
export function withReview(progress: Progress, questionId: string, review: Review): Progress {
  return { ...progress, version: FORMAT_VERSION, reviews: { ...progress.reviews, [questionId]: review } };
}

/** Returns new progress with one project's portfolio entry replaced. */
export function withProject(progress: Progress, projectId: string, entry: PortfolioEntry): Progress {
  return { ...progress, version: FORMAT_VERSION, projects: { ...progress.projects, [projectId]: entry } };
}

/**
 * Returns new progress that says the learner worked on one of our roadmaps at `now`, or, for null, that they no
 * longer have (a reset). Anything not an id is ignored, so the store's id check holds; callers pass ours only (a
 * learner's own roadmap keeps its own `updated`), so its bound does too.
 */
export function withRoadmapWorked(progress: Progress, roadmapId: string | undefined, now: Date | null): Progress {
  if (!isId(roadmapId)) return progress;
  const roadmapTimes = { ...progress.roadmapTimes };
  if (now) roadmapTimes[roadmapId] = now.toISOString();
  else delete roadmapTimes[roadmapId];
  return { ...progress, version: FORMAT_VERSION, roadmapTimes };
}
