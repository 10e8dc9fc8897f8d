// The lint gate (`npm run lint`, and a stage of `npm test`): typescript-eslint and the Astro plugin, configured once.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Folders of src/lib that only the build and the developer tools load: they may use Node, astro:content and zod. */
const BUILD_ONLY = [
  'build',
  'cards',
  'changes',
  'content',
  'icons',
  'labs-node',
  'listings',
  'roadmap-map',
  'roles',
  'timelines',
];

/** One way to write a relative import: the file's own name with its extension, as Node runs it. */
const withExtension = {
  regex: '^\\.{1,2}/(.*/)?[^./]+$',
  message: 'Write the file name with its extension: ./module.ts',
};

/** What code that runs in the browser must not import (type-only imports load nothing and are allowed). */
const browserOnly = [
  withExtension,
  { group: ['node:*'], message: 'Browser code cannot use Node modules.', allowTypeImports: true },
  {
    group: ['astro:content', 'zod', 'astro/zod'],
    message: 'Browser code cannot load the content layer or zod.',
    allowTypeImports: true,
  },
  {
    group: BUILD_ONLY.map((folder) => `**/lib/${folder}/**`),
    message: 'Build-only module: the browser must not load it.',
    allowTypeImports: true,
  },
  {
    group: ['**/dev/**', '**/schemas/**', '**/markdown/**', '**/integrations/**', '**/after-build/**'],
    message: 'Build code: the browser must not load it.',
    allowTypeImports: true,
  },
];

export default defineConfig(
  // tests/fixtures/ holds code that breaks the rules on purpose (tests/unit/lint-gate.test.ts lints it on its own).
  {
    ignores: [
      'dist/',
      '.astro/',
      'node_modules/',
      'test-reports/',
      'test-results/',
      'shots/',
      'content/',
      'tests/fixtures/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  astro.configs.recommended,
  {
    // Type-aware rules read the types TypeScript's own project service gives each file (tsconfig.json), and the
    // content types `astro sync` writes to .astro/ (`npm run lint` runs it first). What they cost: README.
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [withExtension] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Cleaning text of control characters is what those patterns are for (feeds, learner text, file names).
      'no-control-regex': 'off',
      // A promise nobody awaits loses its rejection: await it, or say `void` (or `.catch`) where that is meant.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // A newcomer reads a function on one screen and a module in one sitting (CONTRIBUTING.md).
    files: ['src/**/*.ts', 'src/**/*.astro'],
    rules: {
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
      'max-lines': ['error', { max: 250 }],
    },
  },
  {
    // .astro files are linted without types. astro-eslint-parser has no projectService: it falls back to a program
    // of its own (25 CPU-seconds and 1.3 GB more for our 93 files; README), whose template JSX has no types, so every
    // `{list.map(...)}` is an unsafe `any`; and with types on, ESLint silently dropped what it found in a <script>
    // (files `X.astro/0_0.ts`). `astro check` type-checks these files; their scripts import our .ts modules.
    files: ['**/*.astro', '**/*.astro/*.ts', '**/*.astro/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // Imports: no cycles between our modules (a cycle makes load order matter), and no package used without
    // being declared in package.json (it would work only while another package happens to install it).
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver()],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-extraneous-dependencies': ['error', { includeTypes: true }],
    },
  },
  {
    files: [
      '*.js',
      '*.mjs',
      '*.ts',
      'src/cli/**',
      'src/checker/**',
      'src/dev/**',
      'src/integrations/**',
      'src/after-build/**',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    files: [
      'src/components/**/*.ts',
      `src/lib/!(${BUILD_ONLY.join('|')})/**/*.ts`,
      'src/**/*.astro/*.ts',
      'src/**/*.astro/*.js',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: browserOnly }] },
  },
  {
    // Code that runs inside the lab engine (bundled into its scripts): Web APIs convert any value with String(), as
    // WebIDL does, and built-ins are taken apart once, before the learner's code could replace them.
    files: ['src/lib/labs/engine/**/*.ts'],
    rules: { '@typescript-eslint/no-base-to-string': 'off', '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // Browser tests share one context per worker, reset between tests by tests/e2e/fixtures.ts: a test taken from
    // Playwright directly would skip that reset and could see the storage or the cut-off network a test left.
    files: ['tests/e2e/**/*.ts'],
    ignores: ['tests/e2e/fixtures.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [withExtension],
          paths: [{ name: '@playwright/test', importNames: ['test'], message: "Take `test` from './fixtures.ts'." }],
        },
      ],
    },
  },
  {
    // Every environment variable is read in one module, with its meaning and default (src/environment.ts).
    files: ['src/**/*.ts', 'src/**/*.astro', '*.ts', '*.mjs'],
    ignores: ['src/environment.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read environment variables through src/environment.ts.' },
      ],
    },
  },
  {
    // Every custom element extends the one base that owns its lifecycle (src/components/element.ts).
    files: ['src/**/*.ts', 'src/**/*.astro/*.ts'],
    ignores: ['src/components/element.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: ':matches(ClassDeclaration, ClassExpression)[superClass.name="HTMLElement"]',
          message: 'Extend AtlasElement (src/components/element.ts) and define it with defineElement().',
        },
        {
          selector: 'CallExpression[callee.object.name="customElements"][callee.property.name="define"]',
          message:
            'Define custom elements with defineElement() (src/components/element.ts): it adds the atlas- prefix.',
        },
      ],
    },
  },
  {
    // Vitest's and Playwright's asymmetric matchers (`expect.stringMatching(...)`) are typed `any`: in a test, an
    // expected object holding one says "any text like this", not that an unchecked value flows on.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
);
