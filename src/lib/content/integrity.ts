/**
 * The content check, so that bad content fails the build with the file and the field named. Astro validates each
 * entry's schema but only logs broken references and silently keeps one of two entries with the same id; this module
 * makes those, and the cross-entry rules of the site (aliases, duplicate topics in a roadmap, prerequisite cycles,
 * MDX syntax, diagrams that do not read, honest change dates), fatal. It runs inside the collections' loader
 * (content-loader.ts), on what Astro's content layer read: `checkFile` as each file is parsed, `checkContent` once
 * every collection has loaded.
 */
import { type MdastNode, markdownToMdast, mdxToJs } from 'satteri';
import { idSchema } from '../../schemas/shared.ts';
import { type ChangeDates, checkChangeDates, checkWrittenDays } from './integrity/change-dates.ts';
import { checkCurrentReleases, type Release } from './integrity/current-releases.ts';
import { checkDiagrams } from './integrity/diagrams.ts';
import { checkDurations } from './integrity/durations.ts';
import type { ContentFile, ContentIssue, EntryBody, ParsedEntry } from './integrity/entries.ts';
import { checkPrerequisites, checkReferences } from './integrity/references.ts';
import { checkRoadmapOrder, checkRoadmapRoles } from './integrity/roadmap-order.ts';
import { checkRoleBasis } from './integrity/role-basis.ts';
import { checkTestsWithFramework, checkTopicRequires } from './integrity/topic-order.ts';
import { checkEssentials } from './integrity/essentials.ts';
import { checkTopicDepth, TOPIC_FLOORS, type TopicFloors } from './integrity/topic-depth.ts';
import { checkSearchTerms } from './integrity/search-terms.ts';
import { checkVocabulary } from './integrity/learner-vocabulary.ts';
import type { Vocabulary } from './learner-vocabulary.ts';
import { checkSelfCheckRepeats } from './integrity/self-check.ts';
import {
  checkDesignApiModel,
  checkDesignDeepDives,
  checkDesignFaults,
  checkDesignMeasured,
} from './integrity/design-labs.ts';
import { isReservedRoadmapId } from '../site/urls.ts';

export { checkChangeDates, latestToday } from './integrity/change-dates.ts';
export { readReleases, type Release } from './integrity/current-releases.ts';
export { checkRoadmapTiming, WEEKS_PER_UNIT } from './integrity/durations.ts';
export { type ContentIssue, formatPath, SCHEMAS } from './integrity/entries.ts';
export { findCycle } from './integrity/references.ts';
export { TOPIC_FLOORS, type TopicFloors } from './integrity/topic-depth.ts';

/** The first raw HTML in a Markdown body, with its line in the file: prose is Markdown, and HTML would bypass it. */
function rawHtml(entry: EntryBody): ContentIssue | null {
  const find = (node: MdastNode): MdastNode | undefined =>
    node.type === 'html'
      ? node
      : 'children' in node && Array.isArray(node.children)
        ? (node.children as MdastNode[]).map(find).find(Boolean)
        : undefined;
  const html = find(markdownToMdast(entry.body));
  if (!html) return null;
  const line = (html.position?.start.line ?? 1) + entry.bodyLine - 1;
  const text = 'value' in html ? String(html.value).slice(0, 40) : '';
  return {
    file: entry.file,
    field: 'body',
    message: `raw HTML at line ${line} (“${text}”): write < as &lt; or inside backticks, or use .mdx for a component`,
  };
}

/** A body must read: an MDX file must compile; a Markdown file may not carry raw HTML. */
function checkMdx(entry: EntryBody): ContentIssue | null {
  if (!entry.file.endsWith('.mdx')) return rawHtml(entry);
  try {
    mdxToJs(entry.body);
    return null;
  } catch (error) {
    const message = (error as Error).message;
    // satteri reports "line:column: reason"; shift the line past the frontmatter so it matches the file.
    const located = /^(\d+):(\d+): ([\s\S]*)$/.exec(message);
    const where = located ? `line ${Number(located[1]) + entry.bodyLine - 1}, column ${located[2]}: ` : '';
    // Drop satteri's body-relative "(l:c)" positions: the line above is the one that matches the file.
    const reason = (located ? located[3]! : message).replace(/ \(\d+:\d+\)/g, '');
    return { file: entry.file, field: 'body', message: `MDX syntax error at ${where}${reason}` };
  }
}

