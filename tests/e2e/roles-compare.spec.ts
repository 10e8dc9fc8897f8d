/** Roles, the career ladder, projects and comparisons: sortable tables, charts with text, the ladder diagram, progress on role pages. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { parseYaml } from '../../src/lib/content/content-files.ts';
import { comparisons, project, roadmapPage, role, roles } from './content.ts';
import { expect, test } from './learner.ts';

const CONTENT = join(import.meta.dirname, '../../content');
const LANGUAGES = comparisons.languages.url;
const JOBS = comparisons.jobs.url;

/** The roles that sit on the ladder (a step or a branch), from the content the build used. */
const ladderRoles = readdirSync(join(CONTENT, 'roles'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => ({
    id: f.replace(/\.md$/, ''),
    data: parseYaml(readFileSync(join(CONTENT, 'roles', f), 'utf8').split(/^---$/m)[1]!) as {
      title: string;
      ladder?: { step?: number; branchesFrom?: string };
    },
  }))
  .filter((r) => r.data.ladder?.step !== undefined || r.data.ladder?.branchesFrom !== undefined);

const rowNames = (page: Page) => page.locator('atlas-sortable-table tbody th[scope="row"]').allInnerTexts();
const columnTexts = (page: Page, column: number) =>
  page.locator(`atlas-sortable-table tbody tr > :nth-child(${column + 1})`).allInnerTexts();
const header = (page: Page, name: string | RegExp): Locator =>
  page.locator('atlas-sortable-table thead th').filter({ hasText: name });

test.describe('comparison tables', () => {
  test('sorting by an ordinal column follows its scale, sets aria-sort and announces it; a second press reverses', async ({
    readPage: page,
  }) => {
    await page.goto(LANGUAGES);
    const performance = header(page, 'Performance');
    await performance.getByRole('button').click();
    await expect(performance).toHaveAttribute('aria-sort', 'ascending');
    expect(await columnTexts(page, 3)).toEqual([
      'Moderate',
      'Good',
      'Good',
      'Excellent',
      'Excellent',
      'Excellent',
      'Best',
    ]);
    // Ties keep the source order: Node.js before PHP, Go before Java before C#.
    expect(await rowNames(page)).toEqual(['Python', 'Node.js', 'PHP', 'Go', 'Java', 'C#', 'Rust']);
    await expect(page.getByRole('status').filter({ hasText: 'Sorted by Performance, lowest first.' })).toBeAttached();

    await performance.getByRole('button').press('Enter');
    await expect(performance).toHaveAttribute('aria-sort', 'descending');
    expect(await columnTexts(page, 3)).toEqual([
      'Best',
      'Excellent',
      'Excellent',
      'Excellent',
      'Good',
      'Good',
      'Moderate',
    ]);
    await expect(page.getByRole('status').filter({ hasText: 'Sorted by Performance, highest first.' })).toBeAttached();

    // Only the sorted column carries aria-sort.
    await header(page, 'Language').getByRole('button').click();
    await expect(header(page, 'Language')).toHaveAttribute('aria-sort', 'ascending');
    await expect(performance).not.toHaveAttribute('aria-sort');
    expect(await rowNames(page)).toEqual(['C#', 'Go', 'Java', 'Node.js', 'PHP', 'Python', 'Rust']);
    await header(page, 'Language').getByRole('button').click();
    expect(await rowNames(page)).toEqual(['Rust', 'Python', 'PHP', 'Node.js', 'Java', 'Go', 'C#']);
    await expect(page.getByRole('status').filter({ hasText: 'Sorted by Language, Z to A.' })).toBeAttached();
  });

  // Rows without a number stay last in either direction: tests/unit/format/table-sort.test.ts.
  test('number columns sort numerically, and the row links still lead to the role', async ({ readPage: page }) => {
    // The expected order comes from the table's own data, so editing a figure does not break the test.
    const { rows } = parseYaml(readFileSync(join(CONTENT, `comparisons/${comparisons.jobs.id}.yaml`), 'utf8')) as {
      rows: { role: string; cells: Record<string, string | number> }[];
    };
    const number = (cell: string | number) =>
      typeof cell === 'number' ? cell : Number(/[\d,.]+/.exec(cell)![0].replaceAll(',', ''));
    const growths = rows.map((r) => number(r.cells.growth!)).sort((a, b) => a - b);
    const lowest = rows.filter((r) => number(r.cells.growth!) === growths[0]).map((r) => r.role);
    await page.goto(JOBS);
    const growth = header(page, 'Projected growth');
    await growth.getByRole('button').click();
    expect((await columnTexts(page, 4)).map(Number)).toEqual(growths);
    await page.locator('atlas-sortable-table tbody tr').first().getByRole('link').click();
    expect(lowest.map((id) => `/roles/${id}/`)).toContain(new URL(page.url()).pathname);
    await page.goBack();
    await header(page, 'Salary from').getByRole('button').click();
    await header(page, 'Salary from').getByRole('button').click();
    expect(number((await columnTexts(page, 1))[0]!)).toBe(Math.max(...rows.map((r) => number(r.cells['salary-low']!))));
    await growth.getByRole('button').click();
    await growth.getByRole('button').click();
    expect((await columnTexts(page, 4)).map(Number)).toEqual([...growths].reverse());
  });

  test('every column header of every comparison becomes a sort button', async ({ readPage: page }) => {
    const ids = readdirSync(join(CONTENT, 'comparisons')).map((f) => f.replace(/\.yaml$/, ''));
    for (const id of ids) {
      await page.goto(`/compare/${id}/`);
      const headers = page.locator('atlas-sortable-table thead th');
      await expect(headers.getByRole('button')).toHaveCount(await headers.count());
    }
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('the table reads in source order, with plain headers and no sort controls', async ({ page }) => {
      await page.goto(LANGUAGES);
      const source = parseYaml(readFileSync(join(CONTENT, `comparisons/${comparisons.languages.id}.yaml`), 'utf8')) as {
        rows: { name: string }[];
      };
      expect(await rowNames(page)).toEqual(source.rows.map((r) => r.name));
      await expect(page.locator('atlas-sortable-table thead button')).toHaveCount(0);
      await expect(page.locator('atlas-sortable-table th[aria-sort]')).toHaveCount(0);
      await expect(page.getByText('Select a column heading to sort')).toBeHidden();
      await expect(page.getByRole('table')).toHaveAccessibleName(/Backend languages by typical use/);
    });
  });
});

test.describe('charts', () => {
  /** Every chart SVG is an image named by its own title and described by its own desc, both with text. */
  async function expectChartsLabelled(page: Page, path: string, atLeast: number) {
    await page.goto(path);
    const charts = page.locator('svg[role="img"]');
    expect(await charts.count(), `${path} charts`).toBeGreaterThanOrEqual(atLeast);
    for (const chart of await charts.all()) {
      const [titleId, descId] = (await chart.getAttribute('aria-labelledby'))!.split(' ');
      await expect(chart.locator(`title#${titleId}`)).toHaveText(/\w{3}/);
      await expect(chart.locator(`desc#${descId}`)).toHaveText(/\d/);
    }
  }

  test('the roles index charts salary ranges on one axis, with title, description and the figures as a table', async ({
    readPage: page,
  }) => {
    await expectChartsLabelled(page, '/roles/', 1);
    const chart = page.locator('section[aria-labelledby="salaries"] svg[role="img"]');
    // Named by its title and its description together, which screen readers announce most reliably.
    await expect(chart).toHaveAccessibleName(
      /^Yearly salary ranges by role, USD One bar per role on a shared axis from \$0 to \$300K.*lowest is Junior Backend Developer.*highest is Staff \/ Principal Engineer/,
    );
    // One bar per role with a published figure; a role without one is in the table only.
    await expect(
      page.locator('#compare ~ atlas-sortable-table tbody tr').filter({ hasNotText: 'no published figure' }),
    ).toHaveCount(await page.locator('section[aria-labelledby="salaries"] svg rect').count());
  });

  test('each role page charts salary, demand and growth on shared scales, each with its source, link and month', async ({
    readPage: page,
  }) => {
    await expectChartsLabelled(page, roles.nodejs.url, 3);
    await expect(
      page.getByRole('img', {
        name: 'Salary range $80K to $211K a year, on a scale from $0 to $400K shared by every role.',
      }),
    ).toBeVisible();
    await expect(
      page.getByRole('img', { name: 'Hiring demand 4 on a scale from 1 (scarce) to 5 (very high).' }),
    ).toBeVisible();
    await expect(
      page.getByRole('img', { name: /^Projected growth in jobs \+15% over 2024–34, on a scale from 0% to 30%/ }),
    ).toBeVisible();
    const caption = page.locator('#market ~ figure figcaption');
    await expect(caption).toContainText('Estimate: Software Developers (SOC 15-1252) is the BLS occupation');
    await expect(caption).toContainText('(May 2024)');
    await expect(caption).toContainText('Our assessment, reviewed November 2026');
    await expect(caption.getByRole('link', { name: /OEWS May 2024: Software Developers/ })).toHaveAttribute(
      'href',
      'https://www.bls.gov/oes/2024/may/oes151252.htm',
    );
    // A role of another occupation charts that occupation's figures on the same scales.
    await expectChartsLabelled(page, roles.security.url, 3);
    await expect(
      page.getByRole('img', { name: /^Projected growth in jobs \+29% over 2024–34, on a scale from 0% to 30%/ }),
    ).toBeVisible();
  });
});

test.describe('career ladder', () => {
  test('the diagram links every ladder role, steps left to right with edges, and each ladder role links back', async ({
    readPage: page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/roles/ladder/');
    const diagram = page.locator('.cl');
    expect(ladderRoles.length).toBeGreaterThan(10);
    for (const role of ladderRoles) {
      await expect(diagram.locator(`[id="${role.id}"] a[href="/roles/${role.id}/"]`), role.id).toHaveText(
        role.data.title,
      );
    }
    await expect(diagram.getByRole('link')).toHaveCount(ladderRoles.length);
    const steps = await diagram
      .locator('.cl-step')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, w: r.width })));
    expect(steps).toHaveLength(4);
    steps.slice(1).forEach((s, i) => {
      expect(s.x).toBeGreaterThan(steps[i]!.x + steps[i]!.w);
      expect(s.y).toBe(steps[i]!.y);
    });
    // Boxes have a fixed height: their text (title, pay, time) must fit without being clipped.
    const clipped = await diagram
      .locator('.cl-step')
      .evaluateAll((els) => els.filter((e) => e.scrollHeight > e.clientHeight).map((e) => e.id));
    expect(clipped).toEqual([]);
    await expect(diagram.locator('.cl-edges')).toBeVisible();
    await expect(diagram.locator('.cl-edges path.cl-edge')).toHaveCount(ladderRoles.length - 1);
    await expect(
      page
        .getByRole('list', { name: 'Specialisations that branch off Mid-Level Backend Developer' })
        .getByRole('link', { name: 'Site Reliability Engineer' }),
    ).toBeVisible();

    await page.goto('/roles/');
    await page.getByRole('link', { name: 'See the career ladder' }).click();
    await expect(page).toHaveURL(/\/roles\/ladder\/$/);
    for (const role of ladderRoles) {
      await page.goto(`/roles/${role.id}/`);
      await expect(page.locator(`main a[href="/roles/ladder/#${role.id}"]`), role.id).toHaveText('career ladder');
    }
  });

  test('at 320 px the ladder is a stacked list with no horizontal scrolling', async ({ readPage: page }) => {
    await page.setViewportSize({ width: 320, height: 700 });
    await page.goto('/roles/ladder/');
    await expect(page.locator('.cl-edges')).toBeHidden();
    const [a, b] = await page
      .locator('.cl-step')
      .evaluateAll((els) => els.slice(0, 2).map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    expect(b!.y).toBeGreaterThan(a!.y + a!.height);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
  });
});

