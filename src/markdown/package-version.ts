/** Package versions that decide rendered HTML: part of the prose loader's and the diagram cache's keys. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The version of the package `name` that Node resolves from `dir` (the nearest node_modules up the tree). */
export function packageVersion(name: string, dir: string): string {
  for (let at = resolve(dir); ; at = dirname(at)) {
    const file = join(at, 'node_modules', name, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
    if (dirname(at) === at) throw new Error(`cannot find the ${name} package from ${dir}`);
  }
}
