/**
 * Roadmaps checked against what their topics need:
 * - a topic's `requires` name topics that exist and form no cycle, and on every roadmap that has both, each required
 *   topic comes earlier (an earlier stage, or earlier in the same stage);
 * - a roadmap teaches what its topics require: each required topic is taught before the topic, on the roadmap or on a
 *   roadmap it builds on (`prerequisites`, up the chain); see `taughtBefore` for what counts as taught;
 * - tests alongside the first framework: a roadmap that teaches a web framework (a frameworks-area topic a learner
 *   must take, on its own or as one of a pick-one group) and tests (a testing-area topic a learner must take) teaches
 *   its first test no later than the stage after that framework's.
 */
import type { ContentIssue, EntryRef, ParsedEntry } from './entries.ts';
import { findCycle } from './references.ts';
import { prerequisiteChain, roadmapsOf } from './roadmap-order.ts';

interface TopicFacts {
  file: string;
  area: string;
  requires: string[];
}

function topicsOf(parsed: readonly ParsedEntry[]): Map<string, TopicFacts> {
  return new Map(
    parsed
      .filter(({ entry }) => entry.collection === 'topics')
      .map(({ entry, data }) => [
        entry.id,
        {
          file: entry.file,
          area: data.area as string,
          requires: ((data.requires as EntryRef[] | undefined) ?? []).map((r) => r.id),
        },
      ]),
  );
}

/** Requirements form no cycle: no roadmap could place every topic of one after all it requires. */
function checkRequiresCycle(topics: ReadonlyMap<string, TopicFacts>): ContentIssue[] {
  const cycle = findCycle(new Map([...topics].map(([id, t]) => [id, t.requires])));
  if (!cycle) return [];
  return [
    {
      file: topics.get(cycle[0]!)?.file ?? cycle[0]!,
      field: 'requires',
      message: `topic requirements form a cycle: ${cycle.join(' → ')}; a topic cannot come before itself`,
    },
  ];
}

/**
 * Whether a learner who reaches `place` has met `needed` before it: a topic in an earlier stage, earlier in the same
 * stage or on a roadmap this one builds on (`before`, read as stages ahead of the first) counts when every learner
 * takes it (a required or pick-one topic), and an optional one counts only for an optional topic, an extra resting on
 * an earlier extra: a required topic cannot rest on something the stage is complete without.
 */
const taughtBefore = (
  earlier: readonly { id: string; optional: boolean }[],
  place: { optional: boolean },
  needed: string,
) => earlier.some((p) => p.id === needed && (!p.optional || place.optional));

export function checkTopicRequires(parsed: readonly ParsedEntry[]): ContentIssue[] {
  const topics = topicsOf(parsed);
  const issues = checkRequiresCycle(topics);
  const roadmaps = roadmapsOf(parsed);
  const byId = new Map(roadmaps.map((r) => [r.id, r]));
  for (const roadmap of roadmaps) {
    const places = roadmap.stages.flatMap((stage, s) => stage.topics.map((item, k) => ({ ...item, s, k })));
    const position = new Map(places.map((p, i) => [p.id, i]));
    const chain = prerequisiteChain(roadmap, byId);
    const before = chain.flatMap((r) => r.stages.flatMap((stage) => stage.topics));
    places.forEach((place, i) => {
      const field = `stages[${place.s}].topics[${place.k}]`;
      const file = topics.get(place.id)?.file;
      for (const needed of topics.get(place.id)?.requires ?? []) {
        const at = position.get(needed);
        if (at !== undefined && at > i) {
          const there = places[at]!;
          issues.push({
            file: roadmap.file,
            field,
            message: `"${place.id}" comes before "${needed}" (stages[${there.s}].topics[${there.k}]), which it requires (requires in ${file}): move "${needed}" to an earlier stage, or "${place.id}" after it`,
          });
          continue;
        }
        if (taughtBefore([...before, ...places.slice(0, i)], place, needed)) continue;
        const builtOn = chain.length ? ` or on a roadmap it builds on (${chain.map((r) => r.id).join(', ')})` : '';
        const only =
          at === undefined ? '' : ` (it is only optional, at stages[${places[at]!.s}].topics[${places[at]!.k}])`;
        issues.push({
          file: roadmap.file,
          field,
          message: `"${place.id}" requires "${needed}" (requires in ${file}), which is not taught before it on this roadmap${only}${builtOn}: add "${needed}" as a required topic before "${place.id}", or build on a roadmap that teaches it`,
        });
      }
    });
  }
  return issues;
}

export function checkTestsWithFramework(parsed: readonly ParsedEntry[]): ContentIssue[] {
  const topics = topicsOf(parsed);
  const issues: ContentIssue[] = [];
  for (const roadmap of roadmapsOf(parsed)) {
    const taken = roadmap.stages.flatMap((stage, s) =>
      stage.topics.flatMap((item, k) =>
        item.optional ? [] : [{ id: item.id, s, k, area: topics.get(item.id)?.area }],
      ),
    );
    const framework = taken.find((t) => t.area === 'frameworks');
    const test = taken.find((t) => t.area === 'testing');
    if (!framework || !test || test.s <= framework.s + 1) continue;
    issues.push({
      file: roadmap.file,
      field: `stages[${test.s}].topics[${test.k}]`,
      message: `the first test, "${test.id}", comes in stages[${test.s}], more than a stage after the first framework, "${framework.id}" (stages[${framework.s}]): teach tests in the framework's stage or the one after it`,
    });
  }
  return issues;
}
