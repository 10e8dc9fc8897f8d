/**
 * Build time and tests only: the lab engines in Node, the same ones the page's workers load (PGlite, QuickJS,
 * sucrase for TypeScript), and a runner over them. Used by the labs unit test and `npm run labs:check`.
 */
import { PGlite } from '@electric-sql/pglite';
import variant from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant } from 'quickjs-emscripten-core';
import { transform } from 'sucrase';
import { runCodeLab, TYPESCRIPT_TRANSFORM } from './code-lab.ts';
import { type LabFields, type LabRun, toLabSpec } from './lab-spec.ts';
import { runSqlLab } from './sql-lab.ts';

/** TypeScript to JavaScript, types removed and nothing else changed: what the page's code worker does. */
export const transpileTypeScript = (code: string): string => transform(code, TYPESCRIPT_TRANSFORM).code;

export interface LabEngines {
  run(id: string, lab: LabFields, code: string): Promise<LabRun>;
  close(): Promise<void>;
}

export async function startLabEngines(): Promise<LabEngines> {
  const [db, quickjs] = await Promise.all([PGlite.create(), newQuickJSWASMModuleFromVariant(variant)]);
  return {
    run(id, lab, code) {
      const spec = toLabSpec(id, lab);
      return spec.language === 'sql'
        ? runSqlLab(db, spec, code)
        : Promise.resolve(runCodeLab(quickjs, spec, code, transpileTypeScript));
    },
    close: () => db.close(),
  };
}
