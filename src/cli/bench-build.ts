/**
 * `npm run bench:build -- --topics N [--small M] [--vs-starlight] [--keep]`: how fast the site builds at scale.
 * Copies the project and its content into a temporary folder, adds synthetic topic pages derived from the real
 * ones until there are N topics, and builds cold (fresh folder, no Astro, Vite or share-card cache). Prints
 * seconds, ms per page and peak memory, then the same for a smaller run (M topics, default N/4) and how time
 * grows between the two. `--vs-starlight` builds the same N topic pages with Starlight, installed from the
 * registry into a temporary folder, and prints ours per page against Starlight's. `--keep` keeps the folder,
 * with each build's log (`build.log`, timestamped steps) beside it. Run by hand (with `nice`); nothing of it runs
 * in `npm test`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type BuildRun,
  completionWatcher,
  cpuTicks,
  growth,
  msPerPage,
  readBuildLog,
  rssBytes,
  starlightPage,
  type TopicFile,
  withSyntheticTopics,
} from '../dev/build-bench.ts';
import { CONTENT_DIR, entryIdOf } from '../lib/content/content-files.ts';
import { countHtml, linkPackages, processTree } from '../dev/bench-system.ts';

/** The Starlight release compared against; it must accept the Astro version the site uses. */
const STARLIGHT = '0.42.4';
/** Seconds a build may stay alive after printing "Complete!" before it is ended (Astro sometimes lingers). */
const LINGER_SECONDS = 10;
/** Astro's command line, run with Node in a project's folder. */
const ASTRO = 'node_modules/astro/bin/astro.mjs';
/** Clock ticks per second of /proc/<pid>/stat times. */
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

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
if (!Number.isInteger(topics) || topics < 1 || !Number.isInteger(small) || small < 1 || small >= topics) {
  console.error('usage: npm run bench:build -- --topics N [--small M < N] [--vs-starlight] [--keep]');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
const astroVersion = (JSON.parse(readFileSync('node_modules/astro/package.json', 'utf8')) as { version: string })
  .version;

/**
 * Runs a Node script in `root` and samples the memory and CPU of its process tree; `astro build` is timed to its
 * "Complete!" (Astro sometimes lingers), anything else to its exit.
 */
function run(root: string, script: string[]): Promise<BuildRun & { output: string }> {
  const astro = script[0] === ASTRO;
  return new Promise((done, fail) => {
    const started = performance.now();
    const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0' };
    delete env.ATLAS_CONTENT_DIR;
    const child = spawn(process.execPath, script, {
      cwd: root,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    const completes = completionWatcher();
    let seconds: number | undefined;
    let peakBytes = 0;
    let ticks = 0;
    const read = (file: string) => {
      try {
        return [readFileSync(file, 'utf8')];
      } catch {
        return [];
      }
    };
    const sampler = setInterval(() => {
      const tree = processTree(child.pid!);
      peakBytes = Math.max(peakBytes, rssBytes(tree.flatMap((p) => read(`/proc/${p}/status`))));
      ticks = Math.max(
        ticks,
        tree.flatMap((p) => read(`/proc/${p}/stat`)).reduce((sum, stat) => sum + cpuTicks(stat), 0),
      );
    }, 200);
    const onOutput = (chunk: Buffer) => {
      chunks.push(chunk);
      if (astro && completes(chunk.toString('utf8')) && seconds === undefined) {
        seconds = (performance.now() - started) / 1000;
        setTimeout(() => {
          if (child.exitCode === null) {
            console.log(`  (astro build stayed alive ${LINGER_SECONDS} s after "Complete!"; ending it)`);
            process.kill(-child.pid!, 'SIGTERM');
          }
        }, LINGER_SECONDS * 1000).unref();
      }
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    child.on('close', (code) => {
      clearInterval(sampler);
      const output = Buffer.concat(chunks).toString('utf8');
      if (!astro) seconds = (performance.now() - started) / 1000;
      if (seconds === undefined || (astro ? !readBuildLog(output).complete : code !== 0))
        return fail(new Error(`${script.join(' ')} in ${root} failed (exit ${code}):\n${output.slice(-4000)}`));
      done({ pages: countHtml(join(root, 'dist')), seconds, cpuSeconds: ticks / CLOCK_TICKS, peakBytes, output });
    });
  });
}

/**
 * Builds `root` as `npm run build` does: `astro build`, then (for our site) the search index and offline files in
 * a process of their own. Seconds and CPU add up; the peak is the higher of the two, as they never overlap.
 */
async function build(root: string, afterBuild = true): Promise<BuildRun & { astroLine: string }> {
  const astro = await run(root, [ASTRO, 'build']);
  writeFileSync(join(root, 'build.log'), astro.output); // each step's timestamps, for a profile (see --keep)
  const log = readBuildLog(astro.output);
  const pagesLine =
    log.pages === undefined ? '' : `Astro: ${log.pages} page(s) built in ${log.pagesSeconds!.toFixed(1)} s`;
  if (!afterBuild) return { ...astro, astroLine: pagesLine };
  const rest = await run(root, ['src/cli/after-build.ts']);
  return {
    pages: astro.pages,
    seconds: astro.seconds + rest.seconds,
    cpuSeconds: astro.cpuSeconds + rest.cpuSeconds,
    peakBytes: Math.max(astro.peakBytes, rest.peakBytes),
    astroLine: `${pagesLine}; then search index and offline files ${rest.seconds.toFixed(1)} s, peak ${gb(rest.peakBytes)}`,
  };
}

/** A copy of this project with `count` topics, in a fresh folder, so nothing cached by an earlier build is found. */
function ourProject(name: string, count: number): string {
  const root = join(work, name);
  mkdirSync(root);
  for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'])
    cpSync(entry, join(root, entry), { recursive: true });
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
 * The same topic pages as a Starlight site, with Starlight's defaults (Expressive Code, Pagefind) except the
 * sidebar: one link instead of every page, since a sidebar of N links on each of N pages grows quadratically.
 * Starlight and the site's Astro version are installed from the registry once per version pair into a folder
 * under the temporary directory; Starlight is built there (its packages must not be symlinks, or Vite leaves its
 * `astro:` imports to Node), after removing every output and cache an earlier run left.
 */
function starlightProject(count: number): string {
  const root = join(tmpdir(), `atlas-bench-starlight-${STARLIGHT}-astro-${astroVersion}`);
  if (!existsSync(join(root, 'node_modules/@astrojs/starlight/package.json'))) {
    mkdirSync(root, { recursive: true });
    writeFileSync(
      join(root, 'package.json'),
      JSON.stringify({ name: 'atlas-bench-starlight', private: true, type: 'module' }),
    );
    console.log(
      `installing @astrojs/starlight@${STARLIGHT} and astro@${astroVersion} from the registry into ${root} …`,
    );
    const npm = spawnSync(
      'npm',
      ['install', '--no-audit', '--no-fund', `@astrojs/starlight@${STARLIGHT}`, `astro@${astroVersion}`],
      { cwd: root, stdio: 'inherit' },
    );
    if (npm.status !== 0) throw new Error(`npm install of Starlight failed (exit ${npm.status})`);
  }
  for (const stale of ['dist', '.astro', 'src', 'node_modules/.astro', 'node_modules/.vite'])
    rmSync(join(root, stale), { recursive: true, force: true });
  mkdirSync(join(root, 'src/content/docs/topics'), { recursive: true });
  writeFileSync(
    join(root, 'astro.config.mjs'),
    `import starlight from '@astrojs/starlight';\nimport { defineConfig } from 'astro/config';\nexport default defineConfig({ integrations: [starlight({ title: 'Backend Atlas benchmark', sidebar: [{ label: 'Home', link: '/' }] })] });\n`,
  );
  writeFileSync(
    join(root, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n`,
  );
  writeFileSync(
    join(root, 'src/content/docs/index.md'),
    '---\ntitle: Backend Atlas benchmark\n---\n\nTopic pages built with Starlight.\n',
  );
  for (const topic of withSyntheticTopics(realTopics, count))
    writeFileSync(join(root, 'src/content/docs/topics', `${topic.id}.md`), starlightPage(topic.text));
  return root;
}

const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;
const line = (label: string, run: BuildRun & { astroLine: string }) =>
  console.log(
    `${label.padEnd(24)} ${String(run.pages).padStart(6)} pages ${run.seconds.toFixed(1).padStart(7)} s ${msPerPage(run).toFixed(1).padStart(6)} ms/page  cpu ${run.cpuSeconds.toFixed(0).padStart(4)} s  peak ${gb(run.peakBytes)}  (${run.astroLine})`,
  );

try {
  console.log(
    `bench:build in ${work}: cold builds, ${realTopics.length} real topics, ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at start`,
  );
  const large = await build(ourProject('large', topics));
  line(`ours, ${topics} topics`, large);
  const smallRun = await build(ourProject('small', small));
  line(`ours, ${small} topics`, smallRun);
  const g = growth(smallRun, large);
  const at10k = large.seconds + ((10_000 - large.pages) * g.marginalMsPerPage) / 1000;
  console.log(
    `growth: time ∝ pages^${g.exponent.toFixed(2)} (1 = linear); each added page costs ${g.marginalMsPerPage.toFixed(1)} ms; 10,000 pages ≈ ${at10k.toFixed(0)} s`,
  );
  const cpu = growth({ ...smallRun, seconds: smallRun.cpuSeconds }, { ...large, seconds: large.cpuSeconds });
  console.log(
    `growth in CPU time: ∝ pages^${cpu.exponent.toFixed(2)}; each added page costs ${cpu.marginalMsPerPage.toFixed(1)} CPU ms`,
  );
  if (values['vs-starlight']) {
    const starlight = await build(starlightProject(topics), false);
    line(`Starlight, ${topics} topics`, starlight);
    const cpuMs = (run: BuildRun) => (run.cpuSeconds * 1000) / run.pages;
    console.log(
      `ours / Starlight per page: ${(msPerPage(large) / msPerPage(starlight)).toFixed(2)}× wall (${msPerPage(large).toFixed(1)} vs ${msPerPage(starlight).toFixed(1)} ms), ${(cpuMs(large) / cpuMs(starlight)).toFixed(2)}× CPU (${cpuMs(large).toFixed(1)} vs ${cpuMs(starlight).toFixed(1)} ms)`,
    );
  }
} finally {
  if (values.keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
