/** Search terms are unique across the site and never repeat a title. */
import { normalizeSearchText } from '../../search/search-text.ts';
import type { ContentIssue, ParsedEntry } from './entries.ts';

/**
 * A search term belongs to the one entry that answers it, so two entries may not claim the same term (as
 * search normalizes it), and no entry may claim another entry's title: either would make search rank a
 * second page for words that name the first. A term equal to the entry's own title adds nothing.
 */
export function checkSearchTerms(parsed: readonly ParsedEntry[]): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const titles = new Map<string, ParsedEntry['entry']>();
  for (const { entry, data } of parsed) {
    const named = data.title ?? data.question;
    const title = normalizeSearchText(typeof named === 'string' ? named : '');
    if (!titles.has(title)) titles.set(title, entry);
  }
  const claimed = new Map<string, ParsedEntry['entry']>();
  for (const { entry, data } of parsed) {
    for (const [i, term] of ((data.searchTerms as string[] | undefined) ?? []).entries()) {
      const key = normalizeSearchText(term);
      const field = `searchTerms[${i}]`;
      const owner = claimed.get(key);
      const titled = titles.get(key);
      if (owner === entry) issues.push({ file: entry.file, field, message: `search term "${term}" is listed twice` });
      else if (owner)
        issues.push({
          file: entry.file,
          field,
          message: `search term "${term}" is also claimed by ${owner.file}: keep it on the entry that answers it`,
        });
      else if (titled === entry)
        issues.push({
          file: entry.file,
          field,
          message: `search term "${term}" repeats this entry's title, which search finds already`,
        });
      else if (titled)
        issues.push({ file: entry.file, field, message: `search term "${term}" is the title of ${titled.file}` });
      else claimed.set(key, entry);
    }
  }
  return issues;
}