/**
 * The rules of one file on its own, on the data its schema parsed: days on the calendar and honest, and a body that
 * reads. `frontmatter` is the text of the file before its body (all of a YAML file); `today` (YYYY-MM-DD) is the last
 * day an entry's dates may name.
 */
export function checkFile(
  entry: EntryBody & { data: Record<string, unknown> },
  frontmatter: string,
  today: string,
): ContentIssue[] {
  // A day off the calendar was read as some other day: its order and age say nothing until it is fixed.
  const days = checkWrittenDays(entry.file, frontmatter);
  return [
    ...(days.length ? days : checkChangeDates(entry.file, entry.data as unknown as ChangeDates, today)),
    ...checkBody(entry),
  ];
}

/** A body reads: MDX compiles, Markdown has no raw HTML, diagrams read. Checked whether or not the data passed. */
export function checkBody(entry: EntryBody): ContentIssue[] {
  if (!entry.body) return [];
  const mdx = checkMdx(entry);
  return mdx ? [mdx] : checkDiagrams(entry);
}

/** A collection as its loader hands it to the check. */
export interface LoadedCollection {
  /** Every file found, with the id its name gives, whether or not it passed. */
  files: ContentFile[];
  /** The entries whose data passed their schema: those stored, and those `checkFile` held back. */
  entries: ParsedEntry[];
  /** What the YAML reader, the schema, `checkFile` or `checkBody` found wrong in single files. */
  issues: ContentIssue[];
}

/** The ids file names give: lower-case words, and none a page of the site has taken. */
function checkIds(files: readonly ContentFile[]): ContentIssue[] {
  return files.flatMap(({ collection, id, file }) => [
    ...(idSchema.safeParse(id).success
      ? []
      : [{ file, field: '(file name)', message: `id "${id}" must be lower-case words joined by hyphens` }]),
    ...(collection === 'roadmaps' && isReservedRoadmapId(id)
      ? [
          {
            file,
            field: '(file name)',
            message: `id "${id}" is reserved: /roadmaps/new/ and /roadmaps/custom/ are the roadmap builder's pages, and "my-" starts a learner's own roadmap`,
          },
        ]
      : []),
  ]);
}

/**
 * Every problem of the content, once every collection has loaded: those of single files, then the ids and the links
 * between entries. Returns an empty list when the content is sound. `topicFloors` are the words of prose a topic and
 * the median topic must reach (TOPIC_FLOORS; the small fixture trees of other tests pass lower ones); `releases`
 * are the current releases no page may call superseded (content/current-releases.yaml, which the loader reads);
 * `vocabulary` the learner's vocabulary, whose targets and phrases are checked against the entries
 * (content/learner-vocabulary.yaml, which the loader reads too).
 */
export function checkContent(
  collections: readonly LoadedCollection[],
  {
    topicFloors = TOPIC_FLOORS,
    releases = [],
    vocabulary,
  }: { topicFloors?: TopicFloors; releases?: readonly Release[]; vocabulary?: Vocabulary } = {},
): ContentIssue[] {
  const files = collections.flatMap((c) => c.files);
  const parsed = collections.flatMap((c) => c.entries);
  return [
    ...collections.flatMap((c) => c.issues),
    ...checkIds(files),
    ...checkReferences(files, parsed),
    ...checkDurations(parsed),
    ...checkPrerequisites(parsed),
    ...checkRoadmapOrder(parsed),
    ...checkRoadmapRoles(parsed),
    ...checkRoleBasis(parsed),
    ...checkTopicRequires(parsed),
    ...checkTestsWithFramework(parsed),
    ...checkEssentials(parsed),
    ...checkTopicDepth(parsed, topicFloors),
    ...checkSearchTerms(parsed),
    ...checkSelfCheckRepeats(parsed),
    ...checkCurrentReleases(parsed, releases),
    ...checkDesignMeasured(parsed),
    ...checkDesignDeepDives(parsed),
    ...checkDesignApiModel(parsed),
    ...checkDesignFaults(parsed),
    ...(vocabulary ? [...vocabulary.issues, ...checkVocabulary(vocabulary, files, parsed)] : []),
  ];
}

/** One line per issue: "content/topics/jwt.md: related[0]: refers to …". */
export function formatIssues(issues: readonly ContentIssue[]): string {
  return issues.map((i) => `${i.file}: ${i.field}: ${i.message}`).join('\n');
}
