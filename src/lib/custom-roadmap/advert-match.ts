import { ADVERT_CONTEXT_WORDS, ADVERT_SYNONYMS } from './advert-synonyms.ts';
import { CAPITALS, NAMES, writtenAsName } from './advert-names.ts';
import { type Word, wordsOf } from './advert-words.ts';
/**
 * Proposes the topics a job advert asks for, from the text a learner pastes, in the browser: it never leaves the page.
 * The advert and every phrase of the catalog (a topic's title, its variants, its id and its search terms) are cut
 * into words the same way, so "Node.js", "NodeJS" and "node js" meet, "C#", ".NET" and "CI/CD" keep what makes them
 * names, and "normalisation" meets "normalization". A phrase matches, in any case, where its words follow each
 * other within one sentence; a match inside a longer one gives way to it ("Spring" in "Spring Data JPA" is not also
 * Spring Boot, "SQL" in "T-SQL" not also SQL). Adverts' own words for a topic ("containerised", "Helm charts",
 * "event-driven design") come from advert-synonyms.ts, as do everyday words that name a topic only beside another of
 * its kind ("metrics, structured logs and traces"). A few words need more care; each set below says why.
 *
 * Precision matters as much as recall: every wrong proposal is one the learner has to notice and delete.
 * tests/unit/custom-roadmap/advert-match.test.ts measures both against hand-listed adverts in tests/fixtures/adverts/.
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

/**
 * Catalog phrases that never propose a topic on their own, because adverts use them in their own prose (benefits,
 * culture, hiring: "job alerts", "leadership team", "build consensus", "meet deadlines", "a fast-paced scale-up",
 * "our PR agency", "rest assured", "Fortune 500", "H2 2026", "premium subscription", "short token lifetimes") or
 * because they name a field rather than one topic ("validation", "algorithms", "queues", "asynchronous"
 * communication). The symbol-less "$lookup" is just "lookup".
 */
const GENERIC = new Set([
  ...(
    'pr alerts dashboards queues lifetimes leadership consensus deadlines redundancy subscriptions scalability joins ' +
    'signals terminal paging pods threads classes traits mocks fakes spies exceptions imports dependencies validation ' +
    'cancellation spans realtime algorithms synchronous asynchronous salt anyhow lookup 404 500 h2 h3'
  ).split(' '),
  ...['sign in', 'hiring engineers', 'scale up', 'scalable systems', 'execution plan', 'fail fast', 'rest assured'],
  ...['fast api', 'go get'],
]);

/**
 * Other forms of a phrase: the plural or singular of its last word ("circuit breakers", "relational database"), and
 * for a title what its "-ing" names ("rate limits"). A one-word term only gains a plural: "containers", no "container".
 */
