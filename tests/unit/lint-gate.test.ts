/**
 * The lint gate (`npm run lint`: ESLint, Prettier's check, knip, then the import graph) fails on what it is there to
 * stop: an import cycle (type-only ones too), a schema leaning on src/lib/, a floating promise, an unformatted .astro file. Each is a fixture in tests/fixtures/lint-gate/ (which the gate
 * itself skips), checked with the project's own eslint.config.js and .prettierrc.json through their Node APIs, so
 * this fails if the configuration loses the rule.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/lint-gate');
const KNIP = join(ROOT, 'node_modules/.bin/knip');
// `ignore: false` lets ESLint read the fixtures, which the configuration ignores so that `eslint .` passes.
const eslint = new ESLint({ cwd: ROOT, ignore: false });

/** The rules each fixture file breaks, by file name. */
async function broken(...files: string[]): Promise<Record<string, string[]>> {
  const results = await eslint.lintFiles(files.map((file) => join(FIXTURES, file)));
  return Object.fromEntries(
    results.map((r) => [r.filePath.slice(FIXTURES.length + 1), r.messages.map((m) => m.ruleId ?? m.message)]),
  );
}

/** A fixture linted with one rule alone, set as `setting` (the project's setting for the files it stands for). */
async function lintAlone(fixture: string, rule: string, setting: unknown) {
  const alone = new ESLint({
    cwd: ROOT,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, rules: { [rule]: setting as never } },
    ],
  });
  const [result] = await alone.lintFiles([join(FIXTURES, fixture)]);
  return result!;
}