test.describe('progress on role pages', () => {
  // The role's first roadmap, and two of its topics that none of the role's other roadmaps has.
  const [linkedId, ...otherIds] = role.roadmaps as [string, ...string[]];
  const linked = roadmapPage(linkedId);
  const [done, learning] = linked.required.filter((t) => !otherIds.some((id) => t.roadmaps.includes(id)));
  const card = (page: Page, id = linked.id) => page.locator(`[data-roadmap="${id}"]`);

  test('a linked roadmap shows nothing to a visitor without progress', async ({ page }) => {
    await page.goto(role.url);
    await expect(card(page).getByRole('link', { name: linked.title, exact: true })).toBeVisible();
    await expect(card(page).locator('[data-progress]')).toBeHidden();
    await expect(page.getByText('Your progress:')).toHaveCount(0);
  });

  test.describe('a learner with progress on one of them, stored by an early version of the site', () => {
    test.use({ progress: JSON.stringify({ version: 1, topics: { [done!.id]: 'done', [learning!.id]: 'learning' } }) });

    test('that roadmap shows the progress, and the others nothing', async ({ page }) => {
      await page.goto(role.url);
      await expect(card(page).getByText(/^Your progress: 1 of \d+ required finished$/)).toBeVisible();
      await expect(card(page).getByRole('progressbar', { name: `Your progress on ${linked.title}` })).toHaveAttribute(
        'value',
        '1',
      );
      for (const id of otherIds) await expect(card(page, id).locator('[data-progress]')).toBeHidden();
    });
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('the roadmap links show no progress', async ({ page }) => {
      await page.goto(role.url);
      await expect(card(page).getByRole('link', { name: linked.title, exact: true })).toBeVisible();
      await expect(page.getByText('Your progress:')).toHaveCount(0);
      await expect(card(page).getByRole('progressbar')).toBeHidden();
    });
  });
});

test('the projects index groups projects by level, each with links to the topics it exercises', async ({
  readPage: page,
}) => {
  await page.goto('/projects/');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Beginner', 'Intermediate', 'Advanced']);
  const card = page.locator('section[aria-labelledby="beginner"] > ul > li').filter({ hasText: project.title });
  const skills = card.getByRole('list', { name: 'Exercises' }).getByRole('link');
  expect(await skills.count()).toBeGreaterThan(2);
  await skills.first().click();
  await expect(page).toHaveURL(/\/topics\/[^/]+\/$/);
});
