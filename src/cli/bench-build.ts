/**
 * `npm run bench:build -- --topics N [--small M] [--vs-starlight] [--keep]`: how fast the site builds at scale.
 * Copies the project and its content into a temporary folder, adds synthetic topic pages derived from the real
 * ones until there are N topics, and builds cold (fresh folder, no Astro, Vite or link preview card cache). Prints
 * seconds, ms per page, CPU seconds and peak memory (resident, the whole process tree), then the same for a smaller
 * run (M topics, default N/4; `--small 0` skips it) and how time grows between the two. `--vs-starlight` also builds
 * ours without cards, and the same N topic pages with Starlight, with a card per page drawn by astro-og-canvas and
 * without cards, and prints ours against Starlight's both ways. `--keep` keeps the folder, with each build's log
 * (`build.log`, timestamped steps) beside it. Run by hand (with `nice`); nothing of it runs in `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type BuildRun,
  compare,
  growth,
  msPerPage,
  readBuildLog,
  type TopicFile,
  withSyntheticTopics,
} from '../dev/build-bench.ts';
import { ASTRO, linkPackages, runSampled } from '../dev/bench-system.ts';
import { CARD_FONTS, STARLIGHT_PACKAGES, starlightFiles, starlightPage } from '../dev/starlight-site.ts';
import { CONTENT_DIR, entryIdOf } from '../lib/content/content-files.ts';
import { packageVersion } from '../markdown/package-version.ts';

const { values } = parseArgs({
  options: {
    topics: { type: 'string' },
    small: { type: 'string' },
    'vs-starlight': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const realTopics: TopicFile[] = readdirSync(join(CONTENT_DIR, 'topics'))
  .filter((name) => name.endsWith('.md')) // the copies are written as Markdown, so MDX topics are not copied
  .sort()
  .map((name) => ({
    id: entryIdOf(name),
    text: readFileSync(join(CONTENT_DIR, 'topics', name), 'utf8'),
  }));
const topics = Number(values.topics ?? realTopics.length * 10);
const small = Number(values.small ?? Math.max(realTopics.length, Math.round(topics / 4)));
if (!Number.isInteger(topics) || topics < 1 || !Number.isInteger(small) || small < 0 || small >= topics) {
  console.error('usage: npm run bench:build -- --topics N [--small M < N, 0 for none] [--vs-starlight] [--keep]');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
const astroVersion = packageVersion('astro', process.cwd());
const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;

/**
 * Builds `root` as its `npm run build` does: ours (src/cli/build.ts) runs `astro build` with its allocator settings,
 * then the search index and offline files in a process of their own; Starlight's (`ours` false) `astro build` alone.
 * Seconds and CPU add up; the peak is the higher of the two, as they never overlap.
 */
async function build(root: string, ours = true): Promise<BuildRun & { astroLine: string }> {
  const astro = await runSampled(root, [ASTRO, 'build'], ours);
  writeFileSync(join(root, 'build.log'), astro.output); // each step's timestamps, for a profile (see --keep)
  const log = readBuildLog(astro.output);
  const pagesLine =
    log.pages === undefined ? '' : `Astro: ${log.pages} page(s) built in ${log.pagesSeconds!.toFixed(1)} s`;
  if (!ours) return { ...astro, astroLine: pagesLine };
  const rest = await runSampled(root, ['src/cli/after-build.ts']);
  return {
    pages: astro.pages,
    seconds: astro.seconds + rest.seconds,
    cpuSeconds: astro.cpuSeconds + rest.cpuSeconds,
    peakBytes: Math.max(astro.peakBytes, rest.peakBytes),
    astroLine: `${pagesLine}, peak ${gb(astro.peakBytes)}; then search index and offline files ${rest.seconds.toFixed(1)} s, peak ${gb(rest.peakBytes)}`,
  };
}

/**
 * A copy of this project with `count` topics, in a fresh folder, so nothing cached by an earlier build is found.
 * Without cards it has no card routes (src/pages/og/), so no card is drawn.
 */
function ourProject(name: string, count: number, cards = true): string {
  const root = join(work, name);
  mkdirSync(root);
  for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'])
    cpSync(entry, join(root, entry), {
      recursive: true,
      filter: (source) => cards || source !== 'src/pages/og',
    });
  cpSync(CONTENT_DIR, join(root, 'content'), {
    recursive: true,
    filter: (source) => !resolve(source).startsWith(resolve(CONTENT_DIR, 'topics')),
  });
  mkdirSync(join(root, 'content/topics'));
  for (const topic of withSyntheticTopics(realTopics, count))
    writeFileSync(join(root, 'content/topics', `${topic.id}.md`), topic.text);
  linkPackages('node_modules', join(root, 'node_modules'));
  return root;
}

