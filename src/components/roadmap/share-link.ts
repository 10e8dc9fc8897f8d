/**
 * Progress links: "Copy progress link" puts this roadmap's progress in the URL fragment (#share=…); opening such a
 * link shows that progress read-only with an offer to import it; a damaged link is reported and ignored.
 * The codec (src/lib/progress/progress-link.ts) loads only when a link is made or opened, not with every roadmap page.
 */
import type { ShareProblem } from '../../lib/progress/progress-link.ts';
import type { TopicState } from '../../lib/progress/progress-store.ts';

/** What a progress link holds, or why it cannot be read (`problem`, said inside the page's sentence about it). */
export type SharedRead = { states: Record<string, TopicState>; gone: number } | { problem: ShareProblem } | undefined;

/** The progress in this page's #share= fragment, if any. */
export async function readShareLink(topicIds: string[]): Promise<SharedRead> {
  const match = /^#share=(.*)$/.exec(location.hash);
  if (!match) return undefined;
  let code = match[1]!;
  try {
    code = decodeURIComponent(code);
  } catch {
    // Not valid percent-encoding: decoded as it is, and refused below.
  }
  const decoded = (await import('../../lib/progress/progress-link.ts')).decodeShareCode(code, topicIds);
  if (!decoded.ok) return { problem: decoded.problem };
  return { states: decoded.states, gone: decoded.gone };
}

export const shareUrl = async (topicIds: string[], states: Record<string, TopicState>) =>
  `${location.origin}${location.pathname}#share=${(await import('../../lib/progress/progress-link.ts')).encodeShareCode(topicIds, states)}`;

/** The shared states of this roadmap's topics, to be set over the learner's own. */
export function importShared(topicIds: string[], shared: Record<string, TopicState>) {
  return Object.fromEntries(topicIds.flatMap((id) => (shared[id] ? [[id, shared[id]]] : [])));
}

/** Copies text, saying what happened; when the clipboard is blocked the caller shows the text instead. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
