/**
 * Current releases: `content/current-releases.yaml` lists the newest stable release of each language, runtime,
 * framework and database the site names with a version, with the official page it was checked on. A page that calls
 * an older release of one of them the latest ("The current release, Python 3.14, …", "Java 21 is current") is an
 * issue naming the entry, the field and the phrase; so is a bare "Laravel 12, the newest" and a name apart from its
 * number ("The latest Go release is 1.25"). Past tense ("was the latest") and an LTS claim that names the
 * newest LTS line are not.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { CORE_SCHEMA, load } from 'js-yaml';
import { type ContentIssue, formatPath, type ParsedEntry } from './entries.ts';

/** The list's file name inside the content folder. */
const RELEASES_FILE = 'current-releases.yaml';

const versionSchema = z.string().regex(/^\d+(\.\d+)*$/, { error: 'must be a version number such as "3.15" or "25"' });

const releaseSchema = z.strictObject({
  /** The product as a learner knows it: "Python", "PostgreSQL". */
  product: z.string().min(1),
  /** How pages write it right before a version number ("Python 3.15", "CPython 3.15"). */
  names: z.array(z.string().min(1)).min(1),
  /** The newest stable release line, at the precision pages use ("3.15", "19"). */
  latest: versionSchema,
  /** The newest long-term-support line for products that have them (Node.js, Java), else null. */
  lts: versionSchema.nullable().default(null),
  /** The day `latest` shipped; null only when the source shows it is out but no official page gives the day. */
  released: z.iso.date().nullable(),
  /** The official page it was checked on. */
  source: z.url({ protocol: /^https$/, error: 'must be an https:// URL' }),
});

const releasesFileSchema = z.strictObject({
  /** The day every entry was last checked against its source. */
  checked: z.iso.date(),
  releases: z.array(releaseSchema).min(1),
});

export type Release = z.infer<typeof releaseSchema>;

/**
 * The list in `contentDir`, and what is wrong with it. A tree without the file (the tests' small fixture trees) has
 * no list and no issue.
 */
export function readReleases(contentDir: string): { releases: Release[]; issues: ContentIssue[] } {
  const path = join(contentDir, RELEASES_FILE);
  if (!existsSync(path)) return { releases: [], issues: [] };
  const file = path.replaceAll('\\', '/');
  let data: unknown;
  try {
    // Dates stay text (the core schema), as every other content file reads them.
    data = load(readFileSync(path, 'utf8'), { schema: CORE_SCHEMA });
  } catch (error) {
    return {
      releases: [],
      issues: [{ file, field: '(file)', message: `could not be read: ${(error as Error).message}` }],
    };
  }
  const parsed = releasesFileSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ file, field: formatPath(i.path), message: i.message }));
    return { releases: [], issues };
  }
  const seen = new Map<string, number>();
  const issues: ContentIssue[] = [];
  parsed.data.releases.forEach((release, i) => {
    for (const name of release.names) {
      if (seen.has(name))
        issues.push({
          file,
          field: `releases[${i}].names`,
          message: `"${name}" is listed under releases[${seen.get(name)}] too`,
        });
      else seen.set(name, i);
    }
  });
  return { releases: parsed.data.releases, issues };
}

const parts = (version: string) => version.split('.').map(Number);

