// IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no Node APIs, astro:content or zod here.
/**
 * Reads the text of a job advert a learner pastes and proposes the topics it asks for, in the browser: the advert
 * never leaves the page.
 *
 * The advert and every phrase of the catalog (a topic's title, variants of the title, its search terms) are cut
 * into words the same way, so "Node.js", "NodeJS" and "node js" meet, "C#", ".NET" and "CI/CD" keep what makes
 * them names, and "normalisation" meets "normalization". A phrase matches, in any case, where its words follow
 * each other within one sentence; a match that lies inside a longer one gives way to it ("Spring" in "Spring Data
 * JPA" is not also Spring Boot). A few words need more care, each set below says why.
 *
 * Precision matters as much as recall: every wrong proposal is one the learner has to notice and delete.
 * tests/unit/advert-match.test.ts measures both against hand-listed adverts in tests/fixtures/adverts/.
 */

/** A topic as the matcher sees it; `terms` are the topic's `searchTerms`. */
export interface CatalogTopic {
  id: string;
  title: string;
  terms: readonly string[];
}

/** A proposed topic and the distinct phrases of the advert that named it, as written, in order of first appearance. */
export interface AdvertMatch {
  id: string;
  words: string[];
}

/** Matches one advert against a compiled catalog: topics in order of their first mention. */
export type AdvertMatcher = (text: string) => AdvertMatch[];

/** Longest advert read, in characters: real ones are 2,000–6,000; the rest of a bigger paste is ignored. */
export const MAX_ADVERT_LENGTH = 20_000;

/**
 * Technology names that are also everyday words ("Go ahead", "spring offsite", "express interest", "at the helm").
 * They count only written as a name: capitalized but not in capitals, not glued to a word by a hyphen
 * ("Go-getter"), and at the start of a sentence only when the next word shows the technology ("Rust engineer",
 * "Go, Python or Java", "Go 1.23"), since a sentence may start with the everyday word too.
 */
const NAMES = new Set(
  'go spring express rust flask ruby node nest elastic echo gin diesel composer postman mongoose cassandra eloquent compose lambda vault helm rabbit kong consul eureka envoy razor blade artisan twig handlebars confluent snowflake jest pact polly raft poetry swagger insomnia bruno locust doctrine dynamo caddy celery apache'.split(' '),
);

/** Words after a name at the start of a sentence that show it is the technology. */
const NAME_FOLLOWERS = new Set(
  'and or developer developers engineer engineers engineering experience service services microservices code codebase backend programming language ecosystem stack app apps application applications api apis framework'.split(' '),
);

/**
 * Abbreviations that are also words or everyday abbreviations ("the rest of the team", "solid SQL", "salary cap",
 * "PG-13"): they count only with a capital after the first letter ("REST", "RESTful", "IoC", "PRs").
 */
const CAPITALS = new Set('rest restful solid explain cap ha di fp gc ioc pg tf ts rag hal soap bff pr mq elk kms os'.split(' '));

/**
 * Catalog phrases that never propose a topic on their own, because adverts use them in their own prose (benefits,
 * culture, hiring: "job alerts", "leadership team", "build consensus", "meet deadlines", "a fast-paced scale-up",
 * "rest assured", "Fortune 500", "H2 2026") or because they name a whole field rather than one topic ("validation",
 * "algorithms", "asynchronous" communication). The symbol-less "$lookup" is just "lookup".
 */
const GENERIC = new Set([
  ...'alerts dashboards queues lifetimes leadership consensus deadlines redundancy subscriptions scalability joins signals terminal paging pods threads classes traits mocks fakes spies exceptions imports dependencies validation cancellation spans realtime algorithms synchronous asynchronous salt anyhow lookup 404 500 h2 h3'.split(' '),
  ...['sign in', 'hiring engineers', 'scale up', 'scalable systems', 'execution plan', 'fail fast', 'rest assured', 'fast api', 'go get'],
]);

/** A word of the advert: its canonical form, where it is, and what separates it from the previous word. */
interface Word {
  key: string;
  raw: string;
  start: number;
  end: number;
  gap: string;
}

/**
 * Letters and digits, joined by `.`, `'`, `+` or `#` without a space ("Node.js", "C#", "n+1", "x.509"), with a
 * leading dot for ".NET". Hyphens, slashes and underscores separate words: "Cross-Site" is "cross site",
 * "Python/Django" is two words, "CI/CD" is "ci cd" on both sides.
 */
