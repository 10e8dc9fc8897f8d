/**
 * Format 6 → 7: each card's SM-2 schedule { ease, interval, reps, due, reviewed } becomes an FSRS memory state
 * { stability, difficulty, reps, lapses, due, reviewed } (review-state.ts). Pure, and small, since every page that
 * reads progress carries it.
 *
 * Kept as they were: `due` (the card comes back on the day SM-2 said), `reviewed` (the last review, which the
 * merge of two devices compares) and `reps`. SM-2 counted no lapses, so they start at 0. The memory state is the
 * one Anki gives a card switched from SM-2 without its review log (fsrs-rs, `memory_state_from_sm2`, with SM-2's
 * retention taken as FSRS's 90 %): stability = the interval, so recall has fallen to 90 % on the due day, and
 *   difficulty = 11 − (ease − 1) / (e^w8 · S^−w9 · (e^(0.1·w10) − 1)), clamped to 1…10,
 * with ts-fsrs's default weights w8–w10 (a unit test holds them to the library's).
 */
export const W8 = 1.8722;
export const W9 = 0.1666;
export const W10 = 0.796;

/** One SM-2 review of format 6 as FSRS; anything that is not one is returned unchanged, for the reader to reject. */
export function sm2ToFsrs(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  const { ease, interval, reps, due, reviewed } = value as Record<string, unknown>;
  // Format 6's bounds (ease 1.3–5, whole days up to 36,500): a review outside them stays unreadable, as it was.
  const sm2 = typeof ease === 'number' && ease >= 1.3 && ease <= 5 && Number.isInteger(interval);
  if (!sm2 || (interval as number) < 0 || (interval as number) > 36_500) return value;
  const stability = Math.max(0.001, interval as number);
  const difficulty = 11 - (ease - 1) / (Math.exp(W8) * stability ** -W9 * Math.expm1(0.1 * W10));
  return {
    stability,
    difficulty: Math.min(10, Math.max(1, difficulty)),
    reps,
    lapses: 0,
    due,
    reviewed,
  };
}

/** Every review of a format 6 section ({ id: review }) as FSRS; a section that is not a map is left for the reader. */
export function sectionToFsrs(section: unknown): unknown {
  if (!section || typeof section !== 'object' || Array.isArray(section)) return section;
  return Object.fromEntries(Object.entries(section).map(([id, review]) => [id, sm2ToFsrs(review)]));
}
