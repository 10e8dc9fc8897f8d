/**
 * The glossary of a language (content/translations/<locale>/glossary.yaml): the term a translation uses for each
 * concept, and whether Brazilian developers keep the English word. Checked here: each entry is well formed and names
 * its English term once.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'astro/zod';
import { parseYaml } from '../../lib/content/content-files.ts';
import type { ContentIssue } from '../../lib/content/integrity/entries.ts';

const glossarySchema = z.array(
  z.strictObject({
    en: z.string().min(2),
    pt: z.string().min(2),
    keep: z.boolean().default(false),
    note: z.string().optional(),
  }),
);
type Glossary = z.infer<typeof glossarySchema>;

function readGlossary(path: string): { glossary: Glossary; issues: ContentIssue[] } {
  const file = relative(process.cwd(), path);
  const parsed = glossarySchema.safeParse(parseYaml(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    return {
      glossary: [],
      issues: parsed.error.issues.map((i) => ({ file, field: i.path.join('.') || '(file)', message: i.message })),
    };
  }
  const seen = new Set<string>();
  const issues = parsed.data.flatMap((entry, index) => {
    const term = entry.en.toLowerCase();
    if (!seen.has(term)) return (seen.add(term), []);
    return [{ file, field: `${String(index)}.en`, message: `"${entry.en}" is in the glossary twice` }];
  });
  return { glossary: parsed.data, issues };
}

/** The problems of every language's glossary under the translations folder. */
export function checkGlossary(contentDir: string): ContentIssue[] {
  const dir = join(contentDir, 'translations');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((locale) => join(dir, locale, 'glossary.yaml'))
    .filter((path) => existsSync(path))
    .flatMap((path) => readGlossary(path).issues);
}
