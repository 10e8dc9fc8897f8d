/**
 * `npm run content:check [dir]`: checks content/ (or dir) as the build does, without building pages: it runs Astro's
 * content sync, whose loaders check every file as they read it (src/lib/content/content-loader.ts). Files unchanged
 * since the last build or check come from Astro's cache, so a check after a build takes seconds.
 * Prints every problem as "file: field: message" and exits 1 if there is any.
 */
import { sync } from 'astro';
import { setContentDir } from '../environment.ts';

if (process.argv[2]) setContentDir(process.argv[2]);
try {
  // Astro's log says what was synced, and the content check's line how many files it checked.
  await sync({ logLevel: 'info' });
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
