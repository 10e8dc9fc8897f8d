/**
 * The JavaScript engine API requests run in (api-request.ts), for the page's worker and Node's alike: QuickJS with a
 * WebAssembly memory that cannot grow past REQUEST_MEMORY_MB, so a runaway allocation fails at once inside the
 * engine with "out of memory". QuickJS's own memory limit cannot count in this build (no malloc_usable_size).
 */
import {
  newQuickJSWASMModuleFromVariant,
  newVariant,
  type QuickJSSyncVariant,
  type QuickJSWASMModule,
} from 'quickjs-emscripten-core';
import { REQUEST_MEMORY_MB } from '../shared/lab-spec.ts';

/** WebAssembly pages (64 KiB) the engine starts with: the 16 MB its build asks for. */
const INITIAL_PAGES = 256;

export const cappedEngine = (variant: QuickJSSyncVariant): Promise<QuickJSWASMModule> =>
  newQuickJSWASMModuleFromVariant(
    newVariant(variant, {
      wasmMemory: new WebAssembly.Memory({ initial: INITIAL_PAGES, maximum: REQUEST_MEMORY_MB * 16 }),
    }),
  );
