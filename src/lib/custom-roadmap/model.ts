/**
 * A learner's own roadmap: stages of our topics (optional or pick-one, as in our roadmaps) and their own links.
 * It lives in a link (roadmap-link.ts) and in the progress store's "roadmaps" section (format 6). Everything read
 * from outside goes through `toCustomRoadmap`, which never throws: bounded sizes, ids that are ids, links that are
 * https: URLs (rendered as plain links, never as HTML).
 */
import { isId } from '../../core/format/ids.ts';
import { CUSTOM_ID_PREFIX } from './ids.ts';

/** One of our topics on the roadmap, by id: what progress, the map and the walk follow. */
export interface CustomTopic {
  kind: 'topic';
  id: string;
  optional: boolean;
  /** Pick-one group shared by alternatives, as in our roadmaps. */
  alternative?: string | undefined;
}
/** The learner's own item: a title, an https: link and a note, shown as they are, never as HTML. */
interface CustomLink {
  kind: 'link';
  title: string;
  url: string;
  note: string;
}
export type CustomItem = CustomTopic | CustomLink;
export interface CustomStage {
  title: string;
  items: CustomItem[];
}
export interface CustomRoadmap {
  /** Made once when the roadmap is first made; a copy gets a new one. It keys the roadmap in "My roadmaps". */
  id: string;
  title: string;
  summary: string;
  stages: CustomStage[];
}

export const LIMITS = {
  title: 120,
  summary: 400,
  stages: 40,
  items: 400,
  stageTitle: 120,
  linkTitle: 160,
  note: 500,
  url: 500,
  group: 40,
} as const;

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/** An https: URL as a learner typed it, normalised; a clear message for anything else. */
export function checkLinkUrl(text: string): Checked<string> {
  const trimmed = text.trim();
  if (trimmed.length > LIMITS.url) return { ok: false, reason: `the address is longer than ${LIMITS.url} characters` };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, reason: 'that is not a complete web address: start it with https://' };
  }
  if (url.protocol !== 'https:')
    return { ok: false, reason: `only https: addresses are kept (this one starts with ${url.protocol})` };
  if (url.username || url.password)
    return { ok: false, reason: 'an address with a user name or password in it is not kept' };
  return { ok: true, value: url.href };
}

/** A new roadmap id: "my-" and random letters, so two learners' roadmaps never share one (and none is ours). */
export function newRoadmapId(random: () => number = Math.random): string {
  let suffix = '';
  for (let i = 0; i < 10; i++) suffix += 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(random() * 36)];
  return `${CUSTOM_ID_PREFIX}${suffix}`;
}

/** Text as a roadmap keeps it: control characters as spaces, trimmed. */
export const plainText = (value: string) => value.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();

const text = (value: unknown, max: number, name: string, required = true): Checked<string> => {
  if (typeof value !== 'string') return { ok: false, reason: `its ${name} is missing` };
  const trimmed = plainText(value);
  if (required && !trimmed) return { ok: false, reason: `its ${name} is empty` };
  if (trimmed.length > max) return { ok: false, reason: `its ${name} is longer than ${max} characters` };
  return { ok: true, value: trimmed };
};

function toItem(value: unknown, where: string): Checked<CustomItem> {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, reason: `${where} is not an item` };
  const item = value as Record<string, unknown>;
  if (item.kind === 'topic') {
    if (!isId(item.id)) return { ok: false, reason: `${where} does not name a topic id` };
    if (item.alternative !== undefined && !(isId(item.alternative) && item.alternative.length <= LIMITS.group))
      return { ok: false, reason: `${where} has an unreadable pick-one group` };
    return {
      ok: true,
      value: {
        kind: 'topic',
        id: item.id,
        optional: item.optional === true,
        ...(item.alternative ? { alternative: item.alternative } : {}),
      },
    };
  }
  if (item.kind === 'link') {
    const title = text(item.title, LIMITS.linkTitle, `${where}'s title`);
    if (!title.ok) return title;
    const url =
      typeof item.url === 'string' ? checkLinkUrl(item.url) : { ok: false as const, reason: 'the address is missing' };
    if (!url.ok) return { ok: false, reason: `${where}: ${url.reason}` };
    const note = text(item.note ?? '', LIMITS.note, `${where}'s note`, false);
    if (!note.ok) return note;
    return { ok: true, value: { kind: 'link', title: title.value, url: url.value, note: note.value } };
  }
  return { ok: false, reason: `${where} is neither a topic nor a link` };
}

/** Validates a roadmap read from a link, a file or the store. */
export function toCustomRoadmap(value: unknown): Checked<CustomRoadmap> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'it is not a roadmap' };
  const raw = value as Record<string, unknown>;
  if (!isId(raw.id) || raw.id.length > 60) return { ok: false, reason: 'it has no readable id' };
  const title = text(raw.title, LIMITS.title, 'title');
  if (!title.ok) return title;
  const summary = text(raw.summary ?? '', LIMITS.summary, 'summary', false);
  if (!summary.ok) return summary;
  if (!Array.isArray(raw.stages) || raw.stages.length === 0) return { ok: false, reason: 'it has no stages' };
  if (raw.stages.length > LIMITS.stages) return { ok: false, reason: `it has more than ${LIMITS.stages} stages` };
  const stages: CustomStage[] = [];
  const seen = new Set<string>();
  let count = 0;
  for (const [i, rawStage] of raw.stages.entries()) {
    const stage = (rawStage ?? {}) as Record<string, unknown>;
    const stageTitle = text(stage.title, LIMITS.stageTitle, `stage ${i + 1}'s title`);
    if (!stageTitle.ok) return stageTitle;
    if (!Array.isArray(stage.items)) return { ok: false, reason: `stage ${i + 1} has no item list` };
    count += stage.items.length;
    if (count > LIMITS.items) return { ok: false, reason: `it has more than ${LIMITS.items} items` };
    const items: CustomItem[] = [];
    for (const [j, rawItem] of stage.items.entries()) {
      const item = toItem(rawItem, `item ${j + 1} of stage ${i + 1}`);
      if (!item.ok) return item;
      if (item.value.kind === 'topic') {
        if (seen.has(item.value.id)) return { ok: false, reason: `topic "${item.value.id}" is on it twice` };
        seen.add(item.value.id);
      }
      items.push(item.value);
    }
    stages.push({ title: stageTitle.value, items });
  }
  return { ok: true, value: { id: raw.id, title: title.value, summary: summary.value, stages } };
}

/** The topic ids of a roadmap in reading order. */
export const customTopicIds = (roadmap: CustomRoadmap): string[] =>
  roadmap.stages.flatMap((s) => s.items.flatMap((i) => (i.kind === 'topic' ? [i.id] : [])));

/** Stage anchors: "stage-1", "stage-2", … (a learner's stage titles are not ids). */
export const stageAnchor = (index: number) => `stage-${index + 1}`;

/** A roadmap from "My roadmaps" (saved.ts), validated in full; undefined when it cannot be used. */
export function usableRoadmap(saved: { roadmap: unknown } | undefined): CustomRoadmap | undefined {
  const checked = saved && toCustomRoadmap(saved.roadmap);
  return checked?.ok ? checked.value : undefined;
}

/** Same roadmap content, whatever the times. */
export const sameRoadmap = (a: CustomRoadmap, b: CustomRoadmap) => JSON.stringify(a) === JSON.stringify(b);