/**
 * The same topic pages as a Starlight site (src/dev/starlight-site.ts). Starlight, astro-og-canvas and the site's
 * Astro version are installed from the registry once per set of versions into a folder under the temporary
 * directory; the site is built there (its packages must not be symlinks, or Vite leaves its `astro:` imports to
 * Node), after removing every output and cache an earlier run left.
 */
function starlightProject(count: number, cards: boolean): string {
  const versions = Object.entries({ ...STARLIGHT_PACKAGES, astro: astroVersion });
  const root = join(
    tmpdir(),
    `atlas-bench-${versions.map(([name, version]) => `${name.split('/').pop()}-${version}`).join('-')}`,
  );
  if (!existsSync(join(root, 'node_modules/astro-og-canvas/package.json'))) {
    mkdirSync(root, { recursive: true });
    writeFileSync(
      join(root, 'package.json'),
      JSON.stringify({ name: 'atlas-bench-starlight', private: true, type: 'module' }),
    );
    const specs = versions.map(([name, version]) => `${name}@${version}`);
    console.log(`installing ${specs.join(', ')} from the registry into ${root} …`);
    const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', ...specs], { cwd: root, stdio: 'inherit' });
    if (npm.status !== 0) throw new Error(`npm install of Starlight failed (exit ${npm.status})`);
  }
  for (const stale of [
    'dist',
    '.astro',
    'src',
    'node_modules/.astro',
    'node_modules/.vite',
    'node_modules/.astro-og-canvas',
  ])
    rmSync(join(root, stale), { recursive: true, force: true });
  for (const [path, text] of Object.entries(starlightFiles(cards))) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  mkdirSync(join(root, 'src/fonts'));
  for (const font of CARD_FONTS) cpSync(join('src/assets/fonts', font), join(root, 'src/fonts', font));
  mkdirSync(join(root, 'src/content/docs/topics'));
  for (const topic of withSyntheticTopics(realTopics, count))
    writeFileSync(join(root, 'src/content/docs/topics', `${topic.id}.md`), starlightPage(topic.text));
  return root;
}

const line = (label: string, run: BuildRun & { astroLine: string }) =>
  console.log(
    `${label.padEnd(34)} ${String(run.pages).padStart(6)} pages ${run.seconds.toFixed(1).padStart(7)} s ${msPerPage(run).toFixed(1).padStart(6)} ms/page  cpu ${run.cpuSeconds.toFixed(0).padStart(4)} s  peak ${gb(run.peakBytes)}  (${run.astroLine})`,
  );
const versus = (label: string, ours: BuildRun, starlight: BuildRun) => {
  const c = compare(ours, starlight);
  console.log(
    `${label}: ours / Starlight per page ${c.wall.toFixed(2)}× wall (${msPerPage(ours).toFixed(1)} vs ${msPerPage(starlight).toFixed(1)} ms), ${c.cpu.toFixed(2)}× CPU; peak ${gb(ours.peakBytes)} vs ${gb(starlight.peakBytes)} (${c.peak.toFixed(2)}×)`,
  );
};

try {
  console.log(
    `bench:build in ${work}: cold builds, ${realTopics.length} real topics, ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at start`,
  );
  const large = await build(ourProject('large', topics));
  line(`ours, ${topics} topics, cards`, large);
  const plain = values['vs-starlight'] ? await build(ourProject('large-no-cards', topics, false)) : undefined;
  if (plain) line(`ours, ${topics} topics, no cards`, plain);
  if (small > 0) {
    const smallRun = await build(ourProject('small', small));
    line(`ours, ${small} topics, cards`, smallRun);
    const g = growth(smallRun, large);
    const at10k = large.seconds + ((10_000 - large.pages) * g.marginalMsPerPage) / 1000;
    console.log(
      `growth: time ∝ pages^${g.exponent.toFixed(2)} (1 = linear); each added page costs ${g.marginalMsPerPage.toFixed(1)} ms; 10,000 pages ≈ ${at10k.toFixed(0)} s`,
    );
    const cpu = growth({ ...smallRun, seconds: smallRun.cpuSeconds }, { ...large, seconds: large.cpuSeconds });
    console.log(
      `growth in CPU time: ∝ pages^${cpu.exponent.toFixed(2)}; each added page costs ${cpu.marginalMsPerPage.toFixed(1)} CPU ms`,
    );
  }
  if (plain) {
    const starlightCards = await build(starlightProject(topics, true), false);
    line(`Starlight, ${topics} topics, cards`, starlightCards);
    const starlightPlain = await build(starlightProject(topics, false), false);
    line(`Starlight, ${topics} topics, no cards`, starlightPlain);
    versus('with cards', large, starlightCards);
    versus('without cards', plain, starlightPlain);
  }
} finally {
  if (values.keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
