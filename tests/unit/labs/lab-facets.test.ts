import { describe, expect, it } from 'vitest';
import { CONTENT_DIR, readContentDir } from '../../../src/lib/content/content-files.ts';
import {
  type FacetFields,
  labLanguages,
  labMatches,
  labPractice,
  languagesOf,
  passedByPractice,
} from '../../../src/lib/labs/shared/lab-facets.ts';

const SQL: FacetFields = { language: 'sql', setup: 'CREATE TABLE t ()' };
const PY: FacetFields = { language: 'python' };
const PY_DB: FacetFields = { language: 'python', setup: 'CREATE TABLE t ()' };
const API: FacetFields = { language: 'http', setup: '' };
const API_PY: FacetFields = { language: 'http', setup: '', python: { starter: '' } };

/** A lab as the list filters it: its facets, as LabList.astro writes them, not passed. */
const listed = (lab: FacetFields) => ({
  kind: labPractice(lab),
  languages: labLanguages(lab),
  difficulty: 'beginner',
  topics: ['sql'],
  passed: false,
});

describe('lab facets: what a lab practises and every language it takes', () => {
  it('counts a Python lab with a database as a database lab, and a Python lab without one as code', () => {
    expect(labPractice(PY_DB)).toBe('sql');
    expect(labPractice(SQL)).toBe('sql');
    expect(labPractice(PY)).toBe('code');
    expect(labPractice(API_PY)).toBe('api');
  });

  it('lists an API lab under JavaScript and TypeScript, and under Python when it has a Python version', () => {
    expect(labLanguages(API)).toEqual(['javascript', 'typescript']);
    expect(labLanguages(API_PY)).toEqual(['javascript', 'typescript', 'python']);
    expect(labLanguages(PY_DB)).toEqual(['python']);
    expect(languagesOf([API_PY, SQL])).toEqual(['sql', 'javascript', 'typescript', 'python']);
  });

  it('shows Python + "SQL on Postgres" the Python database labs, and Python + HTTP API the API labs offered in Python', () => {
    const labs = [SQL, PY, PY_DB, API, API_PY];
    const shown = (kind: string, language: string) => labs.filter((lab) => labMatches(listed(lab), { kind, language }));
    expect(shown('sql', 'python')).toEqual([PY_DB]);
    expect(shown('api', 'python')).toEqual([API_PY]);
    expect(shown('code', 'python')).toEqual([PY]);
    expect(shown('api', 'typescript')).toEqual([API, API_PY]);
    expect(shown('', '')).toEqual(labs);
  });

  it('counts passed labs on /progress/ by what they practise', () => {
    const passed = [SQL, PY_DB, API_PY].map((lab) => ({ kind: labPractice(lab), passed: true }));
    expect(passedByPractice([...passed, { kind: 'code', passed: false }])).toEqual({
      sql: 2,
      code: 0,
      api: 1,
      design: 0,
    });
  });

  it('on the real labs: every Python database lab is found under Python + SQL, every API lab with Python under Python + HTTP API', () => {
    const labs = readContentDir(CONTENT_DIR, ['labs']).map((entry) => entry.data as FacetFields);
    const count = (kind: string, language: string) =>
      labs.filter((lab) => labMatches(listed(lab), { kind, language })).length;
    const pythonDb = labs.filter((lab) => lab.language === 'python' && lab.setup !== undefined).length;
    const apiInPython = labs.filter((lab) => lab.language === 'http' && lab.python).length;
    expect(pythonDb).toBeGreaterThan(0);
    expect(apiInPython).toBeGreaterThan(0);
    expect(count('sql', 'python')).toBe(pythonDb);
    expect(count('api', 'python')).toBe(apiInPython);
  });
});
