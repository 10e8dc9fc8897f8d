/**
 * Words of an advert that name a technology only when written as a name (advert-match.ts asks of each one-word match):
 * everyday words that are also names ("Go", "Spring", "Rust"), and abbreviations that are also words ("REST",
 * "SOLID").
 */
import type { Word } from './advert-words.ts';

/**
 * Technology names that are also everyday words ("Go ahead", "spring offsite", "express interest", "at the helm").
 * They count only written as a name: capitalized but not in capitals, not glued to a word by a hyphen
 * ("Go-getter"), and at the start of a sentence only when the next word shows the technology ("Rust engineer",
 * "Go, Python or Java", "Go 1.23"), since a sentence may start with the everyday word too.
 */
export const NAMES = new Set(
  (
    'go spring express rust flask ruby node nest elastic echo gin diesel composer postman mongoose cassandra eloquent ' +
    'compose lambda vault helm rabbit kong consul eureka envoy razor blade artisan twig handlebars confluent ' +
    'snowflake jest pact polly raft poetry swagger insomnia bruno locust doctrine dynamo caddy celery apache'
  ).split(' '),
);

/** Words after a name at the start of a sentence that show it is the technology ("Ruby on Rails", "Go developers"). */
const NAME_FOLLOWERS = new Set(
  (
    'and or on developer developers engineer engineers engineering experience service services microservices code ' +
    'codebase backend programming language ecosystem stack app apps application applications api apis framework'
  ).split(' '),
);

/**
 * Abbreviations that are also words or everyday abbreviations ("the rest of the team", "solid SQL", "salary cap",
 * "ha ha"): they count only with a capital after the first letter ("REST", "RESTful", "IoC", "EXPLAIN").
 */
export const CAPITALS = new Set(
  'rest restful solid explain cap ha di fp gc ioc pg tf ts rag hal soap bff mq elk kms os'.split(' '),
);

/** Whether a position starts a sentence: only spaces and bullets since a line break, `.`, `!`, `?`, `:` or `;`. */
function startsSentence(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    if (/[\n.!?:;]/.test(text[i]!)) return true;
    if (!/[\s\-*•→·▪–—>]/u.test(text[i]!)) return false;
  }
  return true;
}

/** Whether a one-word phrase at `i` is written the way its rule asks (NAMES, CAPITALS, and Apache's projects). */
export function writtenAsName(text: string, words: readonly Word[], i: number): boolean {
  const word = words[i]!;
  const next = words[i + 1];
  if (CAPITALS.has(word.key)) return /\p{Lu}/u.test(word.raw.slice(1));
  if (!NAMES.has(word.key)) return true;
  if (!/^\p{Lu}/u.test(word.raw) || word.raw === word.raw.toUpperCase()) return false;
  if (word.gap === '-' || next?.gap === '-') return false;
  // "Apache Spark", "Apache Airflow": another of the foundation's projects, not the web server.
  if (word.key === 'apache' && next && next.gap === ' ' && /^\p{Lu}/u.test(next.raw)) return false;
  if (!startsSentence(text, word.start) || !next) return true;
  return /\S/.test(next.gap) || next.gap.includes('\n') || /^\d/.test(next.key) || NAME_FOLLOWERS.has(next.key);
}
