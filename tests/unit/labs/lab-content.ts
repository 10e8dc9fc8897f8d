/**
 * Every lab, run as a learner would run it, on the engines the page uses (PGlite and QuickJS, here in Node): the
 * reference solution passes every check, and each plausible wrong answer fails at least one, with messages that give
 * away none of the hints' key phrases; the unchanged starter fails and is answered with the task in words, which
 * gives none away either. A lab that cannot fail a wrong answer, or whose solution fails, cannot ship. A test file per engine runs them side by side.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_DIR, readContentDir } from '../../../src/lib/content/content-files.ts';
import { SCHEMAS } from '../../../src/lib/content/integrity/entries.ts';
import { type LabEngine, labKind, type LabRun } from '../../../src/lib/labs/shared/lab-spec.ts';
import { labEngine, type LabFields } from '../../../src/lib/labs/lab-kinds.ts';
import { type PythonVersion } from '../../../src/lib/labs/api/api-spec.ts';
import { startLabEngines } from '../../../src/lib/labs-node/node-engines.ts';
import { oneAfterAnother, uncaughtRace } from '../../../src/lib/labs/api/api-concurrent.ts';
import { givenText, hintPhrases, leakedPhrases, phrasesNotIn } from '../../../src/lib/labs/shared/hint-leaks.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DICTIONARIES } from '../../../src/i18n/dictionary/index.ts';
import { TRANSLATED_LOCALES } from '../../../src/i18n/locales.ts';
import { splitSource } from '../../../src/i18n/translations/check.ts';
import { withTranslatedCode } from '../../../src/i18n/translations/code-words.ts';

// The labs folder only: every lab file read it, and parsing all of the content took each of them seconds.
const allLabs = readContentDir(CONTENT_DIR, ['labs']).map((entry) => ({
  entry,
  data: SCHEMAS.labs.parse(entry.data) as LabFields & LabText,
}));

/** What a lab says besides its code: hints, starter, task, and the wrong answers it must fail. */
interface LabText {
  wrongAnswers: { why: string; code: string; race?: boolean | undefined }[];
  hints: string[];
  starter: string;
  summary: string;
  task?: string | undefined;
}

/** The hints' key phrases a run's failure messages give away (src/lib/labs/shared/hint-leaks.ts), each with its check. */
const leaks = (result: LabRun, phrases: string[], answer: string) =>
  result.checks.flatMap((c) =>
    leakedPhrases(c.message ?? '', phrasesNotIn(answer, phrases)).map((p) => `${c.name}: "${p}"`),
  );

const failures = (result: LabRun) =>
  [
    result.error && `error: ${result.error.message}`,
    ...result.checks.filter((c) => !c.passed).map((c) => `${c.name}: ${c.message}`),
  ]
    .filter(Boolean)
    .join('\n');

/**
 * A wrong answer marked `race` fails only because requests are sent at once: it passes the same tests with each
 * concurrent step's requests sent one after another. The failure names the file and the field.
 */
async function expectCaughtRace(
  engines: ReturnType<typeof startLabEngines>,
  [file, id, data]: readonly [string, string, LabFields & LabText],
  [field, wrong, run]: readonly [string, LabText['wrongAnswers'][number], LabRun],
  runtime?: 'python',
) {
  if (!wrong.race || !data.requests) return;
  const alone = await engines.run(id, { ...data, requests: oneAfterAnother(data.requests) }, wrong.code, runtime);
  const problem = uncaughtRace(alone, run);
  expect(problem && `${file}: ${field}.race: this answer ${problem}`, 'a race only a concurrent test catches').toBe(
    undefined,
  );
}

type Words = Record<string, string> | undefined;
/**
 * A code lab as each translation gives it: its tests with their names and messages in the translation's words
 * (src/i18n/translations/code-words.ts), and the harness's words of that language.
 */
function translatedLabs(id: string, data: LabFields) {
  // An SQL lab's checks and an API lab's requests carry their words in fields the runs do not read.
  if (labKind(data.language) !== 'code') return [];
  return TRANSLATED_LOCALES.flatMap((locale) => {
    const file = join(CONTENT_DIR, 'translations', locale, 'labs', `${id}.md`);
    if (!existsSync(file)) return [];
    const { data: t } = splitSource(readFileSync(file, 'utf8'));
    const lab = withTranslatedCode(data, { comments: t.comments as Words, strings: t.strings as Words });
    const messages = DICTIONARIES[locale];
    return [{ locale, lab, words: data.language === 'python' ? messages.pythonRun : messages.codeRun }];
  });
}