describe('the lint gate', () => {
  it('is what `npm run lint` runs: ESLint with no warnings allowed, Prettier over everything, knip, the import graph', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts.lint).toMatch(
      /\beslint \. --max-warnings 0 && prettier --check \. && knip && node src\/cli\/check-imports\.ts$/,
    );
  });

  it('fails on a cycle made only of types, one through an .astro file, a schema importing from src/lib/, and a way into a lab kind past its index.ts', () => {
    const check = (root: string) =>
      spawnSync(process.execPath, [join(ROOT, 'src/cli/check-imports.ts'), root], { encoding: 'utf8' });
    const broken = check(join(ROOT, 'tests/fixtures/import-gate'));
    expect(broken.status).toBe(1);
    expect(broken.stderr.split('\n').filter((line) => /^( {2}|A lower|Into)/.test(line))).toEqual([
      '  src/components/Badge.astro',
      '  src/components/Card.astro',
      '  src/components/card-script.ts',
      '  src/lib/kinds/runner.ts',
      '  src/lib/kinds/spec.ts',
      'A lower floor imports from a higher one: src/schemas/entry.ts → src/lib/words.ts',
      'Into a lab kind past its index.ts: src/components/widget-button.ts → src/lib/labs/widget/widget-run.ts',
    ]);
    const ours = check(ROOT);
    expect(ours.status, ours.stderr).toBe(0);
    expect(ours.stdout).toMatch(
      /^Imports: \d+ files under src\/, no cycle, no floor breach, 5 lab kinds entered by their index\.ts only \(the registry: by their spec\)\.$/m,
    );
  });

  it('fails on an export nothing imports (knip), and the project keeps that rule on', () => {
    // A small project of its own: knip reads its package.json and follows the imports from its entry.
    const run = spawnSync(KNIP, ['--directory', join(ROOT, 'tests/fixtures/knip-gate'), '--reporter', 'json'], {
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(1);
    const { issues } = JSON.parse(run.stdout) as { issues: { file: string; exports: { name: string }[] }[] };
    expect(issues.map((i) => [i.file, i.exports.map((e) => e.name)])).toEqual([['src/helpers.ts', ['forgotten']]]);
    const config = JSON.parse(readFileSync(join(ROOT, 'knip.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(config).filter((key) => /^(rules|ignoreExportsUsedInFile|include|exclude)$/.test(key))).toEqual(
      [],
    );
  });

  it('fails on an import cycle, at both ends, and on a promise nobody awaits', async () => {
    expect(await broken('cycle-a.ts', 'cycle-b.ts', 'floating.ts')).toEqual({
      'cycle-a.ts': ['import-x/no-cycle'],
      'cycle-b.ts': ['import-x/no-cycle'],
      'floating.ts': ['@typescript-eslint/no-floating-promises'],
    });
  });

  it('holds the promise rules as errors where our code lives', async () => {
    for (const file of ['src/lib/progress/any.ts', 'src/cli/any.ts', 'src/pages/any.ts', 'tests/unit/any.test.ts']) {
      const { rules } = (await eslint.calculateConfigForFile(join(ROOT, file))) as {
        rules: Record<string, [number, ...unknown[]]>;
      };
      const severities = ['no-floating-promises', 'no-misused-promises', 'await-thenable'].map(
        (rule) => rules[`@typescript-eslint/${rule}`]?.[0],
      );
      expect(severities, file).toEqual([2, 2, 2]);
    }
  });

  it('reads environment variables in src/environment.ts only', async () => {
    const rule = async (file: string) =>
      (
        (await eslint.calculateConfigForFile(join(ROOT, file))) as {
          rules: Record<string, [number, ...{ object: string; property: string }[]]>;
        }
      ).rules['no-restricted-properties'];
    for (const file of ['src/lib/content/any.ts', 'src/cli/any.ts', 'src/pages/any.astro', 'astro.config.mjs']) {
      const [severity, ...banned] = (await rule(file)) ?? [0];
      expect(severity, file).toBe(2);
      expect(banned, file).toContainEqual(expect.objectContaining({ object: 'process', property: 'env' }));
    }
    expect((await rule('src/environment.ts'))?.[0] ?? 0).toBe(0);
  });

  it('fails on an .astro file Prettier would lay out otherwise, and checks every .astro file under src/', async () => {
    const file = join(FIXTURES, 'Unformatted.astro');
    const options = { ...(await prettier.resolveConfig(file)), filepath: file };
    const text = readFileSync(file, 'utf8');
    expect(await prettier.check(text, options)).toBe(false);
    expect(await prettier.check(await prettier.format(text, options), options)).toBe(true);
    const info = await prettier.getFileInfo(join(ROOT, 'src/components/Section.astro'), {
      ignorePath: [join(ROOT, '.gitignore'), join(ROOT, '.prettierignore')],
      resolveConfig: true,
    });
    expect(info).toEqual({ ignored: false, inferredParser: 'astro' });
  });
  it('fails a custom element that does not extend the base, or is defined without its prefix', async () => {
    const config = (await eslint.calculateConfigForFile(join(ROOT, 'src/components/any/any.ts'))) as {
      rules: Record<string, unknown>;
    };
    const base = (await eslint.calculateConfigForFile(join(ROOT, 'src/components/element.ts'))) as {
      rules: Record<string, unknown>;
    };
    expect(base.rules['no-restricted-syntax'], 'the base itself may extend HTMLElement').toBeUndefined();
    // The rule as the project configures it, applied to the fixture on its own (it lives outside src/).
    const result = await lintAlone('bare-element.ts', 'no-restricted-syntax', config.rules['no-restricted-syntax']);
    expect(result.messages.map((m) => [m.line, m.message.split(' ')[0]])).toEqual([
      [2, 'Extend'],
      [8, 'Define'],
    ]);
  });
  it('fails a browser test that takes `test` from Playwright instead of the fixtures that reset the shared context', async () => {
    const rules = async (file: string) =>
      ((await eslint.calculateConfigForFile(join(ROOT, file))) as { rules: Record<string, unknown> }).rules[
        'no-restricted-imports'
      ];
    const result = await lintAlone('playwright-test.ts', 'no-restricted-imports', await rules('tests/e2e/any.spec.ts'));
    expect(result.messages.map((m) => [m.line, m.message.split(' ')[0]])).toEqual([[1, "'test'"]]);
    expect(JSON.stringify(await rules('tests/e2e/fixtures.ts'))).not.toContain('@playwright/test');
  });
});
