/**
 * The search index (src/components/SearchTerms.astro) and the search box (src/components/search/search-runner.ts) run text
 * through the same `normalizeSearchText`, so what a learner types meets what the index holds.
 *
 * Pagefind splits words on symbols: `n+1`, `c#` and `.net` lose the part that makes them mean something.
 * Each such term is written as one plain word on both sides (`nplusone`, `csharp`, `dotnet`), and the filler
 * of a question ("what is", "vs") is dropped, because Pagefind only returns pages that hold every word.
 */

/** Terms a tokenizer would break, with their spoken forms, each mapped to one indexable word. */
const SYMBOL_TERMS: readonly [RegExp, string][] = [
  [/(^|[^a-z0-9])n ?\+ ?1(?![0-9])/g, '$1nplusone'],
  [/\bn plus (?:one|1)\b/g, 'nplusone'],
  [/(^|[^a-z0-9])c ?#/g, '$1csharp'],
  [/\bc sharp\b/g, 'csharp'],
  [/(^|[^a-z0-9])f ?#/g, '$1fsharp'],
  [/(^|[^a-z0-9])c ?\+\+/g, '$1cplusplus'],
  [/\bc plus plus\b/g, 'cplusplus'],
  [/\basp ?\.net\b/g, 'aspnet'],
  [/(^|[^a-z0-9])\.net\b/g, '$1dotnet'],
  [/\bdot net\b/g, 'dotnet'],
  [/\b([a-z]+)\.js\b/g, '$1js'],
  [/\bhttps? ?\/? ?([123])(?:\.[01])?(?![0-9a-z])/g, 'http$1'],
  [/\boauth ?([12])(?:\.0)?(?![0-9a-z])/g, 'oauth$1'],
  [/\bci ?\/ ?cd\b/g, 'cicd'],
  [/\btcp ?\/ ?ip\b/g, 'tcpip'],
  [/\bpub ?\/ ?sub\b/g, 'pubsub'],
  [/\bi ?\/ ?o\b/g, 'io'],
  // "To-Do" as learners type it: one word.
  [/\bto-do\b/g, 'todo'],
  // "My SQL" is MySQL: "my" alone is question filler ("why is my query slow").
  [/\bmy ?sql\b/g, 'mysql'],
];

/**
 * Words that carry no topic in a learner's question ("what is a jwt", "kafka vs rabbitmq", "why is my query
 * slow", "how can I become a devops engineer", "learn go", "docker tutorial for beginners"): question words,
 * pronouns, auxiliaries, the wish to learn or become something, and the kind of page wished for. They are dropped
 * unless nothing else is left, since a page must hold every word of the query to be found.
 */
const FILLER = new Set(
  [
    'a an and are between compare compared comparison difference differences do does explain for how i in is it of or should the to use versus vs what whats when which why with work works',
    'am be become becoming been can could did learn me mean means meaning my our please so someone than that there these this those us want we will would you your',
    'beginners best example examples explained guide guides intro introduction overview practices tutorial tutorials',
  ]
    .join(' ')
    .split(' '),
);

/** Whether a (lower-case) word is question filler that search drops. */
export const isFiller = (word: string) => FILLER.has(word);

/** Texts normalized before: a question's search normalizes each result's title, terms and marked words again. */
const normalized = new Map<string, string>();
/** Enough for every word a few searches meet; beyond it the cache starts over, so it never grows without end. */
const MAX_NORMALIZED = 5000;

/**
 * Lower-cases `text`, writes symbol terms as single words and drops question filler. Pure and idempotent:
 * `normalizeSearchText(normalizeSearchText(x)) === normalizeSearchText(x)`. Remembered: a question's search asks
 * for the same few hundred words over and over, each 19 replacements (about a fifth of its time in the browser).
 */
export function normalizeSearchText(text: string): string {
  let out = normalized.get(text);
  if (out === undefined) {
    if (normalized.size >= MAX_NORMALIZED) normalized.clear();
    out = normalize(text);
    normalized.set(text, out);
  }
  return out;
}

function normalize(text: string): string {
  // An underscore joins words for `\b`, but the split below drops it anyway: make it a space first (idempotence).
  let out = ` ${text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[\s_]+/g, ' ')} `;
  for (const [pattern, replacement] of SYMBOL_TERMS) out = out.replace(pattern, replacement);
  const words = out
    .replace(/'(?:s|m|re|ve|ll|d)\b/g, '')
    .split(/[^\p{L}\p{N}@+#]+/u)
    .map((word) => word.replace(/^[@+#]+|[+#]+$/g, ''))
    .filter(Boolean);
  const kept = words.filter((word) => !FILLER.has(word));
  return (kept.length ? kept : words).join(' ');
}

/**
 * The words the index holds for a page beyond its prose: its title and search terms, normalized, each word
 * once. Rendered into the page's `terms` metadata (see SearchTerms.astro).
 */
export function indexTerms(title: string, searchTerms: readonly string[] = []): string {
  const words = [title, ...searchTerms].flatMap((text) => normalizeSearchText(text).split(' '));
  return [...new Set(words.filter(Boolean))].join(' ');
}

/**
 * The phrases a page answers exactly: its title and each search term, normalized, joined with "|". Written on the
 * page for the build to read (see SearchTerms.astro), which turns them into src/lib/search/exact-ranking.ts's shards.
 */
export function exactPhrases(title: string, searchTerms: readonly string[] = []): string {
  return [...new Set([title, ...searchTerms].map(normalizeSearchText).filter(Boolean))].join('|');
}

/** A title that ends in another name for what it names: "Go (Golang)", "Cross-Site Request Forgery (CSRF)". */
const ALIASED = /^(.+?)\s*\(([^()]+)\)$/;

/**
 * The two names in a title "X (Y)", normalized and joined with "|" ("go|golang"), or "" for any other title: each
 * names the page as its title does, so "go" and "csrf" find their topics first.
 */
export function titleAliases(title: string): string {
  const aliased = ALIASED.exec(title.trim());
  if (!aliased) return '';
  return [aliased[1]!, aliased[2]!].map(normalizeSearchText).filter(Boolean).join('|');
}
