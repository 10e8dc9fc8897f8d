/**
 * The portfolio model: which checklist item a tick belongs to, how complete a project is, which projects a learner
 * shows, and the Markdown they take to a CV or a GitHub profile. Pure; used at build time and on /progress/.
 * Stored entries and their validation live in src/lib/progress/portfolio-entry.ts.
 */
import { type CheckerMark, type PortfolioEntry, STATUS_LABEL } from './portfolio-entry.ts';

/** One feature or stretch goal of a project, with the id a tick is stored under. */
export interface ChecklistItem {
  id: string;
  text: string;
}

/** What the browser needs to know about a project to show it in a portfolio. */
export interface PortfolioProject {
  id: string;
  title: string;
  summary: string;
  /** Absolute URL of the project's brief on this site. */
  page: string;
  /** Titles of the topics it exercises: the stack line of the Markdown. */
  stack: string[];
  features: ChecklistItem[];
  stretch: ChecklistItem[];
}

const MAX_ID = 60;

/** A readable id from an item's text: ticks follow the item when authors reorder items, and are dropped (not moved) when they rewrite one. */
function slug(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const cut = words.length <= MAX_ID ? words : words.slice(0, MAX_ID).replace(/-[^-]*$/, '');
  return cut || 'item';
}

/** Checklist ids for a list of texts, unique within the list. */
export function checklist(texts: readonly string[]): ChecklistItem[] {
  const seen = new Set<string>();
  return texts.map((text) => {
    const base = slug(text);
    let id = base;
    for (let n = 2; seen.has(id); n++) id = `${base}-${n}`;
    seen.add(id);
    return { id, text };
  });
}

export interface Completion {
  features: number;
  featuresTotal: number;
  stretch: number;
  stretchTotal: number;
}

/** How many of the project's current items are ticked; ticks of items since rewritten do not count. */
export function completion(
  project: Pick<PortfolioProject, 'features' | 'stretch'>,
  entry: PortfolioEntry | undefined,
): Completion {
  const count = (items: ChecklistItem[], ticked: readonly string[] = []) =>
    items.filter((i) => ticked.includes(i.id)).length;
  return {
    features: count(project.features, entry?.features),
    featuresTotal: project.features.length,
    stretch: count(project.stretch, entry?.stretch),
    stretchTotal: project.stretch.length,
  };
}

export function completionText(c: Completion): string {
  const plural = (n: number, word: string) => `${word}${n === 1 ? '' : 's'}`;
  return `${c.features} of ${c.featuresTotal} ${plural(c.featuresTotal, 'feature')}, ${c.stretch} of ${c.stretchTotal} ${plural(c.stretchTotal, 'stretch goal')} ticked by hand`;
}

/**
 * What the project checker said, apart from what was ticked by hand: "milestones 1, 2 and 4 of 6 passed the project
 * checker on 2026-11-27 (checker 1.0.0)". The learner's own run, reported by them: never called a certificate.
 */
export function checkerText(mark: CheckerMark): string {
  const { milestones, of, day, version } = mark;
  const list =
    milestones.length <= 1
      ? String(milestones[0] ?? 'none')
      : `${milestones.slice(0, -1).join(', ')} and ${milestones.at(-1)!}`;
  const what =
    milestones.length === 0
      ? `no milestone of ${of}`
      : `milestone${milestones.length === 1 ? '' : 's'} ${list} of ${of}`;
  return `${what} passed the project checker on ${day} (checker ${version}, run by the learner)`;
}

/** The projects a learner shows: built first, then building, each newest change first. Untracked projects are left out. */
export function portfolioItems(
  projects: readonly PortfolioProject[],
  entries: Readonly<Record<string, PortfolioEntry>>,
) {
  const rank = { built: 0, building: 1, 'not-started': 2 } as const;
  return projects
    .flatMap((project) => {
      const entry = entries[project.id];
      return entry && entry.status !== 'not-started' ? [{ project, entry }] : [];
    })
    .sort(
      (a, b) =>
        rank[a.entry.status] - rank[b.entry.status] ||
        b.entry.updated.localeCompare(a.entry.updated) ||
        a.project.title.localeCompare(b.project.title, 'en'),
    );
}

/** The lines of a note as shown outside the site: line breaks kept, blank lines, control characters and indentation dropped. */
export function noteLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, ' ')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .filter(Boolean);
}

const WEB_ADDRESS = /https?:\/\/[^\s<>]+/g;

/**
 * One line of plain text made inert in Markdown (CommonMark and GitHub's): inline markup characters are
 * backslash-escaped everywhere, and those that only mean something at the start of a line (headings, quotes,
 * lists, setext underlines) there. Web addresses become explicit autolinks (<https://…>): GitHub links bare
 * addresses anyway, and a backslash inside one would show and break the link. Trimmed lines only: indentation
 * could start a code block.
 */
export function escapeMarkdown(line: string): string {
  let out = '';
  let from = 0;
  for (const match of line.matchAll(WEB_ADDRESS)) {
    const address = match[0].replace(/[.,:;!?'")\]]+$/, '');
    out += inert(line.slice(from, match.index), from === 0) + `<${address}>`;
    from = match.index + address.length;
  }
  return out + inert(line.slice(from), from === 0);
}

function inert(text: string, atLineStart: boolean): string {
  // A run of # at the end of a line, after a space, would close a heading ("### A #" reads "A"): escape its first.
  const escaped = text.replace(/[\\`*_[\]<>&|~$]/g, '\\$&').replace(/(^|[ \t])#(#*[ \t]*)$/, '$1\\#$2');
  return atLineStart ? escaped.replace(/^([#>+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2') : escaped;
}

/** The portfolio as Markdown for a CV or a GitHub profile README: one section per built or building project. */
export function portfolioMarkdown(items: readonly { project: PortfolioProject; entry: PortfolioEntry }[]): string {
  const out = ['## Backend projects', ''];
  if (items.length === 0) out.push('No projects marked building or built yet.', '');
  for (const { project, entry } of items) {
    out.push(`### ${escapeMarkdown(project.title)}`, '', escapeMarkdown(project.summary), '');
    out.push(`- **Status:** ${STATUS_LABEL[entry.status]}, ${completionText(completion(project, entry))}`);
    if (entry.checked) out.push(`- **Checked:** ${checkerText(entry.checked)}`);
    if (project.stack.length > 0) out.push(`- **Stack:** ${project.stack.map(escapeMarkdown).join(', ')}`);
    // Stored links are normalised http(s) URLs (readProjectUrl): no spaces or angle brackets, so an autolink holds them.
    if (entry.url) out.push(`- **Code or demo:** <${entry.url}>`);
    const lines = noteLines(entry.note).map(escapeMarkdown);
    if (lines.length === 1) out.push(`- **What I measured and learned:** ${lines[0]}`);
    if (lines.length > 1)
      out.push(
        `- **What I measured and learned:**\\`,
        ...lines.map((line, i) => `  ${line}${i < lines.length - 1 ? '\\' : ''}`),
      );
    out.push(`- **Brief:** <${project.page}>`, '');
  }
  return out.join('\n');
}
