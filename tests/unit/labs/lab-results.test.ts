import { describe, expect, it } from 'vitest';
import { isStarter, starterFailed, starterMessage, summaryOf } from '../../../src/components/lab/results.ts';
import { type LabRun } from '../../../src/lib/labs/shared/lab-spec.ts';
import { stoppedMessage } from '../../../src/lib/labs/shared/stop-words.ts';
import { stoppedError } from '../../../src/lib/labs/shared/engine-stop.ts';
import { en } from '../../../src/i18n/dictionary/en.ts';
import { ptBr } from '../../../src/i18n/dictionary/pt-br.ts';

const WORDS = en.labView;

const STARTER = 'CREATE FUNCTION f() RETURNS int\nLANGUAGE sql AS $$\n  -- one UPDATE … RETURNING\n$$;\n';
const failed = (error: LabRun['error']): LabRun => ({ passed: false, checks: [], ...(error ? { error } : {}) });
const POSTGRES = failed({
  code: 'ERROR 42P13',
  message: 'return type mismatch in function declared to return integer',
});

describe('the unchanged starter', () => {
  it('is the starter whatever its whitespace: indentation, tabs, blank lines', () => {
    expect(isStarter(STARTER, STARTER)).toBe(true);
    expect(isStarter(`\n\n${STARTER.replace(/\n/g, '\n\t  ')}\n`, STARTER)).toBe(true);
    expect(isStarter(`${STARTER}SELECT 1;`, STARTER)).toBe(false);
  });

  it('failed when the engine reports an error about it (a SQLSTATE, a JavaScript error name)', () => {
    expect(starterFailed(POSTGRES, STARTER, STARTER)).toBe(true);
    expect(starterFailed(failed({ code: 'TypeError', message: 'x is not a function' }), STARTER, STARTER)).toBe(true);
  });

  it('failed when it ran and the checks failed: the task in words answers it, not the checks', () => {
    const ran: LabRun = { passed: false, checks: [{ name: 'Big months', passed: false, message: 'Use HAVING' }] };
    expect(starterFailed(ran, STARTER, STARTER)).toBe(true);
    expect(starterMessage(ran, WORDS)).toBe('that is the starter as given, not an answer yet.');
    expect(starterMessage(POSTGRES, WORDS)).toBe('the starter code cannot run until you fill it in.');
  });

  it('keeps the real error and the checks once the code changed', () => {
    expect(starterFailed(POSTGRES, `${STARTER}SELECT 1;`, STARTER)).toBe(false);
    expect(starterFailed(failed(undefined), `${STARTER}SELECT 1;`, STARTER)).toBe(false);
  });

  it('does not hide a stop at the time limit or the engine’s own failure behind the task', () => {
    expect(starterFailed(failed({ code: 'Stopped', message: 'Stopped after 5 seconds…' }), STARTER, STARTER)).toBe(
      false,
    );
    expect(
      starterFailed(failed({ message: 'The engine failed (no answer), so it was restarted.' }), STARTER, STARTER),
    ).toBe(false);
  });
});

