/** What the lab page (pages/labs/[id].astro) hands either workbench: LabWorkbench.astro or DesignWorkbench.astro. */
import type { Lab } from '../../lib/content/content.ts';

/** A page a link leads to, as the learner reads it. */
interface LabLink {
  url: string;
  title: string;
}

/** The lab offered after a pass to a learner writing in one of `languages` (src/lib/content/next-lab.ts). */
interface NextLabLink extends LabLink {
  languages: readonly string[];
}

export interface WorkbenchProps {
  lab: Lab;
  /** The labs offered after a pass, one per distinct lab the languages lead to; none after the last lab. */
  next: readonly NextLabLink[];
  /** The lab's home topic (its first). */
  home: LabLink;
}
