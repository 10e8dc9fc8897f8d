/**
 * Every data cell of a built page's table has a header (axe "td-has-header", which Lighthouse runs): a comparison
 * whose corner cell is empty ("| | Kafka | RabbitMQ |") names each row by its first cell, a row header
 * (src/markdown/scroll-tables.ts). Reads dist/ (or ATLAS_DIST), like html-validate.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DIST } from '../e2e/build-output.ts';

if (!existsSync(join(DIST, 'index.html'))) throw new Error(`No build in ${DIST}: run \`npm run build\` first.`);

const pages = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
const EMPTY_CORNER = /<table>\s*<thead>\s*<tr>\s*<th><\/th>[\s\S]*?<\/table>/g;

it('a table with an empty corner cell has a row header at the start of every body row', () => {
  const unheaded: string[] = [];
  let tables = 0;
  for (const file of pages)
    for (const [table] of readFileSync(join(DIST, file), 'utf8').matchAll(EMPTY_CORNER)) {
      tables++;
      const body = table.slice(table.indexOf('<tbody>'));
      const rows = [...body.matchAll(/<tr>\s*<(t[hd])\b([^>]*)>/g)];
      if (rows.some(([, tag, attributes]) => tag !== 'th' || !attributes!.includes('scope="row"'))) unheaded.push(file);
    }
  expect(tables, 'the comparisons with an empty corner cell (14 on 2026-11-26)').toBeGreaterThan(10);
  expect(unheaded).toEqual([]);
});
