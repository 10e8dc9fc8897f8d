// Translations against their English sources.
//   node src/cli/translations.ts status [locale]   every translation: current, outdated or missing; exits 1 on any
//                                                  outdated one (what a translator runs to find work)
//   node src/cli/translations.ts stamp <file>...   records the English file's hash in each translation, after
//                                                  the translation was brought up to date with it
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { TRANSLATED_LOCALES, isLocale } from '../i18n/index.ts';
import { outdatedMessage, readSource } from '../i18n/translations/loader.ts';
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
  console.error('usage: node src/cli/translations.ts status [locale] | stamp <file>...');
  process.exitCode = 2;
}
