/**
 * Answers to the design labs' API-and-data-model step written by readers who saw only the pages
 * (tests/fixtures/api-step-answers/<lab>.yaml): a strong candidate's routes and tables, named their own way, meet
 * every need of the lab; a hurried candidate's, with one mistake the task cares about, do not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { CONTENT_DIR, readContentDir } from '../../../src/lib/content/content-files.ts';
import { checkApiModel, type ApiModelSpec } from '../../../src/lib/labs/design/index.ts';

const DIR = 'tests/fixtures/api-step-answers';
const specs = new Map(
  readContentDir(CONTENT_DIR, ['labs']).map((entry) => [
    entry.id,
    (entry.data as { apiModel?: ApiModelSpec }).apiModel,
  ]),
);
interface Answer {
  expect: 'all-met' | 'not-all-met';
  missing?: string;
  note: string;
  routes: string;
  tables: string;
}

describe.each(readdirSync(DIR).filter((name) => name.endsWith('.yaml')))('%s', (file) => {
  const spec = specs.get(file.replace(/\.yaml$/, ''));
  const answers = yaml.load(readFileSync(`${DIR}/${file}`, 'utf8')) as Answer[];
  it.each(answers.map((a) => [a.note, a] as const))('%s', (_note, answer) => {
    expect(spec, 'the lab exists and has the step').toBeDefined();
    const verdict = checkApiModel(spec!, answer.routes, answer.tables);
    const missed = [...verdict.routes, ...verdict.tables].filter((v) => v.met === undefined).map((v) => v.need);
    if (answer.expect === 'all-met') expect(missed).toEqual([]);
    else expect(missed.length, `should miss: ${answer.missing}`).toBeGreaterThan(0);
  });
});