function inflections(words: string[], titled: boolean): string[][] {
  const last = words.at(-1) ?? '';
  const forms: string[] = [];
  const stem = titled && words.length > 1 && /^[a-z]{4,}ing$/.test(last) ? last.slice(0, -3) : undefined;
  if (stem) forms.push(stem, `${stem}s`, `${stem}e`, `${stem}es`);
  if (/^[a-z]{3,}$/.test(last) && !last.endsWith('s')) {
    forms.push(
      /(x|ch|sh)$/.test(last) ? `${last}es` : /[^aeiou]y$/.test(last) ? `${last.slice(0, -1)}ies` : `${last}s`,
    );
  } else if (/^[a-z]{5,}$/.test(last) && (titled || words.length > 1) && !/(ss|us|is)$/.test(last)) {
    forms.push(
      last
        .replace(/ies$/, 'y')
        .replace(/(x|ch|sh|ss)es$/, '$1')
        .replace(/s$/, ''),
    );
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
  const cut = named
    .replace(/\s+(on the|for the|for|in)\s+.*$/i, '')
    .replace(/(\S\s+\S+)\s+(basics|fundamentals)$/i, '$1');
  variants.push(named, cut);
  // "HTTPS and TLS", "Spring Data JPA and Hibernate": each part that is a name ("MySQL", "EXPLAIN") or a phrase.
  // A plain single word is left out: "Metrics and Monitoring", "Hosting, Pull Requests and Code Review".
  for (const part of cut.split(/\s*,\s*|\s+and\s+/i)) {
    const plain = part.replace(/^the\s+/i, '');
    if (/\s/.test(plain) || /[A-Z0-9#+./]/.test(plain.slice(1))) variants.push(plain);
  }
  return variants;
}

/**
 * A catalog phrase: its words, the topic it names, whether it is a title or search term as written, and for an
 * everyday word (ADVERT_CONTEXT_WORDS) the topics one of which must be named in the same sentence.
 */
interface Phrase {
  words: string[];
  id: string;
  exact: boolean;
  with?: ReadonlySet<string>;
}

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
    const kept = known.filter((p) => p.exact || !exact); // an exact phrase displaces other topics' variants
    if (!known.some((p) => p.id === id || (p.exact && !exact))) phrases.set(key, [...kept, { words, id, exact }]);
    // Two-word names are written as one too: "flame graphs" and "flamegraphs", "on-call" and "oncall".
    if (words.length === 2 && words.every((w) => /^[a-z]+$/.test(w))) add([words.join('')], id, exact);
  };
  for (const { id, title, terms } of topics) {
    const synonyms = Object.hasOwn(ADVERT_SYNONYMS, id) ? ADVERT_SYNONYMS[id]! : [];
    const sources = [
      ...[title, ...(terms ?? []), ...synonyms].map((text, i) => ({ text, exact: true, titled: i === 0 })),
      ...titleVariants(title).map((text) => ({ text, exact: false, titled: true })),
      { text: id, exact: false, titled: id.includes('-') }, // a one-word id is a word of the title, inflected there
    ];
    for (const { text, exact, titled } of sources) {
      const words = wordsOf(text.replace(/^the\s+/i, '')).map((w) => w.key); // "The JVM" is named "JVM"
      add(words, id, exact);
      // Names and abbreviations are not inflected: "Springs" is a place, "HTTPS" is not two HTTPs, and "GCS" is
      // Google's storage, not garbage collections. Nor is a one-word id (see above).
      const name = words.length === 1 && (NAMES.has(words[0]!) || CAPITALS.has(words[0]!) || text === id);
      if (name || (titled && text === text.toUpperCase())) continue;
      for (const form of inflections(words, titled)) add(form, id, exact);
    }
  }
  // An everyday word counts only beside a topic of its kind, and never displaces a phrase of the catalog.
  const ids = new Set(topics.map((t) => t.id));
  for (const { words, id, with: companions } of ADVERT_CONTEXT_WORDS) {
    if (!ids.has(id)) continue;
    for (const word of words) {
      if (!phrases.has(word)) phrases.set(word, [{ words: [word], id, exact: true, with: new Set(companions) }]);
    }
  }
  const byFirstWord = new Map<string, Phrase[]>();
  for (const p of [...phrases.values()].flat())
    byFirstWord.set(p.words[0]!, [...(byFirstWord.get(p.words[0]!) ?? []), p]);
  const longest = Math.max(1, ...[...phrases.values()].flat().map((p) => p.words.length));
  return (text) => match(typeof text === 'string' ? text : '', byFirstWord, longest);
}

/** A phrase found in the advert: its topic, its words [from, to), and what an everyday word needs beside it. */
interface Found {
  id: string;
  from: number;
  to: number;
  with?: ReadonlySet<string> | undefined;
}

function match(text: string, byFirstWord: ReadonlyMap<string, Phrase[]>, longest: number): AdvertMatch[] {
  const words = wordsOf(text);
  const found: Found[] = [];
  for (let i = 0; i < words.length; i++) {
    for (const phrase of byFirstWord.get(words[i]!.key) ?? []) {
      const n = phrase.words.length;
      let k = 1; // a phrase's words follow each other within a sentence: "Spring. Boot" is not Spring Boot
      while (k < n && words[i + k]?.key === phrase.words[k] && /^[ \t\-/_]*$/.test(words[i + k]!.gap)) k++;
      if (k === n && (n > 1 || writtenAsName(text, words, i)))
        found.push({ id: phrase.id, from: i, to: i + n, with: phrase.with });
    }
  }
  // A match inside a longer one gives way to it. `reach`: the furthest end of a match starting at each word; a
  // longer match around m starts at most `longest` words before it.
  const reach = new Map<number, number>();
  for (const m of found) reach.set(m.from, Math.max(reach.get(m.from) ?? 0, m.to));
  const inside = ({ from, to }: Found) => {
    for (let start = Math.max(0, from - longest); start <= from; start++) {
      if ((reach.get(start) ?? 0) >= to + (start === from ? 1 : 0)) return true;
    }
    return false;
  };
  const kept = found.filter((f) => !inside(f));
  kept.push(...sharedEnds(text, words, kept, byFirstWord));
  // An everyday word counts only where another topic it needs is named in the same sentence — a line, or up to
  // ".", "!" or "?" (a list after ":" or ";" is still the sentence that introduced it) — even by an everyday word
  // ("metrics and traces").
  const sentence: number[] = [];
  words.forEach((w, i) => sentence.push(i && sentence[i - 1]! + (/[\n.!?]/.test(w.gap) ? 1 : 0)));
  const named = new Set(kept.map((f) => `${sentence[f.from]} ${f.id}`));
  const confirmed = kept.filter(
    (f) => !f.with || [...f.with].some((id) => id !== f.id && named.has(`${sentence[f.from]} ${id}`)),
  );
  confirmed.sort((a, b) => a.from - b.from);
  const byTopic = new Map<string, Set<string>>();
  for (const { id, from, to } of confirmed) {
    byTopic.set(id, (byTopic.get(id) ?? new Set()).add(text.slice(words[from]!.start, words[to - 1]!.end)));
  }
  return [...byTopic].map(([id, phrases]) => ({ id, words: [...phrases] }));
}

/**
 * Two-word phrases that share their last word with the next one: "unit and integration testing" is unit testing as
 * well as integration testing, "unit or integration tests" too. Only where the second is itself a phrase of ours,
 * so "Java and Spring Boot" stays as it is.
 */
function sharedEnds(
  text: string,
  words: readonly Word[],
  kept: readonly Found[],
  byFirstWord: ReadonlyMap<string, Phrase[]>,
): Found[] {
  const covered = new Set(kept.flatMap((f) => Array.from({ length: f.to - f.from }, (_, k) => f.from + k)));
  const shared: Found[] = [];
  for (const second of kept) {
    const i = second.from - 2;
    if (second.to - second.from !== 2 || i < 0 || covered.has(i)) continue;
    if (!['and', 'or'].includes(words[i + 1]!.key) || !/^[ \t]+$/.test(words[i + 1]!.gap + words[i + 2]!.gap)) continue;
    const last = words[second.to - 1]!.key;
    const first = (byFirstWord.get(words[i]!.key) ?? []).find(
      (p) => p.words.length === 2 && p.words[1] === last && !p.with,
    );
    if (first && writtenAsName(text, words, i)) shared.push({ id: first.id, from: i, to: second.to });
  }
  return shared;
}

const compiled = new WeakMap<readonly CatalogTopic[], AdvertMatcher>(); // once per array of topics

/** Proposes topics for the text of a job advert, in order of first mention. Never throws. */
export function matchAdvert(text: string, topics: readonly CatalogTopic[]): AdvertMatch[] {
  let matcher = compiled.get(topics);
  if (!matcher) compiled.set(topics, (matcher = compileCatalog(topics)));
  return matcher(text);
}
