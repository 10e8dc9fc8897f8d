/**
 * The learner's notes as one Markdown file, grouped by roadmap and topic (downloaded from /progress/). Pure.
 *
 * Every note goes out exactly as written, inside a fenced code block longer than any run of backticks in it, so
 * whatever a note holds — Markdown, HTML, a stray fence — reads back as that text and never becomes markup. The
 * only changes are those Markdown itself makes to any text: line endings become "\n", and U+0000 (which
 * CommonMark replaces) becomes U+FFFD. A topic on several roadmaps is listed once, under the first of them in
 * the site's order, with the others named.
 */
import { isoDay } from '../../core/format/dates.ts';
import { count as countOf } from '../../core/format/words.ts';
import type { Progress } from './progress-store.ts';
import { escapeMarkdown } from './portfolio.ts';
import type { TopicIndex } from '../content/topic-index.ts';

/** A note's text as Markdown keeps it: the writer stores exactly this. */
export const markdownText = (text: string): string => text.replace(/\r\n?/g, '\n').replaceAll('\0', '\uFFFD');

/** A fenced code block holding `text` as it is. */
export function fenced(text: string, info = 'markdown'): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${markdownText(text)}\n${fence}`;
}

interface Group {
  heading: string;
  topics: { id: string; also: string[] }[];
}

/** Notes per group: each roadmap in order, then topics on no roadmap, then topics the site no longer has. */
export function groupNotes(notes: Progress['notes'], index: TopicIndex): Group[] {
  const placed = new Set<string>();
  const groups: Group[] = [];
  for (const roadmap of index.roadmaps) {
    const topics = roadmap.topics
      .filter((id) => Object.hasOwn(notes, id) && !placed.has(id))
      .map((id) => ({
        id,
        also: index.roadmaps.filter((r) => r !== roadmap && r.topics.includes(id)).map((r) => r.title),
      }));
    for (const t of topics) placed.add(t.id);
    if (topics.length > 0) groups.push({ heading: roadmap.title, topics });
  }
  const rest = Object.keys(notes)
    .filter((id) => !placed.has(id))
    .sort();
  const offRoadmap = rest.filter((id) => Object.hasOwn(index.titles, id));
  const gone = rest.filter((id) => !Object.hasOwn(index.titles, id));
  if (offRoadmap.length > 0)
    groups.push({ heading: 'Topics on no roadmap', topics: offRoadmap.map((id) => ({ id, also: [] })) });
  if (gone.length > 0)
    groups.push({ heading: 'Topics no longer on the site', topics: gone.map((id) => ({ id, also: [] })) });
  return groups;
}

/** The whole file. `origin` is the site's address (https://…), for links back to each topic. */
export function notesMarkdown(notes: Progress['notes'], index: TopicIndex, origin: string, exportedAt: Date): string {
  const count = Object.keys(notes).length;
  const out = [
    '# My Backend Atlas notes',
    '',
    `${countOf(count, 'note')}, exported on ${isoDay(exportedAt)} from <${origin}/>. Each note is kept exactly as written, in a fenced block.`,
    '',
  ];
  for (const group of groupNotes(notes, index)) {
    out.push(`## ${escapeMarkdown(group.heading)}`, '');
    for (const { id, also } of group.topics) {
      const title = index.titles[id];
      out.push(title ? `### [${escapeMarkdown(title)}](<${origin}/topics/${id}/>)` : `### ${escapeMarkdown(id)}`, '');
      const facts = [
        `Updated ${notes[id]!.updated.slice(0, 10)}`,
        ...(also.length > 0 ? [`also on ${also.map(escapeMarkdown).join(', ')}`] : []),
      ];
      out.push(`${facts.join(' · ')}`, '', fenced(notes[id]!.text), '');
    }
  }
  return out.join('\n');
}
