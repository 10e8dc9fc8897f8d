/**
 * A role's time to proficiency on the basis it is counted from. Most roles count from a start of learning; a role
 * that follows another (`timeToProficiency.after`: System Architect after Senior Backend Engineer) counts from
 * reaching it. So every table, chart and page shows the figure with its basis ("+8–12 months after Senior Backend
 * Engineer"), and sorts by the time from a start, that role's own time plus the time of the roles it follows.
 * Pure; unit-tested in tests/unit/roles/proficiency.test.ts.
 */
import { formatDuration } from '../../core/format/format.ts';

/** A time to proficiency as the role schema reads it. */
export interface Proficiency {
  min: number;
  max: number;
  unit: 'weeks' | 'months' | 'years';
  /** The role this time is counted after; none for a start of learning. */
  after?: { id: string } | undefined;
}

/** What these helpers read of a role. */
export interface ProficiencyRole {
  id: string;
  data: { title: string; timeToProficiency: Proficiency };
}

/** Months in one unit of a duration, for adding and sorting durations written in different units. */
const MONTHS_PER_UNIT = { weeks: 12 / 52, months: 1, years: 12 } as const;

/** The roles by id, for looking up what a time is counted after. */
export const rolesById = <R extends ProficiencyRole>(roles: readonly R[]): ReadonlyMap<string, R> =>
  new Map(roles.map((r) => [r.id, r]));

/** The role a time is counted after, if it names one that exists. */
function basisOf<R extends ProficiencyRole>(role: R, byId: ReadonlyMap<string, R>): R | undefined {
  const after = role.data.timeToProficiency.after;
  return after ? byId.get(after.id) : undefined;
}

/** "+8–12 months after Senior Backend Engineer", or "6–9 months" for a time counted from a start of learning. */
export function formatProficiency<R extends ProficiencyRole>(role: R, byId: ReadonlyMap<string, R>): string {
  const time = formatDuration(role.data.timeToProficiency);
  const basis = basisOf(role, byId);
  return basis ? `+${time} after ${basis.data.title}` : time;
}

/**
 * Months from a start of learning to this role at the quick (`min`) or slow (`max`) end: its own time plus that of
 * each role it is counted after, each counted once, so a role never sorts ahead of the role it follows.
 */
export function monthsFromStart<R extends ProficiencyRole>(
  role: R,
  byId: ReadonlyMap<string, R>,
  end: 'min' | 'max' = 'min',
  seen: Set<string> = new Set(),
): number {
  if (seen.has(role.id)) return 0;
  seen.add(role.id);
  const time = role.data.timeToProficiency;
  const basis = basisOf(role, byId);
  return time[end] * MONTHS_PER_UNIT[time.unit] + (basis ? monthsFromStart(basis, byId, end, seen) : 0);
}
