/** What the lab page (pages/labs/[id].astro) hands either workbench: LabWorkbench.astro or DesignWorkbench.astro. */
import type { Lab } from '../../lib/content/content.ts';

/** A page a link leads to, as the learner reads it. */
interface LabLink {
  url: string;
  title: string;
}

export interface WorkbenchProps {
  lab: Lab;
  /** The lab offered after a pass; none after the last lab. */
  next?: LabLink | undefined;
  /** The lab's home topic (its first). */
  home: LabLink;
}
