/**
 * What the builder's own fields hold (roadmap-builder.ts), cleaned as a roadmap keeps them: a pick-one group's
 * name, a link from a stage's own-link form, and the roadmap with its empty titles filled in.
 */
import { formText } from '../dom.ts';
import { checkLinkUrl, type CustomRoadmap, LIMITS } from '../../lib/custom-roadmap/model.ts';

/** A pick-one group as typed, as an id: "Message queue!" → "message-queue". */
export const groupName = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, LIMITS.group);

/** The link a stage's own-link form holds, or why it cannot be added. */
export function readLinkForm(
  form: HTMLFormElement,
): { ok: true; link: { title: string; url: string; note: string } } | { ok: false; reason: string } {
  const data = new FormData(form);
  const field = (name: string) => formText(data, name);
  const title = field('title').trim();
  const url = checkLinkUrl(field('url'));
  if (!title) return { ok: false, reason: 'Give the link a title.' };
  if (!url.ok) return { ok: false, reason: `The link was not added: ${url.reason}.` };
  const note = field('note').trim().slice(0, LIMITS.note);
  return { ok: true, link: { title: title.slice(0, LIMITS.linkTitle), url: url.value, note } };
}

/** The roadmap as it is kept and shared: empty titles filled in. */
export const cleanedRoadmap = (r: CustomRoadmap): CustomRoadmap => ({
  ...r,
  title: r.title.trim() || 'My roadmap',
  summary: r.summary.trim(),
  stages: r.stages.map((s, i) => ({ ...s, title: s.title.trim() || `Stage ${i + 1}` })),
});
