import { chromium } from '@playwright/test';
import { chromiumPath } from '../src/environment.ts';
const browser = await chromium.launch({ executablePath: chromiumPath() });
for (const [w, scheme] of [[390, 'dark'], [1440, 'light'], [390, 'light'], [1440, 'dark']] as const) {
  const page = await browser.newPage({ viewport: { width: w, height: 900 }, colorScheme: scheme });
  await page.goto('http://127.0.0.1:4391/labs/design-video-streaming/');
  await page.getByText('How to write a design').click();
  const row = page.locator('details.design-format[open] td, details.design-format[open] dt, details.design-format[open] code').filter({ hasText: /^spread$/ }).first();
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/spread-${w}-${scheme}.png` });
  await page.close();
}
await browser.close();
