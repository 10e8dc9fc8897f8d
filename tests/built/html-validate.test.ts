/**
 * Every page of the build is valid HTML by html-validate's standard rules: 0 errors (warnings are printed). It reads
 * dist/ (or ATLAS_DIST), so `npm test` runs it in a stage of its own after the build (src/cli/run-tests.ts); after
 * `npm run build`, `npm run test:built` runs it alone. One test per section of the site, so a failure says where.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { DIST } from '../e2e/build-output.ts';

if (!existsSync(join(DIST, 'index.html'))) throw new Error(`No build in ${DIST}: run \`npm run build\` first.`);

/**
 * An English page served under another language's prefix until it is translated (src/after-build/fallback-pages.ts)
 * is the English page, checked here already, with one line added: one such page of each kind is checked, the line in
 * its place, and the rest are the same bytes again.
 */
const FALLBACK = /^([a-z]{2}-[a-z]+)\/(?:([^/]+)\/)?/;
const fallbackKinds = new Set<string>();
const checkedFallback = (file: string) => {
  const match = FALLBACK.exec(file);
  if (!match || !readFileSync(join(DIST, file), 'utf8').includes('data-untranslated')) return true;
  const kind = `${match[1]}/${match[2] ?? ''}`;
  if (fallbackKinds.has(kind)) return false;
  fallbackKinds.add(kind);
  return true;
};

/** The HTML files of the build, by the first folder of their path ("topics", "roadmaps"; "" for the top level). */
const sections = Map.groupBy(
  readdirSync(DIST, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .sort()
    .filter(checkedFallback),
  (file) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : ''),
);

// A .htmlvalidate.json in the project would add to the standard rules, as the CLI would read it.
const validator = new HtmlValidate(new FileSystemConfigLoader({ extends: ['html-validate:standard'] }));

describe('every built page passes html-validate:standard with no errors', () => {
  it('the build has pages to check', () => {
    expect([...sections.values()].flat().length).toBeGreaterThan(100);
  });

  it.for([...sections.keys()])('/%s', async (section) => {
    const errors: string[] = [];
    let warnings = 0;
    for (const file of sections.get(section)!) {
      const report = await validator.validateFile(join(DIST, file));
      for (const message of report.results.flatMap((r) => r.messages)) {
        if (message.severity === 2)
          errors.push(`${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
        else warnings++;
      }
    }
    if (warnings > 0) console.log(`html-validate: /${section}: ${warnings} warnings`);
    expect(errors, `${relative('.', DIST)}/${section}`).toEqual([]);
  });
});
