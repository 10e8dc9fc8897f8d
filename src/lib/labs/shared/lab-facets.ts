/**
 * What a lab is counted by wherever labs are listed, filtered and counted (/labs/, /practice/, /progress/, a role's
 * "Practise it", "Next lab"): what it practises, and every language a learner may write it in. One home, so a Python
 * database lab is a database lab on every page and an API lab offered in Python is found under Python.
 * IMPORTED IN BOTH BUILD-TIME AND BROWSER CODE (labMatches runs in the lab list's script).
 */
import { type LabKind, labKind, type LabLanguage, LAB_LANGUAGES } from './lab-spec.ts';

export type { LabKind };

/** The fields of a lab entry its facets come from. */
export interface FacetFields {
  language: LabLanguage;
  /** A Python lab with a setup reaches Postgres through SQL it writes. */
  setup?: string | undefined;
  /** An API lab's Python version, when it has one. */
  python?: object | undefined;
}

/** What the lab practises: a Python lab with a database is a database lab, as an SQL lab is; else its kind. */
export const labPractice = (lab: FacetFields): LabKind =>
  lab.language === 'python' && lab.setup !== undefined ? 'sql' : labKind(lab.language);

/**
 * Every language the lab may be written in: an API lab's handler in JavaScript or TypeScript, and Python when it has a
 * Python version; any other lab in its own language.
 */
export const labLanguages = (lab: FacetFields): LabLanguage[] =>
  lab.language === 'http' ? ['javascript', 'typescript', ...(lab.python ? (['python'] as const) : [])] : [lab.language];

/** The languages a list of labs may be written in, in the schema's order: the options of a language filter. */
export const languagesOf = (labs: readonly FacetFields[]): LabLanguage[] =>
  LAB_LANGUAGES.filter((language) => labs.some((lab) => labLanguages(lab).includes(language)));

/** A lab as a list filters it: its facets, as LabList.astro writes them on each item. */
export interface FilteredLab {
  kind: LabKind;
  languages: readonly string[];
  difficulty: string;
  topics: readonly string[];
  passed: boolean;
}

/** The list's filters, as its form holds them; an empty or absent value lets every lab through. */
export type LabFilter = Partial<Record<'kind' | 'language' | 'difficulty' | 'topic' | 'status', string>>;

/** Whether a lab shows under the filters: it practises the kind, takes the language, and so on. */
export const labMatches = (lab: FilteredLab, want: LabFilter): boolean =>
  (!want.kind || lab.kind === want.kind) &&
  (!want.language || lab.languages.includes(want.language)) &&
  (!want.difficulty || lab.difficulty === want.difficulty) &&
  (!want.topic || lab.topics.includes(want.topic)) &&
  (!want.status || (want.status === 'passed') === lab.passed);

/** Passed labs per kind of practice, for /progress/: every kind present, zero when none passed. */
export function passedByPractice(labs: readonly { kind: LabKind; passed: boolean }[]): Record<LabKind, number> {
  const counts: Record<LabKind, number> = { sql: 0, code: 0, api: 0, design: 0 };
  for (const lab of labs) if (lab.passed) counts[lab.kind]++;
  return counts;
}
