/**
 * The code and Python harnesses in another language's words, on the real engines: a wrong answer on a Portuguese
 * page is told what was expected and what came in Portuguese (the dictionary's `codeRun` and `pythonRun`), with the
 * values shown as the language shows them; English words stay English.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ptBr } from '../../../src/i18n/dictionary/pt-br.ts';
import { startLabEngines } from '../../../src/lib/labs-node/node-engines.ts';
import type { LabFields } from '../../../src/lib/labs/lab-kinds.ts';

const engines = startLabEngines();
afterAll(() => engines.close());

const said = (run: { checks: { message?: string | undefined }[]; error?: { message: string } | undefined }) =>
  [...run.checks.map((c) => c.message ?? ''), run.error?.message ?? ''].join('\n');

describe('a JavaScript code lab', () => {
  const lab = {
    language: 'javascript',
    solution: 'function f(x) { return x; }',
    tests: [
      "test('one', () => assert.equal(f(1), 2, 'f(1)'));",
      "test('two', () => assert.deepEqual(f([1]), [2]));",
      "test('three', () => assert.throws(() => f(1)));",
      "test('four', () => { throw 'a string'; });",
      "test('five', () => new Promise(() => {}));",
    ].join('\n'),
  } as unknown as LabFields;

  it("says what was expected and what came in the page's words", async () => {
    const run = await engines.run('words-code', lab, lab.solution, undefined, ptBr.codeRun);
    expect(run.checks.map((c) => c.message)).toEqual([
      'f(1): esperava-se 2, mas veio 1',
      'valor: esperava-se [2], mas veio [1]',
      'esperava-se que a função lançasse um erro: a função retornou normalmente',
      'lançou "a string"',
      ptBr.codeRun.neverFinished,
    ]);
  });

  it('in English without words of its own', async () => {
    const run = await engines.run('words-code', lab, lab.solution);
    expect(run.checks[0]!.message).toBe('f(1): expected 2, got 1');
    expect(run.checks[2]!.message).toBe('expected it to throw: it returned normally');
  });
});

describe('a Python code lab', () => {
  const lab = {
    language: 'python',
    solution: 'def f(x):\n    return x',
    tests: [
      '@test("one")',
      'def _():',
      '    assert_equal(f(1), 2, "f(1)")',
      '@test("two")',
      'def _():',
      '    assert_equal(f(1.0), 1)',
      '@test("three")',
      'def _():',
      '    assert_true(f(0))',
      '@test("four")',
      'def _():',
      '    assert_raises(ValueError, lambda: f(1))',
    ].join('\n'),
  } as unknown as LabFields;

  it("says what was expected and what came in the page's words", async () => {
    const run = await engines.run('words-python', lab, lab.solution, undefined, ptBr.pythonRun);
    expect(run.checks.map((c) => c.message)).toEqual([
      'f(1): esperava-se 2, mas veio 1',
      'valor: esperava-se 1, mas veio 1.0 (float, não int)',
      'condição: esperava-se True, mas veio 0',
      'chamada: esperava-se que ValueError fosse lançada, mas nada foi lançado',
    ]);
    expect(said(run)).not.toMatch(/\bexpected\b/);
  });

  it('in English without words of its own', async () => {
    const run = await engines.run('words-python', lab, lab.solution);
    expect(run.checks[1]!.message).toBe('value: expected 1, got 1.0 (float, not int)');
  });
});
