/** A role's time to proficiency shown with its basis and sorted from a start (src/lib/roles/proficiency.ts). */
import { describe, expect, it } from 'vitest';
import {
  formatProficiency,
  monthsFromStart,
  type Proficiency,
  type ProficiencyRole,
  rolesById,
} from '../../../src/lib/roles/proficiency.ts';

const role = (id: string, title: string, timeToProficiency: Proficiency): ProficiencyRole => ({
  id,
  data: { title, timeToProficiency },
});
const after = (id: string) => ({ id, collection: 'roles' });

// The ladder as the site counts it: a junior from a start, the later steps in years of work after the first job,
// and an architect in months of study on top of senior.
const junior = role('junior', 'Junior Backend Developer', { min: 6, max: 9, unit: 'months' });
const mid = role('mid', 'Mid-Level Backend Developer', { min: 1, max: 3, unit: 'years', after: after('junior') });
const senior = role('senior', 'Senior Backend Engineer', { min: 3, max: 5, unit: 'years', after: after('junior') });
const architect = role('architect', 'System Architect', { min: 8, max: 12, unit: 'months', after: after('senior') });
const byId = rolesById([junior, mid, senior, architect]);

describe('time to proficiency', () => {
  it('names the role a time is counted after, and shows a time from a start as it is', () => {
    expect(formatProficiency(architect, byId)).toBe('+8–12 months after Senior Backend Engineer');
    expect(formatProficiency(mid, byId)).toBe('+1–3 years after Junior Backend Developer');
    expect(formatProficiency(junior, byId)).toBe('6–9 months');
    expect(formatProficiency(role('x', 'X', { min: 1, max: 1, unit: 'years' }), byId)).toBe('1 year');
  });

  it('counts from a start, adding the roles a time follows, so an architect sorts after mid-level and senior', () => {
    expect(monthsFromStart(junior, byId)).toBe(6);
    expect(monthsFromStart(mid, byId)).toBe(6 + 12);
    expect(monthsFromStart(senior, byId)).toBe(6 + 36);
    expect(monthsFromStart(architect, byId)).toBe(6 + 36 + 8);
    expect(monthsFromStart(architect, byId, 'max')).toBe(9 + 60 + 12);
    const sorted = [architect, senior, mid, junior].sort((a, b) => monthsFromStart(a, byId) - monthsFromStart(b, byId));
    expect(sorted.map((r) => r.id)).toEqual(['junior', 'mid', 'senior', 'architect']);
  });

  it('falls back to the time itself when the role it names is missing, and stops on a cycle', () => {
    const orphan = role('orphan', 'Orphan', { min: 2, max: 3, unit: 'months', after: after('nobody') });
    expect(formatProficiency(orphan, byId)).toBe('2–3 months');
    expect(monthsFromStart(orphan, byId)).toBe(2);
    const a = role('a', 'A', { min: 1, max: 1, unit: 'months', after: after('b') });
    const b = role('b', 'B', { min: 2, max: 2, unit: 'months', after: after('a') });
    expect(monthsFromStart(a, rolesById([a, b]))).toBe(3);
  });
});
