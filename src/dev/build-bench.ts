/**
 * The pure parts of `npm run bench:build` (src/cli/bench-build.ts): synthetic topic pages derived from the real
 * ones, reading Astro's build log, and the figures the benchmark prints.
 */
import { dump } from 'js-yaml';
import { parseProseFile } from '../lib/content/content-files.ts';

const stringify = (data: object) => dump(data, { lineWidth: -1 });

/** One topic file as the benchmark copies it: its id and the whole Markdown text. */
export interface TopicFile {
  id: string;
  text: string;
}

/**
 * Topic files until there are `total`: the real ones first, then copies of them in turn, each with a new id and a
 * title of its own (so no two link preview cards are the same and no cache can serve one for another), no aliases and
 * no search terms (the content check lets only one entry claim a term).
 */
export function withSyntheticTopics(real: readonly TopicFile[], total: number): TopicFile[] {
  if (real.length === 0) throw new Error('no real topics to copy');
  const files = real.slice(0, total);
  for (let n = real.length; n < total; n++) {
    const source = real[n % real.length]!;
    const copy = Math.floor(n / real.length);
    files.push({
      id: `${source.id}-copy-${copy}`,
      text: retitle(
        source.text,
        (title) => `${title} (copy ${copy})`,
        (term) => `${term.slice(0, 32)} copy${copy}`,
      ),
    });
  }
  return files;
}

/**
 * Rewrites the frontmatter of a Markdown file: a new title, no aliases, and each search term marked as the copy's
 * (two entries may not claim one term); the body is untouched.
 */
function retitle(text: string, title: (old: string) => string, term: (old: string) => string): string {
  const { data, body, parseError } = parseProseFile(text);
  if (parseError) throw new Error(parseError);
  const {
    aliases: _aliases,
    searchTerms,
    ...rest
  } = data as { title: string; aliases?: unknown; searchTerms?: string[] };
  const terms = searchTerms && { searchTerms: searchTerms.map(term) };
  return `---\n${stringify({ ...rest, ...terms, title: title(rest.title).slice(0, 90) }).trimEnd()}\n---\n${body}`;
}

/** What Astro's build log says: the pages it built, its own time for them, and whether it finished. */
export interface BuildLog {
  pages?: number | undefined;
  pagesSeconds?: number | undefined;
  complete: boolean;
}

/** Reads "2795 page(s) built in 61.22s" and "Complete!" from Astro's output (colour codes allowed). */
export function readBuildLog(output: string): BuildLog {
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  // Astro writes "812ms", "12.34s" or, from a minute on, "2m 5s".
  const built = /(\d+) page\(s\) built in (?:(\d+)m )?([\d.]+)(m?s)/.exec(plain);
  return {
    pages: built ? Number(built[1]) : undefined,
    pagesSeconds: built ? Number(built[2] ?? 0) * 60 + Number(built[3]) / (built[4] === 'ms' ? 1000 : 1) : undefined,
    complete: /\bComplete!/.test(plain),
  };
}

/**
 * Watches a build's output as it arrives, chunk by chunk, for Astro's "Complete!", reading only the new chunk and
 * the end of the one before (a word can be split between chunks). Reading the whole output again at each chunk,
 * as readBuildLog would, takes time quadratic in its length: at 10,000 pages it kept a core busy beside the build.
 */
export function completionWatcher(): (chunk: string) => boolean {
  let tail = '';
  return (chunk) => {
    const text = (tail + chunk).replace(/\x1b\[[0-9;]*m/g, '');
    tail = text.slice(-16);
    return /\bComplete!/.test(text);
  };
}

/** One timed build. */
export interface BuildRun {
  /** HTML pages in the output. */
  pages: number;
  /** Wall-clock seconds from start to Astro's "Complete!". */
  seconds: number;
  /** CPU seconds (user + system) the build's processes used: steadier than wall time on a busy machine. */
  cpuSeconds: number;
  /** Peak resident memory of the build's processes together, in bytes. */
  peakBytes: number;
}

export const msPerPage = (run: BuildRun) => (run.seconds * 1000) / run.pages;

/**
 * How time grows with pages between a small and a large run: the exponent k in time ∝ pages^k (1 is linear, 2 is
 * quadratic) and the cost of each added page compared with the small run's cost per page.
 */
export function growth(small: BuildRun, large: BuildRun): { exponent: number; marginalMsPerPage: number } {
  if (large.pages <= small.pages) throw new Error('the large run must have more pages than the small one');
  return {
    exponent: Math.log(large.seconds / small.seconds) / Math.log(large.pages / small.pages),
    marginalMsPerPage: ((large.seconds - small.seconds) * 1000) / (large.pages - small.pages),
  };
}

/** Sums resident memory (VmRSS, kB) over /proc status texts of a process tree, in bytes. */
export function rssBytes(statuses: readonly string[]): number {
  return statuses.reduce((sum, status) => sum + Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024, 0);
}

/**
 * CPU time of one process from its /proc/<pid>/stat text, in clock ticks: user + system, its own and that of the
 * children it has waited for (fields 14–17; the command name in parentheses may contain spaces).
 */
export function cpuTicks(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state), so field n is fields[n - 3].
  return [14, 15, 16, 17].reduce((sum, n) => sum + Number(fields[n - 3] ?? 0), 0);
}

/** Ours against another site's build of the same pages: time and CPU per page, and peak memory, as ratios. */
export function compare(ours: BuildRun, theirs: BuildRun): { wall: number; cpu: number; peak: number } {
  return {
    wall: msPerPage(ours) / msPerPage(theirs),
    cpu: ours.cpuSeconds / ours.pages / (theirs.cpuSeconds / theirs.pages),
    peak: ours.peakBytes / theirs.peakBytes,
  };
}
