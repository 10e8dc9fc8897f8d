/**
 * The listings of a Markdown page that show their output, as the listing check runs them (src/cli/check-listings.ts).
 *
 * A listing is a fenced block in a language the check can run here (`js`, `ts`, `python`, `sql`, `bash`, `sh`). It
 * shows its output when the next fenced block, with only prose between, is a `text` or `console` block. Words after
 * the language (the fence's "meta", which the page never shows) steer the check; content/README.md documents them:
 * - on a listing: `norun="why"` (it cannot run here, and why), `file=name` (saved under that name for a later
 *   listing to run), `cmd="…"` (the shell command that runs it, when not `node file`, `python3 file`: arguments,
 *   environment), `postgres` (its page runs on a real PostgreSQL server, its SQL through psql), `repeat=N` (run N times: its input is drawn afresh each run, and each must match), `background` (a server: started, then the page's later listings run while it is up), `exit=N`
 *   (the status it ends with, when not 0);
 * - on an output block: `vary=timings,dates,…` (parts that differ from run to run, see compare.ts) and
 *   `not-output` (a block that follows a listing without being its output: a file tree, a diagram).
 */

/** The languages a listing may be run in, by the names authors write after the fence. */
const RUNNABLE = {
  js: 'node',
  javascript: 'node',
  mjs: 'node',
  ts: 'node',
  typescript: 'node',
  python: 'python',
  py: 'python',
  sql: 'sql',
  bash: 'shell',
  sh: 'shell',
} as const;
/** How a listing runs; `file` is a block of any other language that a listing reads (`file=openapi.yaml`). */
type Runner = (typeof RUNNABLE)[keyof typeof RUNNABLE] | 'file';

const OUTPUT_LANGUAGES = new Set(['text', 'console', 'output']);

/** A fenced block of a page. */
interface Block {
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  meta: Record<string, string>;
  code: string;
}

/** A listing the check knows about: one that shows output, or one another listing uses (`file=`, `background`). */
export interface Listing extends Block {
  runner: Runner;
  output?: Block;
}

/** The problems of a page's fence meta, each with its line. */
export interface MetaProblem {
  line: number;
  message: string;
}

const LISTING_KEYS = new Set(['norun', 'file', 'background', 'exit', 'cmd', 'repeat', 'postgres']);
const OUTPUT_KEYS = new Set(['vary', 'not-output']);
/** `server & sleep 1` (or the sleep on the next line): a guess at how long start-up takes, which a loaded machine outlasts. */
const FIXED_WAIT = /&[ \t]*(?:\n[ \t]*)?sleep[ \t]+[\d.]+/;

/** `key=value`, `key="value with spaces"`, `key='value with "quotes"'` and bare `flag` words, as a record (a flag's value is ""). */
export function parseMeta(meta: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of meta.matchAll(/([\w-]+)(?:=(?:"([^"]*)"|'([^']*)'|(\S+)))?/g))
    out[match[1]!] = match[2] ?? match[3] ?? match[4] ?? '';
  return out;
}

/** Every fenced block of `markdown` (``` or ~~~, any length, indented up to three spaces). */
function fencedBlocks(markdown: string): (Block & { before: string })[] {
  const lines = markdown.split('\n');
  const blocks: (Block & { before: string })[] = [];
  let prose: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})\s*([\w+#.-]*)(.*)$/.exec(lines[i]!);
    if (!open) {
      prose.push(lines[i]!);
      continue;
    }
    const fence = open[1]!;
    const body: string[] = [];
    const start = i;
    for (i++; i < lines.length && !lines[i]!.trimStart().startsWith(fence); i++) body.push(lines[i]!);
    blocks.push({
      line: start + 1,
      lang: open[2]!.toLowerCase(),
      meta: parseMeta(open[3]!),
      code: body.join('\n'),
      before: prose.join('\n'),
    });
    prose = [];
  }
  return blocks;
}

/**
 * The page's listings that show their output or serve one that does, in page order, and the problems of their
 * fence meta (an unknown word, a meta word on a block the check does not run).
 */
export function pageListings(markdown: string): { listings: Listing[]; problems: MetaProblem[] } {
  const blocks = fencedBlocks(markdown);
  const listings: Listing[] = [];
  const problems: MetaProblem[] = [];
  blocks.forEach((block, i) => {
    const runner = RUNNABLE[block.lang as keyof typeof RUNNABLE] as Runner | undefined;
    const keys = Object.keys(block.meta);
    const allowed = runner ? LISTING_KEYS : OUTPUT_LANGUAGES.has(block.lang) ? OUTPUT_KEYS : new Set(['file']);
    for (const key of keys)
      if (!allowed.has(key))
        problems.push({
          line: block.line,
          message: `"${key}" is not a word the listing check knows on a \`${block.lang || 'plain'}\` block (listing: ${[...LISTING_KEYS].join(', ')}; output: ${[...OUTPUT_KEYS].join(', ')})`,
        });
    if (block.meta.norun === '')
      problems.push({ line: block.line, message: 'norun needs its reason: norun="needs a Kafka broker"' });
    if (
      runner &&
      block.meta.norun === undefined &&
      FIXED_WAIT.test(`${block.meta.cmd ?? ''}\n${runner === 'shell' ? block.code : ''}`)
    )
      problems.push({
        line: block.line,
        message:
          'a fixed sleep after starting a process in the background races a busy machine: wait until it is ready, e.g. `until curl -so /dev/null localhost:3000; do sleep 0.1; done`',
      });
    if (!runner) {
      const { before: _, ...file } = block;
      if (block.meta.file) listings.push({ ...file, runner: 'file' });
      return;
    }
    const next = blocks[i + 1];
    // A heading between the two starts another part of the page: the block after it is not this listing's output.
    const shown =
      next && OUTPUT_LANGUAGES.has(next.lang) && !('not-output' in next.meta) && !/^#{1,6} /m.test(next.before);
    const { before: _, ...listing } = block;
    if (shown) {
      const { before: __, ...output } = next;
      listings.push({ ...listing, runner, output });
    } else if ('file' in block.meta || 'background' in block.meta || runner === 'sql') {
      // A page's SQL runs in one database, in order: a listing without output may create what a later one reads.
      listings.push({ ...listing, runner });
    }
  });
  return { listings, problems };
}
