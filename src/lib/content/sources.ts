/**
 * How a source reads on a page: the month it speaks for and its plain-words label (formatMonth, src/core/format/format.ts, writes the month). Shared by role pages, the roles index, the
 * career ladder and comparison tables, so a published figure, an estimate and our own judgement are named the
 * same way everywhere.
 */
import type { Source } from '../../schemas/shared.ts';

/** The month a source speaks for: the data's month, the review month, or the newest month an estimate rests on. */
export function sourceMonth(source: Source): string {
  if (source.kind === 'external') return source.asOf;
  if (source.kind === 'assessment') return source.reviewed;
  return source.from
    .map((f) => f.asOf)
    .sort()
    .at(-1)!;
}

/** One word for the kind of claim, for tables and badges: "published", "estimate" or "our assessment". */
export function sourceKindLabel(source: Source): string {
  return source.kind === 'external' ? 'published' : source.kind === 'estimate' ? 'estimate' : 'our assessment';
}

/** Every publication a source links to, once each, for a caption that lists what a chart rests on. */
export function sourceLinks(sources: readonly Source[]): { name: string; url: string; asOf: string }[] {
  const links = new Map<string, { name: string; url: string; asOf: string }>();
  for (const source of sources) {
    const items = source.kind === 'external' ? [source] : source.kind === 'estimate' ? source.from : [];
    for (const { name, url, asOf } of items) links.set(url, { name, url, asOf });
  }
  return [...links.values()];
}
