/**
 * A roadmap's progress packed into a URL fragment.
 * Format 2 (made today), "#share=2.<count>.<items>": one item per topic not "not started", 4 base64url characters
 * each — a 22-bit hash of the topic id and 2 bits of state (0 learning, 1 done, 2 skipped). Ids, not positions, so
 * a link still opens after its roadmap gains, loses or reorders topics: topics still there show their state, the
 * rest are counted as gone. <count> catches a truncated link.
 * Format 1 (older links), "#share=1.<count>.<check>.<bits>": two bits per topic in roadmap order; <count> and <check>
 * (a hash of the roadmap's topic ids) tie it to one version of the roadmap, so it opens only while that is unchanged.
 * Decoding never throws: a tampered or truncated code is reported as invalid.
 */
import { TOPIC_STATES, type TopicState } from './progress-store.ts';

const CODE_VERSION = '2';
/** Most items a format-2 code may list: more topics than any roadmap has. */
const MAX_ITEMS = 5000;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** FNV-1a over the topic ids, as 6 base36 digits: enough to notice a changed roadmap (format 1). */
export const topicListCheck = (topicIds: readonly string[]): string =>
  fnv1a(topicIds.join('\n')).toString(36).padStart(7, '0').slice(-6);

/** A topic id's stable 22-bit hash (FNV-1a folded): the same id gives the same hash on every build. */
export const topicHash = (id: string): number => {
  const hash = fnv1a(id);
  return (hash ^ (hash >>> 22)) & 0x3fffff;
};

/** The code a progress link carries, a roadmap's progress: its topics' states by hashed id (format 2). */
export function encodeShareCode(topicIds: readonly string[], states: Readonly<Record<string, TopicState>>): string {
  let items = '';
  let count = 0;
  for (const id of topicIds) {
    const state = states[id];
    if (!state) continue;
    const n = (topicHash(id) << 2) | TOPIC_STATES.indexOf(state);
    for (let j = 0; j < 4; j++) items += ALPHABET[(n >> (18 - 6 * j)) & 63];
    count++;
  }
  return `${CODE_VERSION}.${count}.${items}`;
}

/** A format-1 code, as links made before format 2 carry (kept so tests can make one). */
export function encodeShareCodeV1(topicIds: readonly string[], states: Readonly<Record<string, TopicState>>): string {
  const values = topicIds.map((id) => (states[id] ? TOPIC_STATES.indexOf(states[id]) + 1 : 0));
  let bits = '';
  for (let i = 0; i < values.length; i += 3) {
    // 3 topics × 2 bits = 6 bits = one base64url character.
    const six = (values[i]! << 4) | ((values[i + 1] ?? 0) << 2) | (values[i + 2] ?? 0);
    bits += ALPHABET[six];
  }
  return `1.${topicIds.length}.${topicListCheck(topicIds)}.${bits}`;
}

/** Why a link cannot be read, in English, said inside the page's sentence about it (the dictionary's `shareProblems`). */
export const SHARE_PROBLEMS = {
  incomplete: 'the link is incomplete',
  version: 'the link was made by another version of the site',
  changed: 'the roadmap has changed since the link was made',
  truncated: 'the link is truncated or damaged',
  damaged: 'the link is damaged',
};
export type ShareProblem = keyof typeof SHARE_PROBLEMS;

/** The states a link holds for this roadmap's topics, and how many topics it names that the roadmap no longer has. */
export type ShareDecode =
  { ok: true; states: Record<string, TopicState>; gone: number } | { ok: false; problem: ShareProblem; reason: string };
const fail = (problem: ShareProblem): ShareDecode => ({ ok: false, problem, reason: SHARE_PROBLEMS[problem] });

export function decodeShareCode(code: string, topicIds: readonly string[]): ShareDecode {
  if (typeof code !== 'string') return fail('incomplete');
  const parts = code.split('.');
  if (parts[0] === CODE_VERSION) return decodeByIds(parts, topicIds);
  if (parts[0] !== '1') return fail('version');
  if (parts.length !== 4) return fail('incomplete');
  const [, count, check, bits] = parts as [string, string, string, string];
  if (count !== String(topicIds.length) || check !== topicListCheck(topicIds)) return fail('changed');
  if (bits.length !== Math.ceil(topicIds.length / 3)) return fail('truncated');
  const states: Record<string, TopicState> = {};
  for (let i = 0; i < bits.length; i++) {
    const six = ALPHABET.indexOf(bits[i]!);
    if (six < 0) return fail('damaged');
    for (let j = 0; j < 3; j++) {
      const value = (six >> (4 - 2 * j)) & 3;
      const id = topicIds[i * 3 + j];
      if (id === undefined) {
        if (value !== 0) return fail('damaged');
        continue;
      }
      if (value > 0) states[id] = TOPIC_STATES[value - 1]!;
    }
  }
  return { ok: true, states, gone: 0 };
}

function decodeByIds(parts: string[], topicIds: readonly string[]): ShareDecode {
  if (parts.length !== 3) return fail('incomplete');
  const [, count, items] = parts as [string, string, string];
  if (!/^(0|[1-9]\d{0,3})$/.test(count) || Number(count) > MAX_ITEMS) return fail('damaged');
  if (items.length !== Number(count) * 4) return fail('truncated');
  // Hashes of this roadmap's topics; two topics sharing a hash cannot be told apart, so neither is read.
  const byHash = new Map<number, string | null>();
  for (const id of topicIds) byHash.set(topicHash(id), byHash.has(topicHash(id)) ? null : id);
  const states: Record<string, TopicState> = {};
  const seen = new Set<number>();
  let gone = 0;
  for (let i = 0; i < items.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const six = ALPHABET.indexOf(items[i + j]!);
      if (six < 0) return fail('damaged');
      n = (n << 6) | six;
    }
    const hash = n >> 2;
    const state = TOPIC_STATES[n & 3];
    if (!state || seen.has(hash)) return fail('damaged');
    seen.add(hash);
    const id = byHash.get(hash);
    if (id) states[id] = state;
    else if (id === undefined) gone++;
  }
  return { ok: true, states, gone };
}
