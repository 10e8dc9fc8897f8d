/** A code lab in JavaScript or TypeScript as its runner takes it (code-lab.ts): the hidden tests, run in QuickJS. */
import type { LabKindDefinition } from '../shared/lab-kind.ts';
import type { CodeRunWords } from './code-words.ts';

export interface CodeLabSpec {
  id: string;
  language: 'javascript' | 'typescript';
  /** The hidden tests, a script of test() calls (src/lib/labs/engine/code-harness.ts). */
  tests: string;
  /** What the harness says, in the page's language; English without it (code-words.ts). */
  words?: CodeRunWords | undefined;
}

/** The fields of a lab entry a code lab reads. */
export interface CodeFields {
  language: string;
  tests?: string | undefined;
}

export const codeKind: LabKindDefinition<CodeLabSpec, CodeFields> = {
  name: 'code',
  takes: ({ language }) => language === 'javascript' || language === 'typescript',
  toSpec: (id, lab) => ({
    id,
    language: lab.language === 'typescript' ? 'typescript' : 'javascript',
    tests: lab.tests ?? '',
  }),
  owns: (spec): spec is CodeLabSpec => spec.language === 'javascript' || spec.language === 'typescript',
  worker: () => 'code',
  engines: () => ['quickjs'],
  words: { answer: 'code', graders: 'tests' },
};