describe('the status line of a run', () => {
  const check = (name: string, passed: boolean) => ({ name, passed });
  const run = (checks: { name: string; passed: boolean }[], error?: LabRun['error']): LabRun => ({
    passed: checks.every((c) => c.passed) && !error,
    checks,
    ...(error ? { error } : {}),
  });

  it('counts one check in the singular and many in the plural', () => {
    expect(summaryOf(run([check('a', true)]), 'checks', WORDS)).toBe('Passed: the check passes. Well done.');
    expect(summaryOf(run([check('a', true), check('b', true)]), 'tests', WORDS)).toBe(
      'Passed: all 2 tests pass. Well done.',
    );
    expect(summaryOf(run([check('Returns the rows', false)]), 'checks', WORDS)).toBe(
      'Not yet: the check does not pass. First to fix: Returns the rows.',
    );
    expect(summaryOf(run([check('a', true), check('b', false), check('c', false)]), 'checks', WORDS)).toBe(
      'Not yet: 1 of 3 checks passes. First to fix: b.',
    );
  });

  it('ends an error in a full stop, once', () => {
    const stopped = run([check('a', false)], { code: 'TypeError', message: 'x is not a function', line: 3 });
    expect(summaryOf(stopped, 'tests', WORDS)).toBe(
      'Not yet: your code stopped with an error on line 3: x is not a function.',
    );
    const said = run([check('a', false)], { code: 'Stopped', message: 'Stopped after 5 seconds.' });
    expect(summaryOf(said, 'tests', WORDS)).toBe('Not yet: Stopped after 5 seconds.');
  });

  it('says once why a run was stopped, which test it was in, and how many passed before', () => {
    const checks = [check('adds', true), { ...check('sums', false), cut: 'stopped' as const }, check('waits', false)];
    expect(summaryOf(run(checks, { code: 'Stopped', message: 'Stopped after 5 seconds.' }), 'tests', WORDS)).toBe(
      'Not yet: Stopped after 5 seconds. It was still running in the test “sums”. 1 of 3 tests passed before the stop.',
    );
  });

  it("says that an API lab's request was stopped, not only which test it was", () => {
    const loop = 'Stopped after 2 seconds without a response. Look for a loop that never ends';
    const exchange = {
      request: { method: 'GET', path: '/documents/1', headers: [], body: null },
      queries: [],
      logs: [],
    };
    const stopped = {
      ...check('GET returns the document', false),
      exchange: { ...exchange, error: { code: 'Stopped', message: loop } },
    };
    expect(summaryOf({ passed: false, checks: [stopped, check('b', false)] }, 'tests', WORDS)).toBe(
      `Not yet: 0 of 2 tests pass. First to fix: GET returns the document. GET /documents/1: ${loop}.`,
    );
    const answered = { ...check('GET returns the document', false), exchange };
    expect(summaryOf({ passed: false, checks: [answered] }, 'tests', WORDS)).toBe(
      'Not yet: the test does not pass. First to fix: GET returns the document.',
    );
  });
});

describe('the summary in Portuguese', () => {
  const PT = ptBr.labView;
  const check = (name: string, passed: boolean) => ({ name, passed });
  const run = (checks: { name: string; passed: boolean }[]): LabRun => ({
    passed: checks.every((c) => c.passed),
    checks,
  });
  it('agrees with what grades the run: a check is feminine, a test masculine', () => {
    expect(summaryOf(run([check('a', true), check('b', true)]), 'checks', PT)).toBe(
      'Aprovado: todas as 2 verificações passam. Muito bem.',
    );
    expect(summaryOf(run([check('a', true)]), 'tests', PT)).toBe('Aprovado: o teste passa. Muito bem.');
    expect(summaryOf(run([check('a', true), check('Retorna as linhas', false)]), 'checks', PT)).toBe(
      'Ainda não: 1 de 2 verificações passa. Corrija primeiro: Retorna as linhas.',
    );
    expect(starterMessage(POSTGRES, PT)).toBe('o código inicial só roda depois que você o completar.');
  });
});

describe('a stopped run in Portuguese', () => {
  const PT = ptBr.labView;
  it('says which limit stopped it, or that the learner did, in the page’s words', () => {
    expect(stoppedMessage('statements', 'run', PT.stop)).toMatch(
      /^Interrompido depois de 5 segundos, o limite de uma execução: seus comandos ainda estavam rodando\./,
    );
    const stopped = stoppedError({ answer: 'statements', graders: 'checks' }, { stopped: 'learner' }, PT.stop);
    expect(summaryOf({ passed: false, checks: [], error: stopped }, 'checks', PT)).toBe(
      `Interrompido: ${PT.stop.learner}`,
    );
  });
});
