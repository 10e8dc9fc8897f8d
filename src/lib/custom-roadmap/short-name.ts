/**
 * Topics by short names, as a proposed stage's title lists them (proposal.ts): "JWT", "Retries", "Clean
 * Architecture", so a title of three names reads at a glance.
 */
import type { Catalog } from './catalog.ts';

/**
 * A topic's name as a stage title lists it: its title without "The", a closing acronym for the whole ("JSON Web
 * Tokens (JWT)" is "JWT"), other brackets left out ("Cloud Platforms (AWS, GCP, Azure)", "Go (Golang)"), without
 * what only tells it apart in the topic index ("Distributed Systems Fundamentals", "Kotlin on the Server"), and of
 * a title that lists things, one — so a list of names does not read as a list of lists. That one is the part its
 * id names ("Mocks, Stubs and Test Doubles" is test-doubles: "Test Doubles"; "Layered and Clean Architecture" is
 * "Clean Architecture"), else the first ("Retries, Timeouts and Backoff": "Retries"; "Goroutines and Channels":
 * "Goroutines"), unless the parts share their last words ("Horizontal and Vertical Scaling" stays whole).
 */
export function shortName(catalog: Catalog, id: string): string {
  const title = Object.hasOwn(catalog.topics, id) ? catalog.topics[id]!.title : id;
  const [, head = title, inner = ''] = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(title) ?? [];
  const name = (/^[A-Z][A-Z0-9#+]{1,5}$/.test(inner) ? inner : head)
    .replace(/^the\s+/i, '')
    .replace(/(\S\s+\S+)\s+(fundamentals|basics)$/i, '$1')
    .replace(/\s+(on the server|for the backend|for backend work|in python)$/i, '');
  const parts = name.split(/\s*,\s+|\s+and\s+/i).map((part) => part.replace(/^the\s+/i, ''));
  if (parts.length === 1) return name || title;
  const idWords = new Set(wordsIn(id));
  const named = parts.filter((part) => wordsIn(part).every((w) => idWords.has(w)));
  if (named.length === 1) return named[0]!;
  if (name.includes(',')) return parts[0]!;
  const [one, other] = parts as [string, string];
  return /\s/.test(one) || !/\s/.test(other) ? one : name;
}

const wordsIn = (text: string) =>
  text
    .toLowerCase()
    .split(/[^a-z0-9#+]+/)
    .filter(Boolean);