/** The tests of every lab one engine runs (code: QuickJS; python: Pyodide; python-db: Pyodide beside PGlite), on
 * engines started for the file. */
export function describeLabs(kind: LabEngine, { part = 0, of = 1 } = {}) {
  const labs = allLabs.filter(({ data }, i) => labEngine(data.language, data.setup) === kind && i % of === part);
  const engines = startLabEngines();
  afterAll(() => engines.close());

  it(`finds the ${kind} labs${of > 1 ? ` (part ${part + 1} of ${of})` : ''}`, () =>
    expect(labs.length).toBeGreaterThan(0));

  describe.each(labs.map(({ entry, data }) => [entry.file, entry.id, data, entry.body] as const))(
    '%s',
    (_file, id, data, body) => {
      const phrases = hintPhrases(data.hints, givenText({ ...data, body }));
      it(
        'answers the unchanged starter with the task in words, which gives no hint away',
        { timeout: 180_000 },
        async () => {
          const task = data.task ?? data.summary;
          expect(leakedPhrases(task, phrases), 'the task shown for the starter').toEqual([]);
          const result = await engines.run(id, data, data.starter);
          expect(result.passed, 'the starter passes').toBe(false);
          if (labKind(data.language) === 'sql')
            expect(data.task, 'an SQL lab says its task in words').toMatch(/^[A-Z]/);
        },
      );
      // Pyodide's first load takes seconds, and a minute on a busy two-core machine.
      const slow = { timeout: kind === 'python' || kind === 'python-db' ? 180_000 : 60_000 };
      it('passes with the reference solution', slow, async () => {
        const result = await engines.run(id, data, data.solution);
        expect(failures(result)).toBe('');
        expect(result.passed).toBe(true);
      });
      // A translation changes only the words of the tests (its check holds the code around them): the same
      // solution passes them and the same starter fails them, in the translation's words.
      it.each(translatedLabs(id, data).map((t) => [t.locale, t] as const))(
        'passes with the reference solution, and fails the starter, under its %s tests',
        slow,
        async (_locale, { lab, words }) => {
          const result = await engines.run(id, lab, data.solution, undefined, words);
          expect(failures(result)).toBe('');
          expect(result.passed).toBe(true);
          expect((await engines.run(id, lab, data.starter, undefined, words)).passed).toBe(false);
        },
      );
      it.each(data.wrongAnswers.map((w, i) => [i, w.why, w.code] as const))(
        'fails wrong answer %i (%s)',
        async (i, _why, code) => {
          const result = await engines.run(id, data, code);
          expect(result.passed, 'the wrong answer passed every check').toBe(false);
          expect(failures(result), 'a failure says why').not.toBe('');
          expect(leaks(result, phrases, code), 'a failure gives away what the hints hold back').toEqual([]);
          await expectCaughtRace(engines, [_file, id, data], [`wrongAnswers[${i}]`, data.wrongAnswers[i]!, result]);
        },
      );
    },
  );
}

/** Every API lab's Python version: the ASGI solution passes the same requests and each Python wrong answer fails. */
export function describePythonApiLabs() {
  const labs = allLabs.filter(({ data }) => data.python !== undefined);
  const engines = startLabEngines();
  afterAll(() => engines.close());

  it('finds the API labs with a Python version', () => expect(labs.length).toBeGreaterThanOrEqual(8));

  describe.each(labs.map(({ entry, data }) => [entry.file, entry.id, data] as const))('%s', (_file, id, data) => {
    const python = data.python as PythonVersion;
    it('passes with the Python solution', { timeout: 180_000 }, async () => {
      const result = await engines.run(id, data, python.solution, 'python');
      expect(failures(result)).toBe('');
      expect(result.passed).toBe(true);
    });
    it.each(python.wrongAnswers.map((w, i) => [i, w.why, w.code] as const))(
      'fails Python wrong answer %i (%s)',
      async (i, _why, code) => {
        const result = await engines.run(id, data, code, 'python');
        expect(result.passed, 'the wrong answer passed every check').toBe(false);
        expect(failures(result), 'a failure says why').not.toBe('');
        const wrong = python.wrongAnswers[i]!;
        await expectCaughtRace(engines, [_file, id, data], [`python.wrongAnswers[${i}]`, wrong, result], 'python');
      },
    );
  });
}
