/** Every page of the build is valid HTML by html-validate's standard rules: 0 errors (warnings are printed). */
import { expect, test } from '@playwright/test';
import { HtmlValidate } from 'html-validate';
import { builtPages } from './build-output.ts';

test('every built page passes html-validate:standard with no errors', async () => {
  test.setTimeout(600_000);
  const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
  const pages = builtPages();
  expect(pages.length).toBeGreaterThan(100);
  const errors: string[] = [];
  let warnings = 0;
  for (const { path, html } of pages) {
    const report = await validator.validateString(html, path);
    for (const message of report.results.flatMap((r) => r.messages)) {
      if (message.severity === 2)
        errors.push(`${path}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
      else warnings++;
    }
  }
  console.log(`html-validate: ${pages.length} pages, ${errors.length} errors, ${warnings} warnings`);
  expect(errors).toEqual([]);
});