const WORD = /(?:(?<![\p{L}\p{N}.])\.)?[\p{L}\p{N}]+(?:[.'’+#][\p{L}\p{N}]+)*[+#]*/gu;

/** One raw word in canonical form; a version glued to a name is a word of its own ("OAuth2" is "oauth 2"). */
function canonical(raw: string): string[] {
  const word = raw
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/'s$/, '')
    .replace(/^\.(?=\p{L})/u, 'dot') // ".NET" is "dotnet", ".env" is "dotenv", as in search terms
    .replace(/\.js$/, 'js') // "Node.js" is "NodeJS"
    .replace(/^(\d+)\.0$/, '$1') // "OAuth 2.0" is "OAuth 2"
    .replace(/is(e|ed|es|ing|ation|ations)$/, 'iz$1') // British spelling: "optimisation", "normalise"
    .replace(/ys(e|ed|es|ing)$/, 'yz$1')
    .replace(/ell(ing|ed)$/, 'el$1'); // "modelling", "labelled"
  const versioned = /^([a-z]{2,})(\d{1,2})$/.exec(word);
  return versioned ? [versioned[1]!, versioned[2]!] : [word];
}

/** The words of a text, capped at MAX_ADVERT_LENGTH characters. */
function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  let last = 0;
  for (const match of text.slice(0, MAX_ADVERT_LENGTH).matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    const gap = text.slice(last, start);
    canonical(match[0]).forEach((key, i) => words.push({ key, raw: match[0], start, end, gap: i === 0 ? gap : '' }));
    last = end;
  }
  return words;
}

/**
 * Other forms of a phrase: the plural or singular of its last word ("circuit breakers", "relational database"),
 * and for a title, the thing its "-ing" names ("Unit Testing": "unit tests", "Rate Limiting": "rate limits").
 * A single search term is only made plural: "containers" is not also a "container" ship.
 */
function inflections(words: string[], titled: boolean): string[][] {
  const last = words.at(-1) ?? '';
  const forms: string[] = [];
  const stem = titled && words.length > 1 && /^[a-z]{4,}ing$/.test(last) ? last.slice(0, -3) : undefined;
  if (stem) forms.push(stem, `${stem}s`, `${stem}e`, `${stem}es`);
  if (/^[a-z]{3,}$/.test(last)) {
    if (!last.endsWith('s')) forms.push(/(x|ch|sh)$/.test(last) ? `${last}es` : /[^aeiou]y$/.test(last) ? `${last.slice(0, -1)}ies` : `${last}s`);
    else if ((titled || words.length > 1) && last.length >= 5 && !/(ss|us|is)$/.test(last)) forms.push(last.replace(/ies$/, 'y').replace(/(x|ch|sh|ss)es$/, '$1').replace(/s$/, ''));
  }
  return forms.map((form) => [...words.slice(0, -1), form]);
}

/** Parts of a title that name the topic alone: "JSON Web Tokens (JWT)" is also "JWT" and "JSON Web Tokens". */
function titleVariants(title: string): string[] {
  const [, head = title, inner = ''] = /^(.*?)\s*\((.*)\)\s*$/.exec(title) ?? [];
  const variants = inner.split(/\s*,\s*/).filter(Boolean);
  // "The JVM", "Apache Kafka", "Amazon DynamoDB", "Microsoft SQL Server": the name without its article or maker.
  const named = head.replace(/^(the|apache|amazon|microsoft|aws|google)\s+/i, '');
  // "Kotlin on the Server", "Celery and Background Tasks in Python", "Distributed Systems Fundamentals".
  const cut = named.replace(/\s+(on the|for the|for|in)\s+.*$/i, '').replace(/(\S\s+\S+)\s+(basics|fundamentals)$/i, '$1');
  variants.push(named, cut);
  // "HTTPS and TLS", "Spring Data JPA and Hibernate": each part that is a name ("MySQL", "EXPLAIN") or a phrase.
  // A plain single word is left out: "Metrics and Monitoring", "Hosting, Pull Requests and Code Review".
  for (const part of cut.split(/\s*,\s*|\s+and\s+/i)) {
    const plain = part.replace(/^the\s+/i, '');
    if (/\s/.test(plain) || /[A-Z0-9#+./]/.test(plain.slice(1))) variants.push(plain);
  }
  return variants;
}

/** A catalog phrase: its words, the topic it names, and whether it is a title or search term as written. */
interface Phrase {
  words: string[];
  id: string;
  exact: boolean;
}

const keyOf = (phrase: string): string[] => wordsOf(phrase).map((w) => w.key);

/**
 * Compiles the catalog once into a matcher fast enough for every keystroke. Each topic is named by its title and
 * search terms as written (exact), and by its title's variants and its id, the short name its author gave it
 * ("celery", "isolation-levels"). A phrase one topic has exactly is not also another's variant: "code review" is
 * not "Hosting, Pull Requests and Code Review".
 */
export function compileCatalog(topics: readonly CatalogTopic[]): AdvertMatcher {
  const phrases = new Map<string, Phrase[]>();
  const add = (words: string[], id: string, exact: boolean) => {
    const key = words.join(' ');
    if (!words.length || GENERIC.has(key)) return;
    const known = phrases.get(key) ?? [];
    if (!known.some((p) => p.id === id || (p.exact && !exact))) phrases.set(key, [...known.filter((p) => p.exact || !exact), { words, id, exact }]);
    // Two-word names are written as one too: "flame graphs" and "flamegraphs", "on-call" and "oncall".
    if (words.length === 2 && words.every((w) => /^[a-z]+$/.test(w))) add([words.join('')], id, exact);
  };
  for (const { id, title, terms } of topics) {
    const named = [[title, true], ...(terms ?? []).map((term) => [term, false] as const)] as const;
    for (const [text, exact, titled] of [...named.map(([t, isTitle]) => [t, true, isTitle] as const), ...[...titleVariants(title), id].map((t) => [t, false, true] as const)]) {
      const words = keyOf(text);
      add(words, id, exact);
      // Names and capitals are not inflected: "Springs" is a place, and "GCs" would be "GCS", Google's storage.
      if (words.length === 1 && (NAMES.has(words[0]!) || CAPITALS.has(words[0]!))) continue;
      for (const form of inflections(words, titled && text !== text.toUpperCase())) add(form, id, exact);
    }
  }
  const byFirstWord = new Map<string, Phrase[]>();
  let longest = 1;
  for (const list of phrases.values()) {
    for (const p of list) {
      byFirstWord.set(p.words[0]!, [...(byFirstWord.get(p.words[0]!) ?? []), p]);
      longest = Math.max(longest, p.words.length);
    }
  }
  return (text) => match(typeof text === 'string' ? text : '', byFirstWord, longest);
}

/** Whether a text position starts a sentence: only spaces and bullets since a line break, `.`, `!`, `?`, `:` or `;`. */
function startsSentence(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    if (/[\n.!?:;]/.test(text[i]!)) return true;
    if (!/[\s\-*•→·▪–—>]/u.test(text[i]!)) return false;
  }
  return true;
}

/** Whether a one-word phrase at `i` is written the way its rule asks (NAMES, CAPITALS, and Apache's projects). */
function writtenAsName(text: string, words: Word[], i: number): boolean {
  const word = words[i]!;
  const next = words[i + 1];
  if (CAPITALS.has(word.key)) return /\p{Lu}/u.test(word.raw.slice(1));
  if (!NAMES.has(word.key)) return true;
  if (!/^\p{Lu}/u.test(word.raw) || word.raw === word.raw.toUpperCase()) return false;
  if (word.gap === '-' || next?.gap === '-') return false;
  // "Apache Spark", "Apache Airflow": another of the foundation's projects, not the web server.
  if (word.key === 'apache' && next && next.gap === ' ' && /^\p{Lu}/u.test(next.raw)) return false;
  if (!startsSentence(text, word.start) || !next) return true;
  return /[^\s]/.test(next.gap) || next.gap.includes('\n') || /^\d/.test(next.key) || NAME_FOLLOWERS.has(next.key);
}

function match(text: string, byFirstWord: ReadonlyMap<string, Phrase[]>, longest: number): AdvertMatch[] {
  const words = wordsOf(text);
  const found: { id: string; from: number; to: number }[] = [];
  words.forEach((word, i) => {
    for (const phrase of byFirstWord.get(word.key) ?? []) {
      const n = phrase.words.length;
      const fits = phrase.words.every((w, k) => words[i + k]?.key === w && (k === 0 || /^[ \t\-/_]*$/.test(words[i + k]!.gap)));
      if (fits && (n > 1 || writtenAsName(text, words, i))) found.push({ id: phrase.id, from: i, to: i + n });
    }
  });
  // A match inside a longer one gives way to it: "T-SQL" is SQL Server, not also SQL. `reach[i]`: the furthest
  // end of a match that starts at word i; a longer match around m starts at most `longest` words before it.
  const reach = new Map<number, number>();
  for (const m of found) reach.set(m.from, Math.max(reach.get(m.from) ?? 0, m.to));
  const inside = (m: (typeof found)[number]) => {
    for (let from = Math.max(0, m.from - longest); from <= m.from; from++) if ((reach.get(from) ?? 0) >= m.to + (from === m.from ? 1 : 0)) return true;
    return false;
  };
  const byTopic = new Map<string, Set<string>>();
  for (const m of found.filter((f) => !inside(f))) {
    const phrase = text.slice(words[m.from]!.start, words[m.to - 1]!.end);
    byTopic.set(m.id, (byTopic.get(m.id) ?? new Set()).add(phrase));
  }
  return [...byTopic].map(([id, phrases]) => ({ id, words: [...phrases] }));
}

/** The catalog compiled once per array of topics. */
const compiled = new WeakMap<readonly CatalogTopic[], AdvertMatcher>();

/** Proposes topics for the text of a job advert, in order of first mention. Never throws. */
export function matchAdvert(text: string, topics: readonly CatalogTopic[]): AdvertMatch[] {
  let matcher = compiled.get(topics);
  if (!matcher) compiled.set(topics, (matcher = compileCatalog(topics)));
  return matcher(text);
}
