/**
 * The rules a translation must keep against its English source. It must translate an entry that exists; its
 * frontmatter may hold only words (TEXT_FIELDS), with as many self-check items and the same stage ids as the English;
 * its body keeps the English's structure: the same headings by level, the same code blocks (info strings, in order)
 * and the same links. Whether it is up to date is not a rule: a translation older than its source still builds, and
 * its page says so (`freshness`).
 */
import { parseYaml } from '../../lib/content/content-files.ts';
import type { ContentIssue } from '../../lib/content/integrity/entries.ts';
import { codeWordIssues } from './code-words.ts';
import { TEXT_FIELDS } from './schema.ts';
import { sourceHash, type TranslationKey } from './sources.ts';

export interface TranslationFile {
  key: TranslationKey;
  /** From the project root, for messages. */
  file: string;
  data: Record<string, unknown>;
  body: string;
}

/** The English file as read from disk, or nothing where it does not exist. */
export interface SourceText {
  file: string;
  text: string;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** An English Markdown file's frontmatter and body. */
export function splitSource(text: string): { data: Record<string, unknown>; body: string } {
  const match = FRONTMATTER.exec(text);
  const data = (match ? parseYaml(match[1] ?? '') : {}) as Record<string, unknown> | null;
  return { data: data ?? {}, body: match ? text.slice(match[0].length) : text };
}

/** What a body's shape is made of, outside fenced code: headings by level; and the code fences' info strings. */
function shape(body: string): { headings: string[]; fences: string[]; links: string[] } {
  const headings: string[] = [];
  const fences: string[] = [];
  const links: string[] = [];
  let fence: string | undefined;
  for (const line of body.split('\n')) {
    const open = /^(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence !== undefined) {
      if (open && line.startsWith(fence) && !open[2]?.trim()) fence = undefined;
      continue;
    }
    if (open) {
      fence = open[1];
      fences.push(open[2]?.trim() ?? '');
      continue;
    }
    const heading = /^(#{1,6})\s/.exec(line);
    if (heading) headings.push(heading[1] ?? '');
    for (const m of line.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)[^)]*\)/g)) links.push(m[1] ?? '');
  }
  return { headings, fences, links: links.sort() };
}

const listOf = (values: readonly string[]) => (values.length ? values.join(', ') : 'none');

/** Where two lists of a body part differ, as one issue, or none. */
function compare(file: string, part: string, source: readonly string[], translated: readonly string[]): ContentIssue[] {
  if (source.join('\n') === translated.join('\n')) return [];
  const missing = source.filter((v) => !translated.includes(v));
  const extra = translated.filter((v) => !source.includes(v));
  const detail =
    missing.length || extra.length
      ? `missing ${listOf(missing)}; not in the English: ${listOf(extra)}`
      : `${String(translated.length)} where the English has ${String(source.length)}, or in another order`;
  return [{ file, field: `(body) ${part}`, message: `differ from the English: ${detail}` }];
}

/** The problems of one translation against its English source. */
export function checkTranslation(translation: TranslationFile, source: SourceText | undefined): ContentIssue[] {
  const { file, key, data, body } = translation;
  if (!source) {
    return [{ file, field: '(file)', message: `translates ${key.collection}/${key.id}, which does not exist` }];
  }
  const english = splitSource(source.text);
  const text: readonly string[] = TEXT_FIELDS[key.collection];
  const issues: ContentIssue[] = Object.keys(data)
    .filter((field) => field !== 'source' && !text.includes(field))
    .map((field) => ({
      file,
      field,
      message: `is not text: it comes from ${source.file} and may not be repeated here (a translation holds ${text.join(', ')})`,
    }));
  const count = (value: unknown) => (Array.isArray(value) ? value.length : 0);
  if (key.collection === 'topics' && count(data.selfCheck) !== count(english.data.selfCheck)) {
    issues.push({
      file,
      field: 'selfCheck',
      message: `has ${String(count(data.selfCheck))} items where ${source.file} has ${String(count(english.data.selfCheck))}`,
    });
  }
  if (key.collection === 'roadmaps') {
    const ids = (value: unknown) => (Array.isArray(value) ? value.map((s) => String((s as { id?: unknown }).id)) : []);
    issues.push(
      ...compare(file, 'stages ids', ids(english.data.stages), ids(data.stages)).map((i) => ({
        ...i,
        field: 'stages',
      })),
    );
    // Every pick-one group the English has ({ topic, alternative }), named; no name the English lacks.
    const groups = new Set(
      (Array.isArray(english.data.stages) ? english.data.stages : []).flatMap((s: { topics?: unknown }) =>
        (Array.isArray(s.topics) ? s.topics : []).flatMap((t: { alternative?: unknown }) =>
          typeof t === 'object' && t && typeof t.alternative === 'string' ? [t.alternative] : [],
        ),
      ),
    );
    const named = Object.keys(data.groups ?? {});
    issues.push(...compare(file, 'groups', [...groups].sort(), named.sort()).map((i) => ({ ...i, field: 'groups' })));
  }
  if (key.collection === 'labs') issues.push(...checkLabText(file, source.file, english.data, data));
  const [from, to] = [shape(english.body), shape(body)];
  return [
    ...issues,
    ...compare(file, 'heading levels', from.headings, to.headings),
    ...compare(file, 'code blocks', from.fences, to.fences),
    ...compare(file, 'links', from.links, to.links),
  ];
}

