/**
 * A design lab as the rest of the site sees a kind (shared/lab-kind.ts): the learner's answer is a design in the
 * simulator's text format, graded by running it through the lab's hidden scenarios (grading/design-grade.ts). It has
 * no engine to download: its worker is the simulator's. In Node the simulator answers the one worker protocol
 * (design-server.ts); the lab's page streams each scenario from its own worker (src/components/design-lab/).
 */
import type { LabKindDefinition } from '../shared/lab-kind.ts';

export interface DesignLabSpec {
  id: string;
  language: 'design';
  /** The starter design: its lines marked `# measured`, its traffic and prices are facts of the lab. */
  starter: string;
  /** Facts for parts the starter lacks (`cdn hits 95 %`). */
  measured: string[];
  /** The hidden scenarios (src/schemas/lab-design.ts). */
  scenarios: unknown[];
  /**
   * The model design: what kind of part each fault names (grading/design-grade.ts, `aimFaults`). Node's runs only: the
   * page has its own workbench (src/components/design-lab/), and this spec never reaches it.
   */
  solution: string;
}

/** The fields of a lab entry a design lab reads. */
export interface DesignFields {
  starter?: string | undefined;
  measured?: string[] | undefined;
  scenarios?: unknown[] | undefined;
  solution?: string | undefined;
}

export const designKind: LabKindDefinition<DesignLabSpec, DesignFields> = {
  name: 'design',
  takes: ({ language }) => language === 'design',
  toSpec: (id, lab) => ({
    id,
    language: 'design',
    starter: lab.starter ?? '',
    measured: lab.measured ?? [],
    scenarios: lab.scenarios ?? [],
    solution: lab.solution ?? '',
  }),
  owns: (spec): spec is DesignLabSpec => spec.language === 'design',
  worker: () => 'design',
  engines: () => [],
  words: { answer: 'design', graders: 'scenarios' },
};
