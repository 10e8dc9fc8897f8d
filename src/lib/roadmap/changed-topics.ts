/**
 * Which topics of a roadmap changed after a learner's last visit (src/lib/roadmap/roadmap-visits.ts), from the topic dates
 * written at build. Loaded by the roadmap page only for a returning learner (src/components/roadmap/changes-marks.ts).
 */
import { plural } from '../../core/format/fill.ts';

/**
 * Each topic's created and updated day, { "<topic id>": ["<created>", "<updated>"] }: written at build
 * (CHANGES_URLS.topicDates) and fetched by a roadmap page only for a returning learner. Ids and days only, so it stays small.
 */
export type TopicDates = Record<string, [created: string, updated: string]>;

/**
 * Topics of a roadmap that are new or updated after a visit. Content dates are days (YYYY-MM-DD), so a topic
 * counts when its day is after the visit's day (UTC): a change made later on the day of the visit waits a day.
 */
export function changedSince(
  dates: Readonly<TopicDates>,
  topicIds: readonly string[],
  since: string,
): { added: string[]; updated: string[] } {
  const day = since.slice(0, 10);
  const added: string[] = [];
  const updated: string[] = [];
  for (const id of topicIds) {
    const [created, changed] = dates[id] ?? [];
    if (created && created > day) added.push(id);
    else if (changed && changed > day) updated.push(id);
  }
  return { added, updated };
}

/** "2 new topics and 3 topics updated", "1 topic updated"; empty when nothing changed. */
export function changeSummary(added: number, updated: number, words: ChangeWords): string {
  return [
    added ? plural(added, words.changesAddedOne, words.changesAddedMany) : '',
    updated ? plural(updated, words.changesUpdatedOne, words.changesUpdatedMany) : '',
  ]
    .filter(Boolean)
    .join(words.changesAnd);
}

/** The words of that summary (the dictionary's `roadmapView`): templates whose {n} is filled in. */
export interface ChangeWords {
  changesAddedOne: string;
  changesAddedMany: string;
  changesUpdatedOne: string;
  changesUpdatedMany: string;
  changesAnd: string;
}
