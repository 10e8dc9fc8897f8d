/**
 * The words of a lab entry that the content schema (src/schemas/lab.ts) and the lab code (src/lib/labs/) both use:
 * one home below them both, so the schemas import nothing from src/lib/. SHARED BY BUILD AND BROWSER CODE.
 */
export const LAB_DIFFICULTIES = ['beginner', 'intermediate', 'advanced'] as const;
/** `http`: an HTTP handler over Postgres, written in JavaScript or TypeScript (an API lab); `python`: a Python code
 * lab, or with a `setup` a Python database lab whose code talks to Postgres through an asyncpg-shaped `conn`.
 * `design`: a system design in the simulator's text format (src/lib/labs/design/), graded by hidden scenarios in the page. */
export const LAB_LANGUAGES = ['sql', 'javascript', 'typescript', 'http', 'python', 'design'] as const;
export type LabLanguage = (typeof LAB_LANGUAGES)[number];

/** A wrong design's `fails:` when it changes a measured number: it must be stopped before any scenario runs. */
export const MEASURED_FAILS = 'measured';
