/**
 * How far a learner is along a roadmap. Optional topics do not count; a pick-one group of alternatives counts
 * once and is finished when any of its topics is. "Finished" is done or skipped (skipped: known already, or not
 * needed). Shared by the roadmap page, the progress page and the planner.
 */
import type { Progress, TopicState } from '../progress/progress-store.ts';
import type { StageOutline } from './roadmap-structure.ts';
import { fill, plural } from '../../core/format/fill.ts';

const finished = (state: TopicState | undefined) => state === 'done' || state === 'skipped';

/** The units that count towards progress in one stage: a required topic, or a group of alternatives. */
function units(stage: StageOutline): string[][] {
  const groups = new Map<string, string[]>();
  const out: string[][] = [];
  for (const topic of stage.topics) {
    if (topic.optional) continue;
    if (!topic.alternative) {
      out.push([topic.id]);
      continue;
    }
    let group = groups.get(topic.alternative);
    if (!group) {
      group = [];
      groups.set(topic.alternative, group);
      out.push(group);
    }
    group.push(topic.id);
  }
  return out;
}

interface StageProgress {
  id: string;
  finished: number;
  total: number;
}

export function roadmapProgress(stages: readonly StageOutline[], states: Progress['topics']) {
  const perStage: StageProgress[] = stages.map((stage) => {
    const all = units(stage);
    return {
      id: stage.id,
      total: all.length,
      finished: all.filter((unit) => unit.some((id) => finished(states[id]))).length,
    };
  });
  const ids = stages.flatMap((s) => s.topics.map((t) => t.id));
  return {
    stages: perStage,
    finished: perStage.reduce((n, s) => n + s.finished, 0),
    total: perStage.reduce((n, s) => n + s.total, 0),
    learning: ids.filter((id) => states[id] === 'learning').length,
    done: ids.filter((id) => states[id] === 'done').length,
    skipped: ids.filter((id) => states[id] === 'skipped').length,
  };
}

/**
 * The topics still to learn, in roadmap order: every unfinished required topic, and for each unfinished group of
 * alternatives the one being learned (or else the first).
 */
export function remainingTopics(stages: readonly StageOutline[], states: Progress['topics']): string[] {
  return stages.flatMap((stage) =>
    units(stage).flatMap((unit) => {
      if (unit.some((id) => finished(states[id]))) return [];
      return [unit.find((id) => states[id] === 'learning') ?? unit[0]!];
    }),
  );
}

/** The words of a roadmap's counts (the dictionary's `roadmapView`): templates whose {name} slots are filled in. */
export interface ProgressWords {
  stageProgress: string;
  summary: string;
  labsOne: string;
  labsMany: string;
}

/** A stage's count in words, on the map under its title ("" for a stage with only optional topics). */
export const stageProgressText = (stage: StageProgress, words: Pick<ProgressWords, 'stageProgress'>) =>
  stage.total ? fill(words.stageProgress, { finished: stage.finished, total: stage.total }) : '';

/** The line under a roadmap's progress bar; `labsPassed` joins it when there are some. */
export function progressSummary(
  progress: ReturnType<typeof roadmapProgress>,
  labsPassed: number,
  words: ProgressWords,
) {
  const labs = labsPassed === 0 ? '' : plural(labsPassed, words.labsOne, words.labsMany);
  const { finished, total, done, learning, skipped } = progress;
  return `${fill(words.summary, { finished, total, done, learning, skipped })}${labs}`;
}
