/**
 * A role page's own estimate and its `timeToProficiency.after` state the same basis: a time counted from a start of
 * learning may not be estimated, in the page's words, for someone who already programs, so no table sorts such a
 * role ahead of the role that teaches programming (Go Developer ahead of Junior Backend Developer).
 */
import type { ContentIssue, ParsedEntry } from './entries.ts';

/** Words that assume experience a learner starting from nothing does not have. */
const ASSUMES_EXPERIENCE =
  /\b(?:already (?:programs?|knows?|builds?|writes?|works?)|can already|experienced (?:developer|programmer)s?|working (?:backend )?developers?)\b/i;

/** The body's sentences, roughly: enough to keep an estimate and the words next to it together. */
const sentences = (body: string): string[] => body.split(/(?<=[.!?])\s+/);

export function checkRoleBasis(parsed: readonly ParsedEntry[]): ContentIssue[] {
  return parsed
    .filter(({ entry, data }) => {
      const time = data.timeToProficiency as { after?: unknown } | undefined;
      return entry.collection === 'roles' && time !== undefined && time.after === undefined;
    })
    .flatMap(({ entry }) => {
      const said = sentences(entry.body).find((s) => /\bestimate/i.test(s) && ASSUMES_EXPERIENCE.test(s));
      if (!said) return [];
      return [
        {
          file: entry.file,
          field: 'timeToProficiency.after',
          message: `counted from a start of learning, but the page estimates it for someone with experience ("${ASSUMES_EXPERIENCE.exec(said)![0]}"): name the role it is counted after, or estimate it from a start`,
        },
      ];
    });
}
