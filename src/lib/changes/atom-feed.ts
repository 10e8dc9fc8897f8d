/**
 * Writes an Atom 1.0 feed (RFC 4287) as text. Every value is escaped here, once, so titles and notes written by
 * authors can hold any character; characters XML 1.0 forbids are dropped rather than making the feed unreadable.
 */

interface AtomEntry {
  /** A permanent, unique IRI: a new one for each change, so feed readers show the change as new. */
  id: string;
  title: string;
  /** RFC 3339 date-time. */
  updated: string;
  /** Absolute URL of the page the entry is about. */
  link: string;
  /** One line: what changed. */
  summary: string;
  /** Optional category label, e.g. "Topic". */
  category?: string;
}

export interface AtomFeed {
  /** A permanent IRI for the feed itself. */
  id: string;
  title: string;
  subtitle?: string;
  /** RFC 3339 date-time: the newest entry's, so the same content always writes the same feed. */
  updated: string;
  /** Absolute URL of the feed (rel="self"). */
  self: string;
  /** Absolute URL of the page the feed mirrors (rel="alternate"). */
  alternate: string;
  /** The feed's author; Atom requires one on the feed when entries have none. */
  author: string;
  entries: readonly AtomEntry[];
}

// Tab, newline and carriage return are the only C0 controls XML 1.0 allows; lone surrogates and U+FFFE/U+FFFF are not characters.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text safe inside an XML element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ENTITY[c]!);
}

/** A YYYY-MM-DD day as an RFC 3339 date-time at midnight UTC, as Atom requires a time. */
export const dayToDateTime = (day: string) => `${day}T00:00:00Z`;

export function atomFeed(feed: AtomFeed): string {
  const element = (name: string, value: string, indent: string) => `${indent}<${name}>${escapeXml(value)}</${name}>`;
  const link = (href: string, rel: string, type?: string) =>
    `<link rel="${rel}"${type ? ` type="${type}"` : ''} href="${escapeXml(href)}"/>`;
  const entries = feed.entries.map((entry) =>
    [
      '  <entry>',
      element('id', entry.id, '    '),
      element('title', entry.title, '    '),
      element('updated', entry.updated, '    '),
      `    ${link(entry.link, 'alternate', 'text/html')}`,
      ...(entry.category ? [`    <category term="${escapeXml(entry.category)}"/>`] : []),
      element('summary', entry.summary, '    '),
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    element('id', feed.id, '  '),
    element('title', feed.title, '  '),
    ...(feed.subtitle ? [element('subtitle', feed.subtitle, '  ')] : []),
    element('updated', feed.updated, '  '),
    `  ${link(feed.self, 'self', 'application/atom+xml')}`,
    `  ${link(feed.alternate, 'alternate', 'text/html')}`,
    `  <author><name>${escapeXml(feed.author)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
