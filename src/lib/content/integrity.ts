/**
 * Checks the whole content tree before Astro builds it, so that bad content fails the build with the file
 * and the field named. Astro validates each entry's schema but only logs broken references and silently
 * keeps one of two entries with the same id; this module makes those, and the cross-entry rules of the
 * site (aliases, duplicate topics in a roadmap, prerequisite cycles, MDX syntax, diagrams that do not read, honest
 * change dates), fatal.
 */
import { type MdastNode, markdownToMdast, mdxToJs } from 'satteri';
import { idSchema } from '../../schemas/shared.ts';
import type { RawEntry } from './content-files.ts';
import { type ChangeDates, checkChangeDates, latestToday } from './integrity/change-dates.ts';
import { checkDiagrams } from './integrity/diagrams.ts';
import { checkDurations } from './integrity/durations.ts';
import { type ContentIssue, formatPath, type ParsedEntry, SCHEMAS } from './integrity/entries.ts';
import { checkPrerequisites, checkReferences } from './integrity/references.ts';
import { checkRoadmapOrder, checkRoadmapRoles } from './integrity/roadmap-order.ts';
import { checkTopicDepth, TOPIC_FLOORS, type TopicFloors } from './integrity/topic-depth.ts';
import { checkSearchTerms } from './integrity/search-terms.ts';
import { checkSelfCheckRepeats } from './integrity/self-check.ts';
import { isReservedRoadmapId } from '../site/urls.ts';

export { checkChangeDates, latestToday } from './integrity/change-dates.ts';
export { checkRoadmapProse, checkRoadmapTiming, DURATION_TOLERANCE, requiredHours, WEEKS_PER_UNIT } from './integrity/durations.ts';
export { type ContentIssue, formatPath, SCHEMAS } from './integrity/entries.ts';
export { findCycle } from './integrity/references.ts';
export { TOPIC_FLOORS, type TopicFloors, topicFloorsFromEnv } from './integrity/topic-depth.ts';

/** The first raw HTML in a Markdown body, with its line in the file: prose is Markdown, and HTML would bypass it. */
function rawHtml(entry: RawEntry): ContentIssue | null {
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
function checkMdx(entry: RawEntry): ContentIssue | null {
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
 * Validates every entry and the links between them. Returns an empty list when the content is sound.
 * `today` (YYYY-MM-DD) is the last day an entry's dates may name; tests pass a fixed one. `topicFloors` are the
 * words of prose a topic and the median topic must reach (TOPIC_FLOORS; the small fixture trees of other tests pass
 * lower ones).
 */
export function checkContent(
  entries: readonly RawEntry[],
  { today = latestToday(), topicFloors = TOPIC_FLOORS }: { today?: string; topicFloors?: TopicFloors } = {},
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const parsed: ParsedEntry[] = [];

  // 1. Each file on its own: id, parse, schema, MDX syntax.
  for (const entry of entries) {
    if (!idSchema.safeParse(entry.id).success) {
      issues.push({ file: entry.file, field: '(file name)', message: `id "${entry.id}" must be lower-case words joined by hyphens` });
    }
    if (entry.collection === 'roadmaps' && isReservedRoadmapId(entry.id)) {
      issues.push({ file: entry.file, field: '(file name)', message: `id "${entry.id}" is reserved: /roadmaps/new/ and /roadmaps/custom/ are the roadmap builder's pages, and "my-" starts a learner's own roadmap` });
    }
    if (entry.parseError) {
      issues.push({ file: entry.file, field: '(file)', message: entry.parseError });
      continue;
    }
    // reportInput lets "required but missing" be told apart from a value of the wrong type (e.g. a source given as text).
    const result = SCHEMAS[entry.collection].safeParse(entry.data, { reportInput: true });
    if (!result.success) {
      for (const issue of result.error.issues) {
        const missing = issue.code === 'invalid_type' && issue.input === undefined;
        issues.push({ file: entry.file, field: formatPath(issue.path), message: missing ? 'is required but missing' : issue.message });
      }
    } else {
      parsed.push({ entry, data: result.data as Record<string, unknown> });
      issues.push(...checkChangeDates(entry.file, result.data as ChangeDates, today));
    }
    if (entry.collection !== 'comparisons') {
      const mdx = checkMdx(entry);
      if (mdx) issues.push(mdx);
      else issues.push(...checkDiagrams(entry));
    }
  }

  issues.push(...checkReferences(entries, parsed));
  issues.push(...checkDurations(parsed));
  issues.push(...checkPrerequisites(parsed));
  issues.push(...checkRoadmapOrder(parsed), ...checkRoadmapRoles(parsed));
  issues.push(...checkTopicDepth(parsed, topicFloors));
  issues.push(...checkSearchTerms(parsed));
  issues.push(...checkSelfCheckRepeats(parsed));
  return issues;
}

/** One line per issue: "content/topics/jwt.md: related[0]: refers to …". */
export function formatIssues(issues: readonly ContentIssue[]): string {
  return issues.map((i) => `${i.file}: ${i.field}: ${i.message}`).join('\n');
}
