// Translations against their English sources.
//   node src/cli/translations.ts status [locale]   every translation: current, outdated or missing; exits 1 on any
//                                                  outdated one (what a translator runs to find work)
//   node src/cli/translations.ts stamp <file>...   records the English file's hash in each translation, after
//                                                  the translation was brought up to date with it
//   node src/cli/translations.ts check <file>...   the build's rules for each translation (its fields, and its
//                                                  text against the English), without a build: what a translator
//                                                  runs while working
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { TRANSLATED_LOCALES, isLocale } from '../i18n/index.ts';
import { checkTranslation, splitSource } from '../i18n/translations/check.ts';
import { outdatedMessage, readSource } from '../i18n/translations/loader.ts';
import { translationSchema } from '../i18n/translations/schema.ts';
import { parseTranslationId } from '../i18n/translations/sources.ts';
import { formatIssues } from '../lib/content/integrity.ts';
import type { ContentIssue } from '../lib/content/integrity/entries.ts';
import { stampTranslation, translationStatus } from '../i18n/translations/status.ts';
import { CONTENT_DIR } from '../lib/content/content-files.ts';

const [command, ...rest] = process.argv.slice(2);
if (command === 'stamp') {
  for (const file of rest) {
    const id = relative(`${CONTENT_DIR}/translations`, file).replace(/\.md$/, '');
    const source = readSource(id);
    if (!source) {
      console.error(`${file}: translates ${id}, whose English file does not exist`);
      process.exitCode = 1;
      continue;
    }
    writeFileSync(file, stampTranslation(readFileSync(file, 'utf8'), source.text));
    console.log(`${file}: made from ${source.file} as it is now`);
  }
} else if (command === 'check') {
  for (const file of rest) {
    const id = relative(`${CONTENT_DIR}/translations`, file).replace(/\.md$/, '');
    const key = parseTranslationId(id);
    if (!existsSync(file)) {
      console.error(`${file}: no such file`);
      process.exitCode = 1;
      continue;
    }
    const { data, body } = splitSource(readFileSync(file, 'utf8'));
    const issues: ContentIssue[] = key
      ? checkTranslation({ key, file, data, body }, readSource(id))
      : [{ file, field: '(file)', message: 'must be <locale>/<collection>/<id>.md under content/translations/' }];
    const parsed = translationSchema.safeParse(data);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        issues.push({ file, field: issue.path.join('.') || '(frontmatter)', message: issue.message });
    console.log(issues.length ? formatIssues(issues) : `${file}: ok`);
    if (issues.length) process.exitCode = 1;
  }
} else if (command === 'status') {
  const locales = rest[0] && isLocale(rest[0]) ? [rest[0]] : TRANSLATED_LOCALES;
  for (const locale of locales) {
    const statuses = translationStatus(locale);
    for (const s of statuses) {
      console.log(`${locale}  ${s.state.padEnd(8)}  ${s.collection}/${s.id}`);
      const file = `${CONTENT_DIR}/translations/${locale}/${s.collection}/${s.id}.md`;
      const source = readSource(`${locale}/${s.collection}/${s.id}`);
      if (s.state === 'outdated' && source) console.error(outdatedMessage(file, source));
    }
    const outdated = statuses.filter((s) => s.state === 'outdated').length;
    const missing = statuses.filter((s) => s.state === 'missing').length;
    console.log(
      `${locale}: ${String(statuses.length - outdated - missing)} current, ${String(outdated)} outdated, ${String(missing)} missing`,
    );
    if (outdated > 0) process.exitCode = 1;
  }
} else {
  console.error('usage: node src/cli/translations.ts status [locale] | stamp <file>... | check <file>...');
  process.exitCode = 2;
}