/** Whether `version` is an older line than `than`, compared at the precision both give ("3" is not older than "3.15"). */
export function isOlder(version: string, than: string): boolean {
  const [a, b] = [parts(version), parts(than)];
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/** A claim that something is the newest: "the current release", "the latest LTS", "is current". */
const CLAIM =
  /\b(?:(?:the\s+)?(?:latest|newest|most\s+recent|current)(?:\s+(?:stable|major|minor|feature|long-term-support|long-term\s+support|LTS))?\s+(?:release|version|major|line|LTS)\b|(?:is|are)\s+(?:now\s+)?(?:the\s+)?(?:latest|newest|current)(?:\s+(?:stable\s+)?(?:LTS|long-term(?:-|\s+)support))?\b)/gi;
/**
 * A bare claim ("Laravel 12, the newest", "the latest stable Node.js 24", "Go 1.25 (the latest)"): only a claim when
 * it touches a version mention, since "the latest data" alone is not one.
 */
const BARE = /\b(?:the\s+)?(?:latest|newest|most\s+recent|current)(?:\s+stable)?\b/gi;
/** How far a bare claim may be from its mention: a space, ", " or " (". */
const BARE_REACH = 2;
/** Words just before a claim that put it in the past: "was the latest release". */
const PAST = /\b(?:was|were|then|had\s+been)\s+(?:the\s+)?$/i;

interface Mention {
  release: Release;
  version: string;
  start: number;
  end: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Words a sentence may put between a name and its version: "The latest Go release is 1.25", "Go's newest release,
 * 1.25", "The newest Laravel, version 12".
 */
const BETWEEN = `(?:'s)?(?:[\\s,:(]+(?:is|are|the|latest|newest|most\\s+recent|current|stable|LTS|major|release|version|line))*`;

/** One pattern for every name: "Python 3.14", "Node.js 24", "Go 1.25.3"; a name is matched with its capitals. */
function mentionPattern(releases: readonly Release[]) {
  const names = releases.flatMap((r) => r.names.map((name) => ({ name, release: r })));
  names.sort((a, b) => b.name.length - a.name.length);
  const byName = new Map(names.map((n) => [n.name, n.release]));
  const pattern = new RegExp(
    `(?<![\\w.])(${names.map((n) => escape(n.name)).join('|')})${BETWEEN}[\\s,:(]+v?(\\d+(?:\\.\\d+)*)(?![\\w]|\\.\\d)`,
    'g',
  );
  return { pattern, byName };
}

/** Prose without fenced code: a comment in a code block is not the page's claim. */
const withoutCode = (text: string) => text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');

interface Claim {
  index: number;
  text: string;
  /** A bare claim counts only within BARE_REACH of a mention. */
  bare: boolean;
}

/** The claims of a sentence: the phrases CLAIM reads, then the bare ones that are not part of those. */
function claimsIn(sentence: string): Claim[] {
  const full = [...sentence.matchAll(CLAIM)].map((m) => ({ index: m.index, text: m[0], bare: false }));
  const inFull = (i: number) => full.some((c) => i >= c.index && i < c.index + c.text.length);
  const bare = [...sentence.matchAll(BARE)]
    .filter((m) => !inFull(m.index))
    .map((m) => ({ index: m.index, text: m[0], bare: true }));
  return [...full, ...bare];
}

/** The claims of one text that name an older release than the list's, each as an issue message. */
function staleClaims(text: string, mentions: ReturnType<typeof mentionPattern>): string[] {
  const out: string[] = [];
  for (const sentence of withoutCode(text).split(/(?<=[.!?])\s+|\n+|\s\|\s/)) {
    const found: Mention[] = [...sentence.matchAll(mentions.pattern)].map((m) => ({
      release: mentions.byName.get(m[1]!)!,
      version: m[2]!,
      start: m.index,
      end: m.index + m[0].length,
    }));
    if (found.length === 0) continue;
    for (const claim of claimsIn(sentence)) {
      if (PAST.test(sentence.slice(0, claim.index))) continue;
      const [from, to] = [claim.index, claim.index + claim.text.length];
      // "X is the latest" speaks of what comes before it; "the latest release, X" of either side.
      const before = found.filter((m) => m.end <= from);
      const candidates = /^(?:is|are)\b/i.test(claim.text) && before.length > 0 ? before : found;
      const distance = (m: Mention) => (m.end <= from ? from - m.end : m.start >= to ? m.start - to : 0);
      const nearest = candidates.reduce((a, b) => (distance(b) < distance(a) ? b : a));
      if (claim.bare && distance(nearest) > BARE_REACH) continue;
      const { release, version } = nearest;
      const lts = /LTS|long-term/i.test(claim.text);
      const newest = lts && release.lts !== null ? release.lts : release.latest;
      if (!isOlder(version, newest)) continue;
      const what = lts && release.lts !== null ? 'LTS line' : 'release';
      out.push(
        `calls ${release.product} ${version} the newest (“${sentence.trim().slice(0, 120)}”), but the current ${what} is ${release.product} ${newest} (${release.released ? `released ${release.released}, ` : ''}${RELEASES_FILE}): name the current one, or say “as of” the month it was current`,
      );
    }
  }
  return out;
}

function* textsOf(value: unknown, path: PropertyKey[] = []): Generator<{ text: string; path: PropertyKey[] }> {
  if (typeof value === 'string') yield { text: value, path };
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* textsOf(v, [...path, i]);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) if (k !== 'url' && k !== 'source') yield* textsOf(v, [...path, k]);
}

/** Every entry's body and text fields, against the list of current releases. */
export function checkCurrentReleases(parsed: readonly ParsedEntry[], releases: readonly Release[]): ContentIssue[] {
  if (releases.length === 0) return [];
  const mentions = mentionPattern(releases);
  const issues: ContentIssue[] = [];
  for (const { entry, data } of parsed) {
    const texts = [{ text: entry.body, path: ['body'] as PropertyKey[] }, ...textsOf(data)];
    for (const { text, path } of texts)
      for (const message of staleClaims(text, mentions))
        issues.push({ file: entry.file, field: formatPath(path), message });
  }
  return issues;
}
