/**
 * The translations collection's loader: Astro's glob() reads content/translations/<locale>/<collection>/<id>.md
 * (the id is that path), then every translation is checked against its English source (check.ts) and its diagrams
 * read as the English ones must (the content check's checkBody). Any problem fails the sync with the file and field
 * named, as the other collections' do.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader } from 'astro/loaders';
import { CONTENT_DIR } from '../../lib/content/content-files.ts';
import { checkBody, formatIssues } from '../../lib/content/integrity.ts';
import type { ContentIssue } from '../../lib/content/integrity/entries.ts';
import { count } from '../../core/format/words.ts';
import { checkTranslation, freshness, type SourceText } from './check.ts';
import { checkGlossary } from './glossary.ts';
import { parseTranslationId, sourceFile } from './sources.ts';

export const TRANSLATIONS_DIR = 'translations';

/** The English file a translation id names, read from the content folder; nothing when it does not exist. */
export function readSource(id: string, contentDir: string = CONTENT_DIR): SourceText | undefined {
  const key = parseTranslationId(id);
  if (!key) return undefined;
  const path = join(contentDir, sourceFile(key));
  return existsSync(path) ? { file: relative(process.cwd(), path), text: readFileSync(path, 'utf8') } : undefined;
}

/** What the build and the status command say of a translation older than its English source. */
export const outdatedMessage = (file: string, source: SourceText) =>
  `${file}: source.sha256: made from an older ${source.file}, which has changed since; update the translation, then record it with \`node src/cli/translations.ts stamp ${file}\``;

export function translationLoader(contentDir: string = CONTENT_DIR): Loader {
  const base = join(contentDir, TRANSLATIONS_DIR);
  const inner = glob({ pattern: '*/*/*.md', base, generateId: ({ entry }) => entry.replace(/\.md$/, '') });
  return {
    name: 'backend-atlas:translations',
    load: async (context) => {
      await inner.load(context);
      const root = fileURLToPath(context.config.root);
      const issues: ContentIssue[] = checkGlossary(contentDir);
      for (const entry of context.store.values()) {
        const file = entry.filePath ?? relative(root, join(base, `${entry.id}.md`));
        const key = parseTranslationId(entry.id);
        if (!key) {
          issues.push({
            file,
            field: '(file)',
            message: 'must be <locale>/<topics|roadmaps>/<id>.md under translations/',
          });
          continue;
        }
        const body = entry.body ?? '';
        const source = readSource(entry.id, contentDir);
        const recorded = (entry.data as { source?: { sha256?: string } }).source?.sha256 ?? '';
        // Older than its source: it builds, its page says so, and the build and `translations.ts status` name it.
        if (source && freshness(recorded, source) === 'outdated') context.logger.warn(outdatedMessage(file, source));
        issues.push(
          ...checkTranslation({ key, file, data: entry.data, body }, source),
          ...checkBody({ collection: key.collection, id: key.id, file, body, bodyLine: 1 }),
        );
      }
      if (issues.length > 0) {
        throw new Error(`Translations have ${count(issues.length, 'problem')}:\n${formatIssues(issues)}`);
      }
    },
  };
}
