/**
 * A roadmap's progress packed into a URL fragment: "#share=1.<count>.<check>.<bits>".
 * Two bits per topic in roadmap order (0 not started, 1 learning, 2 done, 3 skipped), base64url-encoded;
 * <count> and <check> (a hash of the roadmap's topic ids) detect a link made for a different version of the
 * roadmap. Decoding never throws: a tampered or truncated code is reported as invalid.
 */
import { TOPIC_STATES, type TopicState } from './progress-store.ts';

const CODE_VERSION = '1';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** FNV-1a over the topic ids, as 6 base36 digits: enough to notice a changed roadmap. */
export function topicListCheck(topicIds: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const char of topicIds.join('\n')) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0').slice(-6);
}

export function encodeShareCode(topicIds: readonly string[], states: Readonly<Record<string, TopicState>>): string {
  const values = topicIds.map((id) => (states[id] ? TOPIC_STATES.indexOf(states[id]!) + 1 : 0));
  let bits = '';
  for (let i = 0; i < values.length; i += 3) {
    // 3 topics × 2 bits = 6 bits = one base64url character.
    const six = (values[i]! << 4) | ((values[i + 1] ?? 0) << 2) | (values[i + 2] ?? 0);
    bits += ALPHABET[six];
  }
  return `${CODE_VERSION}.${topicIds.length}.${topicListCheck(topicIds)}.${bits}`;
}

export type ShareDecode = { ok: true; states: Record<string, TopicState> } | { ok: false; reason: string };

export function decodeShareCode(code: string, topicIds: readonly string[]): ShareDecode {
  const parts = code.split('.');
  if (parts.length !== 4) return { ok: false, reason: 'the link is incomplete' };
  const [version, count, check, bits] = parts as [string, string, string, string];
  if (version !== CODE_VERSION) return { ok: false, reason: 'the link was made by another version of the site' };
  if (count !== String(topicIds.length) || check !== topicListCheck(topicIds)) return { ok: false, reason: 'the roadmap has changed since the link was made' };
  if (bits.length !== Math.ceil(topicIds.length / 3)) return { ok: false, reason: 'the link is truncated or damaged' };
  const states: Record<string, TopicState> = {};
  for (let i = 0; i < bits.length; i++) {
    const six = ALPHABET.indexOf(bits[i]!);
    if (six < 0) return { ok: false, reason: 'the link is damaged' };
    for (let j = 0; j < 3; j++) {
      const value = (six >> (4 - 2 * j)) & 3;
      const id = topicIds[i * 3 + j];
      if (id === undefined) {
        if (value !== 0) return { ok: false, reason: 'the link is damaged' };
        continue;
      }
      if (value > 0) states[id] = TOPIC_STATES[value - 1]!;
    }
  }
  return { ok: true, states };
}