type Fields = Record<string, unknown>;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const record = (value: unknown): Fields => (value && typeof value === 'object' ? (value as Fields) : {});

/**
 * A lab's text against the English lab: every text field the English has is translated (a lab page half in English
 * is what the translation is for), and each list holds one item per English item, in order: a hint per hint; per
 * check the same text fields (name, rule, message) and a label per probe; a case per hidden dataset; per hidden API
 * test its name and one message per step that has one (the requests of a `concurrent` step included, in order); and
 * each comment of its code and each string of its tests that a learner reads (code-words.ts).
 */
function checkLabText(file: string, sourceFile: string, english: Fields, data: Fields): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const differ = (field: string, what: string, theirs: number, ours: number) => {
    if (theirs !== ours)
      issues.push({ file, field, message: `has ${String(ours)} ${what} where ${sourceFile} has ${String(theirs)}` });
  };
  for (const field of ['task', 'hints', 'explanation', 'checks', 'variants', 'requests']) {
    if (english[field] !== undefined && data[field] === undefined)
      issues.push({ file, field, message: `is missing: ${sourceFile} has it, and the page would show it in English` });
  }
  differ('hints', 'hints', list(english.hints).length, list(data.hints).length);
  if (data.checks !== undefined) {
    const [theirs, ours] = [list(english.checks).map(record), list(data.checks).map(record)];
    differ('checks', 'checks', theirs.length, ours.length);
    theirs.forEach((check, i) => {
      const mine = ours[i];
      if (!mine) return;
      for (const text of ['name', 'rule', 'message'])
        if ((check[text] === undefined) !== (mine[text] === undefined))
          issues.push({
            file,
            field: `checks[${String(i)}].${text}`,
            message:
              check[text] === undefined ? `is not in ${sourceFile}'s check` : `is missing (${sourceFile} has it)`,
          });
      differ(`checks[${String(i)}].probes`, 'probe labels', list(check.probes).length, list(mine.probes).length);
    });
  }
  if (data.variants !== undefined)
    differ('variants', 'cases', list(english.variants).length, list(data.variants).length);
  if (data.requests !== undefined) {
    const [theirs, ours] = [list(english.requests).map(record), list(data.requests).map(record)];
    differ('requests', 'tests', theirs.length, ours.length);
    theirs.forEach((test, i) => {
      const mine = ours[i];
      if (!mine) return;
      // A step's message, and those of the requests a `concurrent` step sends at once, in the order they appear.
      const messages = list(test.steps)
        .flatMap((step) => [record(step), ...list(record(step).concurrent).map(record)])
        .filter((step) => step.message !== undefined).length;
      differ(`requests[${String(i)}].messages`, 'step messages', messages, list(mine.messages).length);
    });
  }
  issues.push(
    ...codeWordIssues(file, sourceFile, english, {
      comments: data.comments as Record<string, string> | undefined,
      strings: data.strings as Record<string, string> | undefined,
    }),
  );
  return issues;
}

/** Whether a translation was made from the English file as it is now. */
export type Freshness = 'current' | 'outdated';
export const freshness = (recorded: string, source: SourceText): Freshness =>
  sourceHash(source.text) === recorded ? 'current' : 'outdated';
